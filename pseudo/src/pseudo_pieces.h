// Which bytes of a unit's text a pseudo-translation may change (private to the pseudo
// library). The text is cut into pieces that are kept as they are (protected spans,
// backslash escapes, entity and numeric character references, and the URLs and e-mail
// addresses a text may hold besides its protected spans, such as the text of a link to them)
// and pieces of running text, where only letters change: Markdown syntax between words is
// punctuation, whitespace or a protected span, never a letter.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc {

struct PseudoPiece {
    size_t begin = 0;
    size_t end = 0;
    bool kept = false; // true: copied unchanged; false: running text
};

// The pieces of `text`, in order, covering it entirely. `codes` are its protected spans
// (sorted by begin); a code that overlaps an earlier one or runs past the text is ignored.
std::vector<PseudoPiece> pseudo_pieces(std::string_view text, const std::vector<InlineCode>& codes);

// The number of bytes of the entity or numeric character reference at `text[at]` ("&amp;",
// "&#169;", "&#xA9;"), or 0 when there is none.
size_t character_reference_length(std::string_view text, size_t at);

// en-XA and ar-XB of a text already cut into pieces (pseudo_accent.cpp, pseudo_bidi.cpp).
std::string pseudo_accent(std::string_view text, const std::vector<PseudoPiece>& pieces);
std::string pseudo_bidi(std::string_view text, const std::vector<PseudoPiece>& pieces);

} // namespace policyloc
