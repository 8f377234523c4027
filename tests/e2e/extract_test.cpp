// Extraction of the bundled page and the Hugo corpus, through the library and the CLI. Cases of
// the form "this Markdown gives these units and spans" are fixtures: tests/fixtures/extract.
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
        if (const auto* unit = std::get_if<UnitSlot>(&s))
            for (const DateAction& d : unit->dates)
                if (d.text == action && d.expression.field == "Lastmod" &&
                    d.expression.layout == "January 2, 2006")
                    date_slot = true;
    CHECK(date_slot);

    // Every list item is its own unit: count the "- " lines of the page.
    size_t items = 0, item_units = 0;
    for (size_t pos = 0; (pos = text.find("\n- ", pos)) != std::string::npos; ++pos) ++items;
    for (const Slot& s : r.skeleton.slots)
        if (const auto* u = std::get_if<UnitSlot>(&s); u && u->block_kind == "list item")
            ++item_units;
    CHECK(items > 50);
    CHECK(item_units == items);

    // Every reference points at the line where the unit's text starts.
    for (const Slot& slot : r.skeleton.slots) {
        const SlotSpan& span = slot_span(slot);
        CHECK(line_of(text, span.begin) == span.line);
        const auto* unit = std::get_if<UnitSlot>(&slot);
        const auto* field = std::get_if<FieldSlot>(&slot);
        REQUIRE((unit || field));
        const std::string& source = unit ? unit->source : field->source;
        const Unit* u = c.find(unit ? unit->context : field->context, source);
        REQUIRE(u);
        bool found = false;
        for (const Reference& ref : u->refs) found = found || ref.line == span.line;
        CHECK_MESSAGE(found, source);
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

TEST_CASE("the bundled page's POT passes msgfmt -c and i18nspector, XLIFF validates") {
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

TEST_CASE("Hugo corpus: every page extracts, no template text outside protected spans") {
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
    CHECK_MESSAGE(
        r.err.find("145 kept, 1 fuzzy, 0 new, 1 obsolete, 0 revived") != std::string::npos, r.err);
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
    // The changed item is offered its old translation as a fuzzy match, with its old source.
    const Unit* old_item = before.catalog->find(std::nullopt, "Provide customer support");
    REQUIRE(old_item);
    CHECK(added->state == UnitState::fuzzy);
    CHECK(added->target == old_item->target);
    CHECK(added->previous_source == std::optional<std::string>("Provide customer support"));
    CHECK(after.catalog->header_field("Language") == std::optional<std::string>("fr"));
    if (have_tool("msgfmt"))
        CHECK(run("msgfmt -c -o /dev/null " + sh_quote(po.string())).exit_code == 0);

    // XLIFF keeps the obsolete unit too, in a group CAT tools do not offer for translation,
    // and the file keeps its version (2.0) whatever --xliff-version says.
    fs::path xlf = dir / "de.xlf";
    fs::copy_file(source_dir() / "locales/de.xlf", xlf);
    r = run_policyloc("extract " + sh_quote(changed.string()) + " -o " + sh_quote(xlf.string()));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    auto de = catalog_read_file(xlf.string());
    REQUIRE(de.catalog);
    CHECK(de.format == CatalogFormat::xliff20);
    const Unit* gone = nullptr;
    for (const Unit& u : de.catalog->units())
        if (u.obsolete && u.source == "Provide customer support") gone = &u;
    REQUIRE(gone);
    CHECK_FALSE(gone->target.empty());
    CHECK(read_file(xlf).find("translate=\"no\" type=\"policyloc:obsolete\"") != std::string::npos);
}

TEST_CASE("--keys selects front-matter values, nested paths and arrays, TOML and JSON too") {
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
        auto r = run_policyloc("extract " + sh_quote(page.string()) +
                               " --keys title,params.subtitle,keywords --keys-only -o " +
                               sh_quote(pot.string()));
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
    // Without --keys-only the keys add to the defaults: the description is translated too.
    fs::path pot = dir / "added.pot";
    REQUIRE(run_policyloc("extract " + sh_quote((dir / "y.md").string()) +
                          " --keys params.subtitle -o " + sh_quote(pot.string()))
                .exit_code == 0);
    auto added = catalog_read_file(pot.string());
    REQUIRE(added.catalog);
    CHECK(added.catalog->find(std::nullopt, "Not selected"));
    CHECK(added.catalog->find(std::nullopt, "How we use cookies"));
    CHECK_FALSE(added.catalog->find(std::nullopt, "cookies"));
}

TEST_CASE("several pages to XLIFF: one file per page, read back with each unit's page") {
    fs::path dir = temp_dir("extract-xliff-pages");
    write_file(dir / "a.md", "# Privacy\n\nWe keep data.\n");
    write_file(dir / "b.md", "# Terms\n\nBe nice.\n\nWe keep data.\n");
    for (const char* version : {"1.2", "2.0"}) {
        CAPTURE(version);
        fs::path out = dir / (std::string("pages-") + version + ".xlf");
        CommandResult r = run_policyloc("extract " + sh_quote((dir / "a.md").string()) + " " +
                                        sh_quote((dir / "b.md").string()) + " -o " +
                                        sh_quote(out.string()) + " --xliff-version " + version);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        std::string xml = read_file(out);
        size_t files = 0;
        for (size_t pos = 0; (pos = xml.find("<file ", pos)) != std::string::npos; ++pos) ++files;
        CHECK(files == 2);
        CHECK(xml.find("a.md\"") < xml.find("b.md\""));
        CatalogReadResult back = catalog_read_file(out.string());
        REQUIRE(back.catalog);
        const Unit* terms = back.catalog->find(std::nullopt, "Be nice.");
        const Unit* shared = back.catalog->find(std::nullopt, "We keep data.");
        REQUIRE(terms);
        REQUIRE(shared);
        REQUIRE(!terms->refs.empty());
        CHECK(fs::path(terms->refs.front().file).filename() == "b.md");
        REQUIRE(shared->refs.size() == 2); // on both pages, in the file of the first
        CHECK(fs::path(shared->refs[0].file).filename() == "a.md");
        CHECK(fs::path(shared->refs[1].file).filename() == "b.md");
    }
}
