// Byte-level helpers of the Markdown segmentation (private to the extractor).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "line_index.h"
#include "policyloc/catalog.h"
#include "policyloc/extract.h"

namespace policyloc {

inline bool is_space_or_tab(char c) {
    return c == ' ' || c == '\t';
}
inline bool is_space_or_tab_or_newline(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string detect_newline(std::string_view page); // "\r\n" or "\n"
size_t bom_length(std::string_view page);          // 3 for a UTF-8 BOM, else 0

// Display columns (East Asian wide characters 2, tabs to the next multiple of 4).
size_t text_columns(std::string_view s);
// The prefix a continuation line needs, from the bytes before a block's first line content:
// '>' and tabs are kept, everything else becomes spaces.
std::string continuation_prefix(std::string_view first_line_prefix);

// True when text outside the given ranges holds a letter or a digit.
bool has_letter_or_digit(std::string_view text, const std::vector<InlineCode>& protected_ranges);

// Unit text cut from the source.
struct BlockText {
    size_t begin = 0; // byte range of the page the unit replaces
    size_t end = 0;
    std::string text; // soft breaks folded to one space; hard breaks kept with "\n"
    bool hard_breaks = false;
    bool multi_line = false;
    std::optional<std::string> second_line_prefix;
    std::vector<size_t> wrapped_line_widths; // columns of lines that end in a soft break
};

// A heading's trailing attribute list ("{#id}", "{: #id .class}") sets the heading's id and
// classes: it leaves the unit's text and stays in the skeleton, so no translation can change
// or move it. Only a list on the text's last line, after a blank, with text before it.
void drop_trailing_attribute_list(std::string_view page, BlockText& bt);

// Appends one source line of a block to `out`. Not the last line: a hard break keeps its
// trailing spaces or backslash and adds "\n" (returns true); a soft break drops trailing
// blanks and adds one space. The last line loses its trailing blanks.
bool append_line(std::string& out, std::string_view content, bool last);
// Folds a multi-line literal (inline HTML) the way block text is folded.
std::string fold_lines(std::string_view literal);

// The first byte of [b, e) after a continuation line's container prefix: blanks and up to
// `quote_depth` block quote markers (a lazy line may have fewer).
size_t skip_container_prefix(std::string_view page, size_t b, size_t e, int quote_depth);

// The line (after block quote markers) is a setext underline: up to 3 spaces, a run of '='
// or of '-', optional trailing blanks.
bool is_setext_underline(std::string_view page, const LineIndex& lines, int line, int quote_depth);

BlockText cut_single_line(std::string_view page, size_t begin, size_t end);
BlockText cut_atx_heading(std::string_view page, size_t marker, size_t line_end);
// Lines first_line..last_line; the first starts at first_offset, the others after their
// container prefix (block quote markers, indentation).
BlockText cut_lines(std::string_view page, const LineIndex& lines, int first_line,
                    size_t first_offset, int last_line, int quote_depth);

// Parses Markdown with cmark-gfm, source positions and the GFM extensions Hugo enables.
struct CmarkDocument {
    cmark_node* root = nullptr;
    explicit CmarkDocument(std::string_view markdown);
    ~CmarkDocument();
    CmarkDocument(const CmarkDocument&) = delete;
    CmarkDocument& operator=(const CmarkDocument&) = delete;
};

// The number of blocks under `document` that hold text of their own (paragraphs, headings,
// table cells): about the number of units a page has.
size_t text_block_count(cmark_node* document);

// `markdown` is the text `document` was parsed from (definition lists are found in its lines).
std::vector<BlockInfo> block_tree_of(cmark_node* document, int first_line,
                                     std::string_view markdown);

} // namespace policyloc
