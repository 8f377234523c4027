#include "markdown_scan.h"

#include <cctype>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "policyloc/markdown_extensions.h"

namespace policyloc::detail {

namespace {

struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
    void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};

cmark_node* parse(std::string_view markdown) {
    return markdown_parse(markdown, CMARK_OPT_FOOTNOTES);
}

bool word_char(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}

size_t literal_delimiters_in(std::string_view text) {
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '*' || c == '~' || c == '`') {
            ++n;
        } else if (c == '_') {
            bool before = i > 0 && word_char(static_cast<unsigned char>(text[i - 1]));
            bool after = i + 1 < text.size() && word_char(static_cast<unsigned char>(text[i + 1]));
            if (!(before && after)) ++n; // snake_case is text, not a delimiter
        }
    }
    return n;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

MarkdownScan markdown_scan(std::string_view markdown) {
    MarkdownScan scan;
    std::unique_ptr<cmark_node, NodeFree> root(parse(markdown));
    if (!root) return scan;
    std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root.get()));
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        cmark_node_type type = cmark_node_get_type(node);
        const char* literal = cmark_node_get_literal(node);
        if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            const char* url = cmark_node_get_url(node);
            scan.links.push_back({url ? url : "", type == CMARK_NODE_IMAGE});
        } else if ((type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK) && literal) {
            scan.html.emplace_back(literal);
        } else if (type == CMARK_NODE_TEXT && literal) {
            scan.literal_delimiters += literal_delimiters_in(literal);
            scan.text += literal;
            scan.text += ' ';
        }
    }
    return scan;
}

std::string url_scheme(std::string_view url) {
    std::string compact;
    for (char c : url) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20) continue;
        if (c == ':') return lower(compact);
        if (!std::isalnum(u) && c != '+' && c != '-' && c != '.') return {};
        compact += c;
    }
    return {};
}

std::string url_host(std::string_view url) {
    std::string scheme = url_scheme(url);
    if (scheme == "mailto") {
        size_t at = url.find('@');
        if (at == std::string_view::npos) return {};
        std::string_view host = url.substr(at + 1);
        host = host.substr(0, host.find_first_of("?#>"));
        return lower(host);
    }
    size_t slashes = url.find("//");
    if (slashes == std::string_view::npos || (scheme.empty() && slashes != 0)) return {};
    std::string_view rest = url.substr(slashes + 2);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
    if (size_t colon = rest.rfind(':');
        colon != std::string_view::npos && rest.find(']') == std::string_view::npos)
        rest = rest.substr(0, colon);
    std::string host = lower(rest);
    if (host.starts_with("www.")) host = host.substr(4);
    return host;
}

} // namespace policyloc::detail
