#include <sys/stat.h>

#include <string>

#include "policyloc/atomic_file.h"
#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace {

std::string lower_extension(std::string_view path) {
    size_t slash = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return {};
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

} // namespace

std::optional<CatalogFormat> catalog_format_for_path(std::string_view path,
                                                     CatalogFormat xliff_version) {
    const std::string ext = lower_extension(path);
    if (ext == "po" || ext == "pot") return CatalogFormat::po;
    if (ext == "xlf" || ext == "xliff")
        return xliff_version == CatalogFormat::po ? CatalogFormat::xliff12 : xliff_version;
    return std::nullopt;
}

CatalogReadResult catalog_read_file(const std::string& path) {
    auto format = catalog_format_for_path(path);
    if (!format) {
        CatalogReadResult r;
        r.diagnostics.push_back({Severity::error, path, 0, 0,
                                 _("unknown catalog format (expected .po, .pot, .xlf or .xliff)")});
        return r;
    }
    if (*format == CatalogFormat::po) return po_read_file(path, path);
    FileReadResult bytes = file_read(path);
    if (!bytes.content) {
        CatalogReadResult r;
        r.diagnostics = std::move(bytes.diagnostics);
        if (!diagnostics_have_error(r.diagnostics))
            r.diagnostics.push_back({Severity::error, path, 0, 0, _("cannot read file")});
        return r;
    }
    return xliff_read(*bytes.content, path);
}

CatalogWriteResult catalog_write(const Catalog& catalog, CatalogFormat format) {
    if (format == CatalogFormat::po) return po_write(catalog);
    return xliff_write(catalog, format);
}

FileWriteResult catalog_write_file(const Catalog& catalog, const std::string& path,
                                   CatalogFormat format) {
    if (format == CatalogFormat::po && path != "-") {
        struct stat st {};
        const std::string target = file_write_target(path);
        if (::stat(target.c_str(), &st) != 0 || S_ISREG(st.st_mode))
            return po_write_file(catalog, path);
    }
    CatalogWriteResult text = catalog_write(catalog, format);
    FileWriteResult r;
    if (text.text) r = file_write_atomic(path, *text.text);
    text.diagnostics.insert(text.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    r.diagnostics = std::move(text.diagnostics);
    return r;
}

} // namespace policyloc
