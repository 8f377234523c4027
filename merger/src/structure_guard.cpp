#include "structure_guard.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

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

// Offsets where the lines of `text` start.
std::vector<size_t> line_starts(std::string_view text) {
    std::vector<size_t> starts{0};
    for (size_t pos = 0; (pos = after_line_ending(text, pos)) != std::string_view::npos;)
        starts.push_back(pos);
    return starts;
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
          skip_(skeleton.slots.size(), 0), page_lines_(line_starts(page)) {}

    GuardResult run();

  private:
    Splicer& splicer_;
    std::string_view page_;
    const Skeleton& skeleton_;
    size_t chain_size_;
    std::vector<size_t> skip_;
    std::vector<size_t> page_lines_; // where the page's lines start

    // `tree`, when given, receives the output's block tree (empty when the difference is
    // found before the body is parsed).
    std::optional<Difference> compare(const std::string& out,
                                      std::vector<BlockInfo>* tree = nullptr) const;
    int page_line_of(size_t offset) const;
    int source_line_of(size_t out_offset) const;
    std::vector<int> differing_lines(const std::string& out, const std::vector<BlockInfo>& tree,
                                     bool all = false) const;
    bool reject_direct(std::string& out, std::vector<BlockInfo>& tree,
                       std::optional<Difference>& diff);
    std::set<int> not_direct_; // lines where a direct rejection did not help
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

std::optional<Difference> Guard::compare(const std::string& out,
                                         std::vector<BlockInfo>* tree_out) const {
    if (tree_out) tree_out->clear();
    // A page without a byte order mark must not gain one: a reader drops it, and with it
    // what the translation meant to write there.
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (!page_.starts_with(bom) && out.starts_with(bom)) {
        Difference d;
        // TRANSLATORS: a part of a page, shown in "... here ('%s' instead of '%s')".
        d.found = _("byte order mark");
        d.expected = skeleton_.blocks.empty() ? _("end of page") : skeleton_.blocks[0].signature;
        d.output_line = d.source_line = 1;
        return d;
    }
    // A page without front matter must not gain one ("---", a line that reads as a key, "---").
    if (skeleton_.front_matter.syntax == FrontMatterSyntax::none &&
        (out.starts_with("---") || out.starts_with("+++") || out.starts_with("{") ||
         out.starts_with("\xEF\xBB\xBF"))) {
        FrontMatterResult fm = front_matter_parse(out, skeleton_.file, {});
        if (fm.front_matter.syntax != FrontMatterSyntax::none ||
            diagnostics_have_error(fm.diagnostics)) {
            Difference d;
            // TRANSLATORS: a part of a page, shown in "... here ('%s' instead of '%s')".
            d.found = _("front matter");
            d.expected =
                skeleton_.blocks.empty() ? _("end of page") : skeleton_.blocks[0].signature;
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
    if (tree_out) *tree_out = tree;
    Difference d;
    d.block = k;
    // TRANSLATORS: shown in "... here ('%s' instead of '%s')" for a missing block.
    d.found = k < tree.size() ? tree[k].signature : _("end of page");
    d.expected = k < want.size() ? want[k].signature : _("end of page");
    // A block that went missing shows where the last block of the output starts.
    d.output_line = k < tree.size() ? tree[k].line : tree.empty() ? first_line : tree.back().line;
    d.source_line = k < want.size() ? want[k].line : std::numeric_limits<int>::max();
    return d;
}

int Guard::page_line_of(size_t offset) const {
    auto it = std::upper_bound(page_lines_.begin(), page_lines_.end(), offset);
    return static_cast<int>(it - page_lines_.begin());
}

// The page line an output offset comes from: the line of the source byte copied there, or the
// first line of the slot whose filling holds it.
int Guard::source_line_of(size_t out_offset) const {
    const auto& ranges = splicer_.out_ranges();
    auto it = std::upper_bound(ranges.begin(), ranges.end(), out_offset,
                               [](size_t o, const auto& r) { return o < r.first; });
    size_t src = out_offset;
    if (it != ranges.begin()) {
        size_t i = static_cast<size_t>(it - ranges.begin()) - 1;
        const SlotSpan& s = slot_span(skeleton_.slots[i]);
        if (out_offset < ranges[i].second || out_offset == ranges[i].first) return s.line;
        src = s.end + (out_offset - ranges[i].second);
    }
    return page_line_of(src);
}

// The output's blocks grouped by the page line they come from, compared group by group with
// the source's blocks of that line, in one pass: the lines whose groups differ, except those
// that an output block of an earlier differing group reaches into (they may follow from it,
// as after an unclosed fence) and those where only a list's or table's attributes differ (a
// change anywhere in the list or table shows at its first line).
std::vector<int> Guard::differing_lines(const std::string& out, const std::vector<BlockInfo>& tree,
                                        bool all) const {
    std::vector<size_t> out_lines = line_starts(out);
    auto key_of = [&](int out_line) {
        size_t l = static_cast<size_t>(std::clamp(out_line, 1, static_cast<int>(out_lines.size())));
        return source_line_of(out_lines[l - 1]);
    };
    std::vector<int> keys;
    keys.reserve(tree.size());
    for (const BlockInfo& b : tree) keys.push_back(key_of(b.line));
    auto kind = [](const std::string& sig) {
        return sig.substr(0, sig.find(' ', sig.find(' ') + 1));
    };
    const std::vector<BlockInfo>& want = skeleton_.blocks;
    constexpr int none = std::numeric_limits<int>::max();
    std::vector<int> lines;
    int reach = 0; // the last page line an output block of a differing group reaches
    for (size_t a = 0, b = 0; a < want.size() || b < tree.size();) {
        int k = std::min(a < want.size() ? want[a].line : none, b < tree.size() ? keys[b] : none);
        size_t a_end = a, b_end = b;
        while (a_end < want.size() && want[a_end].line == k) ++a_end;
        while (b_end < tree.size() && keys[b_end] == k) ++b_end;
        bool same = a_end - a == b_end - b;
        bool attributes_only = same;
        for (size_t i = 0; same && i < a_end - a; ++i) {
            const std::string& w = want[a + i].signature;
            const std::string& t = tree[b + i].signature;
            if (w == t) continue;
            std::string k_w = kind(w);
            attributes_only = attributes_only && k_w == kind(t) &&
                              (k_w.ends_with(" list") || k_w.ends_with(" table"));
            same = false;
        }
        if (!same) {
            if (all || (k > reach && !attributes_only)) lines.push_back(k);
            for (size_t i = b; i < b_end; ++i)
                if (tree[i].end_line > tree[i].line)
                    reach = std::max(reach, key_of(tree[i].end_line));
        }
        a = a_end;
        b = b_end;
    }
    return lines;
}

// Rejects, for each line where the structure differs, the one translated slot on that line,
// all in one round; the slot then takes the next catalog of the chain or its source text.
// Lines with no or several translated slots (the cells of a row) are left to the search for
// suspects. A rejection after which its line still differs did not help (the cause lies
// elsewhere, as a footnote reference dropped before its definition): it is undone and its
// line left to the search. Re-splices the page; true when a translation was rejected.
bool Guard::reject_direct(std::string& out, std::vector<BlockInfo>& tree,
                          std::optional<Difference>& diff) {
    if (tree.empty()) return false;
    std::vector<int> lines = differing_lines(out, tree);
    std::erase_if(lines, [&](int line) { return not_direct_.contains(line); });
    std::vector<size_t> translated = translated_slots();
    auto last_line = [&](size_t i) {
        const SlotSpan& s = slot_span(skeleton_.slots[i]);
        return page_line_of(s.end > s.begin ? s.end - 1 : s.begin);
    };
    struct Rejection {
        size_t slot;
        int line;
        size_t skip_before;
    };
    std::vector<Rejection> done;
    size_t t = 0;
    for (int line : lines) {
        while (t < translated.size() && last_line(translated[t]) < line) ++t;
        size_t n = 0;
        while (t + n < translated.size() &&
               slot_span(skeleton_.slots[translated[t + n]]).line <= line)
            ++n;
        if (n != 1) continue;
        size_t i = translated[t];
        done.push_back({i, line, skip_[i]});
        skip_[i] = splicer_.choices()[i].catalog + 1;
    }
    if (done.empty()) return false;
    out = splicer_.splice(skip_);
    diff = compare(out, &tree);
    if (!diff) return true;
    std::vector<int> still = differing_lines(out, tree, true);
    bool undone = false;
    for (const Rejection& r : done) {
        if (tree.empty() || std::binary_search(still.begin(), still.end(), r.line)) {
            skip_[r.slot] = r.skip_before;
            not_direct_.insert(r.line);
            undone = true;
        }
    }
    if (undone) {
        out = splicer_.splice(skip_);
        diff = compare(out, &tree);
    }
    return true;
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
    std::vector<BlockInfo> tree;
    std::optional<Difference> diff = compare(out, &tree);
    while (diff) {
        if (reject_direct(out, tree, diff)) continue;
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
        diff = compare(out, &tree);
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
