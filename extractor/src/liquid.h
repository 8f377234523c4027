// Liquid tags of Jekyll sites, "{% name ... %}" (private to the extractor). Liquid's output
// "{{ ... }}" is written like a Hugo template action and found with those.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policyloc {

struct LiquidTag {
    size_t begin = 0;
    size_t end = 0;
    std::string name;      // "include", "raw", "endraw", "if", ...
    bool unclosed = false; // no "%}": the tag runs to the end of the text
};

// Every Liquid tag of `text`, in order ("{{%" opens a Hugo shortcode, not a Liquid tag).
// Quoted strings inside a tag are honoured.
std::vector<LiquidTag> scan_liquid_tags(std::string_view text);

// Liquid block tags whose body is code or is not rendered: raw, highlight, comment.
bool is_verbatim_liquid_tag(std::string_view name);

} // namespace policyloc
