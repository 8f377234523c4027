#include "table_columns.h"

#include <memory>
#include <string>

namespace policyloc {

namespace {

// The text of a cell's inlines: its text, code and the text of its links and emphasis.
std::string cell_text(cmark_node* cell) {
    std::string text;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(cell),
                                                                 cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        cmark_node_type type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE))
            if (const char* lit = cmark_node_get_literal(node)) text += lit;
    }
    return text;
}

} // namespace

int table_column_of(cmark_node* cell) {
    int column = 1;
    for (cmark_node* n = cmark_node_previous(cell); n; n = cmark_node_previous(n)) ++column;
    return column;
}

std::optional<int> table_column_named(cmark_node* table, std::string_view spec) {
    if (!spec.empty() && spec.find_first_not_of("0123456789") == std::string_view::npos &&
        spec.size() < 6)
        return std::stoi(std::string(spec));
    cmark_node* header = cmark_node_first_child(table);
    int column = 1;
    for (cmark_node* c = header ? cmark_node_first_child(header) : nullptr; c;
         c = cmark_node_next(c), ++column)
        if (cell_text(c) == spec) return column;
    return std::nullopt;
}

} // namespace policyloc
