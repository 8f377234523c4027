// `policyloc check` as a function: pages and the catalogs planned for each locale in, a report
// out. Reading files and printing stay in the CLI.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/check_page.h"
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

// A page cut for checking: its skeleton and units, or why it cannot be cut.
struct CheckPageCut {
    Skeleton skeleton;
    std::vector<PageUnit> units;
    Diagnostics diagnostics;
    bool ok = false;
};

// Cuts a page as check_run does (extract_page, no template).
std::shared_ptr<const CheckPageCut> check_cut_page(const CheckPage& page,
                                                   const ExtractOptions& options);

struct CheckOptions {
    std::optional<double> min_complete; // percent of source words, per page and locale
    std::vector<std::string> ignore;    // check ids silenced for the whole project
    Glossary glossary;
    // Cuts the page at this index of check_run's pages with these options; when set, check_run
    // asks it instead of calling check_cut_page itself (a project check shares the cuts
    // between locales whose catalogs call for the same options).
    std::function<std::shared_ptr<const CheckPageCut>(size_t, const ExtractOptions&)> cut_page;
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
