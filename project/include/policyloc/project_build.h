// Building a project: every page in every locale. Catalogs are read once each, pages parsed
// once each, the merges spread over threads; a file is written only when its content changes,
// and a page below its threshold is skipped (and its earlier output removed, by default).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "policyloc/diagnostic.h"
#include "policyloc/file_io.h"
#include "policyloc/merge.h"
#include "policyloc/project.h"

namespace policyloc {

struct BuildOptions {
    unsigned jobs = 1;                // threads for reading pages and for the merges
    std::vector<std::string> locales; // only these (empty: every locale of the project)
    std::string html_dir; // when set: an HTML preview of each page, and index.html, go there
    // Called after each merge with the merges done and the total, from the merging threads,
    // one call at a time.
    std::function<void(size_t done, size_t total)> progress;
};

// One page in one locale.
struct BuildRow {
    std::string page;   // the source page
    std::string locale; // as configured
    std::string output;
    PageAction action = PageAction::write;
    WriteOutcome written = WriteOutcome::unchanged; // for the write actions
    bool removed = false;                           // an earlier output was removed
    MergeStats stats;
    std::vector<std::string> catalogs; // the chain used ("pseudo" for a pseudo-locale)
    std::string date;                  // the date written on the page, as the locale writes it
    std::string preview;               // the HTML preview written, if any
};

struct BuildResult {
    std::vector<BuildRow> rows; // pages in order, each in the project's locale order
    Diagnostics diagnostics;
    bool required_skipped = false; // a required locale was below its threshold somewhere
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

BuildResult project_build(const ProjectConfig& config, const BuildOptions& options);

} // namespace policyloc
