// Completeness statistics of a catalog: units and source words per state.
#pragma once

#include "policyloc/catalog.h"

namespace policyloc {

struct Count {
    size_t units = 0;
    size_t words = 0;
};

struct CatalogStats {
    Count translated; // translated, reviewed or final
    Count fuzzy;
    Count untranslated;
    Count obsolete;
    Count total() const; // translated + fuzzy + untranslated (obsolete excluded)
    // Percent of source words translated (100 for an empty catalog).
    double percent_complete() const;
};

// Words counted with ICU's word break iterator (segments that hold letters or digits).
size_t count_words(std::string_view utf8_text);

CatalogStats catalog_stats(const Catalog& catalog);

} // namespace policyloc
