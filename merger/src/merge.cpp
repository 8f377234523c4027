// merge_page: the splice, the structure guard, then what the page got from where.
#include "policyloc/merge.h"

#include "policyloc/i18n.h"
#include "policyloc/stats.h"
#include "splice.h"
#include "structure_guard.h"

namespace policyloc {

const char* fallback_reason_name(FallbackReason reason) {
    switch (reason) {
    case FallbackReason::untranslated:
        return _("untranslated");
    case FallbackReason::fuzzy:
        return _("fuzzy");
    case FallbackReason::protected_span_changed:
        return _("protected span changed");
    case FallbackReason::would_change_structure:
        return _("would change the page structure");
    case FallbackReason::front_matter_cannot_hold:
        return _("front matter cannot hold the value");
    }
    return _("untranslated");
}

double MergeStats::percent_words_translated() const {
    if (words == 0) return 100.0;
    return 100.0 * static_cast<double>(words_translated) / static_cast<double>(words);
}

bool merge_meets_threshold(const MergeStats& stats, std::optional<double> min_complete) {
    return !min_complete || stats.percent_words_translated() + 1e-9 >= *min_complete;
}

namespace {

std::string excerpt(const std::string& text) {
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// Counts what filled each unit and field slot, and notes each slot not filled from the first
// catalog of the chain.
MergeStats count_slots(const Skeleton& skeleton, const std::vector<CatalogSource>& chain,
                       const std::vector<detail::Choice>& choices, Diagnostics& diagnostics) {
    MergeStats st;
    WordCounter words;
    for (size_t i = 0; i < skeleton.slots.size(); ++i) {
        const Slot& slot = skeleton.slots[i];
        if (std::holds_alternative<DateSlot>(slot)) continue;
        const auto* unit = std::get_if<UnitSlot>(&slot);
        const std::string& source = unit ? unit->source : std::get<FieldSlot>(slot).source;
        const auto& context = unit ? unit->context : std::get<FieldSlot>(slot).context;
        const SlotSpan& span = slot_span(slot);
        size_t n =
            i < skeleton.source_words.size() ? skeleton.source_words[i] : words.count(source);
        ++st.units;
        st.words += n;
        const detail::Choice& ch = choices[i];
        if (ch.catalog == 0 && !chain.empty()) {
            ++st.translated;
            st.words_translated += n;
            continue;
        }
        Fallback fb;
        fb.unit_id = unit_id(context, source);
        fb.line = span.line;
        fb.source = source;
        fb.reason = ch.reason.value_or(FallbackReason::untranslated);
        fb.used = ch.catalog < chain.size() ? chain[ch.catalog].name : "source";
        if (ch.catalog < chain.size())
            ++st.from_fallback_catalog;
        else
            ++st.source_text;
        ++st.reasons[fb.reason];
        diagnostics.push_back({Severity::note, skeleton.file, span.line, span.column,
                               i18n_format(_("unit %s (%s) taken from %s: \"%s\""),
                                           fb.unit_id.c_str(), fallback_reason_name(fb.reason),
                                           fb.used.c_str(), excerpt(source).c_str())});
        st.fallbacks.push_back(std::move(fb));
    }
    return st;
}

} // namespace

void skeleton_count_words(Skeleton& skeleton) {
    WordCounter words;
    skeleton.source_words.assign(skeleton.slots.size(), 0);
    for (size_t i = 0; i < skeleton.slots.size(); ++i) {
        if (const auto* unit = std::get_if<UnitSlot>(&skeleton.slots[i]))
            skeleton.source_words[i] = words.count(unit->source);
        else if (const auto* field = std::get_if<FieldSlot>(&skeleton.slots[i]))
            skeleton.source_words[i] = words.count(field->source);
    }
}

MergeResult merge_page(std::string_view page, const Skeleton& skeleton,
                       const std::vector<CatalogSource>& chain, const MergeOptions& options) {
    detail::Splicer splicer(page, skeleton, chain, options);
    detail::GuardResult guarded = detail::guard_structure(splicer, page, skeleton, chain.size());
    MergeResult result;
    result.diagnostics = std::move(guarded.diagnostics);
    for (size_t i = 0; i < skeleton.slots.size(); ++i) {
        if (guarded.rejected[i] == 0) continue;
        const auto& bad = std::get<UnitSlot>(skeleton.slots[i]);
        result.diagnostics.push_back({Severity::warning, skeleton.file, bad.span.line,
                                      bad.span.column,
                                      i18n_format(_("translation of unit %s in %s would change "
                                                    "the page's block structure; not used"),
                                                  unit_id(bad.context, bad.source).c_str(),
                                                  chain[guarded.rejected[i] - 1].name.c_str())});
    }
    for (const Diagnostic& d : splicer.diagnostics()) result.diagnostics.push_back(d);
    result.stats = count_slots(skeleton, chain, splicer.choices(), result.diagnostics);
    result.output = std::move(guarded.output);
    return result;
}

} // namespace policyloc
