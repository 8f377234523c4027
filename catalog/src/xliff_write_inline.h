// Writing the inline content of XLIFF <source> and <target>: text with a unit's standalone
// codes (<ph>) and pairs of formatting codes (<bpt>/<ept> in 1.2, <pc> or <sc/>/<ec/> in 2.0),
// and the 2.0 <originalData> they refer to. Private to the XLIFF writer.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "xliff_builder.h"
#include "xliff_codes.h"

namespace policyloc::detail {

class InlineWriter {
  public:
    InlineWriter(Builder& b, bool v2) : b_(b), v2_(v2) {}

    void source(pugi::xml_node node, const Unit& u, const std::string& id);
    // `target`: the unit's target, or a plural form's.
    void target(pugi::xml_node node, const Unit& u, const std::string& target,
                const std::string& id);
    // The 2.0 <originalData> of the unit's codes, on lines at `depth`; nothing without codes.
    void original_data(pugi::xml_node unit, const Unit& u, const std::string& id, int depth);

  private:
    void content(pugi::xml_node node, std::string_view text, const std::vector<PlacedCode>& codes,
                 const Unit& u, bool target, const std::string& id);
    static std::string pair_data_id(const Unit& u, size_t number, bool open, bool target);
    static std::string_view pair_text(const Unit& u, size_t number, bool open, bool target);
    void markup_type(pugi::xml_node e, const Unit& u, size_t number);
    pugi::xml_node pc(pugi::xml_node node, const Unit& u, size_t number, bool target,
                      const std::string& id);
    void pair_end(pugi::xml_node node, const Unit& u, const PlacedCode& m, std::string_view text,
                  bool target, const std::string& id);
    void code(pugi::xml_node node, size_t number, std::string_view text, const std::string& id);

    Builder& b_;
    bool v2_;
};

} // namespace policyloc::detail
