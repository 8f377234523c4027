// Hugo renders a localized page with the structure of its source where Goldmark reads more
// than cmark-gfm: the same heading ids ({#id}, Goldmark's attribute syntax) and the same
// definition lists (<dl>, <dt>, <dd>).
#include <doctest/doctest.h>

#include <iostream>
#include <regex>

#include "policyloc/extract.h"
#include "policyloc/merge.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

const std::string kPage = "---\ntitle: Cookies\n---\n"
                          "## Contact us {#contact}\n\nWrite to us.\n\n"
                          "### What we store {#store .wide}\n\n"
                          "Cookie\n: A small file that a site stores.\n: Also a\n  tracker.\n\n"
                          "Controller\nData controller\n: Who decides why data is processed.\n\n"
                          "Retention\n\n: How long we keep your data.\n";

// podebug's "xxx" rewrite, keeping a trailing attribute list at the end.
std::string xxx(const Unit& u) {
    if (!u.codes.empty() && u.codes.back().kind == CodeKind::attribute &&
        u.codes.back().end == u.source.size())
        return "xxx" + u.source.substr(0, u.codes.back().begin) + "xxx " +
               u.source.substr(u.codes.back().begin);
    return "xxx" + u.source + "xxx";
}

std::vector<std::string> all(const std::string& html, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator();
         ++it)
        out.push_back((*it)[0].str());
    return out;
}

} // namespace

TEST_CASE("hugo renders the same heading ids and definition lists in source and translation") {
    if (!require_tool("hugo")) return;
    ExtractOptions eo;
    eo.file_name = "cookies.md";
    ExtractResult ex = extract_page(kPage, eo);
    REQUIRE(ex.ok());
    Catalog c = ex.catalog;
    for (Unit& u : c.units()) {
        u.target = xxx(u);
        u.state = UnitState::translated;
    }
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    MergeResult r = merge_page(kPage, ex.skeleton, {{"de", &c}}, mo);
    REQUIRE(r.ok());
    CHECK(r.stats.translated == r.stats.units);

    fs::path site = temp_dir("hugo-real-markdown");
    fs::create_directories(site / "content");
    fs::create_directories(site / "layouts/_default");
    write_file(site / "hugo.toml",
               "baseURL = 'https://example.org/'\n"
               "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n");
    write_file(site / "layouts/_default/single.html", "{{ .Content }}\n");
    write_file(site / "layouts/_default/list.html", "{{ .Title }}\n");
    write_file(site / "content/source.md", kPage);
    write_file(site / "content/localized.md", r.output);
    CommandResult hugo = run("hugo --quiet --source " + sh_quote(site.string()) +
                             " --destination " + sh_quote((site / "public").string()));
    REQUIRE_MESSAGE(hugo.exit_code == 0, hugo.out << hugo.err);
    std::string source = read_file(site / "public/source/index.html");
    std::string localized = read_file(site / "public/localized/index.html");
    REQUIRE(!source.empty());
    REQUIRE(!localized.empty());

    std::vector<std::string> ids = all(source, "<h[1-6] id=\"[^\"]*\"");
    CHECK(ids == std::vector<std::string>{"<h2 id=\"contact\"", "<h3 id=\"store\""});
    CHECK(all(localized, "<h[1-6] id=\"[^\"]*\"") == ids);
    CHECK(localized.find("xxxContact usxxx</h2>") != std::string::npos);
    const std::string dl_tags = "</?d[ltd]>";
    std::vector<std::string> dl = all(source, dl_tags);
    CHECK(dl.size() == 2 * (1 + 4 + 4)); // Goldmark joins them: 1 list, 4 terms, 4 definitions
    CHECK(all(localized, dl_tags) == dl);
    CHECK(localized.find("<dt>xxxCookiexxx</dt>") != std::string::npos);
    CHECK(localized.find("<dd>xxxA small file that a site stores.xxx</dd>") != std::string::npos);
    std::cout << "hugo: " << ids.size() << " heading ids and " << dl.size() / 2
              << " definition-list elements the same in source and translation\n";
}
