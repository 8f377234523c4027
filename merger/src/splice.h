// The splice: literals of the page copied byte for byte, each slot filled with the first usable
// translation of the chain at or after the level the structure guard allows it (private to the
// merger).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policyloc/dates.h"
#include "policyloc/merge.h"
#include "policyloc/reflow.h"

namespace policyloc::detail {

// What went into a slot.
struct Choice {
    std::string text;   // the translation, or the source text
    size_t catalog = 0; // index in the chain, or the chain's size for the source text
    std::optional<FallbackReason> reason; // why the first catalog was not used
};

class Splicer {
  public:
    Splicer(std::string_view page, const Skeleton& skeleton,
            const std::vector<CatalogSource>& chain, const MergeOptions& options);

    // The page with every slot filled. `skip[i]`: how many catalogs of the chain, from the
    // first, slot i may not use (the structure guard rejected them); the chain's size leaves
    // the slot's source text.
    std::string splice(const std::vector<size_t>& skip);

    // Of the last splice: each slot's byte range in the output and what filled it.
    const std::vector<std::pair<size_t, size_t>>& out_ranges() const { return out_ranges_; }
    const std::vector<Choice>& choices() const { return choices_; }
    // Warnings about translations not used and dates not written, each once.
    const Diagnostics& diagnostics() const { return diagnostics_; }

  private:
    std::string_view page_;
    const Skeleton& skeleton_;
    const std::vector<CatalogSource>& chain_;
    const MergeOptions& options_;
    DateFormatter own_dates_;
    LineBreaker own_line_breaker_;
    DateFormatter& dates_;      // the options', or our own
    LineBreaker& line_breaker_; // one ICU line break iterator for every paragraph of the page
    std::vector<std::pair<size_t, size_t>> out_ranges_;
    std::vector<Choice> choices_;
    Diagnostics diagnostics_;
    std::set<std::string> warned_;                       // warnings given, each once
    std::map<std::pair<size_t, size_t>, bool> field_ok_; // (slot, catalog) -> round trips

    void warn(const SlotSpan& at, const std::string& message);
    Choice choose(size_t index, size_t skip);
    std::optional<FallbackReason> refusal(size_t index, size_t catalog, const Unit* unit);
    std::optional<double> date_for(const DateExpression& e) const;
    bool source_locale() const;
    // `starts_line`: the text starts a line of its block, where a date such as "28. November"
    // would open a list; such a date is escaped.
    std::string render_dates(std::string text, const std::vector<DateAction>& dates,
                             std::vector<std::pair<size_t, size_t>>* rendered,
                             bool starts_line = false);
    bool starts_block_line(size_t pos) const;
    bool field_round_trips(size_t index, size_t catalog, const std::string& value);
    std::string fill_field(const FieldSlot& slot, const Choice& choice) const;
    std::string fill_unit(const UnitSlot& slot, const Choice& choice);
    std::string fill_cell(const UnitSlot& slot, const std::string& translation,
                          const std::vector<std::string_view>& protected_texts);
    std::string wrap_segment(const UnitSlot& slot, std::string seg, size_t index,
                             const std::vector<std::pair<size_t, size_t>>& keep, size_t width,
                             const std::vector<std::string_view>& protected_texts);
};

} // namespace policyloc::detail
