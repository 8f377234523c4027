// The policyloc subcommands, one file each (extract_command.cpp, ...). Each takes its options,
// prints diagnostics to standard error and returns the process exit code: 0 fine, 1 a check
// failed, 2 bad usage or unreadable input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli_io.h"

namespace policyloc::cli {

struct ExtractCommand {
    std::vector<std::string> pages;
    std::string output;    // a file, or a directory with per_page
    bool per_page = false; // one template per page, named after the page
    std::string xliff_version = "1.2";
    std::string source_lang = "en";
    std::string target_lang;
    std::vector<std::string> keys;               // front-matter keys added to the defaults
    bool keys_only = false;                      // `keys` replace the defaults
    std::optional<std::string> shortcode_params; // "alert.text,*.title"; nothing: the defaults
};
int run_extract(const ExtractCommand& c);

struct MergeCommand {
    std::string page;
    std::string catalog; // a catalog file, or a directory of <locale>.po/.xlf
    std::string locale;
    std::string output = "-";
    std::optional<std::string> date; // YYYY-MM-DD
    std::string time_zone = "UTC";
    std::string dates = "render";      // render | keep
    std::vector<std::string> fallback; // catalogs or locales to try next
    std::optional<double> min_complete;
    bool use_fuzzy = false;
    std::string wrap = "source";   // source | none | N
    bool quiet = false;            // no notes (warnings and errors are always shown)
    bool verbose = false;          // print the chain of catalogs
    std::vector<std::string> keys; // front-matter keys added to the defaults and the catalog's
    bool keys_only = false;        // `keys` alone
    bool strict = false;           // exit 1 when a broken translation fell back
    std::optional<std::string> shortcode_params; // nothing: the catalog's, else the defaults
};
int run_merge(const MergeCommand& c);

struct UpdateCommand {
    std::vector<std::string> files; // pages (.md) and catalogs, in any order; none: the project's
    std::string config = "policyloc.toml";
    std::vector<std::string> compendia; // translation memories of the catalogs' language
    bool drop_obsolete = false;
    bool no_fuzzy = false;
    std::string source_lang = "en";
    std::string xliff_version = "1.2"; // for a catalog that does not exist yet
    std::vector<std::string> keys;
    bool keys_only = false;
    std::optional<std::string> shortcode_params; // nothing: the config's, the catalog's, defaults
};
int run_update(const UpdateCommand& c);

struct BuildCommand {
    std::string config = "policyloc.toml";
    unsigned jobs = 1;
    std::vector<std::string> locales; // only these
    std::string html;                 // a directory for HTML previews
};
int run_build(const BuildCommand& c);

struct ExportCommand {
    std::vector<std::string> catalogs;
    std::string output;                               // HANDOFF.xlf or HANDOFF.po
    std::vector<std::string> only = {"new", "fuzzy"}; // states handed off
    std::string xliff_version = "1.2";
};
int run_export(const ExportCommand& c);

struct ImportCommand {
    std::vector<std::string> files; // returned hand-off files and the catalogs to import into
    bool force = false;             // lower reviewed/final units when the returned state is lower
};
int run_import(const ImportCommand& c);

struct ConvertCommand {
    std::string input;
    std::string output;
    std::string xliff_version = "1.2";
    std::string source_lang;
    std::string target_lang;
};
int run_convert(const ConvertCommand& c);

struct PseudoCommand {
    std::vector<std::string> inputs; // pages (.md), or template catalogs (.pot, .po, .xlf)
    std::string output;
    std::string locale; // en-XA or ar-XB
    std::string xliff_version = "1.2";
    std::string source_lang = "en"; // of pages
    std::vector<std::string> keys;  // front-matter keys of pages, added to the defaults
    bool keys_only = false;
};
int run_pseudo(const PseudoCommand& c);

struct StatsCommand {
    std::vector<std::string> files;
    bool json = false;
};
int run_stats(const StatsCommand& c);

struct CheckCommand {
    std::vector<std::string> inputs;   // pages, catalog files and catalog directories; none: the
    std::optional<std::string> config; // project's (--config, or policyloc.toml here)
    std::vector<std::string> locales;  // empty: each catalog's own
    std::optional<double> min_complete;
    bool json = false;
    std::optional<std::string> html; // report file
    bool strict = false;             // warnings fail too
    std::vector<std::string> ignore; // check ids silenced for the project
    std::vector<std::string> glossaries;
    std::string source_lang = "en";
    unsigned jobs = 1; // threads, for a project
};
int run_check(const CheckCommand& c);

} // namespace policyloc::cli
