// `policyloc check` as a function: pages and the catalogs planned for each locale in, a report
// out. Reading files and printing stay in the CLI.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/check_plan.h"
#include "policyloc/check_report.h"
#include "policyloc/glossary.h"

namespace policyloc {

struct CheckPage {
    std::string path;
    std::string text;
};

// A catalog read for a check target.
struct CheckCatalog {
    CheckTarget target;
    Catalog catalog;
};

struct CheckOptions {
    std::optional<double> min_complete; // percent of source words, per page and locale
    std::vector<std::string> ignore;    // check ids silenced for the whole project
    Glossary glossary;
};

struct CheckRunResult {
    CheckReport report;
    Diagnostics diagnostics; // a page that cannot be extracted (exit 2)
};

// Completeness of every page in every locale (without pages: of every catalog), the quality
// checks of every translated unit, the merge's verdict on each page, consistency within each
// locale and the glossary. Problems silenced by `ignore` or by a unit's
// "policyloc-ignore: ID" comment are left out and counted.
CheckRunResult check_run(const std::vector<CheckPage>& pages,
                         const std::vector<CheckCatalog>& catalogs, const CheckOptions& options);

} // namespace policyloc
