// Dates written the way a locale writes them, from Go layouts and Hugo date styles, by ICU.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace policyloc {

// Go layout -> ICU skeleton: January -> MMMM, Jan -> MMM, 01 -> MM, 1 -> M, 2 -> d,
// 02 -> dd, 2006 -> y, 06 -> yy, Monday -> EEEE, Mon -> EEE, 15 -> H, 3 -> h, 04 -> mm,
// 05 -> ss, PM -> a, MST -> z ... Literal text in the layout is dropped: the locale's pattern
// decides separators and order. Empty when the layout holds no date or time field.
std::string date_go_layout_to_skeleton(std::string_view go_layout);

// Milliseconds since the Unix epoch (UTC) of "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[Z|+hh:mm]"
// (TOML/YAML front matter dates), or nothing when the text is not such a date.
std::optional<double> date_parse_iso(std::string_view text);

// Whether ICU knows the IANA time zone id ("Europe/Berlin", "UTC").
bool date_time_zone_known(std::string_view zone_id);

struct DateFormatResult {
    std::string text;  // empty on error
    std::string error; // empty on success
};

// Formats `when` for BCP 47 `locale` in `time_zone` (IANA id, "UTC" by default). `layout` is a
// Go layout (through DateTimePatternGenerator's best pattern for the skeleton) or a Hugo
// style ":date_full", ":date_long", ":date_medium", ":date_short" (ICU date styles). The
// locale's default calendar and numbering system apply (fa: Persian, th: Buddhist, ar: arab).
// Formatters are cached per (locale, layout, zone) by the caller-owned DateFormatter.
class DateFormatter {
  public:
    DateFormatter();
    ~DateFormatter();
    DateFormatter(const DateFormatter&) = delete;
    DateFormatter& operator=(const DateFormatter&) = delete;
    DateFormatResult format(double when, std::string_view layout, std::string_view locale,
                            std::string_view time_zone = "UTC");

  private:
    struct Impl;
    Impl* impl_;
};

} // namespace policyloc
