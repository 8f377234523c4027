// Escaping rules of the merge: what is done to a translation so that its words cannot open,
// close or reorder blocks of the page. A backslash before ASCII punctuation renders the
// punctuation itself, so each rule inserts one backslash where CommonMark (with cmark-gfm's
// extensions) would otherwise start a block.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policyloc {

// One rule for the start of a line of a translation. `escape_at` gives the byte offset at
// which a backslash keeps the line from opening a block, or nothing when the rule does not
// apply. `example` is a line the rule escapes, for tests and documentation.
struct LineStartRule {
    const char* name;
    const char* example;
    std::optional<size_t> (*escape_at)(std::string_view line);
};

// The rules in the order they are tried; the first that applies is used.
const std::vector<LineStartRule>& line_start_rules();

// Escapes the start of one line of a translation with the first rule that applies. A line
// that starts with one of the unit's protected spans of raw HTML or code (`protected_texts`)
// is left as it is: escaping would change the span, and the source shows that the span may
// start a line of this block.
std::string escape_line_start(std::string line,
                              const std::vector<std::string_view>& protected_texts);

// "[^" outside the unit's protected spans gets a backslash: a footnote reference the source
// unit does not have would add or reorder footnote definitions.
std::string escape_footnote_references(std::string text,
                                       const std::vector<std::string_view>& protected_texts);

// Pipes of a table cell's text are escaped (cmark-gfm takes every "\|" as a literal pipe, even
// inside code spans); a trailing backslash is kept away from the cell's closing pipe.
std::string escape_table_pipes(std::string_view text);

// A page without front matter must not start with what reads as front matter: "{" (JSON).
std::string escape_page_start(std::string text);

// An ATX heading's text that ends in "#" after a blank (or is all "#") would lose them as a
// closing sequence: the last "#" is escaped.
std::string escape_heading_end(std::string heading);

// Line breaks of a translation: without hard breaks in the source (`keep_breaks` false) every
// line break becomes a space; with them, blank lines collapse into one line break. Leading
// blanks of each line and surrounding whitespace go.
std::string normalize_lines(std::string_view text, bool keep_breaks);

} // namespace policyloc
