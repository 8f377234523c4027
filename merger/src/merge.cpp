// The splice: literals copied byte for byte, slots filled. Then the structure guard: the output
// is parsed once more and its block tree compared with the source's; a unit that changes it is
// replaced by its fallback and the merge is redone.
#include "policyloc/merge.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>

#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "policyloc/dates.h"
#include "policyloc/front_matter.h"
#include "policyloc/reflow.h"

namespace policyloc {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string trim(std::string_view s) {
    while (!s.empty() && (is_blank(s.front()) || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (is_blank(s.back()) || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return std::string(s);
}

// Line breaks of a translation: without hard breaks in the source every line break becomes a
// space; with them, blank lines collapse into one line break. Leading blanks of each line go.
std::string normalize_lines(std::string_view text, bool keep_breaks) {
    std::string out;
    bool at_line_start = true;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') continue;
        if (c == '\n') {
            if (keep_breaks && !out.empty() && out.back() != '\n')
                out += '\n';
            else if (!keep_breaks && !out.empty() && out.back() != ' ')
                out += ' ';
            at_line_start = true;
            continue;
        }
        if (at_line_start && is_blank(c)) continue;
        at_line_start = false;
        out += c;
    }
    return trim(out);
}

bool only_chars(std::string_view line, std::string_view allowed, char must, int min_count) {
    int n = 0;
    for (char c : line) {
        if (c == must)
            ++n;
        else if (allowed.find(c) == std::string_view::npos)
            return false;
    }
    return n >= min_count;
}

// "[label]:" or "[^note]:" at the start of a line: a link reference definition or a footnote
// definition.
bool starts_definition(std::string_view line) {
    if (line.empty() || line[0] != '[') return false;
    for (size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] == '[') return false;
        if (line[i] == ']') return i + 1 < line.size() && line[i + 1] == ':';
    }
    return false;
}

// Escapes the start of one line of a translation so that it cannot open a block: a backslash
// before ASCII punctuation renders the punctuation itself. A line that starts with one of the
// unit's protected spans of raw HTML, autolink or code is left as it is (escaping would change
// the span); the source shows that the span may start a line of this block.
std::string escape_line_start(std::string line,
                              const std::vector<std::string_view>& protected_texts) {
    if (line.empty()) return line;
    char c = line[0];
    if (c == '<' || c == '`')
        for (std::string_view p : protected_texts)
            if (!p.empty() && p[0] == c && std::string_view(line).substr(0, p.size()) == p)
                return line;
    auto next_is_blank = [&](size_t i) { return i >= line.size() || is_blank(line[i]); };
    // Setext underlines, thematic breaks and table delimiter rows ("---", ":--|--").
    if (only_chars(line, "-:| \t", '-', 1) || only_chars(line, "= \t", '=', 1)) {
        line.insert(0, "\\");
        return line;
    }
    switch (c) {
    case '#': {
        size_t n = 0;
        while (n < line.size() && line[n] == '#') ++n;
        if (n <= 6 && next_is_blank(n)) line.insert(0, "\\");
        return line;
    }
    case '>':
    case '|':
        line.insert(0, "\\");
        return line;
    case '-':
    case '+':
    case '*':
    case '_':
    case '=': {
        // A first word made of the marker alone ("---", "***") may end up alone on the first
        // line once the paragraph is wrapped.
        std::string_view word = std::string_view(line).substr(0, line.find_first_of(" \t"));
        if ((c != '_' && c != '=' && next_is_blank(1)) ||
            word.find_first_not_of(c) == std::string_view::npos ||
            only_chars(line, std::string(1, c) + " \t", c, 3))
            line.insert(0, "\\");
        return line;
    }
    case '`':
    case '~':
        if (line.rfind(std::string(3, c), 0) == 0) line.insert(0, "\\");
        return line;
    case '<':
        if (line.size() > 1 && (std::isalpha(static_cast<unsigned char>(line[1])) ||
                                line[1] == '/' || line[1] == '!' || line[1] == '?'))
            line.insert(0, "\\");
        return line;
    case '[':
        // Definitions, and task list markers ("[ ]", "[x]") at the start of a list item.
        if (starts_definition(line) ||
            (line.size() >= 3 && (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') &&
             line[2] == ']' && next_is_blank(3)))
            line.insert(0, "\\");
        return line;
    default:
        break;
    }
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits >= 1 && digits <= 9 && digits < line.size() &&
        (line[digits] == '.' || line[digits] == ')') && next_is_blank(digits + 1))
        line.insert(digits, "\\");
    return line;
}

// A footnote reference the source unit does not have would reorder or add footnote
// definitions (cmark-gfm lists them in order of first reference): "[^" outside the unit's
// protected spans is escaped.
std::string escape_footnote_references(std::string text,
                                       const std::vector<std::string_view>& protected_texts) {
    if (text.find("[^") == std::string::npos) return text;
    std::vector<std::pair<size_t, size_t>> kept;
    for (std::string_view p : protected_texts)
        for (size_t pos = 0; !p.empty() && (pos = text.find(p, pos)) != std::string::npos;
             pos += p.size())
            kept.emplace_back(pos, pos + p.size());
    std::string out;
    size_t backslashes = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        bool inside = std::any_of(kept.begin(), kept.end(),
                                  [&](const auto& r) { return i >= r.first && i < r.second; });
        if (text[i] == '[' && i + 1 < text.size() && text[i + 1] == '^' && !inside &&
            backslashes % 2 == 0)
            out += '\\';
        out += text[i];
        backslashes = text[i] == '\\' ? backslashes + 1 : 0;
    }
    return out;
}

// Pipes of a table cell's text are escaped (cmark-gfm takes every "\|" as a literal pipe, even
// inside code spans); a trailing backslash is kept away from the cell's closing pipe.
std::string escape_table_pipes(std::string_view text) {
    std::string out;
    size_t backslashes = 0;
    for (char c : text) {
        if (c == '|' && backslashes % 2 == 0) out += '\\';
        out += c;
        backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    if (!out.empty() && out.back() == '\\') out += ' ';
    return out;
}

// Every protected span of the source is in the translation as often as in the source.
std::optional<std::string> missing_protected_span(const Slot& slot, std::string_view target) {
    std::map<std::string, size_t> need;
    for (const InlineCode& c : slot.codes) ++need[slot.source.substr(c.begin, c.end - c.begin)];
    for (const auto& [text, n] : need) {
        size_t found = 0;
        for (size_t pos = 0; (pos = target.find(text, pos)) != std::string_view::npos;
             pos += text.size())
            ++found;
        if (found < n) return text;
    }
    return std::nullopt;
}

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

std::string to_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class Merger {
  public:
    Merger(std::string_view page, const Skeleton& skeleton, const std::vector<CatalogSource>& chain,
           const MergeOptions& options)
        : page_(page), skeleton_(skeleton), chain_(chain), options_(options) {}

    MergeResult run();

  private:
    struct Choice {
        std::string text;   // what goes into the slot
        size_t catalog = 0; // index in the chain, or chain size for the source text
        std::string reason; // why the first catalog was not used
    };

    std::string_view page_;
    const Skeleton& skeleton_;
    const std::vector<CatalogSource>& chain_;
    const MergeOptions& options_;
    DateFormatter dates_;
    // Per slot: how many catalogs of the chain, from the first, the structure guard has
    // rejected (their translations would change the page's structure).
    std::vector<size_t> rejected_;
    std::vector<std::pair<size_t, size_t>> out_ranges_;
    std::vector<Choice> choices_;
    Diagnostics diagnostics_;
    std::set<std::string> date_warnings_;
    LineBreaker line_breaker_; // one ICU line break iterator for every paragraph of the page

    std::optional<double> date_for(const DateExpression& e);
    // `starts_line`: the text starts a line of its block, where a date such as "28. November"
    // would open a list; such a date is escaped.
    std::string render_dates(std::string text, const std::vector<DateSlot>& dates,
                             std::vector<std::pair<size_t, size_t>>* rendered,
                             bool starts_line = false);
    bool starts_block_line(size_t pos) const;
    // The front matter with `value` written into field slot `index` parses, holds `value` there
    // as a string and every other scalar unchanged (cached per slot and catalog).
    bool field_round_trips(size_t index, size_t catalog, const std::string& value);
    std::map<std::pair<size_t, size_t>, bool> field_checks_;
    Choice choose(size_t index);
    std::string fill_unit(const Slot& slot, const std::string& translation, bool from_source);
    std::string splice();
    struct Difference {
        size_t block = 0;     // index of the first block that differs
        std::string found;    // its signature in the output
        std::string expected; // the source's
        int output_line = 0;  // where the output shows the difference
        int source_line = 0;  // where the source block is
    };
    std::optional<Difference> compare(const std::string& out) const;
    std::vector<size_t> suspects(const Difference& d, const std::string& out) const;
};

std::optional<double> Merger::date_for(const DateExpression& e) {
    if (options_.date) return options_.date;
    std::vector<std::string> keys;
    if (e.field == "Date")
        keys = {"date", "lastmod"};
    else if (e.field == "PublishDate")
        keys = {"publishdate", "date"};
    else if (e.field == "ExpiryDate")
        keys = {"expirydate"};
    else if (e.field == "now")
        keys = {};
    else
        keys = {"lastmod", "date"};
    for (const std::string& key : keys)
        for (const FrontMatterField& f : skeleton_.front_matter.scalars)
            if (to_lower(f.path) == key)
                if (auto d = date_parse_iso(f.value)) return d;
    return options_.fallback_date;
}

std::string Merger::render_dates(std::string text, const std::vector<DateSlot>& dates,
                                 std::vector<std::pair<size_t, size_t>>* rendered,
                                 bool starts_line) {
    if (options_.dates == DateMode::keep) return text;
    for (const DateSlot& d : dates) {
        std::optional<double> when = date_for(d.expression);
        if (!when) {
            if (date_warnings_.insert(d.text).second)
                diagnostics_.push_back({Severity::warning, skeleton_.file, 0, 0,
                                        "no date for " + d.text + " (give --date); kept as is"});
            continue;
        }
        DateFormatResult f =
            dates_.format(*when, d.expression.layout, options_.locale, options_.time_zone);
        if (!f.error.empty()) {
            if (date_warnings_.insert(d.text).second)
                diagnostics_.push_back({Severity::warning, skeleton_.file, 0, 0,
                                        "cannot write " + d.text + ": " + f.error});
            continue;
        }
        for (size_t pos = 0; (pos = text.find(d.text, pos)) != std::string::npos;) {
            size_t p = pos;
            while (p > 0 && (is_blank(text[p - 1]) || text[p - 1] == '>')) --p;
            bool line_start = p == 0 ? starts_line : (text[p - 1] == '\n' || text[p - 1] == '\r');
            std::string shown = line_start ? escape_line_start(f.text, {}) : f.text;
            text.replace(pos, d.text.size(), shown);
            if (rendered) rendered->emplace_back(pos, pos + shown.size());
            pos += shown.size();
        }
    }
    return text;
}

Merger::Choice Merger::choose(size_t index) {
    const Slot& slot = skeleton_.slots[index];
    Choice ch;
    ch.catalog = chain_.size();
    for (size_t i = 0; i < chain_.size(); ++i) {
        std::string reason;
        const Unit* u =
            chain_[i].catalog ? chain_[i].catalog->find(slot.context, slot.source) : nullptr;
        if (!u || u->target.empty() || u->state == UnitState::untranslated) {
            reason = "untranslated";
        } else if (u->state == UnitState::fuzzy && !options_.use_fuzzy) {
            reason = "fuzzy";
        } else if (auto missing = missing_protected_span(slot, u->target)) {
            reason = "protected span changed";
            diagnostics_.push_back({Severity::warning, skeleton_.file, slot.line, slot.column,
                                    "translation in " + chain_[i].name +
                                        " drops or alters the protected text '" + *missing +
                                        "'; not used"});
        } else if (i < rejected_[index]) {
            reason = "would change the page structure";
        } else if (slot.kind == SlotKind::field && !field_round_trips(index, i, u->target)) {
            reason = "front matter cannot hold the value";
            diagnostics_.push_back({Severity::warning, skeleton_.file, slot.line, slot.column,
                                    "translation in " + chain_[i].name +
                                        " cannot be written into the front matter so that it "
                                        "reads back unchanged; not used"});
        } else {
            ch.text = u->target;
            ch.catalog = i;
            if (ch.reason.empty()) ch.reason = reason;
            return ch;
        }
        if (ch.reason.empty()) ch.reason = reason;
    }
    return ch;
}

bool Merger::field_round_trips(size_t index, size_t catalog, const std::string& value) {
    const Slot& slot = skeleton_.slots[index];
    if (value == slot.source) return true;
    auto [it, inserted] = field_checks_.try_emplace({index, catalog}, false);
    if (!inserted) return it->second;
    const FrontMatter& fm = skeleton_.front_matter;
    std::string text(page_.substr(0, fm.end));
    text.replace(slot.begin, slot.end - slot.begin,
                 front_matter_encode(fm.syntax, slot.field, value, skeleton_.newline));
    FrontMatterResult r = front_matter_parse(text, skeleton_.file, {});
    const std::vector<FrontMatterField>& was = fm.scalars;
    const std::vector<FrontMatterField>& now = r.front_matter.scalars;
    bool ok = !diagnostics_have_error(r.diagnostics) && r.front_matter.syntax == fm.syntax &&
              now.size() == was.size();
    for (size_t k = 0; ok && k < now.size(); ++k) {
        ok = now[k].path == was[k].path && now[k].is_string == was[k].is_string;
        if (ok) ok = now[k].value == (now[k].path == slot.field.path ? value : was[k].value);
    }
    it->second = ok;
    return ok;
}

// Only container markers (indentation, "> ", list item markers) precede `pos` on its line.
bool Merger::starts_block_line(size_t pos) const {
    size_t line_begin = page_.find_last_of("\r\n", pos == 0 ? 0 : pos - 1);
    size_t i = line_begin == std::string_view::npos || pos == 0 ? 0 : line_begin + 1;
    if (i == 0 && page_.substr(0, 3) == "\xEF\xBB\xBF" && pos >= 3) i = 3;
    auto blank_or_end = [&](size_t k) { return k >= pos || is_blank(page_[k]); };
    while (i < pos) {
        char c = page_[i];
        if (is_blank(c) || c == '>') {
            ++i;
        } else if ((c == '-' || c == '+' || c == '*') && blank_or_end(i + 1)) {
            ++i;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            size_t d = i;
            while (d < pos && d - i < 9 && std::isdigit(static_cast<unsigned char>(page_[d]))) ++d;
            if (d >= pos || (page_[d] != '.' && page_[d] != ')') || !blank_or_end(d + 1))
                return false;
            i = d + 1;
        } else {
            return false;
        }
    }
    return true;
}

// A page without front matter must not start with what reads as front matter: "{" (JSON) or a
// "+++" / "---" line (handled as Markdown escapes).
std::string escape_page_start(std::string text) {
    if (!text.empty() && text[0] == '{') text.insert(0, "\\");
    return text;
}

std::string Merger::fill_unit(const Slot& slot, const std::string& translation, bool from_source) {
    const std::string& nl = skeleton_.newline;
    if (slot.kind == SlotKind::field) {
        if (from_source || translation == slot.source)
            return std::string(page_.substr(slot.begin, slot.end - slot.begin));
        return front_matter_encode(skeleton_.front_matter.syntax, slot.field, translation, nl);
    }
    if (from_source || translation == slot.source) {
        // The source bytes exactly; only date actions change.
        return render_dates(std::string(page_.substr(slot.begin, slot.end - slot.begin)),
                            slot.dates, nullptr,
                            slot.table_cell ? starts_block_line(slot.begin) : slot.starts_line);
    }
    std::vector<std::pair<size_t, size_t>> keep;
    std::vector<std::string_view> protected_texts;
    for (const InlineCode& c : slot.codes)
        protected_texts.emplace_back(slot.source.data() + c.begin, c.end - c.begin);
    const bool page_start = skeleton_.front_matter.syntax == FrontMatterSyntax::none &&
                            slot.begin == skeleton_.body_begin;
    std::string t;
    if (slot.table_cell) {
        t = escape_footnote_references(normalize_lines(translation, false), protected_texts);
        t = escape_table_pipes(render_dates(t, slot.dates, nullptr));
        // The first cell of a row without a leading pipe starts its line.
        if (starts_block_line(slot.begin)) t = escape_line_start(t, protected_texts);
        return page_start ? escape_page_start(t) : t;
    }
    bool single_line = slot.heading || !slot.hard_breaks;
    t = escape_footnote_references(normalize_lines(translation, !single_line), protected_texts);
    t = render_dates(t, slot.dates, &keep);

    // Split at hard breaks; escape each line start; wrap each segment.
    std::vector<std::string> segments;
    for (size_t pos = 0;;) {
        size_t nl_pos = t.find('\n', pos);
        segments.push_back(
            t.substr(pos, nl_pos == std::string::npos ? std::string::npos : nl_pos - pos));
        if (nl_pos == std::string::npos) break;
        pos = nl_pos + 1;
    }
    if (slot.heading && !slot.setext_heading) {
        std::string h = segments.front();
        if (!h.empty() && h.back() == '#') {
            size_t hashes = h.find_last_not_of('#');
            if (hashes == std::string::npos || is_blank(h[hashes])) h.insert(h.size() - 1, "\\");
        }
        return h;
    }
    size_t width = 0;
    if (options_.wrap == WrapMode::source)
        width = slot.wrap_width;
    else if (options_.wrap == WrapMode::width && !slot.heading)
        width = options_.wrap_width;

    std::string out;
    for (size_t i = 0; i < segments.size(); ++i) {
        std::string seg = segments[i];
        if (i > 0 || slot.starts_line) {
            std::string escaped = escape_line_start(seg, protected_texts);
            if (escaped.size() != seg.size() && segments.size() == 1) {
                // Rendered dates after the inserted backslash move with it.
                size_t at = static_cast<size_t>(
                    std::mismatch(seg.begin(), seg.end(), escaped.begin()).first - seg.begin());
                size_t d = escaped.size() - seg.size();
                for (auto& [b, e] : keep) {
                    if (b >= at) b += d;
                    if (e > at) e += d;
                }
            }
            seg = std::move(escaped);
        }
        if (width > 0) {
            ReflowOptions ro;
            ro.width = width;
            ro.first_line_columns = i == 0 ? slot.first_line_columns : display_width(slot.prefix);
            ro.continuation_prefix = slot.prefix;
            ro.newline = nl;
            // Protected spans and rendered dates stay on one line.
            for (const InlineCode& c : slot.codes) {
                std::string_view code(slot.source.data() + c.begin, c.end - c.begin);
                for (size_t p = 0; (p = seg.find(code, p)) != std::string::npos; p += code.size())
                    ro.keep_together.emplace_back(p, p + code.size());
            }
            if (segments.size() == 1)
                for (const auto& k : keep) ro.keep_together.push_back(k);
            // A paragraph whose first line is an HTML tag alone would be an HTML block: a tag
            // that starts the paragraph keeps the next word on its line.
            if (i == 0 && slot.starts_line && !seg.empty() && seg[0] == '<') {
                size_t end = 0;
                for (std::string_view p : protected_texts)
                    if (std::string_view(seg).substr(0, p.size()) == p)
                        end = std::max(end, p.size());
                if (end > 0) {
                    while (end < seg.size() && is_blank(seg[end])) ++end;
                    while (end < seg.size() && !is_blank(seg[end])) ++end;
                    ro.keep_together.emplace_back(0, end);
                }
            }
            seg = reflow(seg, ro, &line_breaker_);
        }
        if (i > 0) out += nl + slot.prefix;
        out += seg;
    }
    return page_start ? escape_page_start(out) : out;
}

std::string Merger::splice() {
    std::string out;
    out.reserve(page_.size() + page_.size() / 4);
    out_ranges_.assign(skeleton_.slots.size(), {0, 0});
    choices_.assign(skeleton_.slots.size(), {});
    size_t pos = 0;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const Slot& slot = skeleton_.slots[i];
        out.append(page_.substr(pos, slot.begin - pos));
        size_t begin = out.size();
        if (slot.kind == SlotKind::date) {
            out += render_dates(std::string(page_.substr(slot.begin, slot.end - slot.begin)),
                                {slot.date}, nullptr, starts_block_line(slot.begin));
        } else {
            choices_[i] = choose(i);
            bool from_source = choices_[i].catalog == chain_.size();
            out += fill_unit(slot, choices_[i].text, from_source);
        }
        out_ranges_[i] = {begin, out.size()};
        pos = slot.end;
    }
    out.append(page_.substr(pos));
    return out;
}

std::optional<Merger::Difference> Merger::compare(const std::string& out) const {
    // The body starts where the source body starts, shifted by the filled fields before it.
    size_t body = skeleton_.body_begin;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const Slot& s = skeleton_.slots[i];
        if (s.end <= skeleton_.body_begin)
            body = body + (out_ranges_[i].second - out_ranges_[i].first) - (s.end - s.begin);
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

// The unit slots that may have caused a difference, most likely first: the slot at the line
// where the output differs (or the source block that is missing) and the one after it, then
// the slots before, nearest first. Only slots filled with a translation that differs from
// their source can change the structure.
std::vector<size_t> Merger::suspects(const Difference& d, const std::string& out) const {
    auto line_end = [](std::string_view text, int line) {
        size_t offset = 0;
        for (int l = 1; l <= line; ++l) {
            offset = after_line_ending(text, offset);
            if (offset == std::string_view::npos) return text.size();
        }
        return offset;
    };
    size_t out_end = line_end(out, d.output_line);
    size_t src_end = d.source_line == std::numeric_limits<int>::max()
                         ? page_.size()
                         : line_end(page_, d.source_line);
    size_t last = 0;
    bool any = false;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        if (out_ranges_[i].first < out_end || skeleton_.slots[i].begin < src_end) {
            last = i;
            any = true;
        }
    }
    std::vector<size_t> result;
    if (!any) return result;
    constexpr size_t max_suspects = 12;
    for (size_t i = std::min(last + 1, skeleton_.slots.size() - 1) + 1; i-- > 0;) {
        const Slot& slot = skeleton_.slots[i];
        if (slot.kind != SlotKind::unit || choices_[i].catalog >= chain_.size() ||
            choices_[i].text == slot.source)
            continue;
        result.push_back(i);
        if (result.size() == max_suspects) break;
    }
    return result;
}

MergeResult Merger::run() {
    rejected_.assign(skeleton_.slots.size(), 0);
    MergeResult result;
    std::string out = splice();
    std::optional<Difference> diff = compare(out);
    // Each round rejects the translations that change the structure at the first difference:
    // one suspect whose fallback moves the difference further down the page (or removes it);
    // failing that, suspects together (two cells of one row may each break the row), of which
    // those not needed are then restored. A rejected slot takes the next catalog of the chain
    // whose translation fits, or else its source text.
    auto moves = [&](const Difference& from) {
        std::optional<Difference> next = compare(splice());
        return !next || next->block > from.block;
    };
    while (diff) {
        std::vector<size_t> suspected = suspects(*diff, out);
        std::vector<size_t> before, used;
        for (size_t i : suspected) {
            before.push_back(rejected_[i]);
            used.push_back(choices_[i].catalog);
        }
        auto reject = [&](size_t k) { rejected_[suspected[k]] = chain_.size(); };
        auto restore = [&](size_t k) { rejected_[suspected[k]] = before[k]; };
        bool moved = false;
        for (size_t k = 0; k < suspected.size() && !moved; ++k) {
            // The next catalogs of the chain, then the source text.
            for (size_t level = used[k] + 1; level <= chain_.size() && !moved; ++level) {
                rejected_[suspected[k]] = level;
                moved = moves(*diff);
            }
            if (!moved) restore(k);
        }
        if (!moved) {
            size_t taken = 0;
            while (taken < suspected.size() && !moved) {
                reject(taken++);
                moved = moves(*diff);
            }
            for (size_t k = 0; moved && k + 1 < taken; ++k) {
                restore(k);
                if (!moves(*diff)) reject(k);
            }
            if (!moved)
                for (size_t k = 0; k < taken; ++k) restore(k);
        }
        if (moved) {
            out = splice();
            diff = compare(out);
            continue;
        }
        out = splice();
        result.diagnostics.push_back(
            {Severity::error, skeleton_.file, diff->output_line, 1,
             "the localized page's block structure differs from the source's here ('" +
                 diff->found + "' instead of '" + diff->expected + "')"});
        break;
    }
    {
        // Each field was checked on its own; the front matter as a whole must parse too, and a
        // page without front matter must not have gained one.
        FrontMatterResult fm = front_matter_parse(out, skeleton_.file, {});
        for (const Diagnostic& d : fm.diagnostics)
            if (d.severity == Severity::error)
                result.diagnostics.push_back(
                    {Severity::error, d.file, d.line, d.column,
                     "the localized page's front matter does not parse: " + d.message});
        if (fm.front_matter.syntax != skeleton_.front_matter.syntax)
            result.diagnostics.push_back({Severity::error, skeleton_.file, 1, 1,
                                          "the localized page's front matter differs from the "
                                          "source's in syntax"});
    }
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        if (rejected_[i] == 0) continue;
        const Slot& bad = skeleton_.slots[i];
        result.diagnostics.push_back({Severity::warning, skeleton_.file, bad.line, bad.column,
                                      "translation of unit " + unit_id(bad.context, bad.source) +
                                          " in " + chain_[rejected_[i] - 1].name +
                                          " would change the page's block structure; not used"});
    }
    for (auto& d : diagnostics_) result.diagnostics.push_back(d);

    MergeStats& st = result.stats;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const Slot& slot = skeleton_.slots[i];
        if (slot.kind == SlotKind::date) continue;
        ++st.units;
        const Choice& ch = choices_[i];
        if (ch.catalog == 0) {
            ++st.translated;
            continue;
        }
        Fallback fb;
        fb.unit_id = unit_id(slot.context, slot.source);
        fb.line = slot.line;
        fb.source = slot.source;
        fb.reason = ch.reason;
        fb.used = ch.catalog < chain_.size() ? chain_[ch.catalog].name : "source";
        if (ch.catalog < chain_.size())
            ++st.from_fallback_catalog;
        else
            ++st.source_text;
        ++st.reasons[fb.reason];
        std::string excerpt =
            slot.source.size() > 60 ? slot.source.substr(0, 57) + "..." : slot.source;
        result.diagnostics.push_back({Severity::note, skeleton_.file, slot.line, slot.column,
                                      "unit " + fb.unit_id + " (" + fb.reason + ") taken from " +
                                          fb.used + ": \"" + excerpt + "\""});
        st.fallbacks.push_back(std::move(fb));
    }
    result.output = std::move(out);
    return result;
}

} // namespace

MergeResult merge_page(std::string_view page, const Skeleton& skeleton,
                       const std::vector<CatalogSource>& chain, const MergeOptions& options) {
    return Merger(page, skeleton, chain, options).run();
}

std::vector<std::string> locale_parent_chain(std::string_view bcp47) {
    std::vector<std::string> chain;
    UErrorCode status = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(std::string(bcp47).c_str(), id, sizeof id, &parsed, &status);
    if (U_FAILURE(status)) return {std::string(bcp47)};
    std::string current = id;
    for (int guard = 0; guard < 8 && !current.empty() && current != "root"; ++guard) {
        char tag[ULOC_FULLNAME_CAPACITY];
        UErrorCode s = U_ZERO_ERROR;
        uloc_toLanguageTag(current.c_str(), tag, sizeof tag, false, &s);
        chain.push_back(U_SUCCESS(s) ? tag : current);
        // CLDR's parent where it is not the truncation (es_MX -> es_419), else truncation.
        std::string parent;
        UErrorCode rs = U_ZERO_ERROR;
        UResourceBundle* bundle = ures_openDirect(nullptr, current.c_str(), &rs);
        if (U_SUCCESS(rs)) {
            int32_t len = 0;
            const UChar* p = ures_getStringByKey(bundle, "%%Parent", &len, &rs);
            if (U_SUCCESS(rs) && p && len > 0 && len < 64) {
                char buf[64];
                u_UCharsToChars(p, buf, len);
                parent.assign(buf, static_cast<size_t>(len));
            }
        }
        if (bundle) ures_close(bundle);
        if (parent.empty()) {
            char buf[ULOC_FULLNAME_CAPACITY];
            UErrorCode ps = U_ZERO_ERROR;
            uloc_getParent(current.c_str(), buf, sizeof buf, &ps);
            parent = U_SUCCESS(ps) ? buf : "";
        }
        current = parent;
    }
    return chain;
}

} // namespace policyloc
