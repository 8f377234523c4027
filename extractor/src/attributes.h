// Attribute lists of Goldmark and kramdown inside a unit's text (private to the extractor):
// "{#id}", "{.class}", "{key=value}" and kramdown's inline attribute lists "{: ...}". Hugo
// gives a heading the id of its trailing "{#id}"; translators must keep them as they are.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace policyloc {

// The byte ranges [begin, end) of every attribute list of `text`, in order. A list opens
// with "{" (not "{{", "{%" or "{<") and holds "#id", ".class" and "key=value" tokens
// separated by blanks; "{:" opens a kramdown list, which may also hold references by name.
std::vector<std::pair<size_t, size_t>> scan_attribute_lists(std::string_view text);

// `text`, without its blanks at either end, is nothing but one attribute list.
bool is_attribute_list(std::string_view text);

} // namespace policyloc
