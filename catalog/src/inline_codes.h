// The placeholder list of a unit's notes, shared by the PO and XLIFF codecs (private).
#pragma once

#include <string>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc::detail {

// The unit's notes followed by its inline codes, one "{N} KIND: TEXT" line each; KIND ends in
// " (occurrence N)" when TEXT occurs before the code, after the previous one.
std::string notes_with_codes(const Unit& unit);
// Splits such notes back into plain notes and codes located in `source`; false when the
// list does not match the source.
bool split_code_list(const std::string& notes, const std::string& source, std::string& notes_out,
                     std::vector<InlineCode>& codes_out);

} // namespace policyloc::detail
