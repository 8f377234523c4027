#include "policyloc/similarity.h"

#include <algorithm>
#include <cstdint>

namespace policyloc {

namespace {

// The shortest edit script (insertions and deletions) between a and b, in Myers' greedy
// algorithm; gives up (returns max_d + 1) once more than max_d edits would be needed.
size_t edit_distance_bounded(std::string_view a, std::string_view b, size_t max_d) {
    const auto n = static_cast<std::int64_t>(a.size());
    const auto m = static_cast<std::int64_t>(b.size());
    const auto limit = static_cast<std::int64_t>(std::min<size_t>(max_d, a.size() + b.size()));
    std::vector<std::int64_t> v(static_cast<size_t>(2 * limit + 3), 0);
    auto at = [&](std::int64_t k) -> std::int64_t& {
        return v[static_cast<size_t>(k + limit + 1)];
    };
    for (std::int64_t d = 0; d <= limit; ++d) {
        for (std::int64_t k = -d; k <= d; k += 2) {
            std::int64_t x =
                (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::int64_t y = x - k;
            while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) return static_cast<size_t>(d);
        }
    }
    return max_d + 1;
}

} // namespace

double text_similarity(std::string_view a, std::string_view b, double lower_bound) {
    const size_t total = a.size() + b.size();
    if (total == 0) return 1.0;
    // similarity = (total - d) / total >= lower_bound  <=>  d <= total * (1 - lower_bound)
    // Strings whose lengths differ too much cannot reach the bound.
    size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    auto max_d = static_cast<size_t>(static_cast<double>(total) * (1.0 - lower_bound));
    if (length_gap > max_d)
        return static_cast<double>(total - length_gap) / static_cast<double>(total);
    size_t d = edit_distance_bounded(a, b, max_d);
    if (d > max_d) return std::max(0.0, lower_bound - 1e-6);
    return static_cast<double>(total - d) / static_cast<double>(total);
}

std::string masked_source(const Unit& unit) {
    if (unit.codes.empty()) return unit.source;
    std::string out;
    size_t pos = 0;
    for (const InlineCode& c : unit.codes) {
        if (c.begin < pos || c.end > unit.source.size()) continue;
        out.append(unit.source, pos, c.begin - pos);
        out += "\xEF\xBF\xBC"; // U+FFFC OBJECT REPLACEMENT CHARACTER
        pos = c.end;
    }
    out.append(unit.source, pos, std::string::npos);
    return out;
}

void FuzzyIndex::add(const Unit& unit, size_t id) {
    entries_.push_back({unit.context, masked_source(unit), id});
}

std::optional<FuzzyIndex::Match> FuzzyIndex::best(const Unit& unit) const {
    std::string masked = masked_source(unit);
    std::optional<Match> found;
    double bound = threshold_;
    for (const Entry& e : entries_) {
        // As msgmerge does: a translation for another context is a good proposal too, but one
        // valid for any context or for the same context has a small advantage.
        double bonus = !e.context || e.context == unit.context ? 0.00001 : 0.0;
        double s = text_similarity(masked, e.masked, bound - bonus) + bonus;
        // Above the threshold (or the best so far), strictly, as in msgmerge.
        if (s > bound) {
            found = Match{e.id, s};
            bound = s;
        }
    }
    return found;
}

} // namespace policyloc
