// Unit states and XLIFF states, both ways (the table is in xliff_common.h). Private to the XLIFF
// codec.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "policyloc/catalog.h"

namespace policyloc::detail {

// The state a unit is written in: a unit without a target cannot be translated, and untranslated
// text kept is fuzzy (not usable).
UnitState writable_state(const Unit& u);

// The state attribute of a 1.2 <target> or a 2.0 <segment>. `kept_text`: a fuzzy 1.2 target that
// is untranslated text kept (needs-translation rather than needs-review-translation).
const char* state_attribute(UnitState state, bool v2, bool kept_text);

// The state of a 1.2 trans-unit from its <target> (state attribute and text) and, for a target
// without a known state, its approved attribute.
UnitState state_read12(const pugi::xml_node& trans_unit, const pugi::xml_node& target,
                       const std::string& target_text);

// The state of a 2.0 segment: its state attribute, whether it has a target and the target's text.
UnitState state_read20(const std::string& state, bool has_target, const std::string& target_text);

} // namespace policyloc::detail
