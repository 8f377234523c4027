#include "template_writer.h"

#include <filesystem>

#include "cli_io.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

std::string update_summary(const std::string& path, const UpdateStats& s) {
    return path + ": " +
           i18n_format(_("%zu kept, %zu fuzzy, %zu new, %zu obsolete, %zu revived"), s.kept,
                       s.fuzzy, s.added, s.obsoleted, s.revived);
}

ExistingCatalog existing_catalog_read(const std::string& path) {
    ExistingCatalog e;
    e.exists = path != "-" && fs::exists(path);
    if (e.exists) e.catalog = load_catalog(path, &e.format);
    return e;
}

TemplateWrite write_template(const Catalog& page_template, const std::string& path,
                             CatalogFormat format, const UpdateOptions& options,
                             const ExistingCatalog& existing) {
    TemplateWrite result;
    if (!existing.exists) {
        result.ok = write_catalog(page_template, path, format);
        return result;
    }
    if (!existing.catalog) {
        print({{Severity::error, path, 0, 0,
                _("the existing file is not a readable catalog; not replaced")}});
        return result;
    }
    // An existing XLIFF file keeps its version.
    if (format != CatalogFormat::po) format = existing.format;
    if (!catalog_has_translations(*existing.catalog)) {
        result.ok = write_catalog(page_template, path, format);
        return result;
    }
    Catalog updated = catalog_update(*existing.catalog, page_template, &result.stats, options);
    if (auto keys = page_template.header_field(kKeysHeaderField))
        updated.set_header_field(kKeysHeaderField, *keys);
    result.updated = true;
    result.ok = write_catalog(updated, path, format);
    return result;
}

} // namespace policyloc::cli
