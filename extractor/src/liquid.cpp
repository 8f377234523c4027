#include "liquid.h"

#include <algorithm>
#include <iterator>

namespace policyloc {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

std::vector<LiquidTag> scan_liquid_tags(std::string_view text) {
    std::vector<LiquidTag> tags;
    for (size_t pos = 0; (pos = text.find("{%", pos)) != std::string_view::npos;) {
        if (pos > 0 && text[pos - 1] == '{') { // "{{%": a Hugo shortcode
            pos += 2;
            continue;
        }
        LiquidTag tag;
        tag.begin = pos;
        size_t i = pos + 2;
        if (i < text.size() && text[i] == '-') ++i;
        while (i < text.size() && is_blank(text[i])) ++i;
        size_t name = i;
        while (i < text.size() && !is_blank(text[i]) && text[i] != '%' && text[i] != '-') ++i;
        tag.name = std::string(text.substr(name, i - name));
        size_t end = std::string_view::npos;
        for (; i + 1 < text.size(); ++i) {
            char c = text[i];
            if (c == '"' || c == '\'') {
                size_t close = text.find(c, i + 1);
                if (close == std::string_view::npos) break;
                i = close;
                continue;
            }
            if (c == '%' && text[i + 1] == '}') {
                end = i + 2;
                break;
            }
        }
        tag.unclosed = end == std::string_view::npos;
        tag.end = tag.unclosed ? text.size() : end;
        pos = tag.unclosed ? pos + 2 : end;
        tags.push_back(std::move(tag));
    }
    return tags;
}

bool is_verbatim_liquid_tag(std::string_view name) {
    static constexpr std::string_view names[] = {"raw", "highlight", "comment"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

} // namespace policyloc
