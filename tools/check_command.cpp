// policyloc check: completeness and quality of catalogs, per page and locale. The check
// library decides and reports; this file reads the inputs and writes the report.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/check_output.h"
#include "policyloc/check_run.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/project_check.h"
#include "project_io.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

struct Inputs {
    std::vector<CheckPage> pages;
    CheckPlanInput plan;
    std::map<std::string, Catalog> loaded; // catalog files read so far, by path
};

// Sorts the arguments into pages, catalog files and catalog directories; false on an input
// that cannot be read.
bool read_inputs(const CheckCommand& c, Inputs& in) {
    in.plan.locales = c.locales;
    std::error_code ec;
    for (const std::string& arg : c.inputs) {
        if (fs::is_directory(arg, ec)) {
            in.plan.directories.push_back({arg, file_list_regular(arg)});
            continue;
        }
        auto format = catalog_format_for_path(arg);
        if (format && fs::path(arg).extension() == ".pot") {
            usage_error(i18n_format(
                _("%s is a template; give the translated catalogs (or their directory)"),
                arg.c_str()));
            return false;
        }
        if (format) {
            auto cat = load_catalog(arg);
            if (!cat) return false;
            in.plan.files.push_back({arg, cat->target_lang});
            in.loaded.emplace(arg, std::move(*cat));
            continue;
        }
        FileReadResult page = file_read(arg);
        print(page.diagnostics);
        if (!page.content) return false;
        in.pages.push_back({arg, std::move(*page.content)});
    }
    return true;
}

std::optional<std::vector<CheckCatalog>> read_catalogs(const CheckPlan& plan, Inputs& in) {
    std::vector<CheckCatalog> out;
    for (const CheckTarget& t : plan.targets) {
        auto it = in.loaded.find(t.planned.path);
        if (it == in.loaded.end()) {
            auto cat = load_catalog(t.planned.path);
            if (!cat) return std::nullopt;
            it = in.loaded.emplace(t.planned.path, std::move(*cat)).first;
        }
        out.push_back({t, it->second});
    }
    return out;
}

std::optional<CheckOptions> check_options(const CheckCommand& c) {
    CheckOptions o;
    o.min_complete = c.min_complete;
    for (const std::string& id : c.ignore) {
        if (!check_info(id) && id != "all") {
            usage_error(i18n_format(
                _("--ignore: '%s' is not a check id (see policyloc check --help)"), id.c_str()));
            return std::nullopt;
        }
        o.ignore.push_back(id);
    }
    for (const std::string& g : c.glossaries) {
        FileReadResult text = file_read(g);
        print(text.diagnostics);
        if (!text.content) return std::nullopt;
        GlossaryReadResult r = glossary_read(*text.content, g, c.source_lang);
        print(r.diagnostics);
        if (!r.glossary || diagnostics_have_error(r.diagnostics)) return std::nullopt;
        glossary_merge(o.glossary, *r.glossary);
    }
    return o;
}

ReportOptions report_options(const CheckCommand& c) {
    ReportOptions ro;
    ro.strict = c.strict;
    ro.colour = !c.json && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    return ro;
}

int write_report(const CheckCommand& c, const CheckReport& report) {
    ReportOptions ro = report_options(c);
    if (c.html &&
        !write_output(*c.html, check_report_html(report, ro), WriteDurability::regenerable))
        return exit_bad_input;
    std::cout << (c.json ? check_report_json(report, ro) : check_report_table(report, ro));
    return report.passed(c.strict) ? exit_ok : exit_check_failed;
}

// Every page in every locale of the project, each locale with its own threshold.
int check_project(const CheckCommand& c, CheckOptions options) {
    std::optional<ProjectConfig> config = load_project(c.config.value_or(kDefaultConfig));
    if (!config) return exit_bad_input;
    if (c.min_complete)
        for (LocaleSettings& l : config->locales) l.min_complete = c.min_complete;
    ProjectCheckOptions po;
    po.locales = c.locales;
    po.ignore = std::move(options.ignore);
    po.glossary = std::move(options.glossary);
    po.jobs = c.jobs;
    ProjectCheckResult r = project_check(*config, po);
    print(r.diagnostics);
    if (!r.ok()) return exit_bad_input;
    return write_report(c, r.report);
}

} // namespace

int run_check(const CheckCommand& c) {
    std::optional<CheckOptions> options = check_options(c);
    if (!options) return exit_bad_input;
    if (c.inputs.empty()) return check_project(c, std::move(*options));
    if (c.config) return usage_error(_("give either pages and catalogs, or --config, not both"));
    Inputs in;
    if (!read_inputs(c, in)) return exit_bad_input;
    CheckPlan plan = check_plan_build(in.plan);
    print(plan.diagnostics);
    if (!plan.ok()) return exit_bad_input;
    if (plan.targets.empty()) return usage_error(_("no catalog to check"));
    std::optional<std::vector<CheckCatalog>> catalogs = read_catalogs(plan, in);
    if (!catalogs) return exit_bad_input;

    CheckRunResult r = check_run(in.pages, *catalogs, *options);
    print(r.diagnostics);
    if (diagnostics_have_error(r.diagnostics)) return exit_bad_input;

    return write_report(c, r.report);
}

} // namespace policyloc::cli
