#include "policyloc/check_consistency.h"
#include "policyloc/check_wording.h"
#include "policyloc/i18n.h"

#include <unordered_map>

namespace policyloc {

std::vector<Problem> check_consistency(const std::string& locale,
                                       const std::vector<LocaleCatalog>& catalogs) {
    struct First {
        const LocaleCatalog* where;
        const Unit* unit;
    };
    std::unordered_map<std::string, First> first;
    std::vector<Problem> out;
    for (const LocaleCatalog& c : catalogs) {
        if (!c.catalog) continue;
        for (const Unit& u : c.catalog->units()) {
            if (!u.has_usable_target()) continue;
            auto [it, inserted] = first.try_emplace(unit_key(u.context, u.source), First{&c, &u});
            if (inserted || it->second.unit->target == u.target) continue;
            const First& f = it->second;
            Wording w = check_wording(
                N_("translated otherwise in %s:%s (\"%s\")"),
                {f.where->path, std::to_string(f.unit->catalog_line), f.unit->target});
            Problem p = problem_for_unit("inconsistent", u, c.path, locale, std::move(w.message),
                                         std::move(w.text));
            p.related.push_back(
                {f.where->path, f.unit->catalog_line, f.unit->id(), f.unit->target});
            out.push_back(std::move(p));
        }
    }
    return out;
}

} // namespace policyloc
