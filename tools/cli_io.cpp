#include "cli_io.h"

#include <iostream>

#include "policyloc/atomic_file.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/markup_pairs.h"

namespace policyloc::cli {

void print(const Diagnostics& ds, bool quiet) {
    for (const auto& d : ds)
        if (!quiet || d.severity != Severity::note) std::cerr << diagnostic_format(d) << '\n';
}

int usage_error(const std::string& message) {
    print({{Severity::error, "policyloc", 0, 0, message}});
    return exit_bad_input;
}

CatalogFormat xliff_format(const std::string& version) {
    return version == "2.0" ? CatalogFormat::xliff20 : CatalogFormat::xliff12;
}

std::optional<Catalog> load_catalog(const std::string& path, CatalogFormat* format) {
    CatalogReadResult r = catalog_read_file(path);
    if (format) *format = r.format;
    print(r.diagnostics);
    if (!r.catalog || diagnostics_have_error(r.diagnostics)) return std::nullopt;
    return std::move(r.catalog);
}

bool write_output(const std::string& path, const std::string& content, WriteDurability durability) {
    FileWriteResult w = file_write_atomic(path, content, durability);
    print(w.diagnostics);
    return w.outcome != WriteOutcome::failed;
}

namespace {

bool write_as_is(const Catalog& catalog, const std::string& path, CatalogFormat format) {
    FileWriteResult w = catalog_write_file(catalog, path, format);
    print(w.diagnostics);
    return w.outcome != WriteOutcome::failed;
}

} // namespace

bool write_catalog(Catalog&& catalog, const std::string& path, CatalogFormat format) {
    // XLIFF carries inline formatting as paired codes; a catalog read from PO has none yet.
    if (format != CatalogFormat::po) markup_annotate(catalog);
    return write_as_is(catalog, path, format);
}

bool write_catalog(const Catalog& catalog, const std::string& path, CatalogFormat format) {
    if (format != CatalogFormat::po) return write_catalog(Catalog(catalog), path, format);
    return write_as_is(catalog, path, format);
}

bool output_apart_from_inputs(const std::string& output, const std::vector<std::string>& inputs) {
    if (output == "-") return true;
    for (const std::string& input : inputs)
        if (input != "-" && file_same(output, input)) {
            print({{Severity::error, output, 0, 0,
                    i18n_format(_("the output is the input %s; nothing written (choose another "
                                  "-o)"),
                                input.c_str())}});
            return false;
        }
    return true;
}

} // namespace policyloc::cli
