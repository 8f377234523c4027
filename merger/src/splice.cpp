#include "splice.h"

#include <algorithm>
#include <cctype>

#include "policyloc/escape.h"
#include "policyloc/front_matter.h"
#include "policyloc/i18n.h"

namespace policyloc::detail {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string to_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Every protected span of the source is in the translation as often as in the source.
std::optional<std::string> missing_protected_span(const UnitSlot& slot, std::string_view target) {
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

// An attribute list that ends the source (a heading's "{#id}") applies to the block only where
// it ends the text: the translation must end with it too. The list, when it does not.
std::optional<std::string> moved_trailing_attribute(const UnitSlot& slot, std::string_view target) {
    if (slot.codes.empty()) return std::nullopt;
    const InlineCode& last = slot.codes.back();
    if (last.kind != CodeKind::attribute || last.end != slot.source.size()) return std::nullopt;
    std::string list = slot.source.substr(last.begin, last.end - last.begin);
    while (!target.empty() && is_blank(target.back())) target.remove_suffix(1);
    if (target.ends_with(list)) return std::nullopt;
    return list;
}

// A translatable value between protected parts that quote it (a shortcode parameter's
// `text="` ... `" >}}`, a link or image title's `"` ... `"`): its closing quote, when the
// translation writes that quote unescaped inside the value, which would end it early.
std::optional<char> broken_quoted_value(const UnitSlot& slot, std::string_view target) {
    if (target == slot.source) return std::nullopt;
    auto unescaped = [](std::string_view text, size_t from, size_t to, char open, char close) {
        for (size_t k = from; k < to; ++k)
            if ((text[k] == close || text[k] == open) && (close == '`' || text[k - 1] != '\\'))
                return true;
        return false;
    };
    for (size_t i = 0; i + 1 < slot.codes.size(); ++i) {
        const InlineCode& a = slot.codes[i];
        const InlineCode& b = slot.codes[i + 1];
        if (a.kind != b.kind || a.end <= a.begin || b.end <= b.begin || a.end == b.begin ||
            (a.kind != CodeKind::shortcode && a.kind != CodeKind::image_destination))
            continue;
        char open = slot.source[a.end - 1];
        char close = slot.source[b.begin];
        bool quoted = (open == '"' || open == '\'' || open == '`') && close == open;
        if (!quoted && !(open == '(' && close == ')')) continue;
        // A value whose source already holds its quotes unescaped (balanced parentheses) is
        // left to the structure guard: finding it again in the translation is guesswork.
        if (unescaped(slot.source, a.end, b.begin, open, close)) continue;
        std::string_view before(slot.source.data() + a.begin, a.end - a.begin);
        // The closing part with the byte after it, so that a stray quote is not taken for it.
        std::string_view after(slot.source.data() + b.begin,
                               std::min(b.end + 1, slot.source.size()) - b.begin);
        size_t v = target.find(before);
        if (v == std::string_view::npos) continue;
        v += before.size();
        size_t e = target.find(after, v);
        if (e == std::string_view::npos) continue;
        if (unescaped(target, v, e, open, close)) return close;
    }
    return std::nullopt;
}

std::vector<std::string_view> protected_texts_of(const UnitSlot& slot) {
    std::vector<std::string_view> texts;
    for (const InlineCode& c : slot.codes)
        texts.emplace_back(slot.source.data() + c.begin, c.end - c.begin);
    return texts;
}

const std::optional<std::string>& slot_context(const Slot& slot) {
    if (const auto* f = std::get_if<FieldSlot>(&slot)) return f->context;
    return std::get<UnitSlot>(slot).context;
}

const std::string& slot_source(const Slot& slot) {
    if (const auto* f = std::get_if<FieldSlot>(&slot)) return f->source;
    return std::get<UnitSlot>(slot).source;
}

} // namespace

Splicer::Splicer(std::string_view page, const Skeleton& skeleton,
                 const std::vector<CatalogSource>& chain, const MergeOptions& options)
    : page_(page), skeleton_(skeleton), chain_(chain), options_(options),
      dates_(options.date_formatter ? *options.date_formatter : own_dates_),
      line_breaker_(options.line_breaker ? *options.line_breaker : own_line_breaker_) {}

void Splicer::warn(const SlotSpan& at, const std::string& message) {
    if (warned_.insert(std::to_string(at.begin) + '\x1f' + message).second)
        diagnostics_.push_back({Severity::warning, skeleton_.file, at.line, at.column, message});
}

std::optional<double> Splicer::date_for(const DateExpression& e) const {
    if (options_.date) return options_.date;
    std::vector<std::string> keys;
    if (e.field == "Date")
        keys = {"date", "lastmod"};
    else if (e.field == "PublishDate")
        keys = {"publishdate", "date"};
    else if (e.field == "ExpiryDate")
        keys = {"expirydate"};
    else if (e.field != "now")
        keys = {"lastmod", "date"};
    for (const std::string& key : keys)
        for (const FrontMatterField& f : skeleton_.front_matter.scalars)
            if (to_lower(f.path) == key)
                if (auto d = date_parse_iso(f.value)) return d;
    return options_.fallback_date;
}

// Whether the merge writes the page's own language: its written dates stay as written.
bool Splicer::source_locale() const {
    auto same = [](char a, char b) {
        if (a == '_') a = '-';
        if (b == '_') b = '-';
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    };
    const std::string& a = options_.locale;
    const std::string& b = skeleton_.source_locale;
    return a.empty() || (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same));
}

std::string Splicer::render_dates(std::string text, const std::vector<DateAction>& dates,
                                  std::vector<std::pair<size_t, size_t>>* rendered,
                                  bool starts_line) {
    for (const DateAction& d : dates) {
        std::string shown_date;
        if (d.written && (options_.dates == DateMode::keep || source_locale())) {
            shown_date = d.written->text;
        } else if (options_.dates == DateMode::keep) {
            continue;
        } else {
            std::optional<double> when = d.written ? d.written->when : date_for(d.expression);
            if (!when) {
                warn({},
                     i18n_format(_("no date for %s (give --date); kept as is"), d.text.c_str()));
                continue;
            }
            // A written date is a day, not a moment: it is written in UTC, where it was read.
            DateFormatResult f = dates_.format(*when, d.expression.layout, options_.locale,
                                               d.written ? "UTC" : options_.time_zone);
            if (!f.error.empty()) {
                warn({}, i18n_format(_("cannot write %s: %s"), d.text.c_str(), f.error.c_str()));
                continue;
            }
            shown_date = std::move(f.text);
        }
        for (size_t pos = 0; (pos = text.find(d.text, pos)) != std::string::npos;) {
            size_t p = pos;
            while (p > 0 && (is_blank(text[p - 1]) || text[p - 1] == '>')) --p;
            bool line_start = p == 0 ? starts_line : (text[p - 1] == '\n' || text[p - 1] == '\r');
            std::string shown = line_start ? escape_line_start(shown_date, {}) : shown_date;
            text.replace(pos, d.text.size(), shown);
            if (rendered) rendered->emplace_back(pos, pos + shown.size());
            pos += shown.size();
        }
    }
    return text;
}

// Why catalog `catalog`'s unit may not fill slot `index`; nothing when it may.
std::optional<FallbackReason> Splicer::refusal(size_t index, size_t catalog, const Unit* u) {
    const Slot& slot = skeleton_.slots[index];
    const SlotSpan& at = slot_span(slot);
    if (!u || u->target.empty() || u->state == UnitState::untranslated)
        return FallbackReason::untranslated;
    if (u->state == UnitState::fuzzy && !options_.use_fuzzy) return FallbackReason::fuzzy;
    if (const auto* unit = std::get_if<UnitSlot>(&slot)) {
        if (auto moved = moved_trailing_attribute(*unit, u->target)) {
            warn(at, i18n_format(_("translation in %s moves the attribute list '%s' from the end "
                                   "of the text; not used"),
                                 chain_[catalog].name.c_str(), moved->c_str()));
            return FallbackReason::protected_span_changed;
        }
        if (auto missing = missing_protected_span(*unit, u->target)) {
            warn(at, i18n_format(_("translation in %s drops or alters the protected text '%s'; not "
                                   "used"),
                                 chain_[catalog].name.c_str(), missing->c_str()));
            return FallbackReason::protected_span_changed;
        }
        if (auto quote = broken_quoted_value(*unit, u->target)) {
            warn(at, i18n_format(_("translation in %s writes '%c' inside a quoted value without "
                                   "a backslash; not used"),
                                 chain_[catalog].name.c_str(), *quote));
            return FallbackReason::protected_span_changed;
        }
    } else if (!field_round_trips(index, catalog, u->target)) {
        warn(at, i18n_format(_("translation in %s cannot be written into the front matter so "
                               "that it reads back unchanged; not used"),
                             chain_[catalog].name.c_str()));
        return FallbackReason::front_matter_cannot_hold;
    }
    return std::nullopt;
}

Choice Splicer::choose(size_t index, size_t skip) {
    const Slot& slot = skeleton_.slots[index];
    Choice ch;
    ch.catalog = chain_.size();
    ch.text = slot_source(slot);
    for (size_t i = 0; i < chain_.size(); ++i) {
        const Unit* u = chain_[i].catalog
                            ? chain_[i].catalog->find(slot_context(slot), slot_source(slot))
                            : nullptr;
        std::optional<FallbackReason> why = refusal(index, i, u);
        if (!why && i < skip) why = FallbackReason::would_change_structure;
        if (!why) {
            ch.text = u->target;
            ch.catalog = i;
            return ch;
        }
        if (!ch.reason) ch.reason = why;
    }
    return ch;
}

bool Splicer::field_round_trips(size_t index, size_t catalog, const std::string& value) {
    const auto& slot = std::get<FieldSlot>(skeleton_.slots[index]);
    if (value == slot.source) return true;
    auto [it, inserted] = field_ok_.try_emplace({index, catalog}, false);
    if (!inserted) return it->second;
    const FrontMatter& fm = skeleton_.front_matter;
    std::string text(page_.substr(0, fm.end));
    text.replace(slot.span.begin, slot.span.end - slot.span.begin,
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
bool Splicer::starts_block_line(size_t pos) const {
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

std::string Splicer::fill_field(const FieldSlot& slot, const Choice& choice) const {
    if (choice.catalog == chain_.size() || choice.text == slot.source)
        return std::string(page_.substr(slot.span.begin, slot.span.end - slot.span.begin));
    return front_matter_encode(skeleton_.front_matter.syntax, slot.field, choice.text,
                               skeleton_.newline);
}

std::string Splicer::fill_cell(const UnitSlot& slot, const std::string& translation,
                               const std::vector<std::string_view>& protected_texts) {
    std::string t =
        escape_footnote_references(normalize_lines(translation, false), protected_texts);
    t = escape_table_pipes(render_dates(t, slot.dates, nullptr));
    // The first cell of a row without a leading pipe starts its line.
    if (starts_block_line(slot.span.begin)) t = escape_line_start(t, protected_texts);
    return t;
}

// One segment of a unit (the text between hard breaks): its line start escaped where it starts
// a line, then wrapped at `width` (0: not wrapped).
std::string Splicer::wrap_segment(const UnitSlot& slot, std::string seg, size_t index,
                                  const std::vector<std::pair<size_t, size_t>>& keep, size_t width,
                                  const std::vector<std::string_view>& protected_texts) {
    if (width == 0) return seg;
    ReflowOptions ro;
    ro.width = width;
    ro.first_line_columns = index == 0 ? slot.first_line_columns : display_width(slot.prefix);
    ro.continuation_prefix = slot.prefix;
    ro.newline = skeleton_.newline;
    // Protected spans and rendered dates stay on one line.
    for (const InlineCode& c : slot.codes) {
        std::string_view code(slot.source.data() + c.begin, c.end - c.begin);
        for (size_t p = 0; (p = seg.find(code, p)) != std::string::npos; p += code.size())
            ro.keep_together.emplace_back(p, p + code.size());
    }
    for (const auto& k : keep) ro.keep_together.push_back(k);
    // A paragraph whose first line is an HTML tag alone would be an HTML block: a tag that
    // starts the paragraph keeps the next word on its line.
    if (index == 0 && slot.starts_line && !seg.empty() && seg[0] == '<') {
        size_t end = 0;
        for (std::string_view p : protected_texts)
            if (std::string_view(seg).starts_with(p)) end = std::max(end, p.size());
        if (end > 0) {
            while (end < seg.size() && is_blank(seg[end])) ++end;
            while (end < seg.size() && !is_blank(seg[end])) ++end;
            ro.keep_together.emplace_back(0, end);
        }
    }
    return reflow(seg, ro, &line_breaker_);
}

std::string Splicer::fill_unit(const UnitSlot& slot, const Choice& choice) {
    const std::string& translation = choice.text;
    if (choice.catalog == chain_.size() || translation == slot.source) {
        // The source bytes exactly; only date actions change.
        return render_dates(
            std::string(page_.substr(slot.span.begin, slot.span.end - slot.span.begin)), slot.dates,
            nullptr, slot.table_cell ? starts_block_line(slot.span.begin) : slot.starts_line);
    }
    std::vector<std::string_view> protected_texts = protected_texts_of(slot);
    const bool page_start = skeleton_.front_matter.syntax == FrontMatterSyntax::none &&
                            slot.span.begin == skeleton_.body_begin;
    auto at_page_start = [&](std::string t) { return page_start ? escape_page_start(t) : t; };
    if (slot.table_cell) return at_page_start(fill_cell(slot, translation, protected_texts));

    bool single_line = slot.heading || !slot.hard_breaks;
    std::vector<std::pair<size_t, size_t>> keep;
    std::string t =
        escape_footnote_references(normalize_lines(translation, !single_line), protected_texts);
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
    if (slot.heading && !slot.setext_heading) return escape_heading_end(segments.front());
    size_t width = 0;
    if (options_.wrap == WrapMode::source)
        width = slot.wrap_width;
    else if (options_.wrap == WrapMode::width && !slot.heading && !slot.one_line)
        width = options_.wrap_width;
    if (segments.size() > 1) keep.clear(); // rendered dates are kept together on one line only

    std::string out;
    for (size_t i = 0; i < segments.size(); ++i) {
        std::string seg = segments[i];
        if (i > 0 || slot.starts_line) {
            std::string escaped = escape_line_start(seg, protected_texts);
            if (escaped.size() != seg.size()) {
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
        seg = wrap_segment(slot, std::move(seg), i, keep, width, protected_texts);
        if (i > 0) out += skeleton_.newline + slot.prefix;
        out += seg;
    }
    return at_page_start(out);
}

std::string Splicer::splice(const std::vector<size_t>& skip) {
    std::string out;
    out.reserve(page_.size() + page_.size() / 4);
    out_ranges_.assign(skeleton_.slots.size(), {0, 0});
    choices_.assign(skeleton_.slots.size(), {});
    size_t pos = 0;
    for (size_t i = 0; i < skeleton_.slots.size(); ++i) {
        const Slot& slot = skeleton_.slots[i];
        const SlotSpan& span = slot_span(slot);
        out.append(page_.substr(pos, span.begin - pos));
        size_t begin = out.size();
        if (const auto* date = std::get_if<DateSlot>(&slot)) {
            out += render_dates(std::string(page_.substr(span.begin, span.end - span.begin)),
                                {date->date}, nullptr, starts_block_line(span.begin));
        } else {
            choices_[i] = choose(i, skip[i]);
            if (const auto* field = std::get_if<FieldSlot>(&slot))
                out += fill_field(*field, choices_[i]);
            else
                out += fill_unit(std::get<UnitSlot>(slot), choices_[i]);
        }
        out_ranges_[i] = {begin, out.size()};
        pos = span.end;
    }
    out.append(page_.substr(pos));
    return out;
}

} // namespace policyloc::detail
