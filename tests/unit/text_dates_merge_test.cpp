// Dates written as text, translatable shortcode parameters, image titles and translatable link
// destinations through extraction, the catalog and the merge.
#include <doctest/doctest.h>

#include <string>

#include "policyloc/catalog_io.h"
#include "policyloc/check_unit.h"
#include "policyloc/extract.h"
#include "policyloc/merge.h"
#include "policyloc/project_config.h"
#include "policyloc/shortcode_params.h"
#include "test_support.h"

using namespace policyloc;

namespace {

ExtractResult extract(const std::string& page, const std::string& source_locale = "en") {
    ExtractOptions eo;
    eo.file_name = "page.md";
    eo.source_locale = source_locale;
    ExtractResult ex = extract_page(page, eo);
    REQUIRE(ex.ok());
    return ex;
}

// Every unit translated by `translate` (its source when it gives nothing).
template <typename F> Catalog translated(const Catalog& tmpl, F translate) {
    Catalog c = tmpl;
    for (Unit& u : c.units()) {
        std::string t = translate(u.source);
        u.target = t.empty() ? u.source : t;
        u.state = UnitState::translated;
    }
    return c;
}

MergeResult merge(const std::string& page, const ExtractResult& ex, const Catalog& catalog,
                  const std::string& locale, DateMode dates = DateMode::render) {
    MergeOptions mo;
    mo.locale = locale;
    mo.dates = dates;
    return merge_page(page, ex.skeleton, {{"catalog", &catalog}}, mo);
}

const std::string kUpdated = "# Privacy\n\nLast updated: July 31, 2025\n";

std::string updated_de(const std::string& s) {
    return s == "Last updated: {date}" ? "Zuletzt aktualisiert: {date}" : "";
}

} // namespace

TEST_CASE("written dates: the catalog holds a placeholder, the merge writes the day per locale") {
    ExtractResult ex = extract(kUpdated);
    REQUIRE(ex.catalog.find(std::nullopt, "Last updated: {date}"));
    for (const Unit& u : ex.catalog.units()) CHECK(u.source.find("July") == std::string::npos);
    CatalogWriteResult po = po_write(ex.catalog);
    REQUIRE(po.text);
    CHECK(po.text->find("July 31") == std::string::npos);
    CHECK(po.text->find("msgid \"Last updated: {date}\"") != std::string::npos);

    MergeResult de = merge(kUpdated, ex, translated(ex.catalog, updated_de), "de");
    REQUIRE(de.ok());
    CHECK(de.output == "# Privacy\n\nZuletzt aktualisiert: 31. Juli 2025\n");
    MergeResult ja = merge(kUpdated, ex,
                           translated(ex.catalog,
                                      [](const std::string& s) {
                                          return s == "Last updated: {date}"
                                                     ? std::string("最終更新日：{date}")
                                                     : std::string("プライバシー");
                                      }),
                           "ja");
    REQUIRE(ja.ok());
    CHECK(ja.output == "# プライバシー\n\n最終更新日：2025年7月31日\n");
}

TEST_CASE("written dates: the source locale, kept dates and untranslated units keep the text") {
    ExtractResult ex = extract(kUpdated);
    // A catalog whose targets are their sources: the page, byte for byte, in any locale.
    Catalog same = translated(ex.catalog, [](const std::string&) { return std::string(); });
    CHECK(merge(kUpdated, ex, same, "de").output == kUpdated);
    // The page's own language writes the date as the page does, whatever the translation.
    const std::string numeric = "Updated 07/31/2025 here.\n";
    ExtractResult nx = extract(numeric);
    Catalog en = translated(nx.catalog, [](const std::string&) { return "Changed {date} here."; });
    CHECK(merge(numeric, nx, en, "en").output == "Changed 07/31/2025 here.\n");
    CHECK(merge(numeric, nx, en, "en-GB").output == "Changed 31/07/2025 here.\n");
    // --dates keep writes the date as the page does.
    Catalog de = translated(ex.catalog, updated_de);
    CHECK(merge(kUpdated, ex, de, "de", DateMode::keep).output ==
          "# Privacy\n\nZuletzt aktualisiert: July 31, 2025\n");
    // An untranslated unit stays in the source language, its date too.
    Catalog none = ex.catalog;
    CHECK(merge(kUpdated, ex, none, "de").output == kUpdated);
}

TEST_CASE("written dates: each form is written in its own form per locale") {
    const std::string page = "From Thursday, July 31, 2025 to 12/31/2025, or Jul 1, 2025.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.catalog.size() == 1);
    CHECK(ex.catalog.units()[0].source == "From {date1} to {date2}, or {date3}.");
    // Translators may reorder the placeholders.
    Catalog de = translated(ex.catalog, [](const std::string&) {
        return std::string("Oder {date3}; bis {date2}, ab {date1}.");
    });
    CHECK(merge(page, ex, de, "de").output ==
          "Oder 1. Juli 2025; bis 31.12.2025, ab Donnerstag, 31. Juli 2025.\n");
}

TEST_CASE("written dates: a block of nothing but a date is written per locale") {
    const std::string page = "| Version | Date |\n|---|---|\n| 2 | July 31, 2025 |\n";
    ExtractResult ex = extract(page);
    CHECK(ex.catalog.find(std::nullopt, "July 31, 2025") == nullptr);
    Catalog same = ex.catalog;
    CHECK(merge(page, ex, same, "de").output ==
          "| Version | Date |\n|---|---|\n| 2 | 31. Juli 2025 |\n");
    CHECK(merge(page, ex, same, "de", DateMode::keep).output == page);
    CHECK(merge(page, ex, same, "en").output == page);
}

TEST_CASE("written dates: a date that would open a list when written first is escaped") {
    const std::string page = "Intro.\n\nJuly 31, 2025 is the day.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.catalog.find(std::nullopt, "{date} is the day."));
    Catalog de = translated(ex.catalog, [](const std::string& s) {
        return s == "Intro." ? std::string("Einleitung.") : std::string("{date} ist der Tag.");
    });
    MergeResult r = merge(page, ex, de, "de");
    REQUIRE(r.ok());
    CHECK(r.output == "Einleitung.\n\n31\\. Juli 2025 ist der Tag.\n");
    CHECK(markdown_block_tree(r.output).size() == markdown_block_tree(page).size());
}

TEST_CASE("written dates: a German page is read in German") {
    const std::string page = "Stand: 31. Juli 2025\n";
    ExtractResult ex = extract(page, "de");
    REQUIRE(ex.catalog.find(std::nullopt, "Stand: {date}"));
    Catalog en = translated(ex.catalog, [](const std::string&) { return "As of {date}"; });
    CHECK(merge(page, ex, en, "en").output == "As of July 31, 2025\n");
    // Read as English, the same text holds no date.
    CHECK(extract(page, "en").catalog.find(std::nullopt, "Stand: 31. Juli 2025"));
}

TEST_CASE("written dates: check reports a translation that drops the placeholder") {
    ExtractResult ex = extract(kUpdated);
    Unit u = *ex.catalog.find(std::nullopt, "Last updated: {date}");
    u.target = "Zuletzt aktualisiert: 31. Juli 2025";
    u.state = UnitState::translated;
    UnitFindings f = check_carried_text(u);
    REQUIRE(!f.empty());
    CHECK(f[0].id == "protected-span");
    // And the merge does not use it.
    Catalog c = ex.catalog;
    c.find(std::nullopt, "Last updated: {date}")->target = u.target;
    c.find(std::nullopt, "Last updated: {date}")->state = UnitState::translated;
    MergeResult r = merge(kUpdated, ex, c, "de");
    CHECK(r.stats.reasons[FallbackReason::protected_span_changed] == 1);
}

TEST_CASE("shortcode parameters: the value is translated, a stray quote falls back") {
    const std::string page = "Intro.\n\n{{< alert text=\"Read this carefully\" >}}\n";
    ExtractResult ex = extract(page);
    const std::string source = "{{< alert text=\"Read this carefully\" >}}";
    REQUIRE(ex.catalog.find(std::nullopt, source));
    auto with = [&](const std::string& target) {
        return translated(
            ex.catalog, [&](const std::string& s) { return s == source ? target : std::string(); });
    };
    CHECK(merge(page, ex, with("{{< alert text=\"Bitte sorgfältig \\\"lesen\\\"\" >}}"), "de")
              .output == "Intro.\n\n{{< alert text=\"Bitte sorgfältig \\\"lesen\\\"\" >}}\n");
    MergeResult broken = merge(page, ex, with("{{< alert text=\"Bitte \"lesen\"\" >}}"), "de");
    CHECK(broken.output == page);
    CHECK(broken.stats.reasons[FallbackReason::protected_span_changed] == 1);
}

TEST_CASE("image titles: translated within the image, the source stays protected") {
    const std::string page = "See ![A cat](cat.png \"A sleeping cat\") here.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.catalog.size() == 1);
    Catalog de = translated(ex.catalog, [](const std::string&) {
        return std::string("Siehe ![Eine Katze](cat.png \"Eine schlafende Katze\") hier.");
    });
    CHECK(merge(page, ex, de, "de").output ==
          "Siehe ![Eine Katze](cat.png \"Eine schlafende Katze\") hier.\n");
    Catalog moved = translated(ex.catalog, [](const std::string&) {
        return std::string("Siehe ![Eine Katze](dog.png \"Eine Katze\") hier.");
    });
    CHECK(merge(page, ex, moved, "de").output == page);
}

TEST_CASE("translate-links: a translation may point a link at another page") {
    const std::string page = "<!-- policyloc: translate-links -->\nSee [the terms](/en/terms/).\n\n"
                             "And [more](/en/more/).\n";
    ExtractResult ex = extract(page);
    Catalog de = translated(ex.catalog, [](const std::string& s) {
        if (s.starts_with("See")) return std::string("Siehe [die AGB](/de/agb/).");
        return std::string("Und [mehr](/de/mehr/).");
    });
    MergeResult r = merge(page, ex, de, "de");
    CHECK(r.output == "<!-- policyloc: translate-links -->\nSiehe [die AGB](/de/agb/).\n\n"
                      "And [more](/en/more/).\n");
    CHECK(r.stats.reasons[FallbackReason::protected_span_changed] == 1);
}

TEST_CASE("shortcode parameters: the list, its header field and the project config") {
    CHECK(shortcode_params_default() ==
          std::vector<std::string>{"alert.text", "figure.caption", "figure.alt", "*.title"});
    ShortcodeParamsParse p = shortcode_params_parse(" alert.text , *.title,, ");
    CHECK(p.error.empty());
    CHECK(p.params == std::vector<std::string>{"alert.text", "*.title"});
    CHECK(shortcode_params_parse("none").params.empty());
    CHECK(shortcode_params_parse("alert").error.find("'alert'") != std::string::npos);
    CHECK(shortcode_params_parse("a.b.c").error.find("'a.b.c'") != std::string::npos);
    CHECK(shortcode_param_listed({"*.title"}, "note", "title"));
    CHECK_FALSE(shortcode_param_listed({"alert.text"}, "note", "text"));

    CHECK_FALSE(shortcode_params_header_value(shortcode_params_default()));
    CHECK(shortcode_params_header_value({}) == "none");
    Catalog c;
    c.set_header_field(kShortcodeParamsHeaderField, *shortcode_params_header_value({"x.y"}));
    CHECK(shortcode_params_of_catalog(c) == std::vector<std::string>{"x.y"});
    c.set_header_field(kShortcodeParamsHeaderField, "none");
    CHECK(shortcode_params_of_catalog(c) == std::vector<std::string>{});
    CHECK_FALSE(shortcode_params_of_catalog(Catalog{}));

    ProjectConfigResult ok = project_config_parse(
        "pages = [\"a.md\"]\nshortcode_params = [\"notice.body\"]\n[locales]\nde = {}\n",
        "policyloc.toml");
    REQUIRE(ok.config);
    CHECK(ok.config->shortcode_params == std::vector<std::string>{"notice.body"});
    ProjectConfigResult none =
        project_config_parse("pages = [\"a.md\"]\n[locales]\nde = {}\n", "policyloc.toml");
    REQUIRE(none.config);
    CHECK_FALSE(none.config->shortcode_params);
    ProjectConfigResult bad = project_config_parse(
        "pages = [\"a.md\"]\nshortcode_params = [\"notice\"]\n[locales]\nde = {}\n",
        "policyloc.toml");
    CHECK_FALSE(bad.config);
    REQUIRE(!bad.diagnostics.empty());
    CHECK(bad.diagnostics[0].line == 2);
    CHECK(bad.diagnostics[0].message.find("'notice'") != std::string::npos);
}

TEST_CASE("identity: a page with written dates, shortcode values, image titles and links") {
    const std::string page =
        "---\ntitle: Privacy\n---\n# Privacy\r\n\r\nLast updated: **July 31, 2025** (7/31/25)."
        "\r\n\r\n{{< alert text=\"Read this carefully\" >}}\r\n\r\n![A cat](cat.png \"A cat\")"
        "\r\n\r\n<!-- policyloc: translate-links -->\r\nSee [terms](/en/terms/),\r\nupdated "
        "Thu, Jul 31, 2025.\r\n\r\n<!-- policyloc: skip-dates -->\r\nSince July 1, 2025.\r\n";
    ExtractResult ex = extract(page);
    Catalog same = translated(ex.catalog, [](const std::string&) { return std::string(); });
    for (const char* locale : {"de", "ja", "en"}) {
        CHECK_MESSAGE(merge(page, ex, same, locale).output == page, locale);
        CHECK_MESSAGE(merge(page, ex, same, locale, DateMode::keep).output == page, locale);
    }
}

TEST_CASE("written dates: finders reused across pages and locales find what fresh ones find") {
    const std::string en = "Updated July 31, 2025.\n\nNo date here, only 2025 things.\n";
    const std::string de = "Aktualisiert am 31. Juli 2025.\n\nStand: 1. März 2024\n";
    DateFinders finders;
    for (int round = 0; round < 2; ++round)
        for (const auto& [page, locale] : {std::pair{en, "en"}, std::pair{de, "de"}}) {
            ExtractOptions eo;
            eo.file_name = "page.md";
            eo.source_locale = locale;
            ExtractResult fresh = extract_page(page, eo);
            eo.date_finders = &finders;
            ExtractResult reused = extract_page(page, eo);
            REQUIRE(fresh.ok());
            REQUIRE(reused.ok());
            REQUIRE(reused.catalog.size() == fresh.catalog.size());
            for (size_t i = 0; i < fresh.catalog.size(); ++i)
                CHECK(reused.catalog.units()[i].source == fresh.catalog.units()[i].source);
        }
    // Each locale's patterns: the English page's date is a placeholder, the German page's too.
    ExtractOptions eo;
    eo.file_name = "page.md";
    eo.date_finders = &finders;
    CHECK(extract_page(en, eo).catalog.units()[0].source == "Updated {date}.");
    eo.source_locale = "de";
    CHECK(extract_page(de, eo).catalog.units()[1].source == "Stand: {date}");
}
