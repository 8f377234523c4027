#include "attributes.h"

namespace policyloc {

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// One token at pos; returns the position after it, or npos when there is none.
size_t token_end(std::string_view text, size_t pos, bool kramdown) {
    size_t i = pos;
    if (text[i] == '#' || text[i] == '.') ++i;
    size_t name = i;
    while (i < text.size() && is_name_char(text[i])) ++i;
    if (i == name) return std::string_view::npos;
    if (text[pos] == '#' || text[pos] == '.') return i;
    if (i < text.size() && text[i] == '=') {
        ++i;
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
            size_t close = text.find(text[i], i + 1);
            return close == std::string_view::npos ? close : close + 1;
        }
        size_t value = i;
        while (i < text.size() && !is_blank(text[i]) && text[i] != '}' && text[i] != '{') ++i;
        return i == value ? std::string_view::npos : i;
    }
    // A bare name is a reference to an attribute list definition, in kramdown only.
    return kramdown ? i : std::string_view::npos;
}

// The end of the attribute list opening at `open` ("{"), or npos.
size_t list_end(std::string_view text, size_t open) {
    size_t i = open + 1;
    bool kramdown = i < text.size() && text[i] == ':';
    if (kramdown) ++i;
    size_t tokens = 0;
    while (i < text.size()) {
        while (i < text.size() && is_blank(text[i])) ++i;
        if (i < text.size() && text[i] == '}')
            return tokens > 0 || kramdown ? i + 1 : std::string_view::npos;
        if (i >= text.size()) break;
        size_t e = token_end(text, i, kramdown);
        if (e == std::string_view::npos || e > text.size()) return std::string_view::npos;
        if (e < text.size() && !is_blank(text[e]) && text[e] != '}') return std::string_view::npos;
        i = e;
        ++tokens;
    }
    return std::string_view::npos;
}

} // namespace

std::vector<std::pair<size_t, size_t>> scan_attribute_lists(std::string_view text) {
    std::vector<std::pair<size_t, size_t>> lists;
    for (size_t pos = 0; (pos = text.find('{', pos)) != std::string_view::npos;) {
        bool escaped = pos > 0 && text[pos - 1] == '\\';
        bool doubled = (pos > 0 && text[pos - 1] == '{') ||
                       (pos + 1 < text.size() &&
                        (text[pos + 1] == '{' || text[pos + 1] == '%' || text[pos + 1] == '<'));
        size_t end = escaped || doubled ? std::string_view::npos : list_end(text, pos);
        if (end == std::string_view::npos) {
            ++pos;
            continue;
        }
        lists.emplace_back(pos, end);
        pos = end;
    }
    return lists;
}

bool is_attribute_list(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    auto lists = scan_attribute_lists(text);
    return lists.size() == 1 && lists[0].first == 0 && lists[0].second == text.size();
}

} // namespace policyloc
