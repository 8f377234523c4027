// A project's work: its pages (from the globs), and for each page and locale where the
// catalog is, where the localized page goes, and what happens to a page below its threshold.
#pragma once

#include <string>
#include <vector>

#include "policyloc/merge.h"
#include "policyloc/merge_plan.h"
#include "policyloc/project_config.h"

namespace policyloc {

struct ProjectPage {
    std::string path;     // as found from the config's directory ("site/content/en/privacy.md")
    std::string relative; // relative to the config's directory: what catalogs refer to
    std::string id;       // {page}: the path relative to pages_base, without the extension
    std::string name;     // {name}: the file name without the extension
};

// The pages the globs match, in sorted order, each once. A glob that matches nothing is an
// error naming it.
std::vector<ProjectPage> project_pages(const ProjectConfig& config, Diagnostics& diagnostics);

// A pattern with {locale}, {page} and {name} filled, relative to the config's directory.
std::string project_expand(const ProjectConfig& config, const std::string& pattern,
                           const ProjectPage& page, const std::string& locale);

// The catalog pattern filled for the page and locale; a locale's `format` sets the extension
// (.po, or .xlf for XLIFF).
std::string project_catalog_path(const ProjectConfig& config, const ProjectPage& page,
                                 const std::string& locale);
// The locale's catalog as it exists: the pattern's path, or else the file for the locale in that
// directory under another spelling or extension (de.xlf for "{locale}.po", pt_BR.po for pt-BR);
// the pattern's path when there is none yet.
std::string project_find_catalog(const ProjectConfig& config, const ProjectPage& page,
                                 const std::string& locale);

// The merge plan of a page in a locale: its catalog by the catalog pattern (or the locale's file
// in that directory, or a CLDR parent's), then the locale's fallbacks. A pseudo-locale's plan
// has no catalog: its catalog is made from the page.
MergePlan project_plan(const ProjectConfig& config, const ProjectPage& page,
                       const LocaleSettings& locale);

// In the Hugo layouts the locale is written in lowercase, as Hugo's language keys are.
std::string project_output_path(const ProjectConfig& config, const ProjectPage& page,
                                const std::string& locale);

// What a build does with one page in one locale, given how much of it is translated.
enum class PageAction {
    write,           // at or above the threshold
    write_source,    // below, written with the missing units in the source language
    skip_and_keep,   // below: no page; an earlier output stays
    skip_and_remove, // below: no page, and an earlier output is removed
};
PageAction project_page_action(const MergeStats& stats, const LocaleSettings& locale);

const char* page_action_name(PageAction action); // "written", "skipped", ...

// Whether a run limited to the locales `only` (--locale; empty: every locale) covers `locale`.
bool project_locale_selected(const std::vector<std::string>& only, const LocaleSettings& locale);

} // namespace policyloc
