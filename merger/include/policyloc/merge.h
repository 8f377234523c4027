// Merge: a page, its skeleton and translated catalogs -> the localized page. Every byte
// outside the slots is copied unchanged; slots are filled with translations that keep the
// page's block structure and every protected span, or else with a fallback.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/diagnostic.h"
#include "policyloc/extract.h"

namespace policyloc {

enum class DateMode { render, keep };
enum class WrapMode { source, none, width };

struct MergeOptions {
    std::string locale;     // BCP 47 target locale
    bool use_fuzzy = false; // fuzzy translations are used only when asked
    DateMode dates = DateMode::render;
    std::optional<double> date;          // ms since the epoch (--date); overrides the page's
    std::optional<double> fallback_date; // when the page has no date (git commit, mtime)
    std::string time_zone = "UTC";
    WrapMode wrap = WrapMode::source;
    size_t wrap_width = 0; // for WrapMode::width
};

// One catalog of the fallback chain, most specific first; `name` is used in diagnostics.
struct CatalogSource {
    std::string name;
    const Catalog* catalog = nullptr;
};

struct Fallback {
    std::string unit_id;
    int line = 0;
    std::string source;
    std::string reason; // "untranslated", "fuzzy", "protected span changed", ...
    std::string used;   // the catalog name that supplied the text, or "source"
};

struct MergeStats {
    size_t units = 0;      // unit and field slots
    size_t translated = 0; // filled from the first catalog of the chain
    size_t from_fallback_catalog = 0;
    size_t source_text = 0; // left in the source language
    std::vector<Fallback> fallbacks;
    std::map<std::string, size_t> reasons; // reason -> count of slots
};

struct MergeResult {
    std::string output;
    Diagnostics diagnostics;
    MergeStats stats;
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

MergeResult merge_page(std::string_view page, const Skeleton& skeleton,
                       const std::vector<CatalogSource>& chain, const MergeOptions& options);

// The CLDR parent chain of a BCP 47 locale, the locale first, root excluded:
// de-CH -> de-CH, de; es-MX -> es-MX, es-419, es; zh-Hant-HK -> zh-Hant-HK, zh-Hant.
std::vector<std::string> locale_parent_chain(std::string_view bcp47);


} // namespace policyloc
