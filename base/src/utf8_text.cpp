#include "policyloc/utf8_text.h"

#include <cstdint>
#include <type_traits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace policyloc {

static_assert(std::is_same_v<UChar32, std::int32_t>,
              "utf8_text.h takes code points as ICU's UChar32");

size_t code_point_width(std::int32_t c) {
    // Printable ASCII, most of any page: no mark, format, Hangul, wide or ignorable character.
    if (c >= 0x20 && c <= 0x7E) return 1;
    const auto category = static_cast<UCharCategory>(u_charType(c));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
        return 0;
    // Conjoining Hangul vowels and final consonants join the preceding initial consonant.
    const int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO) return 0;
    const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 0;
    return 1;
}

size_t display_width_up_to(std::string_view utf8, size_t limit) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int64_t>(utf8.size());
    size_t columns = 0;
    int64_t i = 0;
    while (i < length && columns <= limit) {
        const int64_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        columns += c < 0 ? static_cast<size_t>(i - start) : code_point_width(c);
    }
    return columns;
}

size_t display_width(std::string_view utf8) {
    return display_width_up_to(utf8, static_cast<size_t>(-1));
}

void utf8_append(std::string& out, std::int32_t c) {
    if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) return;
    uint8_t buf[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buf, length, c);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(length));
}

} // namespace policyloc
