// Written dates and translatable shortcode parameters as a user runs them: extract, fill the
// catalog, merge; the options travel with the catalog so that merge cuts the page the same way.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace policyloc::test;

namespace {

// Replaces msgstr "" after `msgid` with `msgstr` in PO text.
std::string with_target(std::string po, const std::string& msgid, const std::string& msgstr) {
    std::string key = "msgid \"" + msgid + "\"\nmsgstr \"\"";
    size_t at = po.find(key);
    REQUIRE_MESSAGE(at != std::string::npos, msgid);
    po.replace(at, key.size(), "msgid \"" + msgid + "\"\nmsgstr \"" + msgstr + "\"");
    return po;
}

std::string as_catalog(std::string pot, const std::string& language) {
    size_t at = pot.find("\"Language: \\n\"");
    REQUIRE(at != std::string::npos);
    pot.replace(at, 14, "\"Language: " + language + "\\n\"");
    return pot;
}

} // namespace

TEST_CASE("cli: Last updated merges as 31. Juli 2025 in de and 2025年7月31日 in ja") {
    fs::path dir = temp_dir("text-dates-cli");
    write_file(dir / "privacy.md", "# Privacy\n\nLast updated: July 31, 2025\n");
    CommandResult ex = run_policyloc("extract " + sh_quote(dir / "privacy.md") + " -o " +
                                     sh_quote(dir / "privacy.pot"));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    std::string pot = read_file(dir / "privacy.pot");
    CHECK(pot.find("July") == std::string::npos);
    for (auto [lang, target, expected] :
         {std::tuple{"de", "Zuletzt aktualisiert: {date}", "Zuletzt aktualisiert: 31. Juli 2025"},
          std::tuple{"ja", "最終更新日：{date}", "最終更新日：2025年7月31日"}}) {
        fs::path po = dir / (std::string(lang) + ".po");
        write_file(po, with_target(as_catalog(pot, lang), "Last updated: {date}", target));
        CommandResult m = run_policyloc("merge " + sh_quote(dir / "privacy.md") + " " +
                                        sh_quote(po) + " --locale " + lang + " -q -o -");
        REQUIRE_MESSAGE(m.exit_code == 0, m.err);
        CHECK(m.out == std::string("# Privacy\n\n") + expected + "\n");
    }
}

TEST_CASE("cli: a German page's dates, read in the catalog's source language") {
    fs::path dir = temp_dir("text-dates-cli-de");
    write_file(dir / "datenschutz.md", "Stand: 31. Juli 2025\n");
    CommandResult ex =
        run_policyloc("extract --source-lang de " + sh_quote(dir / "datenschutz.md") + " -o " +
                      sh_quote(dir / "datenschutz.pot"));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    std::string pot = read_file(dir / "datenschutz.pot");
    CHECK(pot.find("X-Source-Language: de") != std::string::npos);
    write_file(dir / "en.po", with_target(as_catalog(pot, "en"), "Stand: {date}", "As of {date}"));
    // merge reads the page as German because the catalog says so.
    CommandResult m = run_policyloc("merge " + sh_quote(dir / "datenschutz.md") + " " +
                                    sh_quote(dir / "en.po") + " --locale en -q -o -");
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    CHECK(m.out == "As of July 31, 2025\n");
}

TEST_CASE("cli: --shortcode-params on extract travels in the catalog to merge") {
    fs::path dir = temp_dir("shortcode-params-cli");
    write_file(dir / "page.md", "Intro.\n\n{{< notice body=\"Heads up\" >}}\n");
    CommandResult bad =
        run_policyloc("extract --shortcode-params notice " + sh_quote(dir / "page.md") + " -o " +
                      sh_quote(dir / "bad.pot"));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("'notice'") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "bad.pot"));

    CommandResult ex =
        run_policyloc("extract --shortcode-params notice.body " + sh_quote(dir / "page.md") +
                      " -o " + sh_quote(dir / "page.pot"));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    std::string pot = read_file(dir / "page.pot");
    CHECK(pot.find("X-Policyloc-Shortcode-Params: notice.body") != std::string::npos);
    const std::string unit = "{{< notice body=\\\"Heads up\\\" >}}";
    write_file(dir / "de.po", with_target(with_target(as_catalog(pot, "de"), unit,
                                                      "{{< notice body=\\\"Achtung\\\" >}}"),
                                          "Intro.", "Einleitung."));
    CommandResult m = run_policyloc("merge " + sh_quote(dir / "page.md") + " " +
                                    sh_quote(dir / "de.po") + " --locale de -q -o -");
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    CHECK(m.out == "Einleitung.\n\n{{< notice body=\"Achtung\" >}}\n");
    // Without the list the value is protected: the unit differs and the source stays.
    CommandResult other =
        run_policyloc("merge --shortcode-params none " + sh_quote(dir / "page.md") + " " +
                      sh_quote(dir / "de.po") + " --locale de -q -o -");
    REQUIRE_MESSAGE(other.exit_code == 0, other.err);
    CHECK(other.out == "Einleitung.\n\n{{< notice body=\"Heads up\" >}}\n");
}
