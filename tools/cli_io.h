// What every subcommand does at its edges: print diagnostics to standard error, read and write
// catalogs and files, each failure reported through Diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog_io.h"
#include "policyloc/diagnostic.h"

namespace policyloc::cli {

enum ExitCode { exit_ok = 0, exit_check_failed = 1, exit_bad_input = 2 };

// Prints diagnostics as "file:line:col: severity: message"; `quiet` leaves out notes (never
// warnings or errors).
void print(const Diagnostics& ds, bool quiet = false);

// Prints a usage error ("policyloc: error: ...") and returns exit_bad_input.
int usage_error(const std::string& message);

CatalogFormat xliff_format(const std::string& version);

// Reads a catalog; prints its diagnostics; empty on failure. `format` gets the format read
// (the XLIFF version found in the document).
std::optional<Catalog> load_catalog(const std::string& path, CatalogFormat* format = nullptr);

// Writes atomically, only when the content changed; prints diagnostics; false on failure.
bool write_output(const std::string& path, const std::string& content,
                  WriteDurability durability = WriteDurability::durable);
bool write_catalog(const Catalog& catalog, const std::string& path, CatalogFormat format);
// The same for a catalog the caller gives up: XLIFF's formatting codes are added to it in
// place instead of to a copy (a catalog of 100,000 units is hundreds of MB).
bool write_catalog(Catalog&& catalog, const std::string& path, CatalogFormat format);

// False, with an error printed, when `output` is one of `inputs` (the same file, also through
// a symbolic or hard link): writing it would destroy an input.
bool output_apart_from_inputs(const std::string& output, const std::vector<std::string>& inputs);

} // namespace policyloc::cli
