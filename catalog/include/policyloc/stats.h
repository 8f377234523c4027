// Completeness statistics of a catalog: units and source words per state.
#pragma once

#include <memory>
#include <string_view>

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
    // The same, with fuzzy translations counted as translated when `include_fuzzy`; 100 when
    // the catalog has no source words (the threshold of merge --min-complete).
    double percent_words_done(bool include_fuzzy) const;
};

// Words counted with ICU's word break iterator (segments that hold letters or digits).
size_t count_words(std::string_view utf8_text);

// count_words() for many texts with one ICU word break iterator, created on first use:
// creating it costs more than counting the words of a unit. Not safe to use from two threads
// at once.
class WordCounter {
  public:
    WordCounter();
    ~WordCounter();
    WordCounter(const WordCounter&) = delete;
    WordCounter& operator=(const WordCounter&) = delete;
    size_t count(std::string_view utf8_text);

  private:
    struct Impl; // the ICU iterator, kept out of this header
    std::unique_ptr<Impl> impl_;
};

CatalogStats catalog_stats(const Catalog& catalog);

} // namespace policyloc
