#include "verbatim_regions.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>

#include "liquid.h"
#include "protected_spans.h"

namespace policyloc {

bool is_verbatim_shortcode(std::string_view name) {
    static constexpr std::string_view names[] = {"highlight", "code-toggle", "code",  "math",
                                                 "katex",     "mermaid",     "chart", "raw",
                                                 "datatable", "csv",         "html"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

namespace {

// For each tag, the end of the next closing tag of its name (npos: none). `closing_name`
// gives the name a tag closes ("" when it closes nothing); `opens` whether a tag opens a
// region. Tags are walked once from the last, remembering the nearest closing tag per name.
template <class Tag, class ClosingName, class Opens>
void pair_tags(const std::vector<Tag>& tags, size_t offset, ClosingName closing_name, Opens opens,
               std::vector<std::pair<size_t, size_t>>& out) {
    std::map<std::string, size_t, std::less<>> next_close;
    for (size_t i = tags.size(); i-- > 0;) {
        if (opens(tags[i])) {
            auto it = next_close.find(tags[i].name);
            if (it != next_close.end())
                out.emplace_back(offset + tags[i].begin, offset + it->second);
        }
        std::string closes = closing_name(tags[i]);
        if (!closes.empty()) next_close[closes] = tags[i].end;
    }
}

} // namespace

VerbatimRegions::VerbatimRegions(std::string_view body, size_t body_offset) {
    pair_tags(
        scan_shortcode_tags(body), body_offset,
        [](const ShortcodeTag& t) { return t.closing ? t.name : std::string(); },
        [](const ShortcodeTag& t) {
            return !t.closing && !t.self_closing && !t.unclosed && is_verbatim_shortcode(t.name);
        },
        regions_);
    // Liquid's end tag of "raw" is "endraw".
    pair_tags(
        scan_liquid_tags(body), body_offset,
        [](const LiquidTag& t) {
            return t.name.starts_with("end") ? t.name.substr(3) : std::string();
        },
        [](const LiquidTag& t) { return !t.unclosed && is_verbatim_liquid_tag(t.name); }, regions_);
    std::sort(regions_.begin(), regions_.end());
    max_end_.reserve(regions_.size());
    for (const auto& r : regions_)
        max_end_.push_back(max_end_.empty() ? r.second : std::max(max_end_.back(), r.second));
}

bool VerbatimRegions::contains(size_t pos) const {
    // The regions that begin at or before pos: one of them holds pos when the farthest end
    // among them lies past it.
    auto it = std::upper_bound(regions_.begin(), regions_.end(), pos,
                               [](size_t p, const auto& r) { return p < r.first; });
    if (it == regions_.begin()) return false;
    return max_end_[static_cast<size_t>(it - regions_.begin()) - 1] > pos;
}

} // namespace policyloc
