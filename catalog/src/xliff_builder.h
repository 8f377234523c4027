// Building an XLIFF document with pugixml so that text stays exact: line breaks between
// structural elements are text nodes of our own (the document is saved raw), characters XML
// 1.0 cannot hold become <cp> (2.0) or an error (1.2). Private to the XLIFF writer.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "policyloc/diagnostic.h"

namespace policyloc::detail {

// Stands for a carriage return in text nodes until the document is serialized; pugixml writes
// it as "&#01;", which is then replaced by "&#13;". Text that holds it is rejected beforehand.
inline constexpr char cr_marker = '\x01';

class Builder {
  public:
    Builder(bool v2, Diagnostics& diagnostics) : v2_(v2), diagnostics_(diagnostics) {}

    // Starts a child element on a new line, indented by `depth`.
    pugi::xml_node element(pugi::xml_node parent, const char* name, int depth);
    // Puts the end tag of an element with element children on its own line.
    void close(pugi::xml_node el, int depth) { newline(el, depth); }

    // Character data, exact. Characters XML 1.0 cannot hold are written as <cp> in 2.0 and
    // rejected in 1.2.
    void text(pugi::xml_node parent, std::string_view s, const std::string& unit_id);

    // Text for an attribute value: pugixml escapes tabs and line breaks itself.
    std::string attribute_text(std::string_view s, const std::string& unit_id);

    bool failed() const { return failed_; }

  private:
    void newline(pugi::xml_node parent, int depth);
    void bad_character(unsigned c, const std::string& unit_id);

    bool v2_;
    Diagnostics& diagnostics_;
    bool failed_ = false;
};

} // namespace policyloc::detail
