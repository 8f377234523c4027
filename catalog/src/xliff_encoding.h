// The bytes of an XLIFF document as the UTF-8 text the reader parses, and the checks made on
// the whole document before its elements are read. Private to the XLIFF reader.
#pragma once

#include <optional>
#include <string>

#include "policyloc/diagnostic.h"

namespace policyloc::detail {

// The document decoded to UTF-8: UTF-16 or UTF-32 found by a byte-order mark or by the byte
// pattern of "<?" (XML 1.0, appendix F), otherwise the encoding its XML declaration names
// (UTF-8 when it names none), through ICU. Nothing, with the error (file:line:col), for an
// encoding ICU does not know, UTF-16 or UTF-32 declared over 8-bit bytes, bytes not valid in the
// encoding, or a NUL byte.
std::optional<std::string> xliff_decode(std::string bytes, const std::string& file,
                                        Diagnostics& diagnostics);

// The first character reference in text or an attribute value to a code point that no XML or
// UTF-8 text can hold (NUL, a surrogate, past U+10FFFF), with its line and column; references
// inside comments, CDATA sections and processing instructions are text and not looked at.
std::optional<Diagnostic> xliff_bad_char_ref(const std::string& xml, const std::string& file);

} // namespace policyloc::detail
