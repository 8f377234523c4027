// What `check` asks of a page in a locale: how much of it the locale's catalogs translate (the
// units of the page are the unit and field slots of its skeleton, as merge counts them), and
// which translations the merge's structure guard would reject on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/check_report.h"
#include "policyloc/extract.h"
#include "policyloc/stats.h"

namespace policyloc {

class LineBreaker;

// One catalog of a locale, with the path it was read from.
struct LocaleCatalog {
    std::string path;
    const Catalog* catalog = nullptr;
};

// A unit of a page: a unit or field slot of its skeleton.
struct PageUnit {
    std::optional<std::string> context;
    std::string source;
    int line = 0;
    std::vector<InlineCode> codes; // protected spans (field slots have none)
};

std::vector<PageUnit> page_units(const Skeleton& skeleton);

// Completeness of a page in a locale: each unit counts by the first catalog that has it;
// units no catalog has are `missing`.
PageCompleteness completeness_of_page(const std::string& page, const std::string& locale,
                                      const std::vector<PageUnit>& units,
                                      const std::vector<LocaleCatalog>& catalogs,
                                      WordCounter& words);

// Completeness of a catalog by itself (as `stats` counts it).
CatalogCompleteness completeness_of_catalog(const std::string& path, const std::string& locale,
                                            const Catalog& catalog);

// A translation of `catalog` that merging `page` would not use because it is broken: it would
// change the page's block structure ("structure"), drops or alters a protected span
// ("protected-span"), or cannot be written into the front matter ("structure").
struct PageFinding {
    std::string id;
    std::string unit_id;
    int page_line = 0;
    std::string message;   // English: the report's data
    std::string text = {}; // the user's language; empty: the message
};

// Runs the merge (merge_page) of the page with `catalog` alone and reports the units that fell
// back because their translation was broken. `line_breaker`, when given, is reused from one
// page to the next (MergeOptions::line_breaker).
std::vector<PageFinding> check_page_merge(std::string_view page, const Skeleton& skeleton,
                                          const LocaleCatalog& catalog, const std::string& locale,
                                          LineBreaker* line_breaker = nullptr);

} // namespace policyloc
