// Where `extract --per-page` writes each page's template: DIR/<page's stem>.<extension>. Two
// different pages with the same stem (a/privacy.md and b/privacy.md) would write one file, the
// second replacing the first; that is refused, naming both pages, and nothing is written. The
// same page given twice is written once.
#pragma once

#include <string>
#include <vector>

#include "policyloc/diagnostic.h"

namespace policyloc {

struct PerPageOutput {
    std::string page;
    std::string output;
};

struct PerPageOutputs {
    std::vector<PerPageOutput> outputs; // empty when `diagnostics` holds an error
    Diagnostics diagnostics;
};

// `extension` without its dot ("pot", "xlf").
PerPageOutputs per_page_outputs(const std::vector<std::string>& pages, const std::string& dir,
                                const std::string& extension);

} // namespace policyloc
