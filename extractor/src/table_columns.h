// Columns of a GFM table as cmark-gfm gives it (private to the extractor), for the directive
// "<!-- policyloc: skip-column N -->" that leaves a column untranslated.
#pragma once

#include <optional>
#include <string_view>

#include <cmark-gfm.h>

namespace policyloc {

// The 1-based column of a table cell.
int table_column_of(cmark_node* cell);

// The column `spec` names in `table`: a 1-based number, or the text of a header cell.
std::optional<int> table_column_named(cmark_node* table, std::string_view spec);

} // namespace policyloc
