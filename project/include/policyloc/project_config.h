// The project: policyloc.toml says which pages, which locales, where catalogs and localized
// pages live, and what each locale needs. Read with toml++; every error names the file, line
// and column.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policyloc/diagnostic.h"

namespace policyloc {

// What to do with a page whose locale is below its threshold.
enum class BelowThreshold {
    remove, // no page, and an earlier output is removed (default: legal text must not go stale)
    keep,   // no page written; an earlier output stays
    source, // the page is written with the missing units in the source language
};

enum class OutputLayout {
    hugo_dirs,   // Hugo's content per language: ROOT/{locale}/{page}.md
    hugo_suffix, // Hugo's filename suffix: ROOT/{page}.{locale}.md
    jekyll,      // ROOT/{locale}/{page}.md (ROOT defaults to _pages)
    pattern,     // the `path` pattern, with {locale}, {page}, {name}
};

struct LocaleSettings {
    std::string tag;                    // BCP 47 as configured ("ar", "pt-BR")
    std::optional<double> min_complete; // percent of the page's source words
    bool required = false;              // a required locale below its threshold fails the build
    BelowThreshold below = BelowThreshold::remove;
    std::vector<std::string> fallbacks; // locales whose catalogs are tried next
    std::string numbering;              // BCP 47 "nu" (latn, arab, ...); empty: the locale's own
    std::string calendar;               // BCP 47 "ca" (gregory, persian, ...); empty: its own
    std::string time_zone = "UTC";
    std::optional<std::string> date; // YYYY-MM-DD for every page; else the page's own date
    bool use_fuzzy = false;
    // The locale's catalog format: "po", "xliff-1.2" or "xliff-2.0"; empty: the catalog
    // pattern's extension (and [catalogs] xliff_version).
    std::string format;
    // A pseudo-locale (en-XA, ar-XB) whose catalog is made from each page at build time, as
    // `policyloc pseudo` makes it; it has no catalog file.
    bool pseudo = false;
    // The tag with the numbering system and calendar as Unicode extensions: what ICU gets.
    std::string icu_tag() const;
};

struct ProjectConfig {
    std::string file; // the config file
    std::string root; // its directory: relative paths are relative to it
    std::string source_language = "en";
    std::vector<std::string> pages; // globs
    std::string pages_base;         // {page} is a page's path relative to this, without .md
    std::vector<std::string> keys;  // front-matter keys besides the defaults
    bool keys_only = false;
    // Translatable shortcode parameters ("alert.text", "*.title"); nothing: the defaults.
    std::optional<std::vector<std::string>> shortcode_params;
    std::string catalog_path = "locales/{locale}.po"; // {locale}, {page}
    std::string xliff_version = "2.0";                // for catalogs made by the project
    OutputLayout layout = OutputLayout::pattern;
    std::string output_root;                            // for the Hugo and Jekyll layouts
    std::string output_path = "out/{locale}/{page}.md"; // for the pattern layout
    std::vector<LocaleSettings> locales;                // in the order of the file
};

// The settings of a configured locale; null when the project has no such locale.
const LocaleSettings* project_locale(const ProjectConfig& config, const std::string& tag);

// The XLIFF version a locale's new XLIFF catalog is written in ("1.2" or "2.0").
std::string project_xliff_version(const ProjectConfig& config, const std::string& tag);

struct ProjectConfigResult {
    std::optional<ProjectConfig> config;
    Diagnostics diagnostics;
};

// Parses policyloc.toml text. `file` names it in diagnostics; its directory is the root.
ProjectConfigResult project_config_parse(std::string_view text, const std::string& file);

} // namespace policyloc
