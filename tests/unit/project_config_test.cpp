// policyloc.toml: what it holds, and every error with its line and column.
#include <doctest/doctest.h>

#include "policyloc/project.h"
#include "policyloc/project_config.h"

using namespace policyloc;

namespace {

const char* kValid = R"(source_language = "en"
pages = ["content/en/*.md"]
pages_base = "content/en"
keys = ["lead"]

[catalogs]
path = "locales/{page}/{locale}.po"

[output]
layout = "hugo-dirs"
root = "content"

[defaults]
min_complete = 80
below_threshold = "keep"
timezone = "Europe/Berlin"

[locales]
fr = {}
ar = { numbering = "latn", required = true }
de = { min_complete = 95, fallbacks = ["fr"], below_threshold = "source" }
)";

const Diagnostic& only_error(const ProjectConfigResult& r) {
    CHECK_FALSE(r.config);
    REQUIRE(r.diagnostics.size() >= 1);
    CHECK(r.diagnostics[0].severity == Severity::error);
    return r.diagnostics[0];
}

} // namespace

TEST_CASE("project config: every field read, locales in the file's order") {
    ProjectConfigResult r = project_config_parse(kValid, "site/policyloc.toml");
    REQUIRE_MESSAGE(r.config, (r.diagnostics.empty() ? "" : r.diagnostics[0].message));
    const ProjectConfig& c = *r.config;
    CHECK(c.root == "site");
    CHECK(c.pages == std::vector<std::string>{"content/en/*.md"});
    CHECK(c.keys == std::vector<std::string>{"lead"});
    CHECK(c.catalog_path == "locales/{page}/{locale}.po");
    CHECK(c.layout == OutputLayout::hugo_dirs);
    REQUIRE(c.locales.size() == 3);
    CHECK(c.locales[0].tag == "fr");
    CHECK(c.locales[1].tag == "ar");
    CHECK(c.locales[2].tag == "de");
    // Defaults apply where a locale says nothing.
    CHECK(c.locales[0].min_complete == 80);
    CHECK(c.locales[0].below == BelowThreshold::keep);
    CHECK(c.locales[0].time_zone == "Europe/Berlin");
    CHECK(c.locales[2].min_complete == 95);
    CHECK(c.locales[2].below == BelowThreshold::source);
    CHECK(c.locales[2].fallbacks == std::vector<std::string>{"fr"});
    CHECK(c.locales[1].required);
    CHECK(c.locales[1].icu_tag() == "ar-u-nu-latn");
    CHECK(c.locales[0].icu_tag() == "fr");

    ProjectPage page{"site/content/en/legal/privacy.md", "content/en/legal/privacy.md",
                     "legal/privacy", "privacy"};
    CHECK(project_catalog_path(c, page, "de") == "site/locales/legal/privacy/de.po");
    CHECK(project_output_path(c, page, "pt-BR") == "site/content/pt-br/legal/privacy.md");
}

TEST_CASE("project config: errors name the line and column") {
    auto at = [](const char* text) {
        ProjectConfigResult r = project_config_parse(text, "policyloc.toml");
        return only_error(r);
    };
    const Diagnostic& unknown = at("pages = [\"a.md\"]\ncolour = \"blue\"\n[locales]\nde = {}\n");
    CHECK(unknown.line == 2);
    CHECK(unknown.column == 1);
    CHECK(unknown.message.find("unknown key 'colour'") == 0);

    const Diagnostic& type = at("pages = \"a.md\"\n[locales]\nde = {}\n");
    CHECK(type.line == 1);
    CHECK(type.message.find("'pages' must be an array of strings") == 0);

    const Diagnostic& pattern =
        at("pages = [\"a.md\"]\n[catalogs]\npath = \"locales/de.po\"\n[locales]\nde = {}\n");
    CHECK(pattern.line == 3);
    CHECK(pattern.column == 8);
    CHECK(pattern.message.find("must contain {locale}") != std::string::npos);

    const Diagnostic& tag = at("pages = [\"a.md\"]\n[locales]\nde = {}\n\"not a tag!\" = {}\n");
    CHECK(tag.line == 4);
    CHECK(tag.message.find("not a BCP 47") != std::string::npos);

    const Diagnostic& syntax = at("pages = [\"a.md\"\n[locales]\n");
    CHECK(syntax.line >= 1);
    CHECK(syntax.file == "policyloc.toml");

    const Diagnostic& zone =
        at("pages = [\"a.md\"]\n[defaults]\ntimezone = \"Europe/Berln\"\n[locales]\nde = {}\n");
    CHECK(zone.line == 3);
    const Diagnostic& below =
        at("pages = [\"a.md\"]\n[locales]\nde = { below_threshold = \"publish\" }\n");
    CHECK(below.line == 3);
    const Diagnostic& none = at("pages = [\"a.md\"]\n");
    CHECK(none.message.find("no locales") != std::string::npos);
}

TEST_CASE("project: what happens to a page below its threshold") {
    MergeStats half;
    half.words = 10;
    half.words_translated = 5;
    LocaleSettings l;
    CHECK(project_page_action(half, l) == PageAction::write); // no threshold
    l.min_complete = 50;
    CHECK(project_page_action(half, l) == PageAction::write);
    l.min_complete = 90;
    CHECK(project_page_action(half, l) == PageAction::skip_and_remove);
    l.below = BelowThreshold::keep;
    CHECK(project_page_action(half, l) == PageAction::skip_and_keep);
    l.below = BelowThreshold::source;
    CHECK(project_page_action(half, l) == PageAction::write_source);
}

TEST_CASE("project config: a pseudo-locale's catalog is made from the pages") {
    ProjectConfigResult r =
        project_config_parse("pages = [\"a.md\"]\n[locales]\nde = {}\nen-XA = { pseudo = true }\n"
                             "ar-XB = { pseudo = true }\n",
                             "policyloc.toml");
    REQUIRE(r.config);
    REQUIRE(r.config->locales.size() == 3);
    CHECK_FALSE(r.config->locales[0].pseudo);
    CHECK(r.config->locales[1].pseudo);
    CHECK(r.config->locales[2].pseudo);
    // The plan of a pseudo-locale has no catalog to find.
    ProjectPage page{"a.md", "a.md", "a", "a"};
    MergePlan plan = project_plan(*r.config, page, r.config->locales[1]);
    CHECK(plan.ok());
    CHECK(plan.chain.empty());

    // Only en-XA and ar-XB are pseudo-locales.
    ProjectConfigResult de = project_config_parse(
        "pages = [\"a.md\"]\n[locales]\nde = { pseudo = true }\n", "policyloc.toml");
    const Diagnostic& not_pseudo = only_error(de);
    CHECK(not_pseudo.line == 3);
    CHECK(not_pseudo.column == 17);
    CHECK(not_pseudo.message.find("en-XA or ar-XB") != std::string::npos);
}

TEST_CASE("project config: a locale's catalog format") {
    ProjectConfigResult r = project_config_parse(
        "pages = [\"a.md\"]\n[catalogs]\npath = \"l10n/{locale}.po\"\nxliff_version = \"1.2\"\n"
        "[locales]\nfr = {}\nde = { format = \"xliff-2.0\" }\nja = { format = \"xliff-1.2\" }\n",
        "site/policyloc.toml");
    REQUIRE(r.config);
    ProjectPage page{"site/a.md", "a.md", "a", "a"};
    CHECK(project_catalog_path(*r.config, page, "fr") == "site/l10n/fr.po");
    CHECK(project_catalog_path(*r.config, page, "de") == "site/l10n/de.xlf");
    CHECK(project_catalog_path(*r.config, page, "ja") == "site/l10n/ja.xlf");
    CHECK(project_xliff_version(*r.config, "de") == "2.0");
    CHECK(project_xliff_version(*r.config, "ja") == "1.2");
    CHECK(project_xliff_version(*r.config, "fr") == "1.2");

    ProjectConfigResult xlf = project_config_parse(
        "pages = [\"a.md\"]\n[locales]\nde = { format = \"xlf\" }\n", "policyloc.toml");
    const Diagnostic& bad = only_error(xlf);
    CHECK(bad.line == 3);
    CHECK(bad.message.find("po, xliff-1.2 or xliff-2.0") != std::string::npos);
}

TEST_CASE("project: --locale limits a run to the locales it names") {
    LocaleSettings de;
    de.tag = "de";
    CHECK(project_locale_selected({}, de));
    CHECK(project_locale_selected({"fr", "de"}, de));
    CHECK_FALSE(project_locale_selected({"fr"}, de));
    CHECK_FALSE(project_locale_selected({"de-AT"}, de));
}
