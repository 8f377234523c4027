// Hand-off export: the units that need work, per catalog (see handoff.h).
#include <cctype>

#include "policyloc/handoff.h"
#include "policyloc/i18n.h"

namespace policyloc {

bool HandoffStates::includes(UnitState state) const {
    switch (state) {
    case UnitState::untranslated:
        return untranslated;
    case UnitState::fuzzy:
        return fuzzy;
    case UnitState::translated:
        return translated;
    case UnitState::reviewed:
        return reviewed;
    case UnitState::final_state:
        return final_state;
    }
    return false;
}

std::optional<HandoffStates> handoff_states_parse(const std::vector<std::string>& names,
                                                  std::string& bad_name) {
    HandoffStates states{false, false, false, false, false};
    for (const std::string& name : names) {
        if (name == "new" || name == "untranslated")
            states.untranslated = true;
        else if (name == "fuzzy")
            states.fuzzy = true;
        else if (name == "translated")
            states.translated = true;
        else if (name == "reviewed")
            states.reviewed = true;
        else if (name == "final")
            states.final_state = true;
        else {
            bad_name = name;
            return std::nullopt;
        }
    }
    if (names.empty()) return std::nullopt;
    return states;
}

UnitState handoff_state(const Unit& unit) {
    bool any_target = !unit.target.empty();
    for (const std::string& t : unit.plural_targets) any_target = any_target || !t.empty();
    return any_target ? unit.state : UnitState::untranslated;
}

bool handoff_is_marked(const Catalog& catalog) {
    return catalog.header_field(kHandoffField).has_value();
}

Catalog handoff_select(const Catalog& catalog, const HandoffStates& states,
                       const std::string& name) {
    Catalog out;
    out.source_lang = catalog.source_lang;
    out.target_lang = catalog.target_lang;
    out.header = catalog.header;
    out.header_comment = catalog.header_comment;
    out.header_fuzzy = catalog.header_fuzzy;
    out.original = catalog.original;
    out.set_header_field(kHandoffField, name);
    for (const Unit& u : catalog.units())
        if (!u.obsolete && states.includes(handoff_state(u))) out.add(u);
    return out;
}

bool handoff_language_fits(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return true;
    auto lower = [](std::string_view s) {
        std::string out;
        for (char c : s)
            out += static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const std::string x = lower(a), y = lower(b);
    const std::string& shorter = x.size() <= y.size() ? x : y;
    const std::string& longer = x.size() <= y.size() ? y : x;
    return longer.compare(0, shorter.size(), shorter) == 0 &&
           (longer.size() == shorter.size() || longer[shorter.size()] == '-');
}

Handoff handoff_export(const std::vector<HandoffSource>& sources, const HandoffStates& states) {
    Handoff h;
    const HandoffSource* first_lang = nullptr;
    for (const HandoffSource& s : sources) {
        if (s.catalog->target_lang.empty()) continue;
        if (!first_lang) {
            first_lang = &s;
        } else if (!handoff_language_fits(first_lang->catalog->target_lang,
                                          s.catalog->target_lang)) {
            h.diagnostics.push_back(
                {Severity::error, s.name, 0, 0,
                 i18n_format(_("the catalog is in '%s' but %s is in '%s': a "
                               "hand-off holds one target language"),
                             s.catalog->target_lang.c_str(), first_lang->name.c_str(),
                             first_lang->catalog->target_lang.c_str())});
        }
    }
    if (diagnostics_have_error(h.diagnostics)) return h;
    for (const HandoffSource& s : sources) {
        Catalog file = handoff_select(*s.catalog, states, s.name);
        if (file.size() > 0) h.files.push_back(std::move(file));
    }
    return h;
}

Catalog handoff_combine(const std::vector<Catalog>& files) {
    Catalog out;
    if (files.empty()) return out;
    const Catalog& first = files.front();
    out.source_lang = first.source_lang;
    out.target_lang = first.target_lang;
    out.header = first.header;
    out.header_comment = first.header_comment;
    out.header_fuzzy = first.header_fuzzy;
    out.original = first.original;
    std::string names;
    for (const Catalog& f : files) {
        const std::string name = f.header_field(kHandoffField).value_or(f.original);
        names += (names.empty() ? "" : ", ") + name;
        for (const Unit& u : f.units()) out.add(u);
    }
    out.set_header_field(kHandoffField, names);
    return out;
}

} // namespace policyloc
