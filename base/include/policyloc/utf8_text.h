// UTF-8 text helpers: display columns as line wrapping counts them, and encoding code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace policyloc {

// Code points are std::int32_t, the type behind ICU's UChar32: values from ICU's UTF-8 macros
// pass straight in, and this header needs no ICU header.

// Columns of one code point: East Asian Wide and Fullwidth characters 2; combining marks,
// format characters, default-ignorable code points and conjoining Hangul vowels and final
// consonants 0; everything else 1.
size_t code_point_width(std::int32_t c);

// Display columns of UTF-8 text; an invalid byte counts 1. With a `limit`, counting stops at
// the first code point that goes past it (a result above `limit` says only "wider").
size_t display_width(std::string_view utf8);
size_t display_width_up_to(std::string_view utf8, size_t limit);

// Appends the UTF-8 encoding of a code point (surrogates and values past U+10FFFF are not
// code points and append nothing).
void utf8_append(std::string& out, std::int32_t c);

} // namespace policyloc
