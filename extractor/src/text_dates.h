// Dates written as text in the page's source language ("July 31, 2025", "31. Juli 2025",
// "2025年7月31日"), found with ICU (private to the extractor). A unit holds a placeholder
// ("{date}") where the page writes such a date; the merge writes the date per locale.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/extract.h"

namespace policyloc {

struct SpanScan;

// A date found in a text.
struct FoundDate {
    size_t begin = 0; // bytes of the text
    size_t end = 0;
    double when = 0;    // ms since the epoch, midnight UTC of that day
    std::string layout; // the Go layout of its form ("January 2, 2006", "Mon, Jan 2, 2006",
                        // "1/2/2006", ...): which fields the locale writes, not their order
};

// Finds the dates a locale writes: ICU's full, long, medium and short date patterns of the
// source locale, the same with an abbreviated weekday or month, numeric forms with a
// four-digit year (and two-digit day and month), and the patterns with month names of the
// language's "001" variant (en-001 writes "31 July 2025"). A text is a date when ICU parses
// it with one of these patterns (not leniently), formats the same day back to the very same
// text, and it stands on its own (no letter or digit right before or after it, no "1.2.2025"
// inside "1.2.2025.3"); its year is 1900 to 2199. Formats are created on the first text that
// could hold a date.
class TextDateFinder {
  public:
    explicit TextDateFinder(std::string source_locale);
    ~TextDateFinder();
    TextDateFinder(const TextDateFinder&) = delete;
    TextDateFinder& operator=(const TextDateFinder&) = delete;

    // The dates of `text` outside `codes` (sorted, not overlapping), in order.
    std::vector<FoundDate> find(std::string_view text, const std::vector<InlineCode>& codes);

  private:
    struct Impl;
    std::string locale_;
    std::unique_ptr<Impl> impl_;
};

// The placeholder of the `index`th of `count` dates of a unit: "{date}" for a single date,
// "{date1}", "{date2}", ... for several.
std::string text_date_placeholder(size_t index, size_t count);

// Replaces each date of scan.text (outside its codes) by its placeholder, a code of kind
// date, and returns the dates' actions (text: the placeholder; written: the day and the
// text as the page writes it). Nothing changes when the text already holds "{date", where a
// placeholder could not be told from the page's own text.
std::vector<DateAction> text_dates_replace(SpanScan& scan, TextDateFinder& finder);

} // namespace policyloc
