// Extraction of the bundled page and the Hugo corpus, through the library and the CLI.
#include <doctest/doctest.h>

#include <iostream>
#include <regex>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

ExtractResult extract_text(const std::string& text, const std::string& name) {
    ExtractOptions o;
    o.file_name = name;
    return extract_page(text, o);
}

ExtractResult extract_file(const fs::path& p, const std::string& name) {
    return extract_text(read_file(p), name);
}

// The sources of the catalog's units, in order.
std::vector<std::string> unit_sources(const Catalog& c) {
    std::vector<std::string> sources;
    for (const Unit& u : c.units()) sources.push_back(u.source);
    return sources;
}

bool inside_code(const Unit& u, size_t pos) {
    for (const auto& c : u.codes)
        if (pos >= c.begin && pos < c.end) return true;
    return false;
}

// 1-based line of a byte offset.
int line_of(const std::string& text, size_t offset) {
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

} // namespace

TEST_CASE("the bundled page: units, protected spans, date slot, references") {
    fs::path page = source_dir() / "locales/privacy.md";
    std::string text = read_file(page);
    ExtractResult r = extract_file(page, "privacy.md");
    REQUIRE(r.ok());
    const Catalog& c = r.catalog;

    // No front-matter key or skeleton value reaches translators.
    for (const Unit& u : c.units()) {
        CHECK_MESSAGE(u.source.find("draft") == std::string::npos, u.source);
        CHECK_MESSAGE(u.source != "false", u.source);
        CHECK_MESSAGE(u.source.find("title:") == std::string::npos, u.source);
        CHECK_MESSAGE(u.source.find("summary:") == std::string::npos, u.source);
    }
    // title and summary are units.
    const Unit* title = c.find(std::nullopt, "Privacy Policy");
    REQUIRE(title);
    CHECK(title->notes.find("Front matter: title") != std::string::npos);
    const Unit* summary =
        c.find(std::nullopt,
               "Gopteran Privacy Policy - How we collect, use, and protect your information");
    REQUIRE(summary);

    // The date expression is a protected span and a date slot.
    const std::string action = "{{ .Lastmod.Format \"January 2, 2006\" }}";
    const Unit* updated = c.find(std::nullopt, "_Last updated: " + action + "_");
    REQUIRE(updated);
    REQUIRE(updated->codes.size() == 1);
    CHECK(updated->source.substr(updated->codes[0].begin,
                                 updated->codes[0].end - updated->codes[0].begin) == action);
    CHECK(updated->codes[0].kind == CodeKind::date);
    bool date_slot = false;
    for (const Slot& s : r.skeleton.slots)
        for (const DateSlot& d : s.dates)
            if (d.text == action && d.expression.field == "Lastmod" &&
                d.expression.layout == "January 2, 2006")
                date_slot = true;
    CHECK(date_slot);

    // Every list item is its own unit: count the "- " lines of the page.
    size_t items = 0, item_units = 0;
    for (size_t pos = 0; (pos = text.find("\n- ", pos)) != std::string::npos; ++pos) ++items;
    for (const Slot& s : r.skeleton.slots)
        if (s.block_kind == "list item") ++item_units;
    CHECK(items > 50);
    CHECK(item_units == items);

    // Every reference points at the line where the unit's text starts.
    for (const Slot& s : r.skeleton.slots) {
        CHECK(line_of(text, s.begin) == s.line);
        const Unit* u = c.find(s.context, s.source);
        REQUIRE(u);
        bool found = false;
        for (const Reference& ref : u->refs) found = found || ref.line == s.line;
        CHECK_MESSAGE(found, s.source);
    }
    // The multi-line paragraph's reference is its first line, not its last.
    const Unit* intro = nullptr;
    for (const Unit& u : c.units())
        if (u.source.rfind("Gopteran (\"we,\"", 0) == 0) intro = &u;
    REQUIRE(intro);
    CHECK(intro->refs.at(0).line == 14);

    // Notes carry the block kind and the heading path.
    const Unit* safeguard = c.find(std::nullopt, "Encryption in transit and at rest");
    REQUIRE(safeguard);
    CHECK(safeguard->notes.find("Type: list item") != std::string::npos);
    CHECK(safeguard->notes.find("Privacy Policy > Data Security > Technical Safeguards") !=
          std::string::npos);

    // Links: the mailto destination is protected, the link text is not.
    const Unit* contact = nullptr;
    for (const Unit& u : c.units())
        if (u.source.rfind("To exercise these rights", 0) == 0) contact = &u;
    REQUIRE(contact);
    REQUIRE(contact->codes.size() == 1);
    CHECK(contact->codes[0].kind == CodeKind::link_destination);
    CHECK(contact->source.substr(contact->codes[0].begin,
                                 contact->codes[0].end - contact->codes[0].begin) ==
          "mailto:privacy@gopteran.com");
}

TEST_CASE("the bundled page's POT passes msgfmt -c and i18nspector; XLIFF validates") {
    if (!require_tool("msgfmt") || !require_tool("xmllint")) return;
    if (!require_shared("schemas")) return;
    fs::path dir = temp_dir("extract-cli");
    std::string page = sh_quote((source_dir() / "locales/privacy.md").string());
    fs::path pot = dir / "privacy.pot";
    auto r = run_policyloc("extract " + page + " -o " + sh_quote(pot.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run("msgfmt -c -o /dev/null " + sh_quote(pot.string()));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    if (have_tool("i18nspector")) {
        r = run("i18nspector " + sh_quote(pot.string()));
        CHECK_MESSAGE(r.out.find("E:") == std::string::npos, r.out);
    } else {
        skip("i18nspector not installed");
    }
    for (auto [version, schema] : {std::pair{"1.2", "xliff-1.2/xliff-core-1.2-strict.xsd"},
                                   std::pair{"2.0", "xliff-2.0/xliff_core_2.0.xsd"}}) {
        fs::path xlf = dir / ("privacy-" + std::string(version) + ".xlf");
        r = run_policyloc("extract " + page + " --xliff-version " + version +
                          " --target-lang de -o " + sh_quote(xlf.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = run("xmllint --noout --nonet --schema " +
                sh_quote((shared_dir() / "schemas" / schema).string()) + " " +
                sh_quote(xlf.string()));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
    // Same input, same bytes.
    fs::path again = dir / "again.pot";
    r = run_policyloc("extract " + page + " -o " + sh_quote(again.string()));
    CHECK(read_file(again) == read_file(pot));
}

TEST_CASE("Hugo corpus: every page extracts; no template text outside protected spans") {
    if (!require_shared("corpus/hugo")) return;
    size_t pages = 0, toml = 0, units = 0, leaks = 0;
    for (const auto& e : fs::recursive_directory_iterator(shared_dir() / "corpus/hugo")) {
        if (e.path().extension() != ".md") continue;
        ++pages;
        std::string text = read_file(e.path());
        if (text.rfind("+++", 0) == 0) ++toml;
        ExtractResult r = extract_file(e.path(), e.path().filename().string());
        CHECK_MESSAGE(r.ok(), e.path().string()
                                  << ": "
                                  << (r.diagnostics.empty() ? std::string()
                                                            : diagnostic_format(r.diagnostics[0])));
        for (const Unit& u : r.catalog.units()) {
            ++units;
            for (const char* marker : {"{{<", "{{%", "{{ "}) {
                for (size_t pos = 0; (pos = u.source.find(marker, pos)) != std::string::npos;
                     ++pos) {
                    if (inside_code(u, pos)) continue;
                    ++leaks;
                    std::cout << e.path().filename() << ": template text outside a protected "
                              << "span: " << u.source.substr(0, 120) << '\n';
                }
            }
        }
    }
    std::cout << "hugo corpus: " << pages << " pages (" << toml << " with TOML front matter), "
              << units << " units, " << leaks << " unprotected template markers\n";
    CHECK(pages >= 200);
    CHECK(toml > 0);
    CHECK(leaks == 0);
}

TEST_CASE("malformed front matter: exit 2, the page's line, nothing written") {
    fs::path dir = temp_dir("extract-bad");
    struct Case {
        const char* name;
        const char* text;
        int line;
    } cases[] = {
        {"unterminated.md", "---\ntitle: A page\ndraft: false\n\n# Heading\n\nText.\n", 1},
        {"invalid-yaml.md", "---\ntitle: A page\nsummary: [unclosed\nkey: value\n---\n\nText.\n",
         0},
        {"invalid-toml.md", "+++\ntitle = \"A page\"\ndraft = \n+++\n\nText.\n", 3},
    };
    for (const Case& c : cases) {
        fs::path page = dir / c.name;
        write_file(page, c.text);
        fs::path out = dir / (std::string(c.name) + ".pot");
        write_file(out, "previous content\n");
        auto r =
            run_policyloc("extract " + sh_quote(page.string()) + " -o " + sh_quote(out.string()));
        CHECK_MESSAGE(r.exit_code == 2, c.name);
        std::smatch m;
        std::regex diag(
            std::regex_replace(page.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
            R"(:(\d+):(\d+): error: )");
        REQUIRE_MESSAGE(std::regex_search(r.err, m, diag), r.err);
        int line = std::stoi(m[1]);
        if (c.line > 0)
            CHECK_MESSAGE(line == c.line, r.err);
        else
            CHECK_MESSAGE((line >= 2 && line <= 5), r.err);
        CHECK(read_file(out) == "previous content\n");
    }
}

TEST_CASE("directives: skip, skip region, context, note") {
    std::string page = "# Terms\n\n<!-- policyloc: skip -->\nDo not translate this.\n\n"
                       "<!-- policyloc: skip-begin -->\nNor this.\n\n- nor this item\n\n"
                       "<!-- policyloc: skip-end -->\n"
                       "<!-- policyloc: context legal-heading -->\n## Terms\n\n"
                       "<!-- policyloc: note Keep it short. -->\nShort text.\n\nOpen.\n";
    ExtractResult r = extract_text(page, "d.md");
    REQUIRE(r.ok());
    CHECK(unit_sources(r.catalog) ==
          std::vector<std::string>{"Terms", "Terms", "Short text.", "Open."});
    CHECK(!r.catalog.units()[0].context);
    CHECK(r.catalog.units()[1].context == std::optional<std::string>("legal-heading"));
    CHECK(r.catalog.units()[2].notes.find("Keep it short.") != std::string::npos);
}

TEST_CASE("units: list items, block quotes, tables, footnotes, hard breaks, code not extracted") {
    std::string page = "Intro with a  \nhard break.\n\n> Quoted\n> text.\n\n"
                       "1. First\n   item.\n2. Second\n\n| Col A | Col B |\n|---|---|\n"
                       "| a \\| b | `x` |\n\nText[^1].\n\n[^1]: A footnote.\n\n"
                       "```\ncode block\n```\n\n    indented code\n\n<div>\nhtml block\n</div>\n";
    ExtractResult r = extract_text(page, "u.md");
    REQUIRE(r.ok());
    CHECK(unit_sources(r.catalog) == std::vector<std::string>{"Intro with a  \nhard break.",
                                                              "Quoted text.", "First item.",
                                                              "Second", "Col A", "Col B", "a \\| b",
                                                              "Text[^1].", "A footnote."});
}

TEST_CASE("extract over an existing catalog keeps every translation it had") {
    fs::path dir = temp_dir("extract-update");
    std::string page = read_file(source_dir() / "locales/privacy.md");
    const std::string old_text = "- Provide customer support\n";
    REQUIRE(page.find(old_text) != std::string::npos);
    page.replace(page.find(old_text), old_text.size(), "- Provide customer support by e-mail\n");
    fs::path changed = dir / "privacy.md";
    write_file(changed, page);
    fs::path po = dir / "fr.po";
    fs::copy_file(source_dir() / "locales/fr.po", po);
    auto before = catalog_read_file(po.string());
    REQUIRE(before.catalog);
    auto r =
        run_policyloc("extract " + sh_quote(changed.string()) + " -o " + sh_quote(po.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("1 translations now obsolete") != std::string::npos);
    auto after = catalog_read_file(po.string());
    REQUIRE(after.catalog);
    // Every translation of the old catalog is still there, live or obsolete.
    for (const Unit& u : before.catalog->units()) {
        bool found = false;
        for (const Unit& a : after.catalog->units())
            found = found || (a.source == u.source && a.target == u.target);
        CHECK_MESSAGE(found, u.source);
    }
    const Unit* added = after.catalog->find(std::nullopt, "Provide customer support by e-mail");
    REQUIRE(added);
    CHECK(added->target.empty());
    CHECK(after.catalog->header_field("Language") == std::optional<std::string>("fr"));
    if (have_tool("msgfmt"))
        CHECK(run("msgfmt -c -o /dev/null " + sh_quote(po.string())).exit_code == 0);

    // XLIFF cannot keep obsolete units: the run stops and the file stays as it was.
    fs::path xlf = dir / "de.xlf";
    fs::copy_file(source_dir() / "locales/de.xlf", xlf);
    std::string de_before = read_file(xlf);
    r = run_policyloc("extract " + sh_quote(changed.string()) + " --xliff-version 2.0 -o " +
                      sh_quote(xlf.string()));
    CHECK(r.exit_code == 2);
    CHECK(read_file(xlf) == de_before);
}

TEST_CASE("--keys selects front-matter values, nested paths and arrays; TOML and JSON too") {
    fs::path dir = temp_dir("extract-keys");
    struct Page {
        const char* name;
        const char* text;
    } pages[] = {
        {"y.md",
         "---\ntitle: Cookie notice\ndraft: false\nparams:\n  subtitle: How we use cookies\n"
         "keywords: [cookies, tracking]\ndescription: Not selected\n---\n\nBody text.\n"},
        {"t.md", "+++\ntitle = 'Cookie notice'\ndraft = false\nkeywords = ['cookies', 'tracking']\n"
                 "[params]\nsubtitle = \"How we use cookies\"\n+++\n\nBody text.\n"},
        {"j.md", "{\n  \"title\": \"Cookie notice\",\n  \"draft\": false,\n  \"params\": "
                 "{\"subtitle\": \"How we use cookies\"},\n  \"keywords\": [\"cookies\", "
                 "\"tracking\"]\n}\n\nBody text.\n"},
    };
    for (const Page& p : pages) {
        INFO(std::string(p.name));
        fs::path page = dir / p.name;
        write_file(page, p.text);
        fs::path pot = dir / (std::string(p.name) + ".pot");
        auto r =
            run_policyloc("extract " + sh_quote(page.string()) +
                          " --keys title,params.subtitle,keywords -o " + sh_quote(pot.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        auto cat = catalog_read_file(pot.string());
        REQUIRE(cat.catalog);
        std::vector<std::string> sources;
        for (const Unit& u : cat.catalog->units()) sources.push_back(u.source);
        // Units come in page order, which differs between the three pages; compare sorted.
        std::sort(sources.begin(), sources.end());
        CHECK(sources == std::vector<std::string>{"Body text.", "Cookie notice",
                                                  "How we use cookies", "cookies", "tracking"});
    }
}

TEST_CASE("a stray {{ does not hide a later code shortcode's body") {
    std::string page = "Braces {{ left open here.\n\n{{< highlight go >}}\nfmt.Println(\"code\")\n"
                       "{{< /highlight >}}\n\nAfter.\n";
    ExtractOptions o;
    o.file_name = "s.md";
    ExtractResult r = extract_page(page, o);
    REQUIRE(r.ok());
    for (const Unit& u : r.catalog.units())
        CHECK_MESSAGE(u.source.find("Println") == std::string::npos, u.source);
    CHECK(r.catalog.find(std::nullopt, "After."));
}
