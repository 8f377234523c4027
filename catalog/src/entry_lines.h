// Where each entry of a catalog file starts: the line a check reports a unit at (private to
// the catalog library; the PO and XLIFF readers fill Unit::catalog_line with it).
#pragma once

#include <string_view>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc::detail {

// 1-based line numbers of byte offsets, by binary search over the line starts of a text.
class LineStarts {
  public:
    explicit LineStarts(std::string_view text);
    int line_of(size_t offset) const;

  private:
    std::vector<size_t> starts_;
};

// Sets catalog_line of each unit of `catalog` to the line of its entry's "msgid" keyword in
// `po_text` (libgettextpo keeps no position of a message). Obsolete entries ("#~ msgid") are
// matched with obsolete units. Units whose entry is not found keep line 0.
void po_set_entry_lines(std::string_view po_text, Catalog& catalog);

} // namespace policyloc::detail
