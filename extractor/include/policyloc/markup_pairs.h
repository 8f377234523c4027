// Inline formatting as pairs of codes for catalogs that do not carry it: a PO file keeps the
// Markdown text only, so before it is written as XLIFF each unit's source and target are parsed
// with cmark-gfm to find their emphasis, strong, strikethrough, links and images.
#pragma once

#include "policyloc/catalog.h"

namespace policyloc {

// Sets unit.markup from its source when it is empty, and unit.target_markup from its target when
// the target has the same pairs (each of the same kind, matched first by identical delimiters,
// then in order). A text that does not parse as one paragraph of inline content gets no pairs.
void markup_annotate(Unit& unit);
// The same for every unit of the catalog.
void markup_annotate(Catalog& catalog);

} // namespace policyloc
