// Where each entry of a PO file starts: the line of its "msgid" keyword, for diagnostics that
// point into a catalog (Unit::catalog_line). Private to the PO codec.
#pragma once

#include <string_view>

#include "policyloc/catalog.h"

namespace policyloc::detail {

// Sets catalog_line of the catalog's live units from the PO text they were read from, in order
// (the header entry and obsolete "#~" entries are skipped). Leaves them at 0 when the text's
// entries and the units do not pair up.
void po_entry_lines_set(std::string_view po_text, Catalog& catalog);

} // namespace policyloc::detail
