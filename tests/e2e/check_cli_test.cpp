// policyloc check through the CLI: per-page figures and thresholds, every planted defect with
// its id and line and nothing else, the bundled catalogs without error, the JSON against its
// schema, the HTML report in a browser, silencing and exit codes.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "planted.h"
#include "policyloc/check_report.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;
using nlohmann::json;

namespace {

json run_json(const std::string& args, int expected_exit) {
    CommandResult r = run_policyloc("check " + args + " --json");
    REQUIRE_MESSAGE(r.exit_code == expected_exit, (r.out + r.err));
    return json::parse(r.out);
}

// Three pages; the catalog translates all of the first, none of the second, and all but one
// short unit of the third.
struct ThreePages {
    fs::path dir;
    std::vector<fs::path> pages;
    fs::path catalog;
};

ThreePages three_pages() {
    ThreePages t{temp_dir("check-three-pages"), {}, {}};
    const char* texts[] = {
        "# Terms\n\nYou agree to these terms when you use the service.\n\nRead them well.\n",
        "# Cookies\n\nWe use cookies to remember your settings.\n\nYou can turn them off.\n",
        "# Contact\n\nWrite to us about anything in this policy at any time.\n\nThanks.\n"};
    std::string po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                     "\"Language: de\\n\"\n\n";
    const char* translated[][2] = {
        {"Terms", "Bedingungen"},
        {"You agree to these terms when you use the service.",
         "Sie stimmen diesen Bedingungen zu, wenn Sie den Dienst nutzen."},
        {"Read them well.", "Lesen Sie sie gut."},
        {"Contact", "Kontakt"},
        {"Write to us about anything in this policy at any time.",
         "Schreiben Sie uns jederzeit zu allem in dieser Richtlinie."},
        {"Cookies", ""},
        {"We use cookies to remember your settings.", ""},
        {"You can turn them off.", ""},
        {"Thanks.", ""}};
    for (const auto& [id, str] : translated)
        po += "msgid \"" + std::string(id) + "\"\nmsgstr \"" + str + "\"\n\n";
    const char* names[] = {"terms.md", "cookies.md", "contact.md"};
    for (size_t i = 0; i < 3; ++i) {
        t.pages.push_back(t.dir / names[i]);
        write_file(t.pages.back(), texts[i]);
    }
    t.catalog = t.dir / "de.po";
    write_file(t.catalog, po);
    return t;
}

const json& page_entry(const json& report, const std::string& page_suffix) {
    for (const json& p : report["pages"])
        if (p["page"].get<std::string>().ends_with(page_suffix)) return p;
    FAIL("no page " << page_suffix);
    return report;
}

bool have_jsonschema() {
    return run("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null").exit_code == 0;
}

// Validates JSON text against docs/check-report.schema.json with python3-jsonschema.
void validate_against_schema(const std::string& json_text, const std::string& name) {
    fs::path file = temp_dir("check-schema-" + name) / "report.json";
    write_file(file, json_text);
    fs::path schema = source_dir() / "docs" / "check-report.schema.json";
    CommandResult r =
        run("/usr/bin/python3 -c 'import json,sys,jsonschema; "
            "s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s); "
            "jsonschema.Draft202012Validator(s).validate(json.load(open(sys.argv[2])))' " +
            sh_quote(schema) + " " + sh_quote(file));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
}

} // namespace

TEST_CASE("check: one catalog, three pages - per-page figures, and --min-complete 90 fails one") {
    ThreePages t = three_pages();
    std::string args = sh_quote(t.pages[0]) + " " + sh_quote(t.pages[1]) + " " +
                       sh_quote(t.pages[2]) + " " + sh_quote(t.catalog) + " --locale de";
    json all = run_json(args, 0);
    REQUIRE(all["pages"].size() == 3);
    const json& terms = page_entry(all, "terms.md");
    CHECK(terms["translated"]["units"] == 3);
    CHECK(terms["translated"]["words"] == 1 + 10 + 3);
    CHECK(terms["percent_words"] == 100.0);
    const json& cookies = page_entry(all, "cookies.md");
    CHECK(cookies["translated"]["units"] == 0);
    CHECK(cookies["untranslated"]["units"] == 3);
    CHECK(cookies["untranslated"]["words"] == 1 + 7 + 5);
    CHECK(cookies["percent_words"] == 0.0);
    const json& contact = page_entry(all, "contact.md");
    CHECK(contact["translated"]["units"] == 2);
    CHECK(contact["untranslated"]["units"] == 1);
    CHECK(contact["percent_words"].get<double>() == doctest::Approx(100.0 * 12 / 13));
    CHECK(contact["percent_units"].get<double>() == doctest::Approx(100.0 * 2 / 3));
    // The catalog as a whole: 5 of 9 units.
    REQUIRE(all["catalogs"].size() == 1);
    CHECK(all["catalogs"][0]["translated"]["units"] == 5);
    CHECK(all["catalogs"][0]["untranslated"]["units"] == 4);

    json gated = run_json(args + " --min-complete 90", 1);
    CHECK(page_entry(gated, "terms.md")["meets_threshold"] == true);
    CHECK(page_entry(gated, "cookies.md")["meets_threshold"] == false);
    CHECK(page_entry(gated, "contact.md")["meets_threshold"] == true);
    std::vector<std::string> below;
    for (const json& p : gated["problems"])
        if (p["id"] == "below-threshold") below.push_back(p["page"]);
    REQUIRE(below.size() == 1);
    CHECK(below[0].ends_with("cookies.md"));
    CHECK(gated["summary"]["passed"] == false);
}

TEST_CASE("check: every planted defect is reported with its id and line, and nothing else") {
    PlantedProject p = planted_project(temp_dir("check-planted"));
    std::string po = read_file(p.catalog);
    std::string other = read_file(p.other);
    json report = run_json(sh_quote(p.page) + " " + sh_quote(p.catalog.parent_path()) + " " +
                               sh_quote(p.other.parent_path()) + " --locale fr --glossary " +
                               sh_quote(p.glossary),
                           1);
    std::set<std::tuple<std::string, std::string, int>> expected, got;
    for (const PlantedUnit& u : planted_units())
        if (!u.id.empty()) expected.insert({u.id, p.catalog.string(), po_msgid_line(po, u.source)});
    expected.insert({"inconsistent", p.other.string(), po_msgid_line(other, "Privacy Policy")});
    for (const json& pr : report["problems"])
        got.insert(
            {pr["id"].get<std::string>(), pr["catalog"].get<std::string>(), pr["line"].get<int>()});
    for (const auto& e : expected) CHECK_MESSAGE(std::get<2>(e) > 0, std::get<0>(e));
    CHECK(got == expected);
    for (const auto& [id, file, line] : got) CHECK_MESSAGE(expected.count({id, file, line}), id);
    // Severity comes from the catalogue; the silenced whitespace of the blank unit is counted.
    for (const json& pr : report["problems"]) {
        const CheckInfo* info = check_info(pr["id"].get<std::string>());
        REQUIRE(info);
        CHECK(pr["severity"] == (info->severity == Severity::error     ? "error"
                                 : info->severity == Severity::warning ? "warning"
                                                                       : "note"));
        CHECK(pr["page"].get<std::string>().ends_with("planted.md"));
        CHECK(pr["page_line"].get<int>() > 0);
    }
    CHECK(report["summary"]["ignored"] == 1);
    // The same catalog for a German locale: its language is wrong.
    json de = run_json(sh_quote(p.catalog) + " --locale de", 1);
    bool wrong_language = false;
    for (const json& pr : de["problems"])
        wrong_language = wrong_language || pr["id"] == "catalog-language";
    CHECK(wrong_language);
}

TEST_CASE("check: the bundled catalogs report no error") {
    fs::path locales = source_dir() / "locales";
    json report = run_json(sh_quote(locales / "privacy.md") + " " + sh_quote(locales), 0);
    CHECK(report["pages"].size() == 11);
    CHECK(report["catalogs"].size() == 11);
    for (const json& pr : report["problems"]) CHECK_MESSAGE(pr["severity"] != "error", pr.dump());
    CHECK(report["summary"]["errors"] == 0);
    for (const json& p : report["pages"]) {
        if (p["locale"] == "it") {
            CHECK(p["percent_words"].get<double>() < 70);
            continue;
        }
        CHECK_MESSAGE(p["percent_words"] == 100.0, p.dump());
    }
    validate_against_schema(report.dump(), "bundled");
}

TEST_CASE("check: --json validates against docs/check-report.schema.json, field by field") {
    if (!have_jsonschema()) {
        skip("python3-jsonschema is not installed (scripts/setup.sh installs it)");
        return;
    }
    PlantedProject p = planted_project(temp_dir("check-json"));
    CommandResult r =
        run_policyloc("check " + sh_quote(p.page) + " " + sh_quote(p.catalog.parent_path()) + " " +
                      sh_quote(p.other.parent_path()) + " --locale fr --glossary " +
                      sh_quote(p.glossary) + " --min-complete 50 --json");
    REQUIRE(r.exit_code == 1);
    validate_against_schema(r.out, "planted");
    json j = json::parse(r.out);
    CHECK(j["format"] == "policyloc-check");
    CHECK(j["version"] == 1);
    CHECK(j["min_complete"] == 50.0);
    // Every id of the schema is a check of the catalogue, and the other way round.
    json schema = json::parse(read_file(source_dir() / "docs" / "check-report.schema.json"));
    std::set<std::string> schema_ids, catalogue_ids;
    for (const json& id : schema["properties"]["problems"]["items"]["properties"]["id"]["enum"])
        schema_ids.insert(id.get<std::string>());
    for (const CheckInfo& c : check_catalogue()) catalogue_ids.insert(std::string(c.id));
    CHECK(schema_ids == catalogue_ids);
    const json& page = j["pages"][0];
    CHECK(page["catalogs"].size() == 2);
    // The title and the heading are one unit of the catalog and two units of the page.
    CHECK(page["total"]["units"] == planted_units().size() + 1);
    CHECK(page["translated"]["units"] == planted_units().size() + 1);
    CHECK(page["missing"]["units"] == 0);
    CHECK(page["meets_threshold"] == true);
    const json& cat = j["catalogs"][0];
    CHECK(cat["language"] == "fr");
    CHECK(cat["obsolete"]["units"] == 0);
    CHECK(cat["extra_units"] == 0);
    CHECK(j["catalogs"][1]["missing_units"] == planted_units().size() - 1);
    size_t errors = 0, warnings = 0;
    for (const json& pr : j["problems"]) {
        errors += pr["severity"] == "error";
        warnings += pr["severity"] == "warning";
        CHECK(pr["locale"] == "fr");
        CHECK(pr["unit"].get<std::string>().size() == 17);
        CHECK(!pr["message"].get<std::string>().empty());
        if (pr["id"] == "inconsistent") {
            REQUIRE(pr["related"].size() == 1);
            CHECK(pr["related"][0]["target"] == "Politique de confidentialité");
            CHECK(pr["target"] == "Charte de confidentialité");
            CHECK(pr["related"][0]["line"] ==
                  po_msgid_line(read_file(p.catalog), "Privacy Policy"));
        }
        if (pr["id"] == "html-unsafe")
            CHECK(pr["target"].get<std::string>().find("<script>") != std::string::npos);
    }
    CHECK(j["summary"]["errors"] == errors);
    CHECK(j["summary"]["warnings"] == warnings);
    CHECK(j["summary"]["passed"] == false);
}

TEST_CASE("check: the HTML report renders in headless Chromium with each page's percentage") {
    ThreePages t = three_pages();
    fs::path locales = source_dir() / "locales";
    fs::path html = t.dir / "report.html";
    CommandResult r = run_policyloc("check " + sh_quote(locales / "privacy.md") + " " +
                                    sh_quote(locales) + " --html " + sh_quote(html));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string page = read_file(html);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http://") == std::string::npos);
    CHECK(page.find("https://") == std::string::npos);
    if (!have_tool("chromium")) {
        skip("chromium is not installed (scripts/setup.sh installs it)");
        return;
    }
    CommandResult dom = run("chromium --headless --no-sandbox --disable-gpu --dump-dom " +
                            sh_quote("file://" + fs::absolute(html).string()) + " 2>/dev/null");
    REQUIRE(dom.exit_code == 0);
    json report = run_json(sh_quote(locales / "privacy.md") + " " + sh_quote(locales), 0);
    REQUIRE(report["pages"].size() == 11);
    for (const json& p : report["pages"]) {
        char percent[32];
        std::snprintf(percent, sizeof percent, "%.1f%%", p["percent_words"].get<double>());
        std::string row = "data-page=\"" + p["page"].get<std::string>() + "\" data-locale=\"" +
                          p["locale"].get<std::string>() + "\"";
        size_t at = dom.out.find(row);
        REQUIRE_MESSAGE(at != std::string::npos, row);
        size_t cell = dom.out.find("<td class=\"percent\">", at);
        REQUIRE(cell != std::string::npos);
        CHECK(dom.out.substr(cell + 20, std::string(percent).size()) == percent);
    }
}

TEST_CASE("check: the HTML report links each problem to its unit and shows RTL targets as such") {
    PlantedProject p = planted_project(temp_dir("check-html-links"));
    fs::path html = p.page.parent_path() / "report.html";
    // An Arabic catalog with one defect, for the right-to-left target.
    std::string ar = read_file(p.catalog);
    ar.replace(ar.find("Language: fr"), 12, "Language: ar");
    fs::create_directories(p.page.parent_path() / "c");
    write_file(p.page.parent_path() / "c" / "ar.po", ar);
    CommandResult r =
        run_policyloc("check " + sh_quote(p.page) + " " + sh_quote(p.catalog.parent_path()) + " " +
                      sh_quote(p.page.parent_path() / "c") + " --html " + sh_quote(html));
    REQUIRE(r.exit_code == 1);
    std::string page = read_file(html);
    size_t links = 0;
    for (size_t at = page.find("<a href=\"#"); at != std::string::npos;
         at = page.find("<a href=\"#", at + 1)) {
        size_t end = page.find('"', at + 10);
        std::string id = page.substr(at + 10, end - at - 10);
        CHECK_MESSAGE(page.find("id=\"" + id + "\"") != std::string::npos, id);
        ++links;
    }
    // Every problem here is about a unit, and each is linked (both locales' defects).
    size_t items = 0;
    for (size_t at = page.find("<li "); at != std::string::npos; at = page.find("<li ", at + 1))
        ++items;
    CHECK(links == items);
    CHECK(items >= 2 * (planted_units().size() - 4));
    CHECK(page.find("lang=\"ar\" dir=\"rtl\"") != std::string::npos);
    CHECK(page.find("lang=\"fr\" dir=\"ltr\"") != std::string::npos);
    CHECK(page.find("&lt;script&gt;") != std::string::npos);
    CHECK(page.find("<script>") == std::string::npos);
}

TEST_CASE("check: silencing by a PO translator comment and by --ignore, and --strict") {
    fs::path dir = temp_dir("check-silence");
    std::string po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                     "\"Language: fr\\n\"\n\n"
                     "msgid \"Under 13 years\"\nmsgstr \"Moins de treize ans\"\n";
    write_file(dir / "fr.po", po);
    CommandResult r = run_policyloc("check " + sh_quote(dir / "fr.po"));
    CHECK(r.exit_code == 0); // a number is a warning
    CHECK(r.out.find("[number]") != std::string::npos);
    CHECK(r.out.find("fr.po:6: warning:") != std::string::npos);
    CHECK(run_policyloc("check " + sh_quote(dir / "fr.po") + " --strict").exit_code == 1);
    r = run_policyloc("check " + sh_quote(dir / "fr.po") + " --strict --ignore number");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("1 ignored") != std::string::npos);
    write_file(dir / "fr.po", po.substr(0, po.find("msgid \"Under")) +
                                  "# policyloc-ignore: number\n" +
                                  po.substr(po.find("msgid \"Under")));
    r = run_policyloc("check " + sh_quote(dir / "fr.po") + " --strict");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[number]") == std::string::npos);
}

TEST_CASE("check: unreadable input and bad usage exit 2") {
    fs::path dir = temp_dir("check-exit");
    write_file(dir / "fr.po", "msgid \"a\nmsgstr \"b\"\n");
    CHECK(run_policyloc("check " + sh_quote(dir / "fr.po")).exit_code == 2);
    CHECK(run_policyloc("check " + sh_quote(dir / "missing.md") + " " +
                        sh_quote(source_dir() / "locales"))
              .exit_code == 2);
    CHECK(run_policyloc("check " + sh_quote(source_dir() / "locales") + " --ignore no-such-check")
              .exit_code == 2);
    CommandResult r = run_policyloc("check " + sh_quote(source_dir() / "locales") + " --locale sv");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no catalog for locale 'sv'") != std::string::npos);
    CHECK(run_policyloc("check " + sh_quote(source_dir() / "locales" / "privacy.pot")).exit_code ==
          2);
}

TEST_CASE("check: the README documents every check id with its severity") {
    std::string readme = read_file(source_dir() / "README.md");
    for (const CheckInfo& c : check_catalogue()) {
        const char* severity = c.severity == Severity::error     ? "error"
                               : c.severity == Severity::warning ? "warning"
                                                                 : "note";
        std::string row = "| `" + std::string(c.id) + "` | " + severity + " |";
        CHECK_MESSAGE(readme.find(row) != std::string::npos, row);
    }
}

TEST_CASE("merge --strict: exit 1 and no page when a unit fell back because it is broken") {
    PlantedProject p = planted_project(temp_dir("merge-strict"));
    fs::path out = p.page.parent_path() / "planted.fr.md";
    std::string args = "merge " + sh_quote(p.page) + " " + sh_quote(p.catalog) +
                       " --locale fr --date 2026-01-01 -o " + sh_quote(out);
    CommandResult lenient = run_policyloc(args);
    CHECK_MESSAGE(lenient.exit_code == 0, lenient.err);
    CHECK(fs::exists(out));
    fs::remove(out);
    CommandResult strict = run_policyloc(args + " --strict");
    CHECK(strict.exit_code == 1);
    CHECK(!fs::exists(out));
    // The protected span dropped and the blank paragraph: two broken units.
    CHECK(strict.err.find("2 units fell back because their translation is broken") !=
          std::string::npos);
    // A catalog whose translations are merely missing is not broken.
    CommandResult missing =
        run_policyloc("merge " + sh_quote(p.page) + " " +
                      sh_quote(p.catalog.parent_path() / ".." / "b" / "fr.po") +
                      " --locale fr --date 2026-01-01 --strict -o " + sh_quote(out));
    CHECK_MESSAGE(missing.exit_code == 0, missing.err);
}
