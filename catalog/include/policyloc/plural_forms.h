// How many plural forms a catalog's language has, from its PO header's Plural-Forms field.
#pragma once

#include <optional>

#include "policyloc/catalog.h"

namespace policyloc {

// nplurals of "Plural-Forms: nplurals=N; plural=...;" (1 to 6 for the languages gettext
// knows); nothing without the field or with a count outside 1..100.
std::optional<int> catalog_plural_count(const Catalog& catalog);

} // namespace policyloc
