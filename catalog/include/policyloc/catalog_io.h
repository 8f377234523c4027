// Reading and writing catalogs in PO (libgettextpo) and XLIFF 1.2 / 2.0 (pugixml).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/diagnostic.h"
#include "policyloc/file_io.h"

namespace policyloc {

enum class CatalogFormat { po, xliff12, xliff20 };

// From the file extension: .po/.pot -> po; .xlf/.xliff -> the given XLIFF version.
std::optional<CatalogFormat>
catalog_format_for_path(std::string_view path,
                        CatalogFormat xliff_version = CatalogFormat::xliff12);

struct CatalogReadResult {
    std::optional<Catalog> catalog;           // empty when the input could not be read
    CatalogFormat format = CatalogFormat::po; // what was read (the XLIFF version found)
    Diagnostics diagnostics;
};

struct CatalogWriteResult {
    std::optional<std::string> text; // empty on error
    Diagnostics diagnostics;
};

// libgettextpo's default PO reader and writer pass every character through iconv, even from
// UTF-8 to UTF-8 (more than half of reading a catalog); its older code paths, chosen by the
// environment variables OLD_PO_FILE_INPUT and OLD_PO_FILE_OUTPUT, read and write UTF-8 catalogs
// byte for byte the same. Sets both for the process, unless the user set them; a program calls
// it once, before it starts threads. po_read_file still reads a file that is not valid UTF-8
// (Shift_JIS, Big5, ...) through iconv: byte by byte its characters could be misread.
void po_prefer_byte_io();

// PO through libgettextpo (which reads files; `display_name` is used in diagnostics).
CatalogReadResult po_read_file(const std::string& path, const std::string& display_name = {});
// Writes the catalog as PO text (a POT when no unit has a target). Inline codes are listed in
// an extracted comment ("{N} KIND: TEXT") that po_read_file turns back into codes.
CatalogWriteResult po_write(const Catalog& catalog);
// Writes the catalog as a PO file: libgettextpo writes a temporary file beside `path` that is
// renamed over it (atomic_file.h), only when the content changes.
FileWriteResult po_write_file(const Catalog& catalog, const std::string& path);

// XLIFF 1.2 or 2.0 (detected from the document). Documents with a DOCTYPE, or with elements
// nested more than 1,000 deep, are rejected. A unit's formatting (Unit::markup) is a pair of
// codes; a target whose codes are not the source's (one missing, extra or unbalanced) is read
// as fuzzy, with a warning.
CatalogReadResult xliff_read(std::string_view xml, const std::string& display_name);
// A catalog of several pages is written with a <file> per page (a unit goes in the file of its
// first reference's page), unless a page's units are interleaved with another's.
CatalogWriteResult xliff_write(const Catalog& catalog, CatalogFormat version);
// One document with a <file> per catalog (a hand-off of several pages). The document's
// languages (2.0 srcLang and trgLang) are the first catalog's; xliff_read gives back one catalog
// with the units of every file.
CatalogWriteResult xliff_write_files(const std::vector<const Catalog*>& files,
                                     CatalogFormat version);

// Dispatch on the file extension (for XLIFF the version comes from the content).
CatalogReadResult catalog_read_file(const std::string& path);
CatalogWriteResult catalog_write(const Catalog& catalog, CatalogFormat format);
// Writes a catalog file atomically, only when its content changes; "-" is standard output.
FileWriteResult catalog_write_file(const Catalog& catalog, const std::string& path,
                                   CatalogFormat format);

} // namespace policyloc
