// check_run: every page in every locale, every catalog, every translated unit.
#include "policyloc/check_run.h"
#include "policyloc/shortcode_params.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "policyloc/check_consistency.h"
#include "policyloc/check_page.h"
#include "policyloc/check_unit.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"
#include "policyloc/reflow.h"

namespace policyloc {

namespace {

// The message of a catalog-language problem, in English whatever the user's locale (the merge
// plan's diagnostic is in the user's language).
Wording language_wording(const PlannedCatalog& planned, const Catalog& catalog, Severity s) {
    const std::string& lang = catalog.target_lang;
    const std::string& expected = planned.expected_language;
    if (lang.empty())
        return check_wording(N_("the catalog names no language (Language, target-language or "
                                "trgLang); taken as %s"),
                             {expected});
    if (s == Severity::error)
        return check_wording(N_("the catalog is in %s, but the locale checked needs %s"),
                             {lang, expected});
    return check_wording(N_("the catalog is in %s, a variant of %s; used for %s"),
                         {lang, expected, expected});
}

struct ExtractedPage {
    const CheckPage* page = nullptr;
    std::shared_ptr<const CheckPageCut> cut;
};

// Where a unit sits on the pages: its first page and line, and its protected spans there.
struct PagePlace {
    const std::string* page = nullptr;
    const PageUnit* unit = nullptr;
};

class Runner {
  public:
    Runner(const std::vector<CheckPage>& pages, const std::vector<CheckCatalog>& catalogs,
           const CheckOptions& options)
        : pages_(pages), catalogs_(catalogs), options_(options) {}

    CheckRunResult run() {
        result_.report.min_complete = options_.min_complete;
        if (!extract_pages()) return std::move(result_);
        std::vector<std::string> locales;
        for (const CheckCatalog& c : catalogs_)
            if (std::find(locales.begin(), locales.end(), c.target.locale) == locales.end())
                locales.push_back(c.target.locale);
        for (const std::string& locale : locales) check_locale(locale);
        return std::move(result_);
    }

  private:
    const std::vector<CheckPage>& pages_;
    const std::vector<CheckCatalog>& catalogs_;
    const CheckOptions& options_;
    CheckRunResult result_;
    std::vector<ExtractedPage> extracted_;
    std::unordered_map<std::string, PagePlace> places_; // unit key -> first place on a page
    WordCounter words_;
    LineBreaker lines_;              // the merges' ICU line breaker, made once
    std::set<std::string> reported_; // catalog + unit id + check id, each once

    bool extract_pages() {
        std::vector<std::string> keys;
        for (const CheckCatalog& c : catalogs_)
            for (std::string& k : front_matter_keys_of_catalog(c.catalog)) keys.push_back(k);
        ExtractOptions eo;
        eo.front_matter_keys = front_matter_keys_with(keys, false);
        // Pages are cut as merge cuts them: the catalogs' source language and shortcode list.
        for (const CheckCatalog& c : catalogs_)
            if (!eo.shortcode_params) eo.shortcode_params = shortcode_params_of_catalog(c.catalog);
        if (!catalogs_.empty() && !catalogs_.front().catalog.source_lang.empty())
            eo.source_locale = catalogs_.front().catalog.source_lang;
        DateFinders finders; // the source locale's ICU date patterns, made once
        eo.date_finders = &finders;
        extracted_.reserve(pages_.size());
        for (size_t i = 0; i < pages_.size(); ++i) {
            std::shared_ptr<const CheckPageCut> cut =
                options_.cut_page ? options_.cut_page(i, eo) : check_cut_page(pages_[i], eo);
            for (const Diagnostic& d : cut->diagnostics) result_.diagnostics.push_back(d);
            if (!cut->ok) return false;
            extracted_.push_back({&pages_[i], std::move(cut)});
        }
        for (const ExtractedPage& e : extracted_)
            for (const PageUnit& u : e.cut->units)
                places_.try_emplace(unit_key(u.context, u.source), PagePlace{&e.page->path, &u});
        return true;
    }

    bool silenced(const Problem& p, const Unit* unit) const {
        const auto& ignore = options_.ignore;
        if (std::find(ignore.begin(), ignore.end(), p.id) != ignore.end()) return true;
        if (!unit) return false;
        std::vector<std::string> ids = unit_ignored_checks(*unit);
        return std::find(ids.begin(), ids.end(), p.id) != ids.end() ||
               std::find(ids.begin(), ids.end(), "all") != ids.end();
    }

    void report(Problem p, const Unit* unit) {
        if (!p.unit_id.empty() &&
            !reported_.insert(p.catalog + '\x1f' + p.unit_id + '\x1f' + p.id).second)
            return;
        if (p.page.empty() && unit) {
            auto it = places_.find(unit_key(unit->context, unit->source));
            if (it != places_.end()) {
                p.page = *it->second.page;
                p.page_line = it->second.unit->line;
            }
        }
        if (silenced(p, unit)) {
            ++result_.report.ignored;
            return;
        }
        result_.report.problems.push_back(std::move(p));
    }

    void check_language(const CheckCatalog& c) {
        for (const Diagnostic& d : merge_plan_check_language(c.target.planned, c.catalog)) {
            Problem p;
            p.id = d.severity == Severity::error ? "catalog-language" : "catalog-language-unsure";
            p.severity = check_info(p.id)->severity;
            p.locale = c.target.locale;
            p.catalog = c.target.planned.path;
            Wording w = language_wording(c.target.planned, c.catalog, d.severity);
            p.message = std::move(w.message);
            p.text = std::move(w.text);
            report(std::move(p), nullptr);
        }
    }

    void check_units(const CheckCatalog& c) {
        const std::string& path = c.target.planned.path;
        for (const Unit& u : c.catalog.units()) {
            if (!u.has_usable_target()) continue;
            Unit checked = u;
            auto place = places_.find(unit_key(u.context, u.source));
            if (checked.codes.empty() && place != places_.end())
                checked.codes = place->second.unit->codes;
            UnitFindings found = check_unit(checked, words_);
            for (UnitFinding& f : glossary_check(options_.glossary, checked, c.target.locale))
                found.push_back(std::move(f));
            for (UnitFinding& f : found)
                report(problem_for_unit(f.id, u, path, c.target.locale, std::move(f.message),
                                        std::move(f.text)),
                       &u);
        }
    }

    void check_threshold(const std::string& page, const std::string& locale,
                         const std::string& catalog, double percent, bool& meets) {
        meets = !options_.min_complete || percent + 1e-9 >= *options_.min_complete;
        if (meets) return;
        Problem p;
        p.id = "below-threshold";
        p.severity = Severity::error;
        p.locale = locale;
        p.catalog = catalog;
        p.page = page;
        char pct[32], limit[32];
        std::snprintf(pct, sizeof pct, "%.1f", percent);
        std::snprintf(limit, sizeof limit, "%g", *options_.min_complete);
        Wording w = check_wording(
            N_("%s%% of the source words translated, below --min-complete %s%%"), {pct, limit});
        p.message = std::move(w.message);
        p.text = std::move(w.text);
        report(std::move(p), nullptr);
    }

    // A catalog's units by id (not obsolete; the first of an id), made once per catalog: the
    // findings of a page's merge name units by id, and a page × locale must not hash every
    // unit of the catalog again.
    using UnitsById = std::unordered_map<std::string, const Unit*>;
    static UnitsById units_by_id(const Catalog& catalog) {
        UnitsById by_id;
        by_id.reserve(catalog.size());
        for (const Unit& u : catalog.units())
            if (!u.obsolete) by_id.emplace(u.id(), &u);
        return by_id;
    }

    void check_page(const ExtractedPage& e, const std::string& locale,
                    const std::vector<LocaleCatalog>& cats, const std::vector<UnitsById>& ids) {
        PageCompleteness pc =
            completeness_of_page(e.page->path, locale, e.cut->units, cats, words_);
        check_threshold(e.page->path, locale, cats.front().path, pc.percent_words(),
                        pc.meets_threshold);
        result_.report.pages.push_back(std::move(pc));
        for (const PageUnit& pu : e.cut->units) {
            bool found = std::any_of(cats.begin(), cats.end(), [&](const LocaleCatalog& c) {
                return c.catalog->find(pu.context, pu.source) != nullptr;
            });
            if (found) continue;
            Problem p;
            p.id = "unit-missing";
            p.severity = check_info(p.id)->severity;
            p.locale = locale;
            p.catalog = cats.front().path;
            p.unit_id = unit_id(pu.context, pu.source);
            p.page = e.page->path;
            p.page_line = pu.line;
            p.source = pu.source;
            Wording w = check_wording(
                N_("the unit is on the page but in no catalog of %s (update the catalog)"),
                {locale});
            p.message = std::move(w.message);
            p.text = std::move(w.text);
            report(std::move(p), nullptr);
        }
        for (size_t i = 0; i < cats.size(); ++i) check_merge(e, locale, cats[i], ids[i]);
    }

    void check_merge(const ExtractedPage& e, const std::string& locale, const LocaleCatalog& c,
                     const UnitsById& by_id) {
        for (PageFinding& f : check_page_merge(e.page->text, e.cut->skeleton, c, locale, &lines_)) {
            auto it = by_id.find(f.unit_id);
            if (it == by_id.end()) continue;
            Problem p = problem_for_unit(f.id, *it->second, c.path, locale, std::move(f.message),
                                         std::move(f.text));
            p.page = e.page->path;
            p.page_line = f.page_line;
            report(std::move(p), it->second);
        }
    }

    void count_missing_and_extra(const LocaleCatalog& c, CatalogCompleteness& cc) {
        std::set<std::string> on_pages;
        for (const ExtractedPage& e : extracted_)
            for (const PageUnit& pu : e.cut->units) {
                std::string key = unit_key(pu.context, pu.source);
                if (on_pages.insert(key).second && !c.catalog->find(pu.context, pu.source))
                    ++cc.missing_units;
            }
        for (const Unit& u : c.catalog->units()) {
            if (u.obsolete || on_pages.count(unit_key(u.context, u.source))) continue;
            ++cc.extra_units;
            Wording w = check_wording(N_("the unit is on none of the pages checked"));
            report(problem_for_unit("unit-extra", u, c.path, cc.locale, std::move(w.message),
                                    std::move(w.text)),
                   &u);
        }
    }

    void check_locale(const std::string& locale) {
        std::vector<LocaleCatalog> cats;
        for (const CheckCatalog& c : catalogs_) {
            if (c.target.locale != locale) continue;
            cats.push_back({c.target.planned.path, &c.catalog});
            check_language(c);
            CatalogCompleteness cc =
                completeness_of_catalog(c.target.planned.path, locale, c.catalog);
            if (!extracted_.empty())
                count_missing_and_extra(cats.back(), cc);
            else
                check_threshold("", locale, cc.catalog, cc.percent_words(), cc.meets_threshold);
            result_.report.catalogs.push_back(std::move(cc));
            check_units(c);
        }
        std::vector<UnitsById> ids;
        for (const LocaleCatalog& c : cats) ids.push_back(units_by_id(*c.catalog));
        for (const ExtractedPage& e : extracted_) check_page(e, locale, cats, ids);
        for (Problem& p : check_consistency(locale, cats)) {
            const Unit* u = nullptr;
            for (size_t i = 0; i < cats.size() && !u; ++i)
                if (cats[i].path == p.catalog)
                    if (auto it = ids[i].find(p.unit_id); it != ids[i].end()) u = it->second;
            report(std::move(p), u);
        }
    }
};

} // namespace

std::shared_ptr<const CheckPageCut> check_cut_page(const CheckPage& page,
                                                   const ExtractOptions& options) {
    auto cut = std::make_shared<CheckPageCut>();
    ExtractOptions eo = options;
    eo.file_name = page.path;
    eo.build_template = false;
    ExtractResult r = extract_page(page.text, eo);
    cut->diagnostics = std::move(r.diagnostics);
    cut->ok = r.ok();
    if (!cut->ok) return cut;
    cut->skeleton = std::move(r.skeleton);
    cut->units = page_units(cut->skeleton);
    return cut;
}

CheckRunResult check_run(const std::vector<CheckPage>& pages,
                         const std::vector<CheckCatalog>& catalogs, const CheckOptions& options) {
    CheckRunResult r = Runner(pages, catalogs, options).run();
    // Problems come locale by locale; within a locale, by catalog and line.
    auto& problems = r.report.problems;
    for (auto begin = problems.begin(); begin != problems.end();) {
        auto end = std::find_if(begin, problems.end(),
                                [&](const Problem& p) { return p.locale != begin->locale; });
        std::stable_sort(begin, end, [](const Problem& a, const Problem& b) {
            return a.catalog != b.catalog ? a.catalog < b.catalog : a.line < b.line;
        });
        begin = end;
    }
    return r;
}

} // namespace policyloc
