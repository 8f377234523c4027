// Writing a page template over a catalog file: a new file gets the template; an existing
// catalog is updated (translations kept, fuzzy matches, obsolete units) and rewritten only when
// its content changes. Shared by extract and update.
#pragma once

#include <optional>
#include <string>

#include "policyloc/catalog_io.h"
#include "policyloc/update.h"

namespace policyloc::cli {

struct TemplateWrite {
    bool ok = false;
    bool updated = false; // an existing catalog was updated (stats are meaningful)
    UpdateStats stats;
};

// What is at the output path before the write: nothing, or a catalog read once (its format
// is the XLIFF version found, which an update keeps).
struct ExistingCatalog {
    bool exists = false;
    std::optional<Catalog> catalog; // empty when it exists but cannot be read
    CatalogFormat format = CatalogFormat::po;
};
ExistingCatalog existing_catalog_read(const std::string& path);

TemplateWrite write_template(const Catalog& page_template, const std::string& path,
                             CatalogFormat format, const UpdateOptions& options,
                             const ExistingCatalog& existing);

// "de.po: 140 kept, 3 fuzzy, 2 new, 1 obsolete, 0 revived"
std::string update_summary(const std::string& path, const UpdateStats& stats);

} // namespace policyloc::cli
