// Merge: a page, its skeleton and translated catalogs -> the localized page. Every byte
// outside the slots is copied unchanged; slots are filled with translations that keep the
// page's block structure and every protected span, or else with a fallback. Which catalogs
// make the chain is the merge plan's decision (merge_plan.h).
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

class DateFormatter;
class LineBreaker;

enum class DateMode { render, keep };
enum class WrapMode { source, none, width };

struct MergeOptions {
    std::string locale;     // BCP 47 target locale, Unicode extensions included
    bool use_fuzzy = false; // fuzzy translations are used only when asked
    DateMode dates = DateMode::render;
    std::optional<double> date;          // ms since the epoch (--date); overrides the page's
    std::optional<double> fallback_date; // when the page has no date (git commit, mtime)
    std::string time_zone = "UTC";
    WrapMode wrap = WrapMode::source;
    size_t wrap_width = 0; // for WrapMode::width
    // ICU objects a caller reuses across its merges on one thread (a build's worker): creating
    // them costs more than merging a small page. Null: the merge makes its own.
    LineBreaker* line_breaker = nullptr;
    DateFormatter* date_formatter = nullptr;
};

// One catalog of the fallback chain, most specific first; `name` is used in diagnostics.
struct CatalogSource {
    std::string name;
    const Catalog* catalog = nullptr;
};

// Why a slot was not filled from the first catalog of the chain.
enum class FallbackReason {
    untranslated,
    fuzzy,
    protected_span_changed,
    would_change_structure,
    front_matter_cannot_hold,
};
const char* fallback_reason_name(FallbackReason reason); // "untranslated", ...

struct Fallback {
    std::string unit_id;
    int line = 0;
    std::string source;
    FallbackReason reason = FallbackReason::untranslated;
    std::string used; // the catalog name that supplied the text, or "source"
};

struct MergeStats {
    size_t units = 0;      // unit and field slots of the page
    size_t translated = 0; // filled from the first catalog of the chain
    size_t from_fallback_catalog = 0;
    size_t source_text = 0; // left in the source language
    // Source words of the page's unit and field slots, and of those filled from the first
    // catalog of the chain (ICU word breaks, as catalog statistics count them).
    size_t words = 0;
    size_t words_translated = 0;
    std::vector<Fallback> fallbacks;
    std::map<FallbackReason, size_t> reasons; // reason -> count of slots
    // Percent of the page's source words translated by the first catalog (100 for a page
    // without words): what --min-complete compares with.
    double percent_words_translated() const;
};

struct MergeResult {
    std::string output;
    Diagnostics diagnostics;
    MergeStats stats;
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

MergeResult merge_page(std::string_view page, const Skeleton& skeleton,
                       const std::vector<CatalogSource>& chain, const MergeOptions& options);

// Counts the source words of every slot once, into skeleton.source_words, so that merges of the
// page into many locales do not count them again.
void skeleton_count_words(Skeleton& skeleton);

// Whether a merge meets a --min-complete threshold (percent of the page's source words).
bool merge_meets_threshold(const MergeStats& stats, std::optional<double> min_complete);

} // namespace policyloc
