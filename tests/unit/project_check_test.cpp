// The project check's decisions: a page below a locale's threshold fails the check only for a
// required locale; every page is checked against the catalog a build would use.
#include <doctest/doctest.h>

#include "policyloc/project_check.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("project check: below the threshold is an error only for a required locale") {
    LocaleSettings l;
    l.tag = "it";
    CHECK(project_threshold_severity(l) == Severity::warning);
    l.required = true;
    CHECK(project_threshold_severity(l) == Severity::error);
}

TEST_CASE("project check: per-page catalogs, each locale's threshold, a locale without catalog") {
    fs::path dir = temp_dir("project-check-unit");
    write_file(dir / "a.md", "# Alpha\n\nOne two three.\n");
    write_file(dir / "b.md", "# Beta\n\nFour five six.\n");
    const char* po_head =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
    write_file(dir / "de/a.po", std::string(po_head) + "\"Language: de\\n\"\n\n" +
                                    "msgid \"Alpha\"\nmsgstr \"Alfa\"\n\n" +
                                    "msgid \"One two three.\"\nmsgstr \"Eins zwei drei.\"\n");
    write_file(dir / "de/b.po", std::string(po_head) + "\"Language: de\\n\"\n\n" +
                                    "msgid \"Beta\"\nmsgstr \"Beta\"\n\n" +
                                    "msgid \"Four five six.\"\nmsgstr \"\"\n");
    std::string toml = "pages = [\"*.md\"]\n[catalogs]\npath = \"{locale}/{page}.po\"\n"
                       "[locales]\nen = {}\nde = { min_complete = 90 }\n"
                       "fr = { min_complete = 50, required = true }\n"
                       "en-XA = { pseudo = true }\n";
    ProjectConfigResult c = project_config_parse(toml, (dir / "policyloc.toml").string());
    REQUIRE(c.config);
    ProjectCheckResult r = project_check(*c.config, {});
    REQUIRE(r.ok());
    // en (the source) and en-XA (pseudo) are not checked; de and fr for both pages.
    REQUIRE(r.report.pages.size() == 4);
    CHECK(r.report.pages[0].locale == "de");
    CHECK(r.report.pages[0].percent_words() == doctest::Approx(100));
    CHECK(r.report.pages[1].percent_words() < 50);
    CHECK_FALSE(r.report.pages[1].meets_threshold);
    CHECK(r.report.pages[1].catalogs == std::vector<std::string>{(dir / "de/b.po").string()});
    // fr has no catalog yet: nothing translated, below its threshold, and it is required.
    CHECK(r.report.pages[2].locale == "fr");
    CHECK(r.report.pages[2].percent_words() == 0);
    CHECK(r.failed_locales == std::vector<std::string>{"fr"});
    size_t de_below = 0, fr_below = 0;
    for (const Problem& p : r.report.problems)
        if (p.id == "below-threshold") {
            (p.locale == "de" ? de_below : fr_below) += 1;
            CHECK(p.severity == (p.locale == "de" ? Severity::warning : Severity::error));
        }
    CHECK(de_below == 1);
    CHECK(fr_below == 2);
    CHECK_FALSE(r.report.passed(false));
    bool warned = false;
    for (const Diagnostic& d : r.diagnostics)
        warned = warned || d.message.find("no catalog for fr") != std::string::npos;
    CHECK(warned);
}
