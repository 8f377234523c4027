#include "xliff_builder.h"

#include <cstdio>

#include "policyloc/i18n.h"
namespace policyloc::detail {

pugi::xml_node Builder::element(pugi::xml_node parent, const char* name, int depth) {
    newline(parent, depth);
    return parent.append_child(name);
}

void Builder::text(pugi::xml_node parent, std::string_view s, const std::string& unit_id) {
    std::string run;
    auto flush = [&] {
        if (!run.empty()) parent.append_child(pugi::node_pcdata).set_value(run.c_str());
        run.clear();
    };
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r') {
            run += cr_marker;
        } else if (c < 0x20 && c != '\t' && c != '\n') {
            if (v2_) {
                flush();
                char hex[8];
                std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
                parent.append_child("cp").append_attribute("hex") = hex;
            } else {
                bad_character(c, unit_id);
            }
        } else {
            run += ch;
        }
    }
    flush();
}

std::string Builder::attribute_text(std::string_view s, const std::string& unit_id) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            bad_character(c, unit_id);
        else
            out += ch;
    }
    return out;
}

void Builder::newline(pugi::xml_node parent, int depth) {
    std::string ws = "\n" + std::string(static_cast<size_t>(depth) * 2, ' ');
    parent.append_child(pugi::node_pcdata).set_value(ws.c_str());
}
void Builder::bad_character(unsigned c, const std::string& unit_id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", c);
    diagnostics_.push_back(
        {Severity::error,
         {},
         0,
         0,
         i18n_format(_("unit %s: character %s cannot be written in XML 1.0 here"), unit_id.c_str(),
                     buf)});
    failed_ = true;
}

} // namespace policyloc::detail
