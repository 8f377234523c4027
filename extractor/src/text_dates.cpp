#include "text_dates.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "protected_spans.h"

namespace policyloc {

namespace {

constexpr double kYear1900 = -2208988800000.0; // 1900-01-01T00:00Z in ms
constexpr double kYear2200 = 7258118400000.0;  // 2200-01-01T00:00Z in ms
constexpr size_t kLookBehind = 40; // bytes before a date's first digit where it may start
constexpr size_t kDigitGap = 24;   // bytes between the digits of one date at most
constexpr size_t kMaxDate = 96;    // bytes of the longest date

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_ascii_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_number_separator(char c) {
    return c == '/' || c == '.' || c == '-' || c == ':';
}

// `pattern` with every run of `letter` outside quoted text set to `width` letters; runs
// shorter than `min_run` stay as they are.
std::string set_field_width(std::string pattern, char letter, size_t width, size_t min_run = 1) {
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '\'') quoted = !quoted;
        if (quoted || pattern[i] != letter) {
            out += pattern[i++];
            continue;
        }
        size_t run = 0;
        while (i + run < pattern.size() && pattern[i + run] == letter) ++run;
        out.append(run >= min_run ? width : run, letter);
        i += run;
    }
    return out;
}

size_t field_width(std::string_view pattern, char letter) {
    size_t best = 0;
    for (size_t i = 0; i < pattern.size();) {
        size_t run = 0;
        while (i + run < pattern.size() && pattern[i + run] == letter) ++run;
        best = std::max(best, run);
        i += run ? run : 1;
    }
    return best;
}

// The Go layout of a pattern's fields (order and literals are the target locale's business).
std::string go_layout_of(std::string_view pattern) {
    size_t e = field_width(pattern, 'E');
    size_t m = field_width(pattern, 'M');
    size_t d = field_width(pattern, 'd');
    size_t y = field_width(pattern, 'y');
    std::string layout;
    if (e > 0) layout += e >= 4 ? "Monday, " : "Mon, ";
    if (m >= 3) {
        layout += m >= 4 ? "January " : "Jan ";
        layout += d >= 2 ? "02, " : "2, ";
    } else {
        layout += m >= 2 ? "01/" : "1/";
        layout += d >= 2 ? "02/" : "2/";
    }
    layout += y == 2 ? "06" : "2006";
    return layout;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string pattern_of(icu::DateFormat::EStyle style, const icu::Locale& locale) {
    std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createDateInstance(style, locale));
    auto* simple = dynamic_cast<icu::SimpleDateFormat*>(f.get());
    if (!simple) return {};
    icu::UnicodeString p;
    simple->toPattern(p);
    return to_utf8(p);
}

} // namespace

struct TextDateFinder::Impl {
    struct Format {
        std::unique_ptr<icu::SimpleDateFormat> format;
        std::string layout;
        bool starts_with_number = false; // its first field is d, y or a numeric month
    };
    std::vector<Format> formats;
    bool short_year = false; // a pattern has a two-digit year

    void add(const std::string& pattern, const icu::Locale& locale,
             std::vector<std::string>& seen) {
        if (pattern.empty() || field_width(pattern, 'd') == 0 || field_width(pattern, 'y') == 0 ||
            std::find(seen.begin(), seen.end(), pattern) != seen.end())
            return;
        seen.push_back(pattern);
        UErrorCode status = U_ZERO_ERROR;
        auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                         locale, status);
        if (U_FAILURE(status)) return;
        f->setLenient(false);
        f->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
        if (field_width(pattern, 'y') == 2) short_year = true;
        size_t i = pattern.find_first_of("EMdyL");
        size_t run = pattern.find_first_not_of(pattern[i], i) - i;
        bool number = pattern[i] == 'd' || pattern[i] == 'y' || run <= 2;
        formats.push_back({std::move(f), go_layout_of(pattern), number});
    }

    // The patterns with month names of `locale`: full, long, medium, with abbreviations.
    void add_worded(const icu::Locale& locale, std::vector<std::string>& seen) {
        std::string full = pattern_of(icu::DateFormat::kFull, locale);
        for (const std::string& p :
             {full, set_field_width(full, 'E', 3), set_field_width(full, 'M', 3, 3),
              set_field_width(set_field_width(full, 'E', 3), 'M', 3, 3),
              pattern_of(icu::DateFormat::kLong, locale),
              pattern_of(icu::DateFormat::kMedium, locale)})
            if (field_width(p, 'M') >= 3) add(p, locale, seen);
    }

    Impl(const std::string& tag) {
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
        if (U_FAILURE(status) || locale.isBogus()) return;
        std::vector<std::string> seen;
        add_worded(locale, seen);
        // Numeric forms of the locale itself (another region may read 1/2 the other way).
        for (auto style :
             {icu::DateFormat::kLong, icu::DateFormat::kMedium, icu::DateFormat::kShort}) {
            std::string p = pattern_of(style, locale);
            if (field_width(p, 'M') >= 3) continue;
            add(p, locale, seen);
            std::string four = set_field_width(p, 'y', 1);
            add(four, locale, seen);
            add(set_field_width(set_field_width(four, 'M', 2), 'd', 2), locale, seen);
            add(set_field_width(set_field_width(four, 'M', 1), 'd', 1), locale, seen);
        }
        icu::Locale world(locale.getLanguage(), "001");
        add_worded(world, seen);
    }

    std::optional<FoundDate> parse_at(std::string_view text, size_t begin, size_t limit) const;
};

TextDateFinder::TextDateFinder(std::string source_locale) : locale_(std::move(source_locale)) {}
TextDateFinder::~TextDateFinder() = default;

DateFinders::DateFinders() = default;
DateFinders::~DateFinders() = default;

TextDateFinder& DateFinders::of(const std::string& source_locale) {
    std::unique_ptr<TextDateFinder>& f = finders_[source_locale];
    if (!f) f = std::make_unique<TextDateFinder>(source_locale);
    return *f;
}

// The longest date that starts at `begin` and ends by `limit`.
std::optional<FoundDate> TextDateFinder::Impl::parse_at(std::string_view text, size_t begin,
                                                        size_t limit) const {
    size_t end = std::min({limit, text.size(), begin + kMaxDate});
    while (end > begin && end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    icu::UnicodeString window = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + begin, static_cast<int32_t>(end - begin)));
    std::optional<FoundDate> best;
    const bool digit = is_digit(text[begin]);
    for (const Format& f : formats) {
        if (f.starts_with_number != digit) continue;
        icu::ParsePosition pos(0);
        UDate when = f.format->parse(window, pos);
        if (pos.getErrorIndex() >= 0 || pos.getIndex() == 0) continue;
        if (when < kYear1900 || when >= kYear2200) continue;
        icu::UnicodeString matched = window.tempSubString(0, pos.getIndex());
        icu::UnicodeString again;
        f.format->format(when, again);
        if (again != matched) continue;
        size_t length = to_utf8(matched).size();
        if (best && best->end - best->begin >= length) continue;
        best = FoundDate{begin, begin + length, when, f.layout};
    }
    return best;
}

namespace {

const uint8_t* bytes(std::string_view text) {
    return reinterpret_cast<const uint8_t*>(text.data());
}

// A date may start at `pos`: a letter or digit that does not continue a word or a number.
bool may_start_at(std::string_view text, size_t pos) {
    if (pos >= text.size()) return false;
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) return false;
    int32_t i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_NEXT(bytes(text), i, static_cast<int32_t>(text.size()), c);
    if (c < 0 || !u_isalnum(c)) return false;
    if (pos == 0) return true;
    if (is_ascii_alnum(text[pos - 1])) return false;
    if (is_number_separator(text[pos - 1]) && pos >= 2 && is_digit(text[pos - 2])) return false;
    int32_t j = static_cast<int32_t>(pos);
    UChar32 prev = 0;
    U8_PREV(bytes(text), 0, j, prev);
    return !(prev >= 0x80 && u_isalpha(prev) && c >= 0x80 && u_isalpha(c));
}

// A date may end at `pos`: no letter or digit follows, nor a separator and a digit.
bool may_end_at(std::string_view text, size_t pos) {
    if (pos >= text.size()) return true;
    if (is_ascii_alnum(text[pos])) return false;
    return !(is_number_separator(text[pos]) && pos + 1 < text.size() && is_digit(text[pos + 1]));
}

struct DigitRun {
    size_t begin = 0;
    size_t end = 0;
};

// Runs of ASCII digits outside `codes`.
std::vector<DigitRun> digit_runs(std::string_view text, const std::vector<InlineCode>& codes) {
    std::vector<DigitRun> runs;
    size_t c = 0;
    for (size_t i = 0; i < text.size();) {
        while (c < codes.size() && codes[c].end <= i) ++c;
        if (c < codes.size() && codes[c].begin <= i) {
            i = codes[c].end;
            continue;
        }
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        size_t b = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        runs.push_back({b, i});
    }
    return runs;
}

// Run r may be a date's year: four digits from 1900 to 2199 with another number near it, or
// (when the locale writes two-digit years) the last of three short numbers like "7/31/25".
bool year_like(std::string_view text, const std::vector<DigitRun>& runs, size_t r,
               bool short_year) {
    const DigitRun& run = runs[r];
    size_t n = run.end - run.begin;
    if (n == 4) {
        int year = std::stoi(std::string(text.substr(run.begin, 4)));
        if (year < 1900 || year > 2199) return false;
        bool before = r > 0 && run.begin - runs[r - 1].end <= kDigitGap;
        bool after = r + 1 < runs.size() && runs[r + 1].begin - run.end <= kDigitGap;
        return before || after;
    }
    if (n != 2 || !short_year || r < 2) return false;
    const DigitRun& a = runs[r - 2];
    const DigitRun& b = runs[r - 1];
    return a.end - a.begin <= 2 && b.end - b.begin <= 2 && b.end + 1 == run.begin &&
           a.end + 1 == b.begin;
}

size_t next_code_begin(const std::vector<InlineCode>& codes, size_t pos, size_t text_size) {
    for (const InlineCode& c : codes)
        if (c.begin >= pos) return c.begin;
    return text_size;
}

bool inside_code(const std::vector<InlineCode>& codes, size_t pos) {
    for (const InlineCode& c : codes)
        if (pos >= c.begin && pos < c.end) return true;
    return false;
}

} // namespace

std::vector<FoundDate> TextDateFinder::find(std::string_view text,
                                            const std::vector<InlineCode>& codes) {
    std::vector<FoundDate> found;
    if (std::none_of(text.begin(), text.end(), is_digit)) return found;
    std::vector<DigitRun> runs = digit_runs(text, codes);
    size_t done = 0; // text before this is taken by a date
    for (size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].begin < done) continue;
        if (runs[r].end - runs[r].begin != 4 && runs[r].end - runs[r].begin != 2) continue;
        if (!impl_) impl_ = std::make_unique<Impl>(locale_);
        if (!year_like(text, runs, r, impl_->short_year)) continue;
        size_t first = runs[r].begin; // the date's first digit: the earliest number near it
        for (size_t k = r; k > 0 && k + 2 > r && runs[k - 1].begin >= done &&
                           first - runs[k - 1].end <= kDigitGap;
             --k)
            first = runs[k - 1].begin;
        // A date starts at its first number or at one of the two words before it (a weekday,
        // a month: "Thursday, July 31, 2025").
        size_t from = std::max(done, first > kLookBehind ? first - kLookBehind : 0);
        std::vector<size_t> starts;
        for (size_t p = from; p < first; ++p)
            if (may_start_at(text, p) && !inside_code(codes, p)) starts.push_back(p);
        if (starts.size() > 2) starts.erase(starts.begin(), starts.end() - 2);
        starts.push_back(first);
        for (size_t p : starts) {
            std::optional<FoundDate> d =
                impl_->parse_at(text, p, next_code_begin(codes, p, text.size()));
            if (!d || d->end < runs[r].end || !may_end_at(text, d->end)) continue;
            done = d->end;
            found.push_back(std::move(*d));
            break;
        }
    }
    return found;
}

std::string text_date_placeholder(size_t index, size_t count) {
    return count == 1 ? "{date}" : "{date" + std::to_string(index + 1) + "}";
}

std::vector<DateAction> text_dates_replace(SpanScan& scan, TextDateFinder& finder) {
    std::vector<DateAction> actions;
    if (scan.text.find("{date") != std::string::npos) return actions;
    std::vector<FoundDate> dates = finder.find(scan.text, scan.codes);
    if (dates.empty()) return actions;
    std::string text;
    std::vector<InlineCode> codes;
    size_t pos = 0;
    size_t c = 0;
    for (size_t i = 0; i < dates.size(); ++i) {
        const FoundDate& d = dates[i];
        // Codes before the date keep their offset from `pos` in the new text.
        for (; c < scan.codes.size() && scan.codes[c].begin < d.begin; ++c) {
            InlineCode code = scan.codes[c];
            size_t shift = text.size() - pos; // new offset of `pos` minus its old one (may wrap)
            code.begin += shift;
            code.end += shift;
            codes.push_back(std::move(code));
        }
        text.append(scan.text, pos, d.begin - pos);
        std::string placeholder = text_date_placeholder(i, dates.size());
        codes.push_back({text.size(), text.size() + placeholder.size(), CodeKind::date, {}});
        text += placeholder;
        DateAction action;
        action.text = placeholder;
        action.expression = {"text", d.layout};
        action.written = WrittenDate{d.when, scan.text.substr(d.begin, d.end - d.begin)};
        actions.push_back(std::move(action));
        pos = d.end;
    }
    for (; c < scan.codes.size(); ++c) {
        InlineCode code = scan.codes[c];
        size_t shift = text.size() - pos;
        code.begin += shift;
        code.end += shift;
        codes.push_back(std::move(code));
    }
    text.append(scan.text, pos);
    // Formatting pairs move with the text around the dates; a pair cut by a date is dropped.
    auto moved = [&](size_t offset) -> std::optional<size_t> {
        ptrdiff_t shift = 0;
        for (size_t i = 0; i < dates.size(); ++i) {
            if (offset <= dates[i].begin) break;
            if (offset < dates[i].end) return std::nullopt;
            shift += static_cast<ptrdiff_t>(actions[i].text.size()) -
                     static_cast<ptrdiff_t>(dates[i].end - dates[i].begin);
        }
        return static_cast<size_t>(static_cast<ptrdiff_t>(offset) + shift);
    };
    std::vector<MarkupPair> markup;
    for (const MarkupPair& m : scan.markup) {
        auto ob = moved(m.open_begin), oe = moved(m.open_end), cb = moved(m.close_begin),
             ce = moved(m.close_end);
        if (ob && oe && cb && ce) markup.push_back({*ob, *oe, *cb, *ce, m.kind});
    }
    scan.text = std::move(text);
    scan.codes = std::move(codes);
    scan.markup = std::move(markup);
    return actions;
}

} // namespace policyloc
