#include "structure_guard.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "policyloc/front_matter.h"
#include "policyloc/i18n.h"

namespace policyloc::detail {

namespace {

// CommonMark's line endings: "\n", "\r\n" and a lone "\r".
size_t after_line_ending(std::string_view text, size_t from) {
    size_t e = text.find_first_of("\r\n", from);
    if (e == std::string_view::npos) return e;
    return text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n' ? e + 2 : e + 1;
}

size_t count_line_endings(std::string_view text) {
    size_t n = 0;
    for (size_t pos = 0; (pos = after_line_ending(text, pos)) != std::string_view::npos;) ++n;
    return n;
}

// Offset just past line `line` (1-based) of `text`.
size_t line_end(std::string_view text, int line) {
    size_t offset = 0;
    for (int l = 1; l <= line; ++l) {
        offset = after_line_ending(text, offset);
        if (offset == std::string_view::npos) return text.size();
    }
    return offset;
}

struct Difference {
    size_t block = 0;     // index of the first block that differs
    std::string found;    // its signature in the output
    std::string expected; // the source's
    int output_line = 0;  // where the output shows the difference
    int source_line = 0;  // where the source block is
};

class Guard {
  public:
    Guard(Splicer& splicer, std::string_view page, const Skeleton& skeleton, size_t chain_size)
        : splicer_(splicer), page_(page), skeleton_(skeleton), chain_size_(chain_size),
          skip_(skeleton.slots.size(), 0) {}

    GuardResult run();

  private:
    Splicer& splicer_;
    std::string_view page_;
    const Skeleton& skeleton_;
    size_t chain_size_;
    std::vector<size_t> skip_;

    std::optional<Difference> compare(const std::string& out) const;
    std::vector<size_t> suspects(const Difference& d, const std::string& out) const;
    std::vector<size_t> translated_slots() const;
    bool moves(const Difference& from) {
        std::optional<Difference> next = compare(splicer_.splice(skip_));
        return !next || next->block > from.block;
    }
    bool try_suspects(const Difference& diff, const std::string& out);
    bool bisect();
    void check_front_matter(const std::string& out, Diagnostics& diagnostics) const;
};

std::optional<Difference> Guard::compare(const std::string& out) const {
    // A page without front matter must not gain one ("---", a line that reads as a key, "---").
    if (skeleton_.front_matter.syntax == FrontMatterSyntax::none &&
        (out.starts_with("---") || out.starts_with("+++") || out.starts_with("{") ||
         out.starts_with("\xEF\xBB\xBF"))) {
        FrontMatterResult fm = front_matter_parse(out, skeleton_.file, {});
        if (fm.front_matter.syntax != FrontMatterSyntax::none ||
            diagnostics_have_error(fm.diagnostics)) {
            Difference d;
            d.found = "front matter";
            d.expected = skeleton_.blocks.empty() ? "end of page" : skeleton_.blocks[0].signature;
            d.output_line = d.source_line = 1;
            return d;
        }
    }
    // The body starts where the source body starts, shifted by the filled fields before it.
    size_t body = skeleton_.body_begin;
    const auto& ranges = splicer_.out_ranges();
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const SlotSpan& s = slot_span(skeleton_.slots[i]);
        if (s.end <= skeleton_.body_begin)
            body = body + (ranges[i].second - ranges[i].first) - (s.end - s.begin);
    }
    int first_line =
        1 + static_cast<int>(count_line_endings(std::string_view(out).substr(0, body)));
    std::vector<BlockInfo> tree =
        markdown_block_tree(std::string_view(out).substr(body), first_line);
    const std::vector<BlockInfo>& want = skeleton_.blocks;
    size_t k = 0;
    while (k < tree.size() && k < want.size() && tree[k].signature == want[k].signature) ++k;
    if (k == tree.size() && k == want.size()) return std::nullopt;
    Difference d;
    d.block = k;
    d.found = k < tree.size() ? tree[k].signature : "end of page";
    d.expected = k < want.size() ? want[k].signature : "end of page";
    // A block that went missing shows where the last block of the output starts.
    d.output_line = k < tree.size() ? tree[k].line : tree.empty() ? first_line : tree.back().line;
    d.source_line = k < want.size() ? want[k].line : std::numeric_limits<int>::max();
    return d;
}

// Unit slots filled with a translation that differs from their source: only these can change
// the structure.
std::vector<size_t> Guard::translated_slots() const {
    std::vector<size_t> out;
    const auto& choices = splicer_.choices();
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const auto* unit = std::get_if<UnitSlot>(&skeleton_.slots[i]);
        if (unit && choices[i].catalog < chain_size_ && choices[i].text != unit->source)
            out.push_back(i);
    }
    return out;
}

// The translated unit slots that may have caused a difference, most likely first: the slot at
// the line where the output differs (or the source block that is missing) and the one after
// it, then the slots before, nearest first.
std::vector<size_t> Guard::suspects(const Difference& d, const std::string& out) const {
    size_t out_end = line_end(out, d.output_line);
    size_t src_end = d.source_line == std::numeric_limits<int>::max()
                         ? page_.size()
                         : line_end(page_, d.source_line);
    const auto& ranges = splicer_.out_ranges();
    size_t last = 0;
    bool any = false;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        if (ranges[i].first < out_end || slot_span(skeleton_.slots[i]).begin < src_end) {
            last = i;
            any = true;
        }
    }
    std::vector<size_t> result;
    if (!any) return result;
    constexpr size_t max_suspects = 12;
    std::vector<size_t> translated = translated_slots();
    size_t upto = std::min(last + 1, skeleton_.slots.size() - 1);
    for (auto it = translated.rbegin(); it != translated.rend(); ++it) {
        if (*it > upto) continue;
        result.push_back(*it);
        if (result.size() == max_suspects) break;
    }
    return result;
}

// One suspect whose next catalog (or source text) moves the difference further down the page
// (or removes it); failing that, suspects together (two cells of one row may each break the
// row), of which those not needed are then restored.
bool Guard::try_suspects(const Difference& diff, const std::string& out) {
    std::vector<size_t> suspected = suspects(diff, out);
    std::vector<size_t> before, used;
    for (size_t i : suspected) {
        before.push_back(skip_[i]);
        used.push_back(splicer_.choices()[i].catalog);
    }
    auto reject = [&](size_t k) { skip_[suspected[k]] = chain_size_; };
    auto restore = [&](size_t k) { skip_[suspected[k]] = before[k]; };
    for (size_t k = 0; k < suspected.size(); ++k) {
        for (size_t level = used[k] + 1; level <= chain_size_; ++level) {
            skip_[suspected[k]] = level;
            if (moves(diff)) return true;
        }
        restore(k);
    }
    size_t taken = 0;
    bool moved = false;
    while (taken < suspected.size() && !moved) {
        reject(taken++);
        moved = moves(diff);
    }
    for (size_t k = 0; moved && k + 1 < taken; ++k) {
        restore(k);
        if (!moves(diff)) reject(k);
    }
    if (!moved)
        for (size_t k = 0; k < taken; ++k) restore(k);
    return moved;
}

// The shortest prefix of the translated slots that, translated alone, changes the structure
// ends in a slot that takes part in the change: it falls back to its source text. False when
// even all of them together change nothing (the difference is not the translations').
bool Guard::bisect() {
    std::vector<size_t> translated = translated_slots();
    std::vector<size_t> saved = skip_;
    auto differs_with_prefix = [&](size_t n) {
        skip_ = saved;
        for (size_t k = n; k < translated.size(); ++k) skip_[translated[k]] = chain_size_;
        return compare(splicer_.splice(skip_)).has_value();
    };
    if (translated.empty() || !differs_with_prefix(translated.size()) || differs_with_prefix(0)) {
        skip_ = saved;
        return false;
    }
    size_t lo = 0, hi = translated.size(); // differs with hi, assumed not with lo
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (differs_with_prefix(mid))
            hi = mid;
        else
            lo = mid;
    }
    skip_ = saved;
    skip_[translated[hi - 1]] = chain_size_;
    return true;
}

void Guard::check_front_matter(const std::string& out, Diagnostics& diagnostics) const {
    // Each field was checked on its own; the front matter as a whole must parse too, and a page
    // without front matter must not have gained one.
    FrontMatterResult fm = front_matter_parse(out, skeleton_.file, {});
    for (const Diagnostic& d : fm.diagnostics)
        if (d.severity == Severity::error)
            diagnostics.push_back(
                {Severity::error, d.file, d.line, d.column,
                 _("the localized page's front matter does not parse: ") + d.message});
    if (fm.front_matter.syntax != skeleton_.front_matter.syntax)
        diagnostics.push_back({Severity::error, skeleton_.file, 1, 1,
                               _("the localized page's front matter differs from the source's "
                                 "in syntax")});
}

GuardResult Guard::run() {
    GuardResult result;
    std::string out = splicer_.splice(skip_);
    std::optional<Difference> diff = compare(out);
    while (diff) {
        if (!try_suspects(*diff, out) && !bisect()) {
            out = splicer_.splice(skip_);
            result.diagnostics.push_back(
                {Severity::error, skeleton_.file, diff->output_line, 1,
                 i18n_format(_("the localized page's block structure differs from the source's "
                               "here ('%s' instead of '%s')"),
                             diff->found.c_str(), diff->expected.c_str())});
            break;
        }
        out = splicer_.splice(skip_);
        diff = compare(out);
    }
    check_front_matter(out, result.diagnostics);
    result.output = std::move(out);
    result.rejected = std::move(skip_);
    return result;
}

} // namespace

GuardResult guard_structure(Splicer& splicer, std::string_view page, const Skeleton& skeleton,
                            size_t chain_size) {
    return Guard(splicer, page, skeleton, chain_size).run();
}

} // namespace policyloc::detail
