// Reviewed and final states in PO, which has only fuzzy and not fuzzy: a translator comment line
//
//     # policyloc-state: final 1a2b3c4d
//
// names the state and a hash of the translation it was given to. gettext's tools keep
// translator comments (msgmerge, msgcat, msgattrib), so a sign-off survives them and a
// PO -> XLIFF -> PO round trip; a translation edited since (in a PO editor that knows nothing of
// the line) no longer matches the hash, and reads back as translated: the sign-off was for
// other text. Private to the PO codec.
#pragma once

#include <string>

#include "policyloc/catalog.h"

namespace policyloc::detail {

// The unit's translator comments, with the state line for a reviewed or final unit.
std::string po_comments_with_state(const Unit& unit);

// Takes the state line out of `unit.comments`; a translated unit whose translation matches the
// line's hash gets the state it names.
void po_state_from_comments(Unit& unit);

} // namespace policyloc::detail
