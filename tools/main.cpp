// policyloc: localize Markdown policy pages through PO and XLIFF catalogs.
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "cli_i18n.h"
#include "commands.h"
#include "policyloc/catalog_io.h"
#include "policyloc/i18n.h"

namespace {

using namespace policyloc::cli;

constexpr const char* kShortcodeParamsHelp =
    N_("Translatable shortcode parameters, NAME.PARAM or *.PARAM, comma-separated ('none': none; "
       "default alert.text,figure.caption,figure.alt,*.title)");

CLI::App* add_extract(CLI::App& app, ExtractCommand& ex) {
    auto* extract = app.add_subcommand("extract", _("Write the translatable units of pages to a "
                                                    "PO template or an XLIFF file"));
    extract->add_option("pages", ex.pages, _("Markdown pages"))->required()->check(existing_file());
    extract
        ->add_option("-o,--output", ex.output,
                     _("OUT.pot, OUT.xlf (or a directory with --per-page)"))
        ->required();
    extract->add_flag("--per-page", ex.per_page, _("One template per page, in the -o directory"));
    extract->add_option("--xliff-version", ex.xliff_version, _("1.2 or 2.0"))
        ->check(CLI::IsMember({"1.2", "2.0"}));
    extract->add_option("--source-lang", ex.source_lang, _("Source language (BCP 47)"));
    extract->add_option("--target-lang", ex.target_lang, _("Target language for XLIFF (BCP 47)"));
    extract
        ->add_option("--keys", ex.keys,
                     _("Front-matter keys to translate besides title, linkTitle, description, "
                       "summary"))
        ->delimiter(',');
    extract->add_flag("--keys-only", ex.keys_only,
                      _("Translate only the --keys, not the defaults"));
    extract->add_option("--shortcode-params", ex.shortcode_params, _(kShortcodeParamsHelp));

    return extract;
}

CLI::App* add_merge(CLI::App& app, MergeCommand& mg) {
    auto* merge =
        app.add_subcommand("merge", _("Build a localized page from a page and a catalog"));
    merge->add_option("page", mg.page, _("Source Markdown page"))->required();
    merge
        ->add_option("catalog", mg.catalog,
                     _("The locale's catalog (PO/XLIFF), or a directory of <locale>.po|.xlf"))
        ->required();
    merge->add_option("--locale", mg.locale, _("Target locale (BCP 47)"))->required();
    merge->add_option("-o,--output", mg.output, _("Output page ('-' for standard output)"));
    merge->add_option("--date", mg.date, _("The page's date, YYYY-MM-DD"));
    merge->add_option("--timezone", mg.time_zone, _("Time zone for dates (IANA id)"));
    merge->add_option("--dates", mg.dates, _("render dates per locale, or keep the templates"))
        ->check(CLI::IsMember({"render", "keep"}));
    merge->add_option("--fallback", mg.fallback, _("Catalogs or locales to try next"))
        ->delimiter(',');
    merge->add_option("--min-complete", mg.min_complete,
                      _("Minimum percent of source words translated"));
    merge->add_flag("--use-fuzzy", mg.use_fuzzy, _("Use fuzzy translations"));
    merge->add_option("--wrap", mg.wrap, _("source, none, or a width"));
    merge->add_flag("-q,--quiet", mg.quiet, _("Leave out notes (warnings and errors are shown)"));
    merge->add_flag("-v,--verbose", mg.verbose, _("Print the chain of catalogs"));
    merge
        ->add_option("--keys", mg.keys,
                     _("Front-matter keys to translate besides the defaults and the catalog's"))
        ->delimiter(',');
    merge->add_flag("--keys-only", mg.keys_only, _("Translate only the --keys"));
    merge->add_flag(
        "--strict", mg.strict,
        _("Fail (exit 1, no page) when a translation is not used because it is broken"));
    merge->add_option("--shortcode-params", mg.shortcode_params, _(kShortcodeParamsHelp));

    return merge;
}

CLI::App* add_update(CLI::App& app, UpdateCommand& up) {
    auto* update = app.add_subcommand(
        "update", _("Carry catalogs over to the pages as they are now: exact matches kept, "
                    "changed sentences as fuzzy matches, gone ones obsolete"));
    update->add_option(
        "files", up.files,
        _("Pages (.md) and catalogs (.po, .xlf); none: every catalog of the project"));
    update->add_option("--config", up.config, _("The project's config (policyloc.toml)"));
    update->add_option("--compendium", up.compendia,
                       _("Catalogs of the same language used as a translation memory"));
    update->add_flag("--drop-obsolete", up.drop_obsolete, _("Leave out obsolete units"));
    update->add_flag("--no-fuzzy", up.no_fuzzy, _("No fuzzy matching"));
    update->add_option("--source-lang", up.source_lang, _("Source language (BCP 47)"));
    update->add_option("--xliff-version", up.xliff_version, _("1.2 or 2.0, for a new XLIFF file"))
        ->check(CLI::IsMember({"1.2", "2.0"}));
    update
        ->add_option("--keys", up.keys,
                     _("Front-matter keys to translate besides the defaults and the catalog's"))
        ->delimiter(',');
    update->add_flag("--keys-only", up.keys_only, _("Translate only the --keys"));
    update->add_option("--shortcode-params", up.shortcode_params, _(kShortcodeParamsHelp));
    return update;
}

CLI::App* add_build(CLI::App& app, BuildCommand& bd) {
    auto* build = app.add_subcommand("build", _("Build every page of the project in every locale "
                                                "(policyloc.toml)"));
    build->add_option("--config", bd.config, _("The project's config (policyloc.toml)"));
    build->add_option("-j,--jobs", bd.jobs, _("Threads for the merges"))
        ->check(CLI::Range(1u, 256u));
    build->add_option("--locale", bd.locales, _("Only these locales"))->delimiter(',');
    build->add_option(
        "--html", bd.html,
        _("Also write an HTML preview of each page, and index.html, into this directory"));
    return build;
}

CLI::App* add_export(CLI::App& app, ExportCommand& ex) {
    auto* exp = app.add_subcommand(
        "export", _("Write the units that need work (new and fuzzy) to one file for translators"));
    exp->add_option("catalogs", ex.catalogs, _("Catalogs of one language (.po, .xlf)"))
        ->required()
        ->check(existing_file());
    exp->add_option("-o,--output", ex.output, _("HANDOFF.xlf or HANDOFF.po"))->required();
    exp->add_option("--only", ex.only,
                    _("States to hand off: new, fuzzy, translated, reviewed, final (default "
                      "new,fuzzy)"))
        ->delimiter(',');
    exp->add_option("--xliff-version", ex.xliff_version, _("1.2 or 2.0"))
        ->check(CLI::IsMember({"1.2", "2.0"}));
    return exp;
}

CLI::App* add_import(CLI::App& app, ImportCommand& im) {
    auto* imp = app.add_subcommand(
        "import", _("Take back the translations of returned hand-off files into the catalogs"));
    imp->add_option("files", im.files, _("Returned hand-off files, then the catalogs"))->required();
    imp->add_flag("--force", im.force,
                  _("Take translations even where they lower a reviewed or final unit"));
    return imp;
}

CLI::App* add_convert(CLI::App& app, ConvertCommand& cv) {
    auto* convert = app.add_subcommand("convert", _("Convert between PO and XLIFF 1.2/2.0"));
    convert->add_option("input", cv.input, _("Input catalog"))->required();
    convert->add_option("output", cv.output, _("Output catalog (.po, .pot, .xlf, .xliff)"))
        ->required();
    convert->add_option("--xliff-version", cv.xliff_version, _("1.2 or 2.0"))
        ->check(CLI::IsMember({"1.2", "2.0"}));
    convert->add_option("--source-lang", cv.source_lang, _("Source language (BCP 47)"));
    convert->add_option("--target-lang", cv.target_lang, _("Target language (BCP 47)"));

    return convert;
}

CLI::App* add_pseudo(CLI::App& app, PseudoCommand& ps) {
    auto* pseudo = app.add_subcommand(
        "pseudo", _("Write a pseudo-locale catalog (en-XA accented and longer, ar-XB right to "
                    "left) to test layouts before translations exist"));
    pseudo
        ->add_option("inputs", ps.inputs, _("Pages (.md), or template catalogs (.pot, .po, .xlf)"))
        ->required()
        ->check(existing_file());
    pseudo->add_option("-o,--output", ps.output, _("OUT.po, OUT.xlf ('-' for standard output)"))
        ->required();
    pseudo->add_option("--locale", ps.locale, _("en-XA or ar-XB"))->required();
    pseudo->add_option("--xliff-version", ps.xliff_version, _("1.2 or 2.0"))
        ->check(CLI::IsMember({"1.2", "2.0"}));
    pseudo->add_option("--source-lang", ps.source_lang, _("Source language of pages (BCP 47)"));
    pseudo
        ->add_option("--keys", ps.keys,
                     _("Front-matter keys of pages to translate besides title, linkTitle, "
                       "description, summary"))
        ->delimiter(',');
    pseudo->add_flag("--keys-only", ps.keys_only, _("Translate only the --keys, not the defaults"));
    return pseudo;
}

CLI::App* add_stats(CLI::App& app, StatsCommand& st) {
    auto* stats = app.add_subcommand("stats", _("Units and source words per state, per catalog"));
    stats->add_option("files", st.files, _("Catalogs"))->required();
    stats->add_flag("--json", st.json, _("Machine-readable output"));

    return stats;
}

CLI::App* add_check(CLI::App& app, CheckCommand& ck) {
    auto* check = app.add_subcommand(
        "check", _("Is each page complete and safe to publish, in every locale: completeness per "
                   "page and locale, and quality checks of every translation"));
    check->add_option("inputs", ck.inputs,
                      _("[PAGE...] CATALOG|DIR...; none: every page and locale of the project"));
    check->add_option(
        "--config", ck.config,
        _("The project's config (default: policyloc.toml, when no inputs are given)"));
    check->add_option("--locale", ck.locales, _("Locales to check (default: every catalog's)"))
        ->delimiter(',');
    check->add_option("-j,--jobs", ck.jobs, _("Threads for a project's locales"))
        ->check(CLI::Range(1u, 256u));
    check->add_option("--min-complete", ck.min_complete,
                      _("Minimum percent of each page's source words translated"));
    auto* json = check->add_flag("--json", ck.json, _("The report as JSON"));
    check->add_option("--html", ck.html, _("Also write the report as an HTML page to FILE"))
        ->excludes(json);
    check->add_flag("--strict", ck.strict, _("Warnings fail the check too"));
    check->add_option("--ignore", ck.ignore, _("Check ids to silence for the whole project"))
        ->delimiter(',');
    check->add_option("--glossary", ck.glossaries, _("Glossary files (TBX-Basic, or CSV)"));
    check->add_option("--source-lang", ck.source_lang, _("Source language of the glossaries"));

    return check;
}

} // namespace

int main(int argc, char** argv) {
    policyloc::po_prefer_byte_io();
    i18n_init();
    CLI::App app{_("policyloc: localize Markdown policy pages through PO and XLIFF catalogs")};
    localize_app(app);
    app.require_subcommand(1);
    app.set_version_flag("--version", "policyloc 0.1.0",
                         _("Display program version information and exit"));
    ExtractCommand ex;
    MergeCommand mg;
    UpdateCommand up;
    BuildCommand bd;
    ExportCommand exp;
    ImportCommand imp;
    ConvertCommand cv;
    PseudoCommand ps;
    StatsCommand st;
    CheckCommand ck;
    CLI::App* extract = add_extract(app, ex);
    CLI::App* merge = add_merge(app, mg);
    CLI::App* update = add_update(app, up);
    CLI::App* build = add_build(app, bd);
    CLI::App* export_cmd = add_export(app, exp);
    CLI::App* import_cmd = add_import(app, imp);
    CLI::App* convert = add_convert(app, cv);
    CLI::App* pseudo = add_pseudo(app, ps);
    CLI::App* stats = add_stats(app, st);
    CLI::App* check = add_check(app, ck);
    localize_groups(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : exit_bad_input;
    }
    if (*extract) return run_extract(ex);
    if (*merge) return run_merge(mg);
    if (*update) return run_update(up);
    if (*build) return run_build(bd);
    if (*export_cmd) return run_export(exp);
    if (*import_cmd) return run_import(imp);
    if (*convert) return run_convert(cv);
    if (*pseudo) return run_pseudo(ps);
    if (*stats) return run_stats(st);
    if (*check) return run_check(ck);
    return exit_bad_input;
}
