// policyloc stats: units and source words per state, per catalog.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/i18n.h"
#include "policyloc/stats.h"

namespace policyloc::cli {

int run_stats(const StatsCommand& c) {
    nlohmann::json all = nlohmann::json::array();
    int code = exit_ok;
    if (!c.json)
        std::printf("%-32s %15s %15s %15s %15s %9s\n", _("file"), _("translated"), _("fuzzy"),
                    _("untranslated"), _("obsolete"), _("complete"));
    for (const std::string& f : c.files) {
        auto cat = load_catalog(f);
        if (!cat) {
            code = exit_bad_input;
            continue;
        }
        CatalogStats s = catalog_stats(*cat);
        if (c.json) {
            auto count = [](const Count& n) {
                return nlohmann::json{{"units", n.units}, {"words", n.words}};
            };
            all.push_back({{"file", f},
                           {"translated", count(s.translated)},
                           {"fuzzy", count(s.fuzzy)},
                           {"untranslated", count(s.untranslated)},
                           {"obsolete", count(s.obsolete)},
                           {"total", count(s.total())},
                           {"percent_complete", s.percent_complete()}});
        } else {
            auto cell = [](const Count& n) {
                return std::to_string(n.units) + " (" + std::to_string(n.words) + "w)";
            };
            std::printf("%-32s %15s %15s %15s %15s %8.1f%%\n", f.c_str(),
                        cell(s.translated).c_str(), cell(s.fuzzy).c_str(),
                        cell(s.untranslated).c_str(), cell(s.obsolete).c_str(),
                        s.percent_complete());
        }
    }
    if (c.json) std::cout << all.dump(2) << '\n';
    return code;
}

} // namespace policyloc::cli
