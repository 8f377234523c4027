// Reading the XLIFF DOM: element names without their prefix, children, attributes, text.
#include "xliff_common.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "policyloc/utf8_text.h"

namespace policyloc::detail {

std::string_view local_name(const char* qualified) {
    std::string_view s(qualified);
    size_t colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

bool is_element(const pugi::xml_node& n, std::string_view local) {
    return n.type() == pugi::node_element && local_name(n.name()) == local;
}

pugi::xml_node first_child(const pugi::xml_node& n, std::string_view local) {
    for (pugi::xml_node c : n.children())
        if (is_element(c, local)) return c;
    return {};
}

std::string attr(const pugi::xml_node& n, const char* name) {
    return n.attribute(name).value();
}

// All character data below a node (element content of <ph>, <bpt>, <sub> ...), with the
// characters of XLIFF 2.0 <cp hex="..."/> elements (notes hold them too), walked without
// recursion.
std::string all_text(const pugi::xml_node& n) {
    std::string out;
    pugi::xml_node c = n.first_child();
    while (c) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
        } else if (c.type() == pugi::node_element && local_name(c.name()) == "cp") {
            utf8_append(out, static_cast<std::int32_t>(
                                 std::strtoul(c.attribute("hex").value(), nullptr, 16)));
        } else if (c.type() == pugi::node_element && c.first_child()) {
            c = c.first_child();
            continue;
        }
        while (c && !c.next_sibling() && c != n) c = c.parent();
        if (!c || c == n) break;
        c = c.next_sibling();
    }
    return out;
}

std::vector<std::string> split_flags(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(", ", start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 2;
    }
    return out;
}

int parse_line(const std::string& s) {
    if (s.empty() || s.size() > 9) return 0;
    for (char c : s)
        if (c < '0' || c > '9') return 0;
    return std::atoi(s.c_str());
}

pugi::xml_node deeper_than(const pugi::xml_node& doc, size_t limit) {
    size_t depth = 0;
    pugi::xml_node c = doc.first_child();
    while (c) {
        if (c.first_child()) {
            c = c.first_child();
            if (++depth > limit) return c;
            continue;
        }
        while (c && !c.next_sibling() && c != doc) {
            c = c.parent();
            --depth;
        }
        if (!c || c == doc) break;
        c = c.next_sibling();
    }
    return {};
}

const char* markup_ctype12(MarkupKind kind) {
    switch (kind) {
    case MarkupKind::emphasis:
        return "italic";
    case MarkupKind::strong:
        return "bold";
    case MarkupKind::strikethrough:
        return "x-strikethrough";
    case MarkupKind::link:
        return "link";
    case MarkupKind::image:
        return "x-image";
    }
    return "x-markup";
}

MarkupType20 markup_type20(MarkupKind kind) {
    switch (kind) {
    case MarkupKind::emphasis:
        return {"fmt", "xlf:i"};
    case MarkupKind::strong:
        return {"fmt", "xlf:b"};
    case MarkupKind::strikethrough:
        return {"fmt", ""};
    case MarkupKind::link:
        return {"link", ""};
    case MarkupKind::image:
        return {"image", ""};
    }
    return {"other", ""};
}

std::string pair_id(size_t n) {
    return "m" + std::to_string(n);
}

size_t pair_number(std::string_view id) {
    if (id.size() < 2 || id.size() > 9 || id[0] != 'm' || id[1] == '0') return 0;
    size_t n = 0;
    for (char c : id.substr(1)) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<size_t>(c - '0');
    }
    return n;
}

} // namespace policyloc::detail
