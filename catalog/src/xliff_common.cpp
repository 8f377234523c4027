// Reading the XLIFF DOM: element names without their prefix, children, attributes, text.
#include "xliff_common.h"

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

// All character data below a node (element content of <ph>, <bpt>, <sub> ...).
std::string all_text(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
            out += c.value();
        else if (c.type() == pugi::node_element)
            out += all_text(c);
    }
    return out;
}

} // namespace policyloc::detail
