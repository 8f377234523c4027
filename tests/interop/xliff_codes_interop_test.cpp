// XLIFF with paired formatting codes against real tools: the schemas (xmllint), Translate
// Toolkit's xliff2po and the npm `xliff` package read what we write; a CAT tool's return with
// the codes moved merges, one with a code dropped falls back.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

const char* page_text = "# Privacy *policy*\n\n"
                        "We **never** sell your data. See [our terms](https://example.com/terms "
                        "\"Terms\") and [foo][foo].\n\n"
                        "Contact ~~us~~ or ![logo](logo.png) now, `code *x*` and *emph with "
                        "`code`*.\n\n[foo]: https://foo.example\n";

// The page written into `dir` and extracted to XLIFF `version` ("1.2", "2.0").
t::fs::path extract_xliff(const t::fs::path& dir, const std::string& version) {
    const t::fs::path page = dir / "p.md";
    if (!t::fs::exists(page)) t::write_file(page, page_text);
    const t::fs::path xlf = dir / ("p-" + version + ".xlf");
    auto r = t::run_policyloc("extract " + t::sh_quote(page) + " -o " + t::sh_quote(xlf) +
                              " --xliff-version " + version);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return xlf;
}

std::string without_spaces(std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
    return s;
}

} // namespace

TEST_CASE("xliff codes interop: paired codes validate against the 1.2 and 2.0 schemas") {
    const char* schema12 = "schemas/xliff-1.2/xliff-core-1.2-strict.xsd";
    const char* schema20 = "schemas/xliff-2.0/xliff_core_2.0.xsd";
    if (!t::require_tool("xmllint") || !t::require_shared(schema12) || !t::require_shared(schema20))
        return;
    t::fs::path dir = t::temp_dir("xcodes_xmllint");
    for (const auto& [version, schema, code] : {std::tuple{"1.2", schema12, "<bpt id=\"m1\""},
                                                std::tuple{"2.0", schema20, "<pc id=\"m1\""}}) {
        const t::fs::path xlf = extract_xliff(dir, version);
        CHECK(t::read_file(xlf).find(code) != std::string::npos);
        auto r = t::run("xmllint --noout --nonet --schema " +
                        t::sh_quote(t::shared_dir() / schema) + " " + t::sh_quote(xlf));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
}

TEST_CASE("xliff codes interop: xliff2po reads the units with their Markdown text") {
    if (!t::require_tool("xliff2po")) return;
    t::fs::path dir = t::temp_dir("xcodes_xliff2po");
    const t::fs::path xlf = extract_xliff(dir, "1.2"), po = dir / "tt.po";
    auto r = t::run("xliff2po --progress=none " + t::sh_quote(xlf) + " " + t::sh_quote(po));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ours = xliff_read(t::read_file(xlf), "p.xlf");
    auto theirs = po_read_file(po.string());
    REQUIRE(ours.catalog);
    REQUIRE(theirs.catalog);
    CHECK(theirs.catalog->size() == ours.catalog->size());
    for (const Unit& u : ours.catalog->units()) {
        CAPTURE(u.source);
        CHECK(theirs.catalog->find(std::nullopt, u.source));
    }
}

TEST_CASE("xliff codes interop: the npm xliff package reads the units and their codes") {
    if (!t::require_tool("npm") || !t::require_tool("node")) return;
    t::fs::path dir = t::temp_dir("xcodes_npm");
    auto install = t::run("cd " + t::sh_quote(dir) +
                          " && timeout 300 npm install --no-audit --no-fund --silent xliff");
    if (install.exit_code != 0) {
        t::skip("npm could not install the xliff package from the registry: " + install.err);
        return;
    }
    // Each unit's text as the package gives it: strings, code contents and (2.0) the display
    // text of the pairs around their contents.
    t::write_file(dir / "read.js", R"(
const fs = require('fs'); const x = require('xliff');
const text = (v) => typeof v === 'string' ? v : Array.isArray(v) ? v.map(text).join('') :
  Object.values(v).map((c) => (c.dispStart || '') + (c.disp || '') +
    (c.contents === undefined ? '' : text(c.contents)) + (c.dispEnd || '')).join('');
const read = process.argv[3] === '2.0' ? x.xliff2js : x.xliff12ToJs;
read(fs.readFileSync(process.argv[2], 'utf8'), (err, res) => {
  if (err) { console.error(String(err)); process.exit(1); }
  const out = {};
  for (const file of Object.values(res.resources))
    for (const [id, unit] of Object.entries(file)) out[id] = text(unit.source);
  console.log(JSON.stringify(out));
});)");
    for (const char* version : {"1.2", "2.0"}) {
        CAPTURE(version);
        const t::fs::path xlf = extract_xliff(dir, version);
        auto r = t::run("cd " + t::sh_quote(dir) + " && node read.js " + t::sh_quote(xlf) + " " +
                        version);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const nlohmann::json units = nlohmann::json::parse(r.out);
        auto ours = xliff_read(t::read_file(xlf), "p.xlf");
        REQUIRE(ours.catalog);
        CHECK(units.size() == ours.catalog->size());
        for (const Unit& u : ours.catalog->units()) {
            CAPTURE(u.source);
            REQUIRE(units.contains(u.id()));
            // The package drops text nodes of spaces only between two codes.
            CHECK(without_spaces(units[u.id()].get<std::string>()) == without_spaces(u.source));
        }
    }
}

TEST_CASE("xliff codes interop: a CAT tool's return with codes moved merges, a dropped code falls "
          "back") {
    t::fs::path dir = t::temp_dir("xcodes_cat");
    const t::fs::path xlf = extract_xliff(dir, "1.2");
    std::string xml = t::read_file(xlf);
    const std::string source =
        "We <bpt id=\"m1\" ctype=\"bold\">**</bpt>never<ept id=\"m1\">**</ept> sell your data. "
        "See <bpt id=\"m2\" ctype=\"link\">[</bpt>our terms<ept id=\"m2\">](https://example.com/"
        "terms \"Terms\")</ept> and <bpt id=\"m3\" ctype=\"link\">[</bpt>foo<ept "
        "id=\"m3\">][foo]</ept>.</source>";
    const size_t at = xml.find(source);
    REQUIRE(at != std::string::npos);
    // A CAT tool moves the codes with the words and writes the pairs without their data.
    const std::string moved =
        "<target state=\"translated\">Voir <bpt id=\"m2\"/>nos conditions<ept id=\"m2\"/> et "
        "<bpt id=\"m3\"/>truc<ept id=\"m3\"/> : nous ne vendons <bpt id=\"m1\"/>jamais<ept "
        "id=\"m1\"/> vos données.</target>";
    auto write_return = [&](const std::string& target, const std::string& name) {
        std::string x = xml;
        x.insert(at + source.size(), target);
        x.insert(x.rfind("<trans-unit ", at) + 12, "approved=\"yes\" ");
        x.replace(x.find("source-language=\"en\""), 20,
                  "source-language=\"en\" target-language=\"fr\"");
        t::write_file(dir / name, x);
        return dir / name;
    };
    const t::fs::path good = write_return(moved, "fr.xlf");
    auto r = t::run_policyloc("merge " + t::sh_quote(dir / "p.md") + " " + t::sh_quote(good) +
                              " --locale fr -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Voir [nos conditions](https://example.com/terms \"Terms\") et [truc][foo] "
                     ": nous ne vendons **jamais** vos données.") != std::string::npos);

    std::string dropped = moved;
    dropped.replace(dropped.find("<bpt id=\"m1\"/>"), 14, "");
    const t::fs::path bad = write_return(dropped, "fr-bad.xlf");
    r = t::run_policyloc("merge " + t::sh_quote(dir / "p.md") + " " + t::sh_quote(bad) +
                         " --locale fr -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("We **never** sell your data.") != std::string::npos);
    CHECK(r.out.find("jamais") == std::string::npos);
    CHECK(r.err.find("fr-bad.xlf:") != std::string::npos);
    CHECK(r.err.find("lacks code m1") != std::string::npos);
}
