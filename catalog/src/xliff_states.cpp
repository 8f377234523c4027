// Unit states and XLIFF states, both ways (see xliff_states.h).
#include "xliff_states.h"

#include "xliff_common.h"

namespace policyloc::detail {

UnitState writable_state(const Unit& u) {
    if (u.state == UnitState::fuzzy) return UnitState::fuzzy;
    if (u.target.empty()) return UnitState::untranslated;
    if (u.state == UnitState::untranslated) return UnitState::fuzzy; // text kept, not usable
    return u.state;
}

const char* state_attribute(UnitState state, bool v2, bool kept_text) {
    switch (state) {
    case UnitState::untranslated:
        break;
    case UnitState::fuzzy:
        if (v2) break;
        return kept_text ? "needs-translation" : "needs-review-translation";
    case UnitState::translated:
        return "translated";
    case UnitState::reviewed:
        return v2 ? "reviewed" : "signed-off";
    case UnitState::final_state:
        return "final";
    }
    return "initial";
}

UnitState state_read12(const pugi::xml_node& trans_unit, const pugi::xml_node& target,
                       const std::string& target_text) {
    if (!target) return UnitState::untranslated;
    const std::string s = attr(target, "state");
    if (s.rfind("needs-review", 0) == 0 || s == "needs-adaptation" || s == "needs-l10n")
        return UnitState::fuzzy;
    if (target_text.empty()) return UnitState::untranslated;
    if (s == "new" || s == "needs-translation") return UnitState::fuzzy;
    if (s == "final") return UnitState::final_state;
    if (s == "signed-off") return UnitState::reviewed;
    if (s == "translated") return UnitState::translated;
    // No state (or an x- extension): approved="no" marks an unconfirmed target.
    return attr(trans_unit, "approved") == "no" ? UnitState::fuzzy : UnitState::translated;
}

UnitState state_read20(const std::string& state, bool has_target, const std::string& target_text) {
    if (!has_target || target_text.empty()) return UnitState::untranslated;
    if (state.empty() || state == "initial") return UnitState::fuzzy;
    if (state == "reviewed") return UnitState::reviewed;
    if (state == "final") return UnitState::final_state;
    return UnitState::translated;
}

} // namespace policyloc::detail
