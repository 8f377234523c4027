// Quality checks of one translated unit, one family per function (and per source file). Each
// compares the unit's target with its source; the protected spans are the unit's inline codes
// (Unit::codes). A finding names a check id of check_catalogue() and says what is wrong.
#pragma once

#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/check_wording.h"
#include "policyloc/stats.h"

namespace policyloc {

struct UnitFinding {
    std::string id;
    std::string message;   // English: the report's data
    std::string text = {}; // the user's language; empty: the message
};
using UnitFindings = std::vector<UnitFinding>;

inline UnitFinding unit_finding(std::string id, Wording w) {
    return {std::move(id), std::move(w.message), std::move(w.text)};
}

// protected-span, email, url, number: what the translation must carry over. E-mail addresses
// and URLs inside protected spans are left to protected-span, so that one defect is one
// finding; numbers are compared by value in any numbering system ("١٣" is 13).
UnitFindings check_carried_text(const Unit& unit);

// link-added, link-changed, markup-unbalanced, link-space, hard-break: the Markdown of the
// translation read as a reader's parser reads it.
UnitFindings check_markup(const Unit& unit);

// html-unsafe, html-new-tag: raw HTML (and link schemes) the source did not have.
UnitFindings check_html(const Unit& unit);

// whitespace, double-space, identical: the shape of the text. `words` counts words as
// `stats` does.
UnitFindings check_text_shape(const Unit& unit, WordCounter& words);

// Every family above, for a unit with a usable translation (nothing otherwise).
UnitFindings check_unit(const Unit& unit, WordCounter& words);

} // namespace policyloc
