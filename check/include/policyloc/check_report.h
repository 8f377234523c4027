// The report of `policyloc check`: completeness per page and locale and per catalog, and the
// problems found, each with a stable check id, a severity and the catalog line of its unit.
// The check library fills it; the JSON, HTML and table writers (check_output.h) show it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/diagnostic.h"
#include "policyloc/stats.h"

namespace policyloc {

// One kind of problem: its stable id, its severity and what it means (README lists them).
struct CheckInfo {
    std::string_view id;
    Severity severity;
    std::string_view meaning;
};

// Every check, in the order the README documents them.
std::span<const CheckInfo> check_catalogue();
// The check with this id; null for an unknown id.
const CheckInfo* check_info(std::string_view id);

// Another place a problem involves (consistency: the unit translated otherwise).
struct ProblemPlace {
    std::string catalog;
    int line = 0;
    std::string unit_id;
    std::string target;
};

struct Problem {
    std::string id; // a check id of check_catalogue()
    Severity severity = Severity::error;
    std::string locale;
    std::string catalog; // the catalog file, and the line of the unit's entry in it
    int line = 0;
    std::string unit_id; // empty for a problem of a whole catalog or page
    std::string page;    // the page the unit is on, when one was checked, and its line there
    int page_line = 0;
    std::string message; // English: the report's data (the JSON report)
    std::string text;    // the message in the user's language (table, HTML); empty: the message
    std::string source;
    std::string target;
    std::vector<ProblemPlace> related;
};

// A problem of check `id` (severity from the catalogue) about `unit` of `catalog`.
Problem problem_for_unit(std::string_view id, const Unit& unit, const std::string& catalog,
                         const std::string& locale, std::string message, std::string text = {});

// What the table and the HTML report show: the message in the user's language.
const std::string& problem_text(const Problem& p);

// The ids a translator silenced on one unit: "policyloc-ignore: ID, ID" in its translator
// comments (PO "# policyloc-ignore: ...", an XLIFF translator note).
std::vector<std::string> unit_ignored_checks(const Unit& unit);

// Units and source words of one page in one locale, by what the locale's catalogs hold.
struct PageCompleteness {
    std::string page;
    std::string locale;
    std::vector<std::string> catalogs;
    Count translated; // translated, reviewed or final
    Count fuzzy;
    Count untranslated;
    Count missing; // units of the page that no catalog of the locale has
    Count total() const;
    double percent_words() const; // translated words of all (100 for a page without words)
    double percent_units() const;
    bool meets_threshold = true;
};

// Units and source words of one catalog, and how it matches the pages checked.
struct CatalogCompleteness {
    std::string catalog;
    std::string locale;   // the locale it was checked for
    std::string language; // the language its header names
    CatalogStats stats;
    double percent_words() const { return stats.percent_words_done(false); }
    double percent_units() const;
    size_t missing_units = 0;    // units of the pages the catalog lacks (with pages only)
    size_t extra_units = 0;      // units the catalog has that no page checked has
    bool meets_threshold = true; // without pages: the catalog's own percentage
};

struct CheckReport {
    std::vector<PageCompleteness> pages;
    std::vector<CatalogCompleteness> catalogs;
    std::vector<Problem> problems; // ordered by locale, catalog, line
    size_t ignored = 0;            // problems silenced by --ignore or a unit's comment
    std::optional<double> min_complete;

    size_t count(Severity severity) const;
    // No error-severity problem (with `strict`, no warning either).
    bool passed(bool strict) const;
};

} // namespace policyloc
