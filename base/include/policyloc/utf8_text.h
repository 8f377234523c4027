// UTF-8 text helpers: display columns as line wrapping counts them, and encoding code points.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/umachine.h>

namespace policyloc {

// Columns of one code point: East Asian Wide and Fullwidth characters 2; combining marks,
// format characters, default-ignorable code points and conjoining Hangul vowels and final
// consonants 0; everything else 1.
size_t code_point_width(UChar32 c);

// Display columns of UTF-8 text; an invalid byte counts 1. With a `limit`, counting stops at
// the first code point that goes past it (a result above `limit` says only "wider").
size_t display_width(std::string_view utf8);
size_t display_width_up_to(std::string_view utf8, size_t limit);

// Appends the UTF-8 encoding of a code point (surrogates and values past U+10FFFF are not
// code points and append nothing).
void utf8_append(std::string& out, UChar32 c);

} // namespace policyloc
