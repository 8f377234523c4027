// The structure guard: the spliced page is parsed once more and its block tree compared with
// the source's; translations that change it are rejected, slot by slot, until the trees agree
// (private to the merger).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "splice.h"

namespace policyloc::detail {

struct GuardResult {
    std::string output;
    // Per slot: how many catalogs of the chain, from the first, were rejected because their
    // translation would change the page's block structure (0: none).
    std::vector<size_t> rejected;
    Diagnostics diagnostics;
};

// Splices the page and rejects translations until its block tree and front matter syntax
// match the source's. Each round rejects, from one parse, the one translation on every page
// line whose blocks differ; where that cannot tell, the slots near the difference are tried,
// then the translated slots are searched by bisection; only a difference that the source text
// itself shows is an error.
GuardResult guard_structure(Splicer& splicer, std::string_view page, const Skeleton& skeleton,
                            size_t chain_size);

} // namespace policyloc::detail
