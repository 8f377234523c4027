// The three forms of a check report: a table for people, JSON for machines (its schema is
// docs/check-report.schema.json) and a self-contained HTML page.
#pragma once

#include <string>

#include "policyloc/check_report.h"

namespace policyloc {

struct ReportOptions {
    bool strict = false; // warnings fail too (what "passed" says)
    bool colour = false; // ANSI colours in the table (the CLI sets it on a terminal)
};

// The table: one line per page and locale (or per catalog), then the problems as
// "catalog:line: severity: message [id]", then a summary line.
std::string check_report_table(const CheckReport& report, const ReportOptions& options);

// JSON; every field is described by docs/check-report.schema.json.
std::string check_report_json(const CheckReport& report, const ReportOptions& options);

// One HTML page without external assets: a bar per page and locale (or catalog), the
// problems, each linked to its unit, and the units with their source and target (target text
// of right-to-left locales shown right to left).
std::string check_report_html(const CheckReport& report, const ReportOptions& options);

} // namespace policyloc
