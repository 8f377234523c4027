// The catalogs a merge benchmark fills a page from, built in memory from the page's template:
// an identity catalog (every target equals its source) and a fully translated one (every
// letter outside the protected spans changed, so every unit is re-escaped and re-wrapped).
#pragma once
#include <string>

#include "policyloc/catalog.h"

namespace policyloc::bench {

// Every unit translated with its source as target, for `locale`.
Catalog identity_catalog(const Catalog& page_template, const std::string& locale);

// Every unit translated: ASCII letters outside the unit's inline codes rotated by 13 (same
// length, same protected spans, different words), for `locale`.
Catalog translated_catalog(const Catalog& page_template, const std::string& locale);

} // namespace policyloc::bench
