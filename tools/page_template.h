// The template of one or more pages: their units in page order (identical units once, with
// every reference), and the header a template carries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc::cli {

// Extracts each page with `keys`; prints diagnostics; empty when a page cannot be read or cut.
// `names`, when given, are what references and diagnostics call the pages (one per page).
std::optional<Catalog> page_template_build(const std::vector<std::string>& pages,
                                           const std::vector<std::string>& keys,
                                           const std::vector<std::string>* names = nullptr);

// Languages, Project-Id-Version (from `original`, the page, or "pages"), the keys when they
// are not the defaults, and POT-Creation-Date only under SOURCE_DATE_EPOCH.
void page_template_header(Catalog& cat, const std::string& source_lang,
                          const std::string& target_lang, const std::string& original,
                          const std::vector<std::string>& keys);

} // namespace policyloc::cli
