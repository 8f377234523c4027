#include "definition_list.h"

#include "markdown_util.h"

namespace policyloc {

namespace {

// The text after a definition marker (":" and at least one blank) at `b`, or npos.
size_t after_marker(std::string_view text, size_t b, size_t e) {
    if (b + 1 >= e || text[b] != ':' || !is_space_or_tab(text[b + 1]))
        return std::string_view::npos;
    b += 1;
    while (b < e && is_space_or_tab(text[b])) ++b;
    return b;
}

} // namespace

std::vector<DefinitionPart> definition_list_parts(std::string_view text, const LineIndex& lines,
                                                  int first, size_t first_begin, int last,
                                                  int quote_depth, bool after_paragraph) {
    std::vector<DefinitionPart> parts;
    bool any_definition = false;
    for (int line = first; line <= last; ++line) {
        size_t e = lines.line_end(line);
        size_t b = line == first
                       ? first_begin
                       : skip_container_prefix(text, lines.line_begin(line), e, quote_depth);
        size_t content = after_marker(text, b, e);
        if (content != std::string_view::npos) {
            if (line == first && !after_paragraph) return {};
            parts.push_back({false, line, line, content});
            any_definition = true;
        } else if (!parts.empty() && !parts.back().term) {
            parts.back().last_line = line; // a continuation of the definition
        } else {
            parts.push_back({true, line, line, b});
        }
    }
    if (!any_definition) return {};
    return parts;
}

std::string definition_list_shape(const std::vector<DefinitionPart>& parts) {
    std::string shape;
    for (const DefinitionPart& p : parts) {
        if (!shape.empty()) shape += ' ';
        shape += p.term ? 't' : 'd';
    }
    return shape;
}

} // namespace policyloc
