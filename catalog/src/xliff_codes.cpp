// Placing a unit's codes for the XLIFF writer and checking a returned target's codes for the
// reader (see xliff_codes.h).
#include "xliff_codes.h"

#include "inline_codes.h"
#include "policyloc/i18n.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace policyloc::detail {

namespace {

bool inside(size_t b, size_t e, size_t lo, size_t hi) {
    return lo <= b && e <= hi;
}

bool overlaps(size_t b, size_t e, size_t lo, size_t hi) {
    return b < hi && lo < e;
}

// Whether [b, e) lies in a pair's closing delimiters (a link's destination or label).
bool in_pair_close(const std::vector<MarkupPair>& pairs, size_t b, size_t e) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const MarkupPair& p) {
        return inside(b, e, p.close_begin, p.close_end);
    });
}

void add_pairs(const std::vector<MarkupPair>& pairs, std::vector<PlacedCode>& out) {
    for (size_t i = 0; i < pairs.size(); ++i) {
        out.push_back({pairs[i].open_begin, pairs[i].open_end, CodeHit::Role::open, i + 1});
        out.push_back({pairs[i].close_begin, pairs[i].close_end, CodeHit::Role::close, i + 1});
    }
}

void sort_placed(std::vector<PlacedCode>& codes) {
    std::sort(codes.begin(), codes.end(), [](const PlacedCode& a, const PlacedCode& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
}

size_t nth_occurrence(std::string_view text, std::string_view what, size_t n) {
    size_t at = text.find(what);
    while (at != std::string_view::npos && --n > 0) at = text.find(what, at + 1);
    return at;
}

size_t occurrence_of(std::string_view text, std::string_view what, size_t begin) {
    size_t n = 1;
    for (size_t at = text.find(what); at != std::string_view::npos && at < begin;
         at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

bool markup_valid(const Unit& u) {
    std::vector<PlacedCode> ends;
    for (const MarkupPair& p : u.markup) {
        if (!(p.open_begin < p.open_end && p.open_end <= p.close_begin &&
              p.close_begin < p.close_end && p.close_end <= u.source.size()))
            return false;
        for (const InlineCode& c : u.codes)
            if (overlaps(c.begin, c.end, p.open_begin, p.open_end) ||
                (overlaps(c.begin, c.end, p.close_begin, p.close_end) &&
                 !inside(c.begin, c.end, p.close_begin, p.close_end)))
                return false;
    }
    add_pairs(u.markup, ends);
    sort_placed(ends);
    for (size_t i = 1; i < ends.size(); ++i)
        if (ends[i].begin < ends[i - 1].end) return false;
    return codes_nest(ends);
}

std::vector<PlacedCode> place_source_codes(const Unit& u, bool with_pairs) {
    std::vector<PlacedCode> out;
    for (size_t i = 0; i < u.codes.size(); ++i) {
        const InlineCode& c = u.codes[i];
        if (with_pairs && in_pair_close(u.markup, c.begin, c.end)) continue;
        out.push_back({c.begin, c.end, CodeHit::Role::standalone, i + 1});
    }
    if (with_pairs) add_pairs(u.markup, out);
    sort_placed(out);
    return out;
}

std::vector<PlacedCode> place_target_codes(const Unit& u, const std::string& target,
                                           bool with_pairs) {
    std::vector<PlacedCode> out;
    if (with_pairs) add_pairs(u.target_markup, out);
    const std::vector<PlacedCode> pair_ends = out;
    auto is_free = [&](size_t b, size_t e) {
        return std::none_of(out.begin(), out.end(),
                            [&](const PlacedCode& m) { return overlaps(b, e, m.begin, m.end); });
    };
    for (size_t i = 0; i < u.codes.size(); ++i) {
        const InlineCode& c = u.codes[i];
        if (with_pairs && in_pair_close(u.markup, c.begin, c.end)) continue;
        const std::string_view text = std::string_view(u.source).substr(c.begin, c.end - c.begin);
        // The same occurrence as in the source ("[foo][foo]": the label, not the text).
        const size_t same = nth_occurrence(target, text, occurrence_of(u.source, text, c.begin));
        size_t at = same != std::string::npos && is_free(same, same + text.size())
                        ? same
                        : std::string::npos;
        for (size_t k = target.find(text); at == std::string::npos && k != std::string::npos;
             k = target.find(text, k + 1))
            if (is_free(k, k + text.size())) at = k;
        if (at != std::string::npos)
            out.push_back({at, at + text.size(), CodeHit::Role::standalone, i + 1});
    }
    sort_placed(out);
    return out;
}

bool codes_nest(const std::vector<PlacedCode>& codes) {
    std::vector<size_t> open;
    for (const PlacedCode& c : codes) {
        if (c.role == CodeHit::Role::open) {
            open.push_back(c.number);
        } else if (c.role == CodeHit::Role::close) {
            if (open.empty() || open.back() != c.number) return false;
            open.pop_back();
        }
    }
    return open.empty();
}

bool pairs_from_hits(const std::vector<CodeHit>& hits, std::vector<MarkupPair>& out) {
    std::map<size_t, MarkupPair> pairs;
    std::map<size_t, int> seen; // 1: opened, 2: closed
    std::vector<size_t> open;
    for (const CodeHit& h : hits) {
        if (h.role == CodeHit::Role::standalone) continue;
        const size_t n = pair_number(h.id);
        if (n == 0) return false;
        MarkupPair& p = pairs[n];
        if (h.role == CodeHit::Role::open) {
            if (seen[n] != 0) return false;
            seen[n] = 1;
            p.open_begin = h.begin, p.open_end = h.end;
            p.kind = markup_kind_from_name(h.kind).value_or(MarkupKind::emphasis);
            open.push_back(n);
        } else {
            if (seen[n] != 1 || open.empty() || open.back() != n) return false;
            seen[n] = 2;
            p.close_begin = h.begin, p.close_end = h.end;
            open.pop_back();
        }
    }
    if (!open.empty() || (!pairs.empty() && pairs.rbegin()->first != pairs.size())) return false;
    out.clear();
    for (auto& [n, p] : pairs) out.push_back(p);
    return true;
}

std::string target_code_problem(const std::vector<CodeHit>& source,
                                const std::vector<CodeHit>& target) {
    using Role = CodeHit::Role;
    auto key = [](const CodeHit& h) {
        return h.role == Role::standalone ? h.id
                                          : h.id + (h.role == Role::open ? " open" : " close");
    };
    std::map<std::string, int> need;
    for (const CodeHit& h : source) ++need[key(h)];
    // What the target does wrong, to complete "unit ID: the target ...".
    for (const CodeHit& h : target) {
        auto it = need.find(key(h));
        if (it == need.end()) {
            // TRANSLATORS: completes "unit ID: the target ..."; %s is a code's id.
            return i18n_format(_("has code %s, which the source does not have"), h.id.c_str());
        }
        if (--it->second < 0) {
            // TRANSLATORS: completes "unit ID: the target ..."; %s is a code's id.
            return i18n_format(_("has code %s more than once"), h.id.c_str());
        }
    }
    for (const auto& [k, n] : need)
        if (n > 0) {
            // TRANSLATORS: completes "unit ID: the target ..."; %s is a code's id.
            return i18n_format(_("lacks code %s"), k.substr(0, k.find(' ')).c_str());
        }
    std::vector<std::string> open;
    for (const CodeHit& h : target) {
        if (h.role == Role::open) open.push_back(h.id);
        if (h.role != Role::close) continue;
        if (std::find(open.begin(), open.end(), h.id) == open.end()) {
            // TRANSLATORS: completes "unit ID: the target ..."; %s is a code's id.
            return i18n_format(_("closes code %s before opening it"), h.id.c_str());
        }
        if (open.back() != h.id) {
            // TRANSLATORS: completes "unit ID: the target ..."; the two %s are codes' ids.
            return i18n_format(_("has codes %s and %s that overlap"), open.back().c_str(),
                               h.id.c_str());
        }
        open.pop_back();
    }
    return {};
}

// Sets notes and codes from the notes text and the codes found inline: a placeholder list at
// the end of the notes names the codes' kinds and is taken off when its texts are the inline
// codes' (which say where they are). A listed code that is not inline lies inside a pair of
// formatting codes (a link's destination), where the list's position for it stands.
void settle_codes(Unit& u, const std::string& notes, std::vector<InlineCode> inline_codes) {
    std::string stripped;
    std::vector<InlineCode> listed;
    if (detail::split_code_list(notes, u.source, stripped, listed)) {
        auto text = [&](const InlineCode& c) {
            return std::string_view(u.source).substr(c.begin, c.end - c.begin);
        };
        auto in_pair = [&](const InlineCode& c) {
            return std::any_of(u.markup.begin(), u.markup.end(), [&](const MarkupPair& p) {
                return p.close_begin <= c.begin && c.end <= p.close_end;
            });
        };
        bool same = true;
        size_t j = 0;
        for (size_t i = 0; same && !inline_codes.empty() && i < listed.size(); ++i) {
            if (j < inline_codes.size() && text(listed[i]) == text(inline_codes[j])) {
                listed[i].begin = inline_codes[j].begin;
                listed[i].end = inline_codes[j].end;
                ++j;
            } else {
                same = in_pair(listed[i]);
            }
        }
        if (same && j == inline_codes.size()) {
            u.notes = std::move(stripped);
            u.codes = std::move(listed);
            return;
        }
    }
    u.notes = notes;
    u.codes = std::move(inline_codes);
}

std::string settle_pairs(Unit& u, const std::vector<CodeHit>& source,
                         const std::vector<CodeHit>* target) {
    if (!pairs_from_hits(source, u.markup)) u.markup.clear();
    // A target without any code is Markdown text as a PO translation is; the merge's guards
    // judge it.
    if (!target || u.target.empty() || target->empty()) return {};
    std::string problem = target_code_problem(source, *target);
    if (problem.empty() &&
        (!pairs_from_hits(*target, u.target_markup) || u.target_markup.size() != u.markup.size()))
        u.target_markup.clear();
    return problem;
}

} // namespace policyloc::detail
