#include "directives.h"

#include "markdown_util.h"

namespace policyloc {

std::optional<Directive> parse_directive(std::string_view html) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && is_space_or_tab_or_newline(s.front())) s.remove_prefix(1);
        while (!s.empty() && is_space_or_tab_or_newline(s.back())) s.remove_suffix(1);
        return s;
    };
    std::string_view s = trim(html);
    if (s.substr(0, 4) != "<!--" || s.size() < 7 || s.substr(s.size() - 3) != "-->")
        return std::nullopt;
    s = trim(s.substr(4, s.size() - 7));
    constexpr std::string_view tag = "policyloc:";
    if (s.substr(0, tag.size()) != tag) return std::nullopt;
    s = trim(s.substr(tag.size()));
    size_t sp = 0;
    while (sp < s.size() && !is_space_or_tab_or_newline(s[sp])) ++sp;
    Directive d;
    d.command = std::string(s.substr(0, sp));
    d.argument = std::string(trim(s.substr(sp)));
    return d;
}

void NextBlockScope::enter(cmark_node* block) {
    if (!armed_) return;
    armed_ = false;
    // Blocks without inlines (thematic breaks, code blocks) get no exit event; they hold
    // nothing a scope could change.
    cmark_node_type type = cmark_node_get_type(block);
    if (type != CMARK_NODE_THEMATIC_BREAK && type != CMARK_NODE_CODE_BLOCK) node_ = block;
}

} // namespace policyloc
