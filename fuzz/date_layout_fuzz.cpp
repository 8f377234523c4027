// The date layouts: the input as a Hugo template action (date_expression_parse) and as a Go
// layout (date_go_layout_to_skeleton), formatted by ICU in a locale the first byte picks.
// No crash, and a format call gives either text or an error, never both or neither.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "policyloc/date_expression.h"
#include "policyloc/dates.h"

using namespace policyloc;

namespace {

const std::array<const char*, 6> kLocales = {"en", "de", "ja", "ar", "fa", "th"};

void check_format(DateFormatter& formatter, std::string_view layout, const char* locale,
                  std::string_view input) {
    DateFormatResult r = formatter.format(1.7645e12, layout, locale, "Europe/Berlin");
    if (r.text.empty() == r.error.empty())
        fuzz::violation("a date format gave both text and an error, or neither", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::string_view input = fuzz::as_text(data, size);
    const char* locale = kLocales[data[0] % kLocales.size()];
    std::string_view text = input.substr(1);
    // A fresh formatter per input: its cache would otherwise grow with every layout tried.
    DateFormatter formatter;
    if (std::optional<DateExpression> e = date_expression_parse(text))
        check_format(formatter, e->layout, locale, input);
    if (!date_go_layout_to_skeleton(text).empty()) check_format(formatter, text, locale, input);
    (void)date_parse_iso(text);
    return 0;
}
