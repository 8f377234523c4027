// The localized pages build with Hugo: one site, twelve languages, the pages policyloc wrote.
#include <doctest/doctest.h>

#include <iostream>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("hugo builds the localized pages of the bundled example") {
    if (!require_tool("hugo")) return;
    fs::path site = temp_dir("hugo-site");
    fs::path content = site / "content";
    fs::create_directories(content);
    fs::create_directories(site / "layouts/_default");
    const std::vector<std::pair<std::string, std::string>> locales = {
        {"en", "privacy.pot"}, {"de", "de.xlf"}, {"fr", "fr.po"},           {"es", "es.po"},
        {"pt-BR", "pt-BR.po"}, {"ja", "ja.xlf"}, {"zh-Hans", "zh-Hans.po"}, {"ko", "ko.po"},
        {"ar", "ar.po"},       {"he", "he.po"},  {"ru", "ru.po"},           {"it", "it.po"}};
    std::string config =
        "baseURL = 'https://example.org/'\ntitle = 'Gopteran'\n"
        "defaultContentLanguage = 'en'\ndefaultContentLanguageInSubdir = true\n"
        "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n";
    int weight = 1;
    for (const auto& [locale, catalog] : locales) {
        std::string lower = locale;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool rtl = locale == "ar" || locale == "he";
        config += "[languages." + lower + "]\nlanguageCode = '" + locale +
                  "'\nweight = " + std::to_string(weight++) + "\nlanguageDirection = '" +
                  (rtl ? "rtl" : "ltr") + "'\n";
        auto r = run_policyloc("merge " + sh_quote((source_dir() / "locales/privacy.md").string()) +
                               " " + sh_quote((source_dir() / "locales" / catalog).string()) +
                               " --locale " + locale + " --date 2026-11-28 --quiet -o " +
                               sh_quote((content / ("privacy." + lower + ".md")).string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    write_file(site / "hugo.toml", config);
    write_file(site / "layouts/_default/single.html",
               "<!DOCTYPE html>\n<html lang=\"{{ .Site.LanguageCode }}\" dir=\"{{ "
               ".Language.LanguageDirection }}\">\n<head><title>{{ .Title }}</title></head>\n"
               "<body><h1>{{ .Title }}</h1>\n{{ .Content }}\n</body></html>\n");
    write_file(site / "layouts/_default/list.html", "{{ .Title }}\n");
    auto r = run("hugo --quiet --source " + sh_quote(site.string()) + " --destination " +
                 sh_quote((site / "public").string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);

    size_t built = 0;
    for (const auto& [locale, catalog] : locales) {
        std::string lower = locale;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        fs::path html = site / "public" / lower / "privacy/index.html";
        REQUIRE_MESSAGE(fs::exists(html), html);
        std::string text = read_file(html);
        ++built;
        CHECK(text.find("{{") == std::string::npos);
        CHECK(text.find("<h2") != std::string::npos);
        CHECK(text.find("href=\"mailto:privacy@gopteran.com\"") != std::string::npos);
        if (locale == "ar" || locale == "he") CHECK(text.find("dir=\"rtl\"") != std::string::npos);
        // The page's title is the catalog's translation of "Privacy Policy".
        CatalogReadResult cat = catalog_read_file((source_dir() / "locales" / catalog).string());
        REQUIRE(cat.catalog);
        const Unit* title = cat.catalog->find(std::nullopt, "Privacy Policy");
        REQUIRE(title);
        std::string expected = title->target.empty() ? title->source : title->target;
        CHECK_MESSAGE(text.find("<h1>" + expected + "</h1>") != std::string::npos, locale);
    }
    std::cout << "hugo built " << built << " localized pages\n";
    CHECK(built == locales.size());
}
