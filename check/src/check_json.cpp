// The report as JSON (schema: docs/check-report.schema.json).
#include <nlohmann/json.hpp>

#include "policyloc/check_output.h"

namespace policyloc {

namespace {

using nlohmann::json;

const char* severity_name(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

json count(const Count& c) {
    return json{{"units", c.units}, {"words", c.words}};
}

json page_json(const PageCompleteness& p) {
    return json{{"page", p.page},
                {"locale", p.locale},
                {"catalogs", p.catalogs},
                {"translated", count(p.translated)},
                {"fuzzy", count(p.fuzzy)},
                {"untranslated", count(p.untranslated)},
                {"missing", count(p.missing)},
                {"total", count(p.total())},
                {"percent_words", p.percent_words()},
                {"percent_units", p.percent_units()},
                {"meets_threshold", p.meets_threshold}};
}

json catalog_json(const CatalogCompleteness& c) {
    return json{{"catalog", c.catalog},
                {"locale", c.locale},
                {"language", c.language},
                {"translated", count(c.stats.translated)},
                {"fuzzy", count(c.stats.fuzzy)},
                {"untranslated", count(c.stats.untranslated)},
                {"obsolete", count(c.stats.obsolete)},
                {"total", count(c.stats.total())},
                {"percent_words", c.percent_words()},
                {"percent_units", c.percent_units()},
                {"missing_units", c.missing_units},
                {"extra_units", c.extra_units},
                {"meets_threshold", c.meets_threshold}};
}

json problem_json(const Problem& p) {
    json related = json::array();
    for (const ProblemPlace& r : p.related)
        related.push_back(
            {{"catalog", r.catalog}, {"line", r.line}, {"unit", r.unit_id}, {"target", r.target}});
    return json{{"id", p.id},           {"severity", severity_name(p.severity)},
                {"locale", p.locale},   {"catalog", p.catalog},
                {"line", p.line},       {"unit", p.unit_id},
                {"page", p.page},       {"page_line", p.page_line},
                {"message", p.message}, {"source", p.source},
                {"target", p.target},   {"related", related}};
}

} // namespace

std::string check_report_json(const CheckReport& report, const ReportOptions& options) {
    json pages = json::array();
    for (const PageCompleteness& p : report.pages) pages.push_back(page_json(p));
    json catalogs = json::array();
    for (const CatalogCompleteness& c : report.catalogs) catalogs.push_back(catalog_json(c));
    json problems = json::array();
    for (const Problem& p : report.problems) problems.push_back(problem_json(p));
    json out{{"format", "policyloc-check"},
             {"version", 1},
             {"min_complete", report.min_complete ? json(*report.min_complete) : json(nullptr)},
             {"pages", pages},
             {"catalogs", catalogs},
             {"problems", problems},
             {"summary",
              {{"errors", report.count(Severity::error)},
               {"warnings", report.count(Severity::warning)},
               {"notes", report.count(Severity::note)},
               {"ignored", report.ignored},
               {"passed", report.passed(options.strict)}}}};
    return out.dump(2) + "\n";
}

} // namespace policyloc
