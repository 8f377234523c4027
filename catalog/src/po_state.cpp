// Reviewed and final states as a PO translator comment line (see po_state.h).
#include "po_state.h"

#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

namespace policyloc::detail {

namespace {

constexpr std::string_view kPrefix = "policyloc-state: ";

// The translation as PO holds it: msgstr, or the plural forms (at least two) joined by NUL.
std::string translation_text(const Unit& u) {
    if (!u.source_plural) return u.target;
    std::vector<std::string> forms = u.plural_targets;
    if (forms.empty()) forms.push_back(u.target);
    if (forms.size() < 2) forms.resize(2);
    std::string out;
    for (size_t i = 0; i < forms.size(); ++i) out += (i ? std::string(1, '\0') : "") + forms[i];
    return out;
}

// FNV-1a, 32 bits, as 8 hex digits.
std::string text_hash(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h));
    return buf;
}

} // namespace

std::string po_comments_with_state(const Unit& unit) {
    if (unit.state != UnitState::reviewed && unit.state != UnitState::final_state)
        return unit.comments;
    const std::string line = std::string(kPrefix) + unit_state_name(unit.state) + " " +
                             text_hash(translation_text(unit));
    return unit.comments.empty() ? line : unit.comments + "\n" + line;
}

void po_state_from_comments(Unit& unit) {
    if (unit.comments.find(kPrefix) == std::string::npos) return;
    std::vector<std::string> kept;
    std::string state_line;
    bool found = false;
    for (size_t start = 0; start <= unit.comments.size();) {
        size_t nl = unit.comments.find('\n', start);
        if (nl == std::string::npos) nl = unit.comments.size();
        std::string line = unit.comments.substr(start, nl - start);
        if (!found && line.compare(0, kPrefix.size(), kPrefix) == 0) {
            state_line = line.substr(kPrefix.size());
            found = true;
        } else {
            kept.push_back(std::move(line));
        }
        start = nl + 1;
    }
    if (!found) return;
    unit.comments.clear();
    for (size_t i = 0; i < kept.size(); ++i) unit.comments += (i ? "\n" : "") + kept[i];
    if (unit.state != UnitState::translated) return;
    const std::string hash = text_hash(translation_text(unit));
    if (state_line == std::string("reviewed ") + hash)
        unit.state = UnitState::reviewed;
    else if (state_line == std::string("final ") + hash)
        unit.state = UnitState::final_state;
}

} // namespace policyloc::detail
