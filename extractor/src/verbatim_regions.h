// Regions of a page body whose text is code or data, never Markdown for translators: a
// verbatim shortcode's "{{< highlight >}} ... {{< /highlight >}}" and Liquid's
// "{% raw %} ... {% endraw %}" (private to the extractor).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace policyloc {

class VerbatimRegions {
  public:
    // The regions of `body`, as page offsets (`body_offset` is the body's first byte). Each
    // opening tag pairs with the next closing tag of its name; in time n log n in the tags.
    VerbatimRegions(std::string_view body, size_t body_offset);

    // Whether the page offset lies inside a region (log n).
    bool contains(size_t pos) const;

    const std::vector<std::pair<size_t, size_t>>& regions() const { return regions_; }

  private:
    std::vector<std::pair<size_t, size_t>> regions_; // sorted by begin
    std::vector<size_t> max_end_;                    // max end of regions_[0..k]
};

// Shortcodes whose inner text is code or data.
bool is_verbatim_shortcode(std::string_view name);

} // namespace policyloc
