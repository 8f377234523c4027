// Dates per locale: Go layouts to ICU skeletons, ISO dates, formatting by ICU.
#include "policyloc/dates.h"

#include <doctest/doctest.h>

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

using policyloc::date_go_layout_to_skeleton;
using policyloc::date_parse_iso;
using policyloc::DateFormatter;

namespace {

// Milliseconds since the epoch of a UTC wall time, by ICU's Gregorian calendar.
double utc_millis(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(*icu::TimeZone::getGMT(), status);
    cal.clear();
    cal.set(year, month - 1, day, hour, minute, second);
    double ms = cal.getTime(status);
    REQUIRE(U_SUCCESS(status));
    return ms;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// What ICU itself writes for `skeleton` in `tag` and `zone`, without policyloc.
std::string icu_skeleton_format(const char* skeleton, const char* tag, double when,
                                const char* zone = "UTC") {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
    icu::SimpleDateFormat format(pattern, locale, status);
    REQUIRE(U_SUCCESS(status));
    format.adoptTimeZone(icu::TimeZone::createTimeZone(zone));
    icu::UnicodeString out;
    format.format(when, out);
    return utf8(out);
}

std::string icu_style_format(icu::DateFormat::EStyle style, const char* tag, double when) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    REQUIRE(U_SUCCESS(status));
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(style, locale));
    REQUIRE(format != nullptr);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString out;
    format->format(when, out);
    return utf8(out);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Counts code points of `text` in [first, last].
int count_in_range(const std::string& text, UChar32 first, UChar32 last) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    int n = 0;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        if (c >= first && c <= last) ++n;
    }
    return n;
}

bool has_ascii_digit(const std::string& text) {
    return count_in_range(text, '0', '9') > 0;
}

} // namespace

TEST_CASE("dates: Go layouts become ICU skeletons") {
    CHECK(date_go_layout_to_skeleton("Jan 2, 2006") == "yMMMd");
    CHECK(date_go_layout_to_skeleton("2006") == "y");
    CHECK(date_go_layout_to_skeleton("January 2, 2006") == "yMMMMd");
    CHECK(date_go_layout_to_skeleton("2 January 2006") == "yMMMMd");
    CHECK(date_go_layout_to_skeleton("02/01/06") == "yyMMdd");
    CHECK(date_go_layout_to_skeleton("_2 Jan") == "MMMd");
    CHECK(date_go_layout_to_skeleton("Mon Jan _2") == "MMMEEEd");
    CHECK(date_go_layout_to_skeleton("3:04 PM") == "ahmm");
    CHECK(date_go_layout_to_skeleton("03:04:05 pm") == "ahhmmss");
    CHECK(date_go_layout_to_skeleton("1/2/2006 3:4:5") == "yMdhms");
    CHECK(date_go_layout_to_skeleton("_2006") == "y");

    std::string with_time = date_go_layout_to_skeleton("Monday, January 2, 2006 15:04");
    CHECK(contains(with_time, "EEEE"));
    CHECK(contains(with_time, "MMMM"));
    CHECK(contains(with_time, "H"));
    CHECK(contains(with_time, "mm"));
    CHECK_FALSE(contains(with_time, "h"));
    CHECK_FALSE(contains(with_time, "s"));

    // Fractional seconds and zones.
    std::string full = date_go_layout_to_skeleton("2006-01-02 15:04:05.000 -0700 MST");
    CHECK(contains(full, "SSS"));
    CHECK_FALSE(contains(full, "SSSS"));
    // A skeleton holds one zone field: the first in the layout.
    CHECK(contains(full, "xx"));
    CHECK_FALSE(contains(full, "z"));
    CHECK(contains(date_go_layout_to_skeleton("15:04 MST -0700"), "z"));
    CHECK_FALSE(contains(date_go_layout_to_skeleton("15:04 MST -0700"), "x"));
    // One hour field: the first in the layout.
    CHECK(date_go_layout_to_skeleton("15 3") == "H");
    CHECK(contains(date_go_layout_to_skeleton("2006-01-02T15:04:05.999999Z07:00"), "SSSSSS"));
    CHECK(contains(date_go_layout_to_skeleton("2006-01-02T15:04:05Z07:00"), "XXX"));
    CHECK(contains(date_go_layout_to_skeleton("15:04:05,00"), "SS"));
    // ".0" followed by a digit is no fraction: "05.01" is seconds, '.', then month.
    CHECK_FALSE(contains(date_go_layout_to_skeleton("05.01"), "S"));

    // Only literal text: nothing to format.
    CHECK(date_go_layout_to_skeleton("").empty());
    CHECK(date_go_layout_to_skeleton("no fields here").empty());
    CHECK(date_go_layout_to_skeleton("at / , :").empty());
}

TEST_CASE("dates: ISO dates from front matter") {
    const double day = utc_millis(2026, 11, 28);
    CHECK(date_parse_iso("2026-11-28") == day);
    CHECK(date_parse_iso("2026-11-28T10:00:00Z") == utc_millis(2026, 11, 28, 10));
    CHECK(date_parse_iso("2026-11-28T10:00:00+02:00") == utc_millis(2026, 11, 28, 8));
    CHECK(date_parse_iso("2026-11-28T10:00:00-05:30") == utc_millis(2026, 11, 28, 15, 30));
    CHECK(date_parse_iso("2026-11-28t10:00:00z") == utc_millis(2026, 11, 28, 10));
    CHECK(date_parse_iso("2026-11-28 10:00:00") == utc_millis(2026, 11, 28, 10));
    CHECK(date_parse_iso("2026-11-28T10:00:00") == utc_millis(2026, 11, 28, 10));
    CHECK(date_parse_iso("2026-11-28T10:00:00.5Z") == utc_millis(2026, 11, 28, 10) + 500);
    CHECK(date_parse_iso("2026-11-28T10:00:00.123456Z") == utc_millis(2026, 11, 28, 10) + 123);
    CHECK(date_parse_iso("2026-11-28T00:30:00+01:00") == utc_millis(2026, 11, 27, 23, 30));
    CHECK(date_parse_iso("2024-02-29") == utc_millis(2024, 2, 29));
    CHECK(date_parse_iso("1969-12-31T23:59:59Z") == -1000.0);

    for (const char* bad : {"28/11/2026",
                            "2026-13-01",
                            "2026-00-10",
                            "2026-02-29",
                            "2026-11-31",
                            "2026-1-01",
                            "2026-11-28x",
                            "",
                            "2026",
                            "2026-11-28T",
                            "2026-11-28T24:00:00Z",
                            "2026-11-28T10:60:00Z",
                            "2026-11-28T10:00Z",
                            "2026-11-28T10:00:00+0200",
                            "2026-11-28T10:00:00+02",
                            "2026-11-28T10:00:00.Z",
                            "2026-11-28T10:00:00ZZ",
                            "2026-11-28T10:00:00+24:00",
                            " 2026-11-28",
                            "2026/11/28"}) {
        CAPTURE(bad);
        CHECK_FALSE(date_parse_iso(bad).has_value());
    }
}

TEST_CASE("dates: a Go layout per locale is ICU's best pattern for its skeleton") {
    const double when = utc_millis(2026, 11, 28, 12);
    DateFormatter formatter;
    for (const char* tag :
         {"en", "de", "fr", "es", "ja", "zh-Hans", "ko", "ru", "ar", "he", "fa", "th", "hi"}) {
        CAPTURE(tag);
        policyloc::DateFormatResult r = formatter.format(when, "January 2, 2006", tag);
        CHECK(r.error.empty());
        CHECK(r.text == icu_skeleton_format("MMMMdy", tag, when));
        const std::string t = r.text;
        const std::string lang = tag;
        if (lang == "en" || lang == "de" || lang == "ja") CHECK(contains(t, "2026"));
        if (lang == "en" || lang == "de") CHECK(contains(t, "November"));
        if (lang == "fr") CHECK(contains(t, "novembre"));
        if (lang == "es") CHECK(contains(t, "noviembre"));
        if (lang == "ru") CHECK(contains(t, "ноября"));
        if (lang == "ja" || lang == "zh-Hans") CHECK(contains(t, "11月"));
        if (lang == "ko") CHECK(contains(t, "11월"));
        if (lang == "fa") {
            // Persian calendar, Extended Arabic-Indic digits: 7 Azar 1405.
            CHECK(contains(t, "۱۴۰۵"));
            CHECK(contains(t, "آذر"));
            CHECK(count_in_range(t, 0x06F0, 0x06F9) >= 5);
            CHECK_FALSE(has_ascii_digit(t));
        }
        if (lang == "th") {
            CHECK(contains(t, "2569")); // Buddhist era
            CHECK_FALSE(contains(t, "2026"));
        }
        if (lang == "ar") {
            CHECK(contains(t, "٢٨"));
            CHECK(contains(t, "٢٠٢٦"));
            CHECK_FALSE(has_ascii_digit(t));
        }
        if (lang != "ar" && lang != "fa") CHECK(contains(t, "28"));
        if (lang == "de") CHECK(t == "28. November 2026");
        if (lang == "ja") CHECK(t == "2026年11月28日");
    }
}

TEST_CASE("dates: locale extensions choose calendar and digits") {
    const double when = utc_millis(2026, 11, 28, 12);
    DateFormatter formatter;
    auto ar_latn = formatter.format(when, "January 2, 2006", "ar-u-nu-latn");
    CHECK(ar_latn.error.empty());
    CHECK(contains(ar_latn.text, "28"));
    CHECK(contains(ar_latn.text, "2026"));
    auto fa_gregory = formatter.format(when, "2006", "fa-u-ca-gregory");
    CHECK(fa_gregory.text == icu_skeleton_format("y", "fa-u-ca-gregory", when));
    CHECK(contains(fa_gregory.text, "۲۰۲۶"));
    auto th_gregory = formatter.format(when, "2006", "th-u-ca-gregory");
    CHECK(th_gregory.text == "2026");
}

TEST_CASE("dates: Hugo date styles are ICU's date styles") {
    const double when = utc_millis(2026, 11, 28, 12);
    DateFormatter formatter;
    struct Style {
        const char* name;
        icu::DateFormat::EStyle style;
    };
    for (const Style& s :
         {Style{":date_full", icu::DateFormat::kFull}, Style{":date_long", icu::DateFormat::kLong},
          Style{":date_medium", icu::DateFormat::kMedium},
          Style{":date_short", icu::DateFormat::kShort}}) {
        for (const char* tag : {"en", "de", "ja", "ar", "fa", "th"}) {
            CAPTURE(s.name);
            CAPTURE(tag);
            auto r = formatter.format(when, s.name, tag);
            CHECK(r.error.empty());
            CHECK(r.text == icu_style_format(s.style, tag, when));
        }
    }
    CHECK(formatter.format(when, ":date_long", "en").text == "November 28, 2026");
    CHECK(formatter.format(when, ":date_full", "en").text == "Saturday, November 28, 2026");
    CHECK(formatter.format(when, ":time_short", "de").text == "12:00");

    auto unknown = formatter.format(when, ":date_huge", "en");
    CHECK(unknown.text.empty());
    CHECK(contains(unknown.error, ":date_huge"));
}

TEST_CASE("dates: time zones") {
    const double late = utc_millis(2026, 11, 28, 23, 30); // 2026-11-28T23:30Z
    DateFormatter formatter;
    CHECK(formatter.format(late, "January 2, 2006", "en").text == "November 28, 2026");
    CHECK(formatter.format(late, "January 2, 2006", "en", "").text == "November 28, 2026");
    auto tokyo = formatter.format(late, "January 2, 2006", "en", "Asia/Tokyo");
    CHECK(tokyo.error.empty());
    CHECK(tokyo.text == "November 29, 2026");
    CHECK(tokyo.text == icu_skeleton_format("yMMMMd", "en", late, "Asia/Tokyo"));
    CHECK(formatter.format(late, "2", "ja", "Asia/Tokyo").text ==
          icu_skeleton_format("d", "ja", late, "Asia/Tokyo"));
    CHECK(contains(formatter.format(late, "2", "ja", "Asia/Tokyo").text, "29"));
    CHECK(formatter.format(late, "15:04", "de", "Asia/Tokyo").text == "08:30");
    CHECK(formatter.format(late, "15:04", "de", "America/New_York").text == "18:30");
    // The cache keeps zones apart: UTC again after Tokyo.
    CHECK(formatter.format(late, "15:04", "de").text == "23:30");

    auto bad = formatter.format(late, "January 2, 2006", "en", "Mars/Olympus_Mons");
    CHECK(bad.text.empty());
    CHECK(contains(bad.error, "Mars/Olympus_Mons"));
}

TEST_CASE("dates: errors") {
    const double when = utc_millis(2026, 11, 28);
    DateFormatter formatter;
    auto no_fields = formatter.format(when, "today", "en");
    CHECK(no_fields.text.empty());
    CHECK_FALSE(no_fields.error.empty());
    auto bad_locale = formatter.format(when, "2006", "not a locale!");
    CHECK(bad_locale.text.empty());
    CHECK_FALSE(bad_locale.error.empty());
    auto empty_locale = formatter.format(when, "2006", "");
    CHECK(empty_locale.text.empty());
    CHECK_FALSE(empty_locale.error.empty());
    // An error is not cached as a success, nor does it spoil later calls.
    CHECK(formatter.format(when, "2006", "en").text == "2026");
}

TEST_CASE("dates: the formatter is reused across calls") {
    DateFormatter formatter;
    const double a = utc_millis(2026, 11, 28, 12);
    const double b = utc_millis(2027, 1, 5, 12);
    for (int i = 0; i < 3; ++i) {
        CHECK(formatter.format(a, "Jan 2, 2006", "fr").text ==
              icu_skeleton_format("yMMMd", "fr", a));
        CHECK(formatter.format(b, "Jan 2, 2006", "fr").text ==
              icu_skeleton_format("yMMMd", "fr", b));
        CHECK(formatter.format(b, "Monday, January 2, 2006 15:04", "de").text ==
              icu_skeleton_format("yMMMMEEEEdHmm", "de", b));
    }
}
