// check_run and its parts: per-page completeness, the merge's verdict, consistency, the plan
// of which catalogs a locale uses, thresholds and silencing.
#include <doctest/doctest.h>

#include <algorithm>

#include "policyloc/catalog_io.h"
#include "policyloc/check_consistency.h"
#include "policyloc/check_run.h"
#include "test_support.h"

using namespace policyloc;
namespace fs = policyloc::test::fs;

namespace {

const char* kPage = "# Privacy\n\nWe keep your data for 30 days.\n\n- First item\n- Second item\n";

Unit unit(std::string source, std::string target, int line = 0) {
    Unit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.state = u.target.empty() ? UnitState::untranslated : UnitState::translated;
    u.catalog_line = line;
    return u;
}

CheckCatalog catalog(const std::string& path, const std::string& locale, std::vector<Unit> units) {
    CheckCatalog c;
    c.target.locale = locale;
    c.target.planned = {path, ChainRole::locale, locale};
    c.catalog.target_lang = locale;
    for (Unit& u : units) c.catalog.add(std::move(u));
    return c;
}

std::vector<std::string> ids(const CheckReport& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(p.id);
    return out;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("check run: per-page counts use the page's units, and the catalog's extra units show") {
    std::vector<CheckCatalog> cats = {catalog(
        "fr.po", "fr",
        {unit("Privacy", "Confidentialité", 5), unit("We keep your data for 30 days.", "", 9),
         unit("First item", "Premier élément", 12), unit("Elsewhere only", "Ailleurs", 15)})};
    CheckRunResult r = check_run({{"p.md", kPage}}, cats, {});
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.report.pages.size() == 1);
    const PageCompleteness& p = r.report.pages[0];
    CHECK(p.translated.units == 2);
    CHECK(p.untranslated.units == 1);
    CHECK(p.missing.units == 1); // "Second item"
    CHECK(p.total().words == 1 + 7 + 2 + 2);
    CHECK(p.percent_words() == doctest::Approx(100.0 * 3 / 12));
    REQUIRE(r.report.catalogs.size() == 1);
    CHECK(r.report.catalogs[0].missing_units == 1);
    CHECK(r.report.catalogs[0].extra_units == 1);
    CHECK(ids(r.report) == Ids{"unit-missing", "unit-extra"});
    CHECK(r.report.problems[0].page_line == 6);
    CHECK(r.report.problems[1].line == 15);
}

TEST_CASE("check run: --min-complete fails the page below it, and without pages the catalog") {
    std::vector<CheckCatalog> cats = {catalog("fr.po", "fr", {unit("Privacy", "Confidentialité")})};
    CheckOptions o;
    o.min_complete = 90;
    CheckRunResult r = check_run({{"p.md", kPage}}, cats, o);
    CHECK(!r.report.pages[0].meets_threshold);
    Ids found = ids(r.report);
    CHECK(std::count(found.begin(), found.end(), "below-threshold") == 1);
    CHECK(!r.report.passed(false));
    CheckRunResult alone = check_run({}, cats, o);
    CHECK(alone.report.catalogs[0].meets_threshold);
    CHECK(alone.report.passed(false));
}

TEST_CASE("check run: the merge's structure guard and protected spans, at the catalog line") {
    const char* page = "Intro text here.\n\nSee `code` now.\n";
    std::vector<CheckCatalog> cats = {catalog(
        "fr.po", "fr",
        {unit("Intro text here.", " ", 4), unit("See `code` now.", "Voir maintenant.", 8)})};
    CheckRunResult r = check_run({{"p.md", page}}, cats, {});
    Ids found = ids(r.report);
    CHECK(std::count(found.begin(), found.end(), "structure") == 1);
    CHECK(std::count(found.begin(), found.end(), "protected-span") == 1);
    for (const Problem& p : r.report.problems) {
        if (p.id == "structure") CHECK(p.line == 4);
        if (p.id == "protected-span") CHECK(p.line == 8);
        CHECK(p.page == "p.md");
    }
}

TEST_CASE("check run: silenced by a unit's translator comment or by --ignore") {
    Unit noisy = unit("Cloud hosting providers and other services",
                      "Cloud hosting providers and other services");
    std::vector<CheckCatalog> cats = {catalog("fr.po", "fr", {noisy})};
    CHECK(ids(check_run({}, cats, {}).report) == Ids{"identical"});
    cats[0].catalog.units()[0].comments = "brand names\npolicyloc-ignore: identical, number";
    CheckRunResult r = check_run({}, cats, {});
    CHECK(r.report.problems.empty());
    CHECK(r.report.ignored == 1);
    cats[0].catalog.units()[0].comments.clear();
    CheckOptions o;
    o.ignore = {"identical"};
    CHECK(check_run({}, cats, o).report.problems.empty());
}

TEST_CASE("check run: a catalog in another language than the locale checked is an error") {
    std::vector<CheckCatalog> cats = {catalog("fr.po", "de", {})};
    cats[0].catalog.target_lang = "fr";
    CheckRunResult r = check_run({}, cats, {});
    CHECK(ids(r.report) == Ids{"catalog-language"});
    cats[0].catalog.target_lang.clear();
    CHECK(ids(check_run({}, cats, {}).report) == Ids{"catalog-language-unsure"});
}

TEST_CASE("check consistency: one source translated two ways in two catalogs of a locale") {
    Catalog a, b;
    a.add(unit("Privacy Policy", "Politique de confidentialité", 3));
    b.add(unit("Privacy Policy", "Charte de confidentialité", 7));
    b.add(unit("Cookies", "Cookies", 9));
    std::vector<Problem> ps = check_consistency("fr", {{"a.po", &a}, {"b.po", &b}});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].id == "inconsistent");
    CHECK(ps[0].catalog == "b.po");
    CHECK(ps[0].line == 7);
    REQUIRE(ps[0].related.size() == 1);
    CHECK(ps[0].related[0].catalog == "a.po");
    CHECK(ps[0].related[0].line == 3);
    // A context is how two units get different translations on purpose.
    b.units()[0].context = "footer";
    b.reindex();
    CHECK(check_consistency("fr", {{"a.po", &a}, {"b.po", &b}}).empty());
}

TEST_CASE("check plan: directories by the merge plan, files by their language") {
    CheckPlanInput in;
    in.directories.push_back({"l10n", {"fr.po", "de.xlf", "pt_BR.po", "privacy.pot", "notes.txt"}});
    CheckPlan plan = check_plan_build(in);
    REQUIRE(plan.ok());
    std::vector<std::string> got;
    for (const CheckTarget& t : plan.targets) got.push_back(t.locale + "=" + t.planned.path);
    CHECK(got ==
          std::vector<std::string>{"de=l10n/de.xlf", "fr=l10n/fr.po", "pt-BR=l10n/pt_BR.po"});
    in.locales = {"de-CH"};
    plan = check_plan_build(in);
    REQUIRE(plan.targets.size() == 1);
    CHECK(plan.targets[0].planned.path == "l10n/de.xlf"); // de-CH falls back to de, as in merge
    in.locales = {"it"};
    CHECK(!check_plan_build(in).ok());
    CheckPlanInput files;
    files.files = {{"x/fr.po", "fr"}, {"x/other.po", "es"}};
    files.locales = {"fr"};
    plan = check_plan_build(files);
    REQUIRE(plan.targets.size() == 2); // other.po fits no locale: checked for fr, and fails
    CHECK(plan.targets[1].planned.path == "x/other.po");
    CHECK(plan.targets[1].planned.expected_language == "fr");
}

TEST_CASE("check run: the silencing flag survives PO and XLIFF as a translator comment") {
    Catalog c;
    c.target_lang = "fr";
    Unit u = unit("Under 13 years", "Moins de treize ans");
    u.comments = "policyloc-ignore: number,identical";
    c.add(u);
    for (CatalogFormat f : {CatalogFormat::po, CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        std::string text = *catalog_write(c, f).text;
        std::optional<Catalog> back;
        if (f == CatalogFormat::po) {
            fs::path p = policyloc::test::temp_dir("check-silence") / "fr.po";
            policyloc::test::write_file(p, text);
            back = catalog_read_file(p.string()).catalog;
        } else {
            back = xliff_read(text, "fr.xlf").catalog;
        }
        REQUIRE(back);
        CHECK(unit_ignored_checks(back->units()[0]) == Ids{"number", "identical"});
    }
}
