// Dates per locale: Go layouts become ICU skeletons, and ICU's DateTimePatternGenerator picks
// the locale's pattern (order, words, calendar, digits).
#include "policyloc/dates.h"
#include "policyloc/i18n.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace policyloc {
namespace {

struct GoToken {
    std::string_view go;
    std::string_view icu;
};

// Go's reference-time tokens (time/format.go), longest first where one is a prefix of another.
constexpr std::array<GoToken, 33> kGoTokens{{
    {"January", "MMMM"},
    {"Jan", "MMM"},
    {"Monday", "EEEE"},
    {"Mon", "EEE"},
    {"MST", "z"},
    {"2006", "y"},
    {"002", "DDD"},
    {"__2", "D"},
    {"01", "MM"},
    {"02", "dd"},
    {"03", "hh"},
    {"04", "mm"},
    {"05", "ss"},
    {"06", "yy"},
    {"15", "H"},
    {"_2", "d"},
    {"1", "M"},
    {"2", "d"},
    {"3", "h"},
    {"4", "m"},
    {"5", "s"},
    {"PM", "a"},
    {"pm", "a"},
    {"-07:00:00", "xxxxx"},
    {"-070000", "xxxx"},
    {"-07:00", "xxx"},
    {"-0700", "xx"},
    {"-07", "x"},
    {"Z07:00:00", "XXXXX"},
    {"Z070000", "XXXX"},
    {"Z07:00", "XXX"},
    {"Z0700", "XX"},
    {"Z07", "X"},
}};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Go's fractional seconds: '.' or ',' then a run of '0' or of '9', not followed by a digit.
std::size_t fraction_length(std::string_view s, std::size_t i) {
    if ((s[i] != '.' && s[i] != ',') || i + 1 >= s.size()) return 0;
    char d = s[i + 1];
    if (d != '0' && d != '9') return 0;
    std::size_t j = i + 1;
    while (j < s.size() && s[j] == d) ++j;
    if (j < s.size() && is_digit(s[j])) return 0;
    return j - i;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
}

// Parses exactly `n` digits at s[i...].
std::optional<int> digits(std::string_view s, std::size_t i, std::size_t n) {
    if (i + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!is_digit(s[i + k])) return std::nullopt;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

std::optional<icu::DateFormat::EStyle> hugo_style(std::string_view name) {
    if (name == "full") return icu::DateFormat::kFull;
    if (name == "long") return icu::DateFormat::kLong;
    if (name == "medium") return icu::DateFormat::kMedium;
    if (name == "short") return icu::DateFormat::kShort;
    return std::nullopt;
}

// The kind of field a pattern letter writes: the hours (H, h) are one kind, the zones another.
char field_kind(char letter) {
    switch (letter) {
    case 'h':
        return 'H';
    case 'x':
    case 'X':
        return 'z';
    default:
        return letter;
    }
}

} // namespace

std::string date_go_layout_to_skeleton(std::string_view go_layout) {
    // Fields in layout order, one per kind of field (the first occurrence wins: a skeleton has
    // one year, one hour, one zone...), separated by spaces; ICU then puts the skeleton in
    // canonical order.
    std::string pattern;
    std::string kinds;
    auto add = [&](std::string_view field) {
        char kind = field_kind(field[0]);
        if (kinds.find(kind) != std::string::npos) return;
        kinds += kind;
        if (!pattern.empty()) pattern += ' ';
        pattern += field;
    };
    std::size_t i = 0;
    while (i < go_layout.size()) {
        if (std::size_t n = fraction_length(go_layout, i); n > 0) {
            add(std::string(n - 1, 'S'));
            i += n;
            continue;
        }
        // "_2006" is a literal '_' followed by the year, as in Go.
        if (go_layout.substr(i, 5) == "_2006") {
            ++i;
            continue;
        }
        const GoToken* match = nullptr;
        for (const GoToken& t : kGoTokens) {
            if (go_layout.substr(i, t.go.size()) == t.go) {
                match = &t;
                break;
            }
        }
        if (match == nullptr) {
            ++i; // literal text
            continue;
        }
        add(match->icu);
        i += match->go.size();
    }
    if (pattern.empty()) return {};
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString skeleton =
        icu::DateTimePatternGenerator::staticGetSkeleton(from_utf8(pattern), status);
    if (U_FAILURE(status)) return {};
    return to_utf8(skeleton);
}

std::optional<double> date_parse_iso(std::string_view text) {
    using namespace std::chrono;
    // YYYY-MM-DD
    auto y = digits(text, 0, 4);
    auto mo = digits(text, 5, 2);
    auto d = digits(text, 8, 2);
    if (!y || !mo || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    sys_time<milliseconds> t = sys_days{ymd};
    if (text.size() == 10) return static_cast<double>(t.time_since_epoch().count());

    // [T|t|' ']HH:MM:SS[.frac][Z|z|+hh:mm|-hh:mm]; no offset means UTC.
    char sep = text[10];
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    auto hh = digits(text, 11, 2);
    auto mm = digits(text, 14, 2);
    auto ss = digits(text, 17, 2);
    if (!hh || !mm || !ss || text[13] != ':' || text[16] != ':' || *hh > 23 || *mm > 59 || *ss > 59)
        return std::nullopt;
    t += hours{*hh} + minutes{*mm} + seconds{*ss};
    std::size_t i = 19;
    if (i < text.size() && text[i] == '.') {
        std::size_t start = ++i;
        int ms = 0;
        while (i < text.size() && is_digit(text[i])) {
            if (i - start < 3) ms = ms * 10 + (text[i] - '0');
            ++i;
        }
        if (i == start) return std::nullopt;
        for (std::size_t k = i - start; k < 3; ++k) ms *= 10;
        t += milliseconds{ms};
    }
    if (i == text.size()) return static_cast<double>(t.time_since_epoch().count());
    if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size())
        return static_cast<double>(t.time_since_epoch().count());
    if (text[i] != '+' && text[i] != '-') return std::nullopt;
    auto oh = digits(text, i + 1, 2);
    auto om = digits(text, i + 4, 2);
    if (!oh || !om || text.size() != i + 6 || text[i + 3] != ':' || *oh > 23 || *om > 59)
        return std::nullopt;
    minutes offset = hours{*oh} + minutes{*om};
    t += text[i] == '+' ? -offset : offset;
    return static_cast<double>(t.time_since_epoch().count());
}

struct DateFormatter::Impl {
    // Per locale: its pattern generator (costly to create), shared by all its layouts.
    std::map<std::string, std::unique_ptr<icu::DateTimePatternGenerator>, std::less<>> generators;
    // Per (locale, layout, zone): the ready formatter.
    std::map<std::string, std::unique_ptr<icu::DateFormat>, std::less<>> formatters;

    std::unique_ptr<icu::DateFormat> create(std::string_view layout, std::string_view locale_tag,
                                            std::string_view zone_id, std::string& error);
};

std::unique_ptr<icu::DateFormat> DateFormatter::Impl::create(std::string_view layout,
                                                             std::string_view locale_tag,
                                                             std::string_view zone_id,
                                                             std::string& error) {
    if (locale_tag.empty()) {
        error = _("empty locale");
        return nullptr;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(
        icu::StringPiece(locale_tag.data(), static_cast<std::int32_t>(locale_tag.size())), status);
    if (U_FAILURE(status) || locale.isBogus()) {
        error = i18n_format(_("invalid locale '%s'"), std::string(locale_tag).c_str());
        return nullptr;
    }

    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(from_utf8(zone_id)));
    if (!zone || *zone == icu::TimeZone::getUnknown()) {
        error = i18n_format(_("unknown time zone '%s'"), std::string(zone_id).c_str());
        return nullptr;
    }

    std::unique_ptr<icu::DateFormat> format;
    if (!layout.empty() && layout[0] == ':') {
        // Hugo styles: ":date_long", ":time_short", ...
        std::string_view name = layout.substr(1);
        bool is_date = name.substr(0, 5) == "date_";
        bool is_time = name.substr(0, 5) == "time_";
        auto style = (is_date || is_time) ? hugo_style(name.substr(5)) : std::nullopt;
        if (!style) {
            error = i18n_format(_("unknown date style '%s'"), std::string(layout).c_str());
            return nullptr;
        }
        format.reset(is_date ? icu::DateFormat::createDateInstance(*style, locale)
                             : icu::DateFormat::createTimeInstance(*style, locale));
        if (!format) {
            error = i18n_format(_("ICU has no %s format for '%s'"), std::string(layout).c_str(),
                                std::string(locale_tag).c_str());
            return nullptr;
        }
    } else {
        std::string skeleton = date_go_layout_to_skeleton(layout);
        if (skeleton.empty()) {
            error = i18n_format(_("date layout '%s' holds no date or time field"),
                                std::string(layout).c_str());
            return nullptr;
        }
        std::string key(locale_tag);
        auto it = generators.find(key);
        if (it == generators.end()) {
            std::unique_ptr<icu::DateTimePatternGenerator> generator(
                icu::DateTimePatternGenerator::createInstance(locale, status));
            if (U_FAILURE(status) || !generator) {
                error = i18n_format(_("ICU cannot create a date pattern generator for '%s': %s"),
                                    key.c_str(), u_errorName(status));
                return nullptr;
            }
            it = generators.emplace(key, std::move(generator)).first;
        }
        icu::UnicodeString pattern =
            it->second->getBestPattern(icu::UnicodeString::fromUTF8(skeleton), status);
        if (U_FAILURE(status)) {
            error = i18n_format(_("ICU has no pattern for skeleton '%s' in '%s': %s"),
                                skeleton.c_str(), key.c_str(), u_errorName(status));
            return nullptr;
        }
        auto simple = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
        if (U_FAILURE(status)) {
            error = i18n_format(_("ICU cannot use pattern '%s' for '%s': %s"),
                                to_utf8(pattern).c_str(), key.c_str(), u_errorName(status));
            return nullptr;
        }
        format = std::move(simple);
    }
    format->adoptTimeZone(zone.release());
    return format;
}

DateFormatter::DateFormatter() : impl_(new Impl) {}

DateFormatter::~DateFormatter() {
    delete impl_;
}

bool date_time_zone_known(std::string_view zone_id) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(from_utf8(zone_id)));
    return zone && *zone != icu::TimeZone::getUnknown();
}

DateFormatResult DateFormatter::format(double when, std::string_view layout,
                                       std::string_view locale, std::string_view time_zone) {
    if (time_zone.empty()) time_zone = "UTC";
    std::string key;
    key.reserve(locale.size() + layout.size() + time_zone.size() + 2);
    key.append(locale).append(1, '\0').append(layout).append(1, '\0').append(time_zone);
    auto it = impl_->formatters.find(key);
    if (it == impl_->formatters.end()) {
        std::string error;
        auto created = impl_->create(layout, locale, time_zone, error);
        if (!created) return {{}, std::move(error)};
        it = impl_->formatters.emplace(std::move(key), std::move(created)).first;
    }
    icu::UnicodeString out;
    it->second->format(when, out);
    return {to_utf8(out), {}};
}

} // namespace policyloc
