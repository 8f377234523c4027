// How alike two unit sources are, as gettext's msgmerge measures it: 2 * (characters in
// common, in order) / (total length), from 0 (nothing in common) to 1 (equal).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc {

// msgmerge's threshold for offering an old translation as a fuzzy match.
inline constexpr double kFuzzyThreshold = 0.6;

// The similarity of `a` and `b` (bytes), or a value below `lower_bound` whenever the true
// similarity is below it: the comparison stops as soon as the bound cannot be reached, so
// checking many dissimilar candidates is cheap (Myers' O(ND) difference algorithm).
double text_similarity(std::string_view a, std::string_view b, double lower_bound = 0.0);

// The source with each protected span (inline code) replaced by one U+FFFC, so that a changed
// URL or template action counts as one character, not as many.
std::string masked_source(const Unit& unit);

// An index of candidate units for fuzzy matching: looks up, for a new source, the candidate
// whose masked source is most similar and more than `threshold` similar.
class FuzzyIndex {
  public:
    explicit FuzzyIndex(double threshold = kFuzzyThreshold) : threshold_(threshold) {}
    // Adds a candidate; `id` is the caller's handle for it.
    void add(const Unit& unit, size_t id);
    struct Match {
        size_t id = 0;
        double similarity = 0;
    };
    // The best candidate for `unit` (ties: the first added), if any is above the threshold.
    // Contexts need not agree; a candidate without context or with the same context gets a
    // small advantage, as in msgmerge.
    std::optional<Match> best(const Unit& unit) const;

  private:
    struct Entry {
        std::optional<std::string> context;
        std::string masked;
        size_t id;
    };
    double threshold_;
    std::vector<Entry> entries_;
};

} // namespace policyloc
