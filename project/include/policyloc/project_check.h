// Checking a project: every page in every locale of policyloc.toml, with the catalogs a build
// would use (project_plan) and each locale's own threshold.
#pragma once

#include <string>
#include <vector>

#include "policyloc/check_run.h"
#include "policyloc/project_config.h"

namespace policyloc {

struct ProjectCheckOptions {
    std::vector<std::string> locales; // only these (empty: every locale of the project)
    std::vector<std::string> ignore;  // check ids silenced for the whole project
    Glossary glossary;
    unsigned jobs = 1; // threads: each locale's pages and catalog are checked apart
};

struct ProjectCheckResult {
    CheckReport report;
    // A page or catalog that cannot be read (exit 2); warnings: a locale without a catalog yet.
    Diagnostics diagnostics;
    // Locales whose report has an error, in the project's order (required or not).
    std::vector<std::string> failed_locales;
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

// The severity of a page below its locale's threshold: an error for a required locale (its
// build fails too); a warning for any other, whose page the build skips, keeps or fills with
// the source as the locale's below_threshold says.
Severity project_threshold_severity(const LocaleSettings& locale);

// Source-language and pseudo-locales are not checked: the first needs no catalog, the second's
// is made from the pages. Pages that share a catalog are checked together with it, so that
// one catalog per locale is checked once and per-page catalogs each with their page. Like the
// build's threshold, a page counts the translations of its locale's own catalog only.
ProjectCheckResult project_check(const ProjectConfig& config, const ProjectCheckOptions& options);

} // namespace policyloc
