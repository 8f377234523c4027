// Inline formatting as paired XLIFF codes: where the extractor puts them, how XLIFF 1.2 and 2.0
// carry them, what a CAT tool's reordered or broken target gives, and the code positions of
// the placeholder list (several occurrences of one text, codes of several lines).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/markup_pairs.h"

using namespace policyloc;

namespace {

const char* page = "We **never** sell [your data](https://example.com/d \"Data\") or *logs*.\n";

Unit extracted_unit(const std::string& markdown) {
    ExtractOptions options;
    options.file_name = "p.md";
    ExtractResult r = extract_page(markdown, options);
    REQUIRE(r.catalog.size() == 1);
    return r.catalog.units().front();
}

std::string end_text(const std::string& text, const MarkupPair& p, bool open) {
    return open ? text.substr(p.open_begin, p.open_end - p.open_begin)
                : text.substr(p.close_begin, p.close_end - p.close_begin);
}

// A 1.2 document with one unit whose target is `target` (inline XML).
std::string doc12(const std::string& source, const std::string& target) {
    return "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
           "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"p.md\" "
           "source-language=\"en\" target-language=\"fr\" datatype=\"x-markdown\"><body>\n"
           "<trans-unit id=\"u1\" approved=\"yes\"><source>" +
           source + "</source>\n<target state=\"translated\">" + target +
           "</target></trans-unit>\n</body></file></xliff>\n";
}

const std::string source12 =
    "We <bpt id=\"m1\" ctype=\"bold\">**</bpt>never<ept id=\"m1\">**</ept> "
    "sell <ph id=\"1\">`x`</ph> or <bpt id=\"m2\" "
    "ctype=\"italic\">*</bpt>logs<ept id=\"m2\">*</ept>.";

} // namespace

TEST_CASE("xliff codes: the extractor records emphasis, strong and links as pairs") {
    const Unit u = extracted_unit(page);
    REQUIRE(u.markup.size() == 3);
    CHECK(u.markup[0].kind == MarkupKind::strong);
    CHECK(end_text(u.source, u.markup[0], true) == "**");
    CHECK(u.markup[1].kind == MarkupKind::link);
    CHECK(end_text(u.source, u.markup[1], true) == "[");
    CHECK(end_text(u.source, u.markup[1], false) == "](https://example.com/d \"Data\")");
    CHECK(u.markup[2].kind == MarkupKind::emphasis);
    CHECK(end_text(u.source, u.markup[2], false) == "*");
    // Strikethrough, images, reference links, escapes and entities before a delimiter.
    const Unit v = extracted_unit("A \\* ~~old~~ ![logo](l.png) &amp; [x][y] _z_\n\n[y]: /y\n");
    REQUIRE(v.markup.size() == 4);
    CHECK(end_text(v.source, v.markup[0], true) == "~~");
    CHECK(end_text(v.source, v.markup[1], true) == "![");
    CHECK(end_text(v.source, v.markup[2], false) == "][y]");
    CHECK(end_text(v.source, v.markup[3], true) == "_");
    // A text the walk cannot follow gets no pairs rather than wrong ones.
    CHECK(extracted_unit("Plain text, no formatting.\n").markup.empty());
}

TEST_CASE("xliff codes: pairs survive 1.2 and 2.0 with the standalone codes beside them") {
    Catalog cat;
    Unit u = extracted_unit("Read **this** and [`the code`](/c) `now`.\n");
    u.target = "Lisez `now` et [`the code`](/c) **ceci**.";
    u.state = UnitState::translated;
    markup_annotate(u);
    REQUIRE(u.target_markup.size() == u.markup.size());
    cat.add(u);
    for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        CAPTURE(v == CatalogFormat::xliff12);
        auto w = xliff_write(cat, v);
        REQUIRE(w.text);
        CHECK(w.text->find(v == CatalogFormat::xliff12 ? "<bpt id=\"m1\" ctype=\"bold\">**</bpt>"
                                                       : "<pc id=\"m1\"") != std::string::npos);
        auto r = xliff_read(*w.text, "x.xlf");
        REQUIRE(r.catalog);
        const Unit& b = r.catalog->units().front();
        CHECK(b.source == u.source);
        CHECK(b.target == u.target);
        CHECK(b.state == UnitState::translated);
        CHECK(b.codes == u.codes);
        CHECK(b.markup == u.markup);
        CHECK(b.target_markup == u.target_markup);
        CHECK(*xliff_write(*r.catalog, v).text == *w.text);
    }
}

TEST_CASE("xliff codes: a CAT tool's target with codes moved gives each code's original bytes") {
    const std::string reordered = "<bpt id=\"m2\"/>Journaux<ept id=\"m2\"/> et <ph id=\"1\"/>: "
                                  "nous ne vendons <bpt id=\"m1\">**</bpt>jamais<ept "
                                  "id=\"m1\">**</ept>.";
    auto r = xliff_read(doc12(source12, reordered), "fr.xlf");
    REQUIRE(r.catalog);
    const Unit& u = r.catalog->units().front();
    CHECK(u.source == "We **never** sell `x` or *logs*.");
    CHECK(u.target == "*Journaux* et `x`: nous ne vendons **jamais**.");
    CHECK(u.state == UnitState::translated);
    REQUIRE(u.target_markup.size() == 2);
    CHECK(u.target_markup[1].open_begin == 0);
    CHECK(r.diagnostics.empty());
}

TEST_CASE(
    "xliff codes: a target with a missing, extra or unbalanced code is fuzzy, with a warning") {
    const std::string ok_tail = " <ph id=\"1\"/> <bpt id=\"m2\"/>l<ept id=\"m2\"/>";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"jamais<ept id=\"m1\"/>" + ok_tail, "lacks code m1"},
        {"<bpt id=\"m1\"/>j<ept id=\"m1\"/>" + ok_tail + "<ph id=\"1\"/>", "code 1 more than once"},
        {"<bpt id=\"m1\"/>j<ept id=\"m1\"/>" + ok_tail + "<ph id=\"9\">x</ph>",
         "code 9, which the source does not have"},
        {"<ept id=\"m1\"/>j<bpt id=\"m1\"/>" + ok_tail, "closes code m1 before opening it"},
        {"<bpt id=\"m1\"/>j <bpt id=\"m2\"/>l<ept id=\"m1\"/><ept id=\"m2\"/> <ph id=\"1\"/>",
         "overlap"},
    };
    for (const auto& [target, problem] : cases) {
        CAPTURE(target);
        auto r = xliff_read(doc12(source12, target), "fr.xlf");
        REQUIRE(r.catalog);
        CHECK(r.catalog->units().front().state == UnitState::fuzzy);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::warning);
        CHECK(r.diagnostics[0].file == "fr.xlf");
        CHECK(r.diagnostics[0].line == 4);
        CHECK(r.diagnostics[0].message.find(problem) != std::string::npos);
    }
}

TEST_CASE("xliff codes: [foo][foo] protects the label, not the link text, in the target") {
    Unit u = extracted_unit("See [foo][foo].\n\n[foo]: /foo\n");
    REQUIRE(u.codes.size() == 1);
    CHECK(u.codes[0].begin == 9); // the label
    u.markup.clear();             // the standalone codes alone, as an older catalog has them
    u.target = "Voir [foo][foo].";
    u.state = UnitState::translated;
    Catalog cat;
    cat.add(u);
    auto w = xliff_write(cat, CatalogFormat::xliff12);
    REQUIRE(w.text);
    CHECK(w.text->find("Voir [foo]<ph id=\"1\">[foo]</ph>.") != std::string::npos);
}

TEST_CASE("xliff codes: codes of several lines come back from the placeholder list") {
    Unit u = extracted_unit("Click <span\nclass=\"x\">here</span> or {{< ref\n\"a\" >}} now.\n");
    REQUIRE(u.codes.size() == 3);
    Catalog cat;
    cat.add(u);
    auto po = po_write(cat);
    REQUIRE(po.text);
    for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        auto w = xliff_write(cat, v);
        REQUIRE(w.text);
        auto r = xliff_read(*w.text, "x.xlf");
        REQUIRE(r.catalog);
        CHECK(r.catalog->units().front().codes == u.codes);
        CHECK(r.catalog->units().front().notes == u.notes);
    }
}

TEST_CASE("xliff codes: <cp> in 2.0 notes is kept on reading") {
    Catalog cat;
    Unit u;
    u.source = "Text";
    u.notes = std::string("bell \x07 here");
    cat.add(u);
    auto w = xliff_write(cat, CatalogFormat::xliff20);
    REQUIRE(w.text);
    CHECK(w.text->find("<cp hex=\"0007\"/>") != std::string::npos);
    auto r = xliff_read(*w.text, "x.xlf");
    REQUIRE(r.catalog);
    CHECK(r.catalog->units().front().notes == u.notes);
}

TEST_CASE("xliff codes: deep nesting stops with a diagnostic, not a crash") {
    for (const auto& [open, close, n] :
         std::vector<std::tuple<std::string, std::string, int>>{{"<group>", "</group>", 8000}}) {
        std::string xml = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                          "<file original=\"p\" source-language=\"en\" datatype=\"x\"><body>\n";
        for (int i = 0; i < n; ++i) xml += open;
        for (int i = 0; i < n; ++i) xml += close;
        xml += "</body></file></xliff>";
        auto r = xliff_read(xml, "deep.xlf");
        CHECK_FALSE(r.catalog);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].message.find("nested deeper than 1000") != std::string::npos);
    }
    std::string g;
    for (int i = 0; i < 30000; ++i) g += "<g id=\"g\">";
    g += "x";
    for (int i = 0; i < 30000; ++i) g += "</g>";
    auto r = xliff_read(doc12(g, "y"), "deep-g.xlf");
    CHECK_FALSE(r.catalog);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].message.find("nested deeper") != std::string::npos);
    // A thousand levels of groups are still read.
    std::string ok = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                     "<file original=\"p\" source-language=\"en\" datatype=\"x\"><body>";
    for (int i = 0; i < 990; ++i) ok += "<group>";
    ok += "<trans-unit id=\"a\"><source>Deep</source></trans-unit>";
    for (int i = 0; i < 990; ++i) ok += "</group>";
    ok += "</body></file></xliff>";
    auto deep_ok = xliff_read(ok, "ok.xlf");
    REQUIRE(deep_ok.catalog);
    CHECK(deep_ok.catalog->find(std::nullopt, "Deep"));
}

TEST_CASE("xliff codes: markup_annotate finds a PO unit's pairs and matches the target's") {
    Unit u;
    u.source = "We **never** sell [data](/d) or *logs*.";
    u.target = "*Journaux* : nous ne vendons [rien](/d) **jamais**.";
    markup_annotate(u);
    REQUIRE(u.markup.size() == 3);
    REQUIRE(u.target_markup.size() == 3);
    CHECK(end_text(u.target, u.target_markup[0], true) == "**");
    CHECK(u.target_markup[0].open_begin > u.target_markup[2].open_begin);
    CHECK(end_text(u.target, u.target_markup[1], false) == "](/d)");
    // A target that dropped a pair gets none: XLIFF shows it without them.
    Unit dropped = u;
    dropped.target_markup.clear();
    dropped.target = "Nous ne vendons rien.";
    markup_annotate(dropped);
    CHECK(dropped.target_markup.empty());
}

TEST_CASE("xliff codes: a target without any code is Markdown text, as in PO") {
    // A CAT tool's target of plain text.
    auto r = xliff_read(doc12(source12, "Nous ne vendons *jamais* `x`."), "fr.xlf");
    REQUIRE(r.catalog);
    CHECK(r.catalog->units().front().state == UnitState::translated);
    CHECK(r.catalog->units().front().target == "Nous ne vendons *jamais* `x`.");
    CHECK(r.diagnostics.empty());
    // A PO translation that dropped a pair is written without codes and reads back the same.
    Unit u = extracted_unit(page);
    u.target = "Nous ne vendons jamais [vos données](https://example.com/d \"Data\").";
    u.state = UnitState::translated;
    markup_annotate(u);
    CHECK(u.target_markup.empty());
    Catalog cat;
    cat.add(u);
    for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        auto w = xliff_write(cat, v);
        REQUIRE(w.text);
        auto back = xliff_read(*w.text, "x.xlf");
        REQUIRE(back.catalog);
        CHECK(back.catalog->units().front().target == u.target);
        CHECK(back.catalog->units().front().state == UnitState::translated);
        CHECK(back.diagnostics.empty());
    }
}
