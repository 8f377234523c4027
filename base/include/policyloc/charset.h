// Decoding text in a named charset to UTF-8 with ICU's converters, refusing bytes that are not
// valid in it (no substitution characters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policyloc {

struct CharsetDecoded {
    enum class Status { ok, unknown_charset, invalid_bytes } status = Status::ok;
    std::string utf8;          // the text, when ok
    size_t invalid_offset = 0; // where the first invalid byte sequence starts
};

// Whether ICU has a converter for `charset` (its names and aliases, case and punctuation
// insensitive: "latin1", "ISO-8859-1", "windows-1252", "Shift_JIS", "UTF-16LE").
bool charset_known(const std::string& charset);

CharsetDecoded charset_decode(std::string_view bytes, const std::string& charset);

} // namespace policyloc
