// Writing a page template over a catalog file: a new file gets the template; an existing
// catalog is updated (translations kept, fuzzy matches, obsolete units) and rewritten only when
// its content changes. Shared by extract and update.
#pragma once

#include <string>

#include "policyloc/catalog_io.h"
#include "policyloc/update.h"

namespace policyloc::cli {

struct TemplateWrite {
    bool ok = false;
    bool updated = false; // an existing catalog was updated (stats are meaningful)
    UpdateStats stats;
};

TemplateWrite write_template(const Catalog& page_template, const std::string& path,
                             CatalogFormat format, const UpdateOptions& options);

// "de.po: 140 kept, 3 fuzzy, 2 new, 1 obsolete, 0 revived"
std::string update_summary(const std::string& path, const UpdateStats& stats);

} // namespace policyloc::cli
