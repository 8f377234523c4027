// policyloc export: the units of catalogs that need work, in one file for translators.
#include <filesystem>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/handoff.h"
#include "policyloc/i18n.h"
#include "policyloc/markup_pairs.h"
#include "policyloc/stats.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

// "handoff.xlf: 7 units, 250 source words (3 new, 4 fuzzy, 0 translated or better) from fr.po"
std::string export_summary(const std::string& output, const std::vector<Catalog>& files,
                           const std::vector<std::string>& names) {
    CatalogStats total;
    for (const Catalog& f : files) {
        const CatalogStats s = catalog_stats(f);
        total.untranslated.units += s.untranslated.units;
        total.untranslated.words += s.untranslated.words;
        total.fuzzy.units += s.fuzzy.units;
        total.fuzzy.words += s.fuzzy.words;
        total.translated.units += s.translated.units;
        total.translated.words += s.translated.words;
    }
    std::string from;
    for (const std::string& n : names) from += (from.empty() ? "" : ", ") + n;
    const size_t units = total.total().units, words = total.total().words;
    return output + ": " + i18n_format(P_("%zu unit", "%zu units", units), units) + ", " +
           i18n_format(P_("%zu source word", "%zu source words", words), words) + " " +
           i18n_format(_("(%zu new, %zu fuzzy, %zu translated or better) from %s"),
                       total.untranslated.units, total.fuzzy.units, total.translated.units,
                       from.c_str());
}

} // namespace

int run_export(const ExportCommand& c) {
    const auto format = catalog_format_for_path(c.output, xliff_format(c.xliff_version));
    if (!format)
        return usage_error(i18n_format(
            _("cannot tell the format of '%s' (use .po, .xlf or .xliff)"), c.output.c_str()));
    std::string bad;
    const auto states = handoff_states_parse(c.only, bad);
    if (!states)
        return usage_error(i18n_format(
            _("--only takes new, fuzzy, translated, reviewed and final, not '%s'"), bad.c_str()));
    std::vector<Catalog> catalogs;
    for (const std::string& path : c.catalogs) {
        if (same_file(path, c.output))
            return usage_error(
                i18n_format(_("the hand-off '%s' would overwrite the catalog"), c.output.c_str()));
        auto cat = load_catalog(path);
        if (!cat) return exit_bad_input;
        catalogs.push_back(std::move(*cat));
    }
    std::vector<HandoffSource> sources;
    for (size_t i = 0; i < catalogs.size(); ++i) sources.push_back({&catalogs[i], c.catalogs[i]});
    const Handoff h = handoff_export(sources, *states);
    print(h.diagnostics);
    if (diagnostics_have_error(h.diagnostics)) return exit_bad_input;
    std::ostream& out = c.output == "-" ? std::cerr : std::cout;
    if (h.files.empty()) {
        out << c.output << ": "
            << _("nothing to hand off: no unit of the catalogs is in the states asked for; "
                 "nothing written")
            << "\n";
        return exit_ok;
    }
    bool ok = false;
    if (*format == CatalogFormat::po) {
        ok = write_catalog(handoff_combine(h.files), c.output, *format);
    } else {
        std::vector<Catalog> annotated = h.files;
        std::vector<const Catalog*> files;
        for (Catalog& f : annotated) {
            markup_annotate(f); // XLIFF's paired codes for the formatting
            files.push_back(&f);
        }
        CatalogWriteResult w = xliff_write_files(files, *format);
        print(w.diagnostics);
        ok = w.text && write_output(c.output, *w.text);
    }
    if (!ok) return exit_bad_input;
    out << export_summary(c.output, h.files, c.catalogs) << '\n';
    return exit_ok;
}

} // namespace policyloc::cli
