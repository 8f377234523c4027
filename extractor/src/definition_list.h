// Definition lists of Goldmark and PHP Markdown Extra (private to the extractor): a paragraph
// line "Term" followed by lines ": definition". cmark-gfm reads them as one paragraph (or, with
// a blank line before the ":", as two); these functions find the terms and definitions in the
// paragraph's source lines, so that each is a unit and the structure guard can compare them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "line_index.h"

namespace policyloc {

struct DefinitionPart {
    bool term = false; // a term (one line) or a definition (its ": " line and what follows)
    int first_line = 0;
    int last_line = 0;
    size_t begin = 0; // where the part's text starts on its first line (after ": ")
};

// The terms and definitions of the paragraph on lines first..last of `text`, whose first line's
// text starts at `first_begin`; empty when the paragraph is no definition list. A paragraph
// that starts with ": " is one only right after another paragraph (`after_paragraph`).
std::vector<DefinitionPart> definition_list_parts(std::string_view text, const LineIndex& lines,
                                                  int first, size_t first_begin, int last,
                                                  int quote_depth, bool after_paragraph);

// The parts' kinds as a signature ("t d d"), for the structure guard; empty for no list.
std::string definition_list_shape(const std::vector<DefinitionPart>& parts);

} // namespace policyloc
