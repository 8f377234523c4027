// What a unit's Markdown text holds as a reader sees it, parsed with cmark-gfm and the
// extensions extraction uses (private to the check library).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policyloc::detail {

struct MarkdownLink {
    std::string url;
    bool image = false;
};

struct MarkdownScan {
    std::vector<MarkdownLink> links; // link and image destinations (autolinks too), in order
    std::vector<std::string> html;   // raw HTML (inline and block), as written
    // Emphasis, strong, strikethrough and code delimiters that the parser left as literal
    // text ('*', '~', '`', and '_' at a word boundary): delimiters without a partner.
    size_t literal_delimiters = 0;
    std::string text; // the text nodes, concatenated (code spans and HTML left out)
};

MarkdownScan markdown_scan(std::string_view markdown);

// The host of a URL ("https://a.example/x" -> "a.example", "mailto:x@b.example" ->
// "b.example"), lower-cased; empty for a relative URL or one without a host.
std::string url_host(std::string_view url);

// The URL's scheme, lower-cased, ignoring the blanks and control characters that browsers
// ignore ("java\tscript:" -> "javascript"); empty when there is none.
std::string url_scheme(std::string_view url);

} // namespace policyloc::detail
