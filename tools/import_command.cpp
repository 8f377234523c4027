// policyloc import: take the translations of returned hand-off files back into the catalogs.
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/handoff.h"
#include "policyloc/i18n.h"

namespace policyloc::cli {

namespace {

struct Loaded {
    std::string path;
    Catalog catalog;
    CatalogFormat format = CatalogFormat::po;
};

// Hand-off files are those export marked; when none kept the mark (a tool dropped the header),
// the first file is the returned one.
void split_files(std::vector<Loaded>& all, std::vector<Loaded>& returned,
                 std::vector<Loaded>& catalogs) {
    bool any_marked = false;
    for (const Loaded& l : all) any_marked = any_marked || handoff_is_marked(l.catalog);
    for (size_t i = 0; i < all.size(); ++i) {
        const bool is_returned = any_marked ? handoff_is_marked(all[i].catalog) : i == 0;
        (is_returned ? returned : catalogs).push_back(std::move(all[i]));
    }
}

} // namespace

int run_import(const ImportCommand& c) {
    std::vector<Loaded> all, returned, targets;
    for (const std::string& path : c.files) {
        Loaded l{path, {}, CatalogFormat::po};
        auto cat = load_catalog(path, &l.format);
        if (!cat) return exit_bad_input;
        l.catalog = std::move(*cat);
        all.push_back(std::move(l));
    }
    split_files(all, returned, targets);
    if (targets.empty())
        return usage_error(
            _("import needs the returned hand-off files and the catalogs to take them into"));
    std::vector<Catalog> catalogs;
    for (Loaded& t : targets) catalogs.push_back(std::move(t.catalog));
    std::vector<bool> changed(catalogs.size(), false);
    std::vector<size_t> taken(catalogs.size(), 0);
    ImportSummary total;
    for (const Loaded& r : returned) {
        ImportResult result =
            handoff_import(r.catalog, r.path, std::move(catalogs), ImportOptions{c.force});
        print(result.diagnostics);
        if (diagnostics_have_error(result.diagnostics)) return exit_bad_input;
        catalogs = std::move(result.catalogs);
        for (size_t i = 0; i < changed.size(); ++i) changed[i] = changed[i] || result.changed[i];
        for (const ImportEntry& e : result.entries)
            if (e.outcome == ImportOutcome::taken) ++taken[e.catalog];
        std::cout << r.path << ": " << result.summary.text() << '\n';
        total.taken += result.summary.taken;
        total.stale += result.summary.stale;
        total.rejected += result.summary.rejected;
        total.unchanged += result.summary.unchanged;
        total.lowered += result.summary.lowered;
    }
    for (size_t i = 0; i < catalogs.size(); ++i) {
        if (!changed[i]) continue;
        if (!write_catalog(catalogs[i], targets[i].path, targets[i].format)) return exit_bad_input;
        std::cout << targets[i].path << ": "
                  << i18n_format(P_("%zu translation taken, written",
                                    "%zu translations taken, written", taken[i]),
                                 taken[i])
                  << "\n";
    }
    return total.stale + total.rejected > 0 ? exit_check_failed : exit_ok;
}

} // namespace policyloc::cli
