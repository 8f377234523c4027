// Inline formatting of a unit's text as pairs of codes for XLIFF (private to the extractor):
// emphasis, strong, strikethrough, links and images, located by walking cmark-gfm's inline
// tree along the text.
#pragma once

#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "policyloc/catalog.h"

namespace policyloc {

// The pairs of `text`, whose inline children cmark-gfm parsed into `block`; `codes` are the
// text's protected spans (find_protected_spans). Empty when the tree cannot be followed along
// the text byte for byte (then XLIFF shows the formatting as text, as PO does).
std::vector<MarkupPair> find_markup_pairs(std::string_view text, cmark_node* block,
                                          const std::vector<InlineCode>& codes);

} // namespace policyloc
