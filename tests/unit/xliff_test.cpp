// XLIFF codec: model round trips, exact text, inline codes, foreign documents, diagnostics.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <string>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

t::fs::path fixture(const std::string& name) {
    return t::source_dir() / "tests" / "fixtures" / "catalog" / name;
}

std::string opt(const std::optional<std::string>& s) {
    return s ? "\"" + *s + "\"" : "(none)";
}

// The first field in which two units differ, or "" when they agree.
std::string unit_diff(const Unit& a, const Unit& b) {
    if (a.context != b.context) return "context " + opt(a.context) + " vs " + opt(b.context);
    if (a.source != b.source) return "source \"" + a.source + "\" vs \"" + b.source + "\"";
    if (a.target != b.target) return "target \"" + a.target + "\" vs \"" + b.target + "\"";
    if (a.state != b.state)
        return std::string("state ") + unit_state_name(a.state) + " vs " + unit_state_name(b.state);
    if (a.notes != b.notes) return "notes \"" + a.notes + "\" vs \"" + b.notes + "\"";
    if (a.comments != b.comments)
        return "comments \"" + a.comments + "\" vs \"" + b.comments + "\"";
    if (a.refs != b.refs) return "refs";
    if (a.flags != b.flags) return "flags";
    if (a.previous_context != b.previous_context) return "previous context";
    if (a.previous_source != b.previous_source) return "previous source";
    if (a.codes != b.codes) return "codes";
    if (a.source_plural != b.source_plural) return "source plural";
    if (a.plural_targets != b.plural_targets) return "plural targets";
    return {};
}

Unit unit(std::string source, std::string target, UnitState state) {
    Unit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.state = state;
    return u;
}

// A catalog that uses every field the XLIFF codec carries.
Catalog rich_catalog() {
    Catalog cat;
    cat.target_lang = "pt-BR";
    cat.original = "content/privacy.md";
    cat.header = {{"Project-Id-Version", "gopteran 2"},
                  {"Language", "pt_BR"},
                  {"Plural-Forms", "nplurals=2; plural=(n > 1);"},
                  {"X-Generator", "policyloc"}};
    cat.header_comment = "Portuguese translation.\n";

    Unit a;
    a.source = "We keep `sid` for {{ .Params.days }} days.";
    a.target = "Guardamos {{ .Params.days }} dias o `sid`.";
    a.state = UnitState::translated;
    a.notes = "type: paragraph\nunder: Cookies";
    a.comments = "Checked.";
    a.refs = {{"content/privacy.md", 12}, {"content/privacy.md", 40}};
    const size_t sid = a.source.find("`sid`"), days = a.source.find("{{");
    a.codes = {{sid, sid + 5, CodeKind::code_span, {}},
               {days, a.source.find("}}") + 2, CodeKind::template_action, {}}};
    cat.add(a);

    Unit b;
    b.context = "navigation";
    b.source = "Contact";
    b.target = "Contato";
    b.state = UnitState::fuzzy;
    b.previous_context = "menu";
    b.previous_source = "Contact us";
    b.flags = {"c-format"};
    cat.add(b);

    Unit c;
    c.context = "";
    c.source = "  spaced\tout \r\n twice\n";
    c.state = UnitState::untranslated;
    c.refs = {{"data/strings.yaml", 0}};
    cat.add(c);

    cat.add(
        unit("<b> & </b> ]]> \"quoted\" 'single'", "<b> & </b> ]]> «quoted»", UnitState::reviewed));
    cat.add(unit("Final words", "Palavras finais", UnitState::final_state));

    Unit f;
    f.source = "%d day";
    f.source_plural = "%d days";
    f.plural_targets = {"%d dia", "%d dias"};
    f.target = "%d dia";
    f.state = UnitState::translated;
    f.flags = {"c-format", "range: 1..31"};
    f.refs = {{"content/privacy.md", 50}};
    cat.add(f);

    cat.add(unit("Fuzzy without text", "", UnitState::fuzzy));

    Unit old = unit("Gone", "Foi", UnitState::translated);
    old.obsolete = true;
    cat.add(old);
    return cat;
}

Catalog round_trip(const Catalog& cat, CatalogFormat version) {
    auto w = xliff_write(cat, version);
    REQUIRE_MESSAGE(w.text, (w.diagnostics.empty() ? "" : diagnostic_format(w.diagnostics[0])));
    auto r = xliff_read(*w.text, "rt.xlf");
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

// The first diagnostic of a document that must not read.
const Diagnostic& rejection(const CatalogReadResult& r) {
    CHECK_FALSE(r.catalog);
    REQUIRE(diagnostics_have_error(r.diagnostics));
    return r.diagnostics.front();
}

std::string first_error(const CatalogReadResult& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::error) return diagnostic_format(d);
    return {};
}

} // namespace

TEST_CASE("xliff: every carried field survives 1.2 and 2.0") {
    const Catalog cat = rich_catalog();
    for (CatalogFormat version : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        CAPTURE(version == CatalogFormat::xliff12 ? "1.2" : "2.0");
        Catalog back = round_trip(cat, version);
        CHECK(back.target_lang == "pt-BR");
        CHECK(back.source_lang == "en");
        CHECK(back.original == "content/privacy.md");
        CHECK(back.header == cat.header);
        CHECK(back.header_comment == cat.header_comment);

        // Live units in order (their pages interleave: one <file>), then the obsolete ones,
        // which XLIFF keeps in a group at the end.
        std::vector<const Unit*> expected;
        for (const Unit& u : cat.units())
            if (!u.obsolete) expected.push_back(&u);
        size_t obsolete = 0;
        for (const Unit& u : cat.units())
            if (u.obsolete) {
                expected.push_back(&u);
                ++obsolete;
            }
        CHECK(obsolete > 0);
        REQUIRE(back.size() == expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            Unit want = *expected[i];
            // Fuzzy without a target: 2.0 has no way to say so ("initial" with an empty target
            // is an untranslated segment).
            if (version == CatalogFormat::xliff20 && want.state == UnitState::fuzzy &&
                want.target.empty())
                want.state = UnitState::untranslated;
            CHECK_MESSAGE(unit_diff(want, back.units()[i]).empty(),
                          "unit " << i << ": " << unit_diff(want, back.units()[i]));
        }
    }
}

TEST_CASE("xliff: a code whose text also comes before it reads back where it was") {
    Catalog cat;
    cat.target_lang = "fr";
    Unit u = unit("Hugo supports six [content formats](g):", "Hugo prend en charge (g) :",
                  UnitState::translated);
    u.notes = "Type: paragraph";
    const size_t g = u.source.find("(g)") + 1;
    u.codes.push_back(inline_code_named(g, g + 1, "link destination"));
    cat.add(u);
    for (CatalogFormat version : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        CAPTURE(version == CatalogFormat::xliff12 ? "1.2" : "2.0");
        auto w = xliff_write(cat, version);
        REQUIRE(w.text);
        Catalog back = round_trip(cat, version);
        REQUIRE(back.size() == 1);
        CHECK(back.units()[0].codes == u.codes);
        CHECK(back.units()[0].notes == u.notes);
        // Written again, the same bytes: the placeholder list does not pile up in the notes.
        auto again = xliff_write(back, version);
        REQUIRE(again.text);
        CHECK(*again.text == *w.text);
    }
}

TEST_CASE("xliff: source and target text is written exactly") {
    const Catalog cat = rich_catalog();
    auto w = xliff_write(cat, CatalogFormat::xliff12);
    REQUIRE(w.text);
    // A carriage return is a character reference; markup characters are escaped.
    CHECK(w.text->find("  spaced\tout &#13;\n twice\n</source>") != std::string::npos);
    CHECK(w.text->find("&lt;b&gt; &amp; &lt;/b&gt; ]]&gt;") != std::string::npos);
    // Inline codes: numbered from 1 in the source, found by text in the target.
    CHECK(w.text->find("We keep <ph id=\"1\">`sid`</ph> for <ph id=\"2\">{{ .Params.days }}</ph>"
                       " days.</source>") != std::string::npos);
    CHECK(w.text->find("Guardamos <ph id=\"2\">{{ .Params.days }}</ph> dias o <ph "
                       "id=\"1\">`sid`</ph>.</target>") != std::string::npos);

    auto w2 = xliff_write(cat, CatalogFormat::xliff20);
    REQUIRE(w2.text);
    CHECK(w2.text->find("<data id=\"d2\">{{ .Params.days }}</data>") != std::string::npos);
    CHECK(w2.text->find("Guardamos <ph id=\"2\" dataRef=\"d2\"") != std::string::npos);
}

TEST_CASE("xliff: control characters are <cp> in 2.0 and an error in 1.2") {
    Catalog cat;
    Unit u;
    u.source = std::string("bell\x07 here");
    cat.add(u);
    Catalog back = round_trip(cat, CatalogFormat::xliff20);
    REQUIRE(back.size() == 1);
    CHECK(back.units()[0].source == u.source);
    auto w = xliff_write(cat, CatalogFormat::xliff20);
    REQUIRE(w.text);
    CHECK(w.text->find("<cp hex=\"0007\"/>") != std::string::npos);

    auto w12 = xliff_write(cat, CatalogFormat::xliff12);
    CHECK_FALSE(w12.text);
    CHECK(diagnostics_have_error(w12.diagnostics));
}

TEST_CASE("xliff: a CAT-tool shaped 1.2 file imports with the right targets and states") {
    const std::string path = fixture("cat-tool.xlf").string();
    auto r = catalog_read_file(path);
    REQUIRE_MESSAGE(r.catalog, first_error(r));
    const Catalog& cat = *r.catalog;
    CHECK(cat.source_lang == "en-US");
    CHECK(cat.target_lang == "de-DE");
    CHECK(cat.original == "privacy.md");
    REQUIRE(cat.size() == 10);

    struct Expect {
        const char* source;
        const char* target;
        UnitState state;
    };
    const Expect expect[] = {
        {"Privacy Policy", "Datenschutzerklärung", UnitState::translated},
        {"We collect your email. We keep it safe.", "Wir erheben Ihre E-Mail. Wir schützen sie.",
         UnitState::fuzzy},
        {"Read the [policy](/policy) today.", "Lesen Sie die [Richtlinie](/policy) heute.",
         UnitState::reviewed},
        {"Use bold until {{ .Date }}.", "Fett nutzen bis {{ .Date }}.", UnitState::final_state},
        {"Call `sid` <b>now", "Rufen Sie `sid` <b>jetzt auf", UnitState::fuzzy},
        {"Contact us.", "", UnitState::untranslated},
        {"Cookies", "Cookies", UnitState::translated},
        {"Imprint", "", UnitState::untranslated},
        {"Data retention", "Aufbewahrung", UnitState::fuzzy},
        {"Contact", "Kontakt", UnitState::translated},
    };
    for (size_t i = 0; i < std::size(expect); ++i) {
        const Unit& u = cat.units()[i];
        CAPTURE(i);
        CHECK(u.source == expect[i].source);
        CHECK(u.target == expect[i].target);
        CHECK(unit_state_name(u.state) == std::string(unit_state_name(expect[i].state)));
    }
    // Paired and isolated codes become inline codes of the source.
    const Unit& link = cat.units()[2];
    REQUIRE(link.codes.size() == 2);
    CHECK(link.source.substr(link.codes[1].begin, link.codes[1].end - link.codes[1].begin) ==
          "](/policy)");
    CHECK(cat.units()[1].comments == "Second sentence reworded.");
    const Unit& nav = cat.units()[9];
    CHECK(nav.context == std::optional<std::string>("navigation"));
    CHECK(nav.refs == std::vector<Reference>{{"nav.html", 7}});
    CHECK(nav.notes == "Menu entry");
}

TEST_CASE("xliff: 2.0 inline codes, segments and states from other tools") {
    const std::string xml = R"(<?xml version="1.0"?>
<doc:xliff xmlns:doc="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <doc:file id="f">
  <doc:unit id="a">
   <doc:originalData>
    <doc:data id="b1">**</doc:data><doc:data id="b2">**</doc:data><doc:data id="c">`x`</doc:data>
    <doc:data id="s">&lt;i&gt;</doc:data><doc:data id="e">&lt;/i&gt;</doc:data>
   </doc:originalData>
   <doc:segment state="translated"><doc:source>A <doc:pc id="1" dataRefStart="b1" dataRefEnd="b2">bold</doc:pc> <doc:ph id="2" dataRef="c"/>.</doc:source>
    <doc:target>Un <doc:pc id="1" dataRefStart="b1" dataRefEnd="b2">gras</doc:pc> <doc:ph id="2" dataRef="c"/>.</doc:target></doc:segment>
   <doc:ignorable><doc:source> </doc:source></doc:ignorable>
   <doc:segment state="reviewed"><doc:source><doc:sc id="3" dataRef="s"/>Two<doc:ec startRef="3" dataRef="e"/><doc:cp hex="00A0"/>x</doc:source>
    <doc:target><doc:mrk id="m1" type="term"><doc:sc id="3" dataRef="s"/>Deux<doc:ec startRef="3" dataRef="e"/></doc:mrk><doc:cp hex="00A0"/>x</doc:target></doc:segment>
  </doc:unit>
  <doc:unit id="b" name="greeting">
   <doc:segment><doc:source>Hi</doc:source><doc:target>Salut</doc:target></doc:segment>
  </doc:unit>
  <doc:unit id="c">
   <doc:segment state="final"><doc:source>One.</doc:source><doc:target>Un.</doc:target></doc:segment>
   <doc:segment><doc:source>Two.</doc:source></doc:segment>
  </doc:unit>
  <doc:group id="g"><doc:unit id="d"><doc:segment state="final"><doc:source>In a group</doc:source><doc:target>Dans un groupe</doc:target></doc:segment></doc:unit></doc:group>
 </doc:file>
</doc:xliff>
)";
    auto r = xliff_read(xml, "other.xlf");
    REQUIRE_MESSAGE(r.catalog, first_error(r));
    const Catalog& cat = *r.catalog;
    CHECK(cat.target_lang == "fr");
    REQUIRE(cat.size() == 4);
    const Unit& a = cat.units()[0];
    CHECK(a.source == "A **bold** `x`. <i>Two</i>\xC2\xA0x");
    CHECK(a.target == "Un **gras** `x`. <i>Deux</i>\xC2\xA0x");
    CHECK(a.state == UnitState::translated); // the least finished segment
    CHECK(a.codes.size() == 5);
    const Unit& b = cat.units()[1];
    CHECK(b.context == std::optional<std::string>("greeting"));
    CHECK(b.state == UnitState::fuzzy); // "initial" (the default) with a target
    const Unit& c = cat.units()[2];
    CHECK(c.target == "Un.");
    CHECK(c.state == UnitState::fuzzy); // partly translated
    CHECK(cat.units()[3].state == UnitState::final_state);
}

TEST_CASE("xliff: Translate Toolkit's po2xliff dialect reads (1.1, header unit, plurals)") {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="x.po" source-language="en-US" datatype="po">
    <body>
      <trans-unit xml:space="preserve" id="1" approved="no" restype="x-gettext-domain-header"><source>Project-Id-Version: x 1
Language: de
Plural-Forms: nplurals=2; plural=(n != 1);
</source><target>Project-Id-Version: x 1
Language: de
Plural-Forms: nplurals=2; plural=(n != 1);
</target><note from="po-translator">Header comment.</note></trans-unit>
      <trans-unit xml:space="preserve" id="2" approved="no"><source>Fuzzy one</source>
        <target state="needs-translation">Unsicher</target>
        <context-group name="po-reference" purpose="location"><context context-type="sourcefile">a.md</context><context context-type="linenumber">4</context></context-group>
        <note from="developer">type: paragraph</note>
        <note from="po-translator">Check this.</note>
      </trans-unit>
      <group restype="x-gettext-plurals" id="3" approved="yes">
        <trans-unit xml:space="preserve" approved="yes" id="3[0]"><source>%d file</source><target state="translated">%d Datei</target></trans-unit>
        <trans-unit xml:space="preserve" approved="yes" id="3[1]"><source>%d files</source><target state="translated">%d Dateien</target></trans-unit>
      </group>
    </body>
  </file>
</xliff>
)";
    auto r = xliff_read(xml, "tt.xlf");
    REQUIRE_MESSAGE(r.catalog, first_error(r));
    const Catalog& cat = *r.catalog;
    CHECK(cat.header_field("Plural-Forms") == "nplurals=2; plural=(n != 1);");
    CHECK(cat.header_comment == "Header comment.");
    CHECK(cat.target_lang == "de");
    REQUIRE(cat.size() == 2);
    const Unit& fuzzy = cat.units()[0];
    CHECK(fuzzy.state == UnitState::fuzzy);
    CHECK(fuzzy.refs == std::vector<Reference>{{"a.md", 4}});
    CHECK(fuzzy.notes == "type: paragraph");
    CHECK(fuzzy.comments == "Check this.");
    const Unit& plural = cat.units()[1];
    CHECK(plural.source == "%d file");
    CHECK(plural.source_plural == std::optional<std::string>("%d files"));
    CHECK(plural.plural_targets == std::vector<std::string>{"%d Datei", "%d Dateien"});
    CHECK(plural.state == UnitState::translated);
}

TEST_CASE("xliff: malformed XML is reported with line and column") {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
        "<file original=\"a\" source-language=\"en\" datatype=\"plaintext\"><body>\n"
        "<trans-unit id=\"1\"><source>a</target></trans-unit>\n"
        "</body></file></xliff>\n";
    auto r = xliff_read(xml, "bad.xlf");
    const Diagnostic& d = rejection(r);
    CHECK(d.file == "bad.xlf");
    // pugixml stops at the mismatched end tag.
    const size_t at = xml.find("</target>");
    const TextPosition p = text_position(xml, at);
    CHECK(d.line == p.line);
    CHECK(d.column >= p.column);
    CHECK(d.column <= p.column + 9);
    CHECK(d.message.find("malformed XML") != std::string::npos);
}

TEST_CASE("xliff: a DOCTYPE or entity declaration is rejected") {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE xliff [\n  <!ENTITY e \"expanded\">\n]>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
        "<file original=\"a\" source-language=\"en\" datatype=\"plaintext\"><body>\n"
        "<trans-unit id=\"1\"><source>&e;</source></trans-unit>\n"
        "</body></file></xliff>\n";
    auto r = xliff_read(xml, "dtd.xlf");
    const Diagnostic& d = rejection(r);
    CHECK(d.file == "dtd.xlf");
    CHECK(d.line == 2);
    CHECK(d.message.find("DOCTYPE") != std::string::npos);
}

TEST_CASE("xliff: an unknown version or a foreign root is rejected") {
    const std::string v3 = "<?xml version=\"1.0\"?>\n\n<xliff version=\"3.0\"><file/></xliff>\n";
    auto r = xliff_read(v3, "v3.xlf");
    const Diagnostic& d = rejection(r);
    CHECK(d.file == "v3.xlf");
    CHECK(d.line == 3);
    CHECK(d.message.find("'3.0'") != std::string::npos);

    auto html = xliff_read("<html><body/></html>", "page.html");
    CHECK_FALSE(html.catalog);
    CHECK(diagnostics_have_error(html.diagnostics));

    auto bytes = xliff_read("<xliff version=\"1.2\">\xFF</xliff>", "bytes.xlf");
    CHECK_FALSE(bytes.catalog);
    CHECK(diagnostics_have_error(bytes.diagnostics));
}

TEST_CASE("xliff: unit ids are stable and derived from context and source") {
    Catalog cat = rich_catalog();
    auto w1 = xliff_write(cat, CatalogFormat::xliff12);
    Unit first;
    first.source = "A new first paragraph";
    Catalog grown;
    grown.target_lang = cat.target_lang;
    grown.add(first);
    for (const Unit& u : cat.units()) grown.add(u);
    auto w2 = xliff_write(grown, CatalogFormat::xliff12);
    REQUIRE(w1.text);
    REQUIRE(w2.text);
    for (const Unit& u : cat.units()) {
        if (u.obsolete) continue;
        const std::string id = "id=\"" + u.id() + "\"";
        CHECK(w1.text->find(id) != std::string::npos);
        CHECK(w2.text->find(id) != std::string::npos);
    }
    // Every id appears once (the plural forms' ids extend the group's).
    pugi::xml_document doc;
    REQUIRE(doc.load_string(w2.text->c_str()));
    std::vector<std::string> ids;
    for (pugi::xpath_node n : doc.select_nodes("//trans-unit/@id"))
        ids.push_back(n.attribute().value());
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("xliff: a catalog of several pages has one file per page and reads back by page") {
    Catalog cat;
    cat.source_lang = "en";
    cat.target_lang = "de";
    const char* pages[] = {"content/privacy.md", "content/terms.md", "content/cookies.md"};
    for (int i = 0; i < 7; ++i) {
        Unit u = unit("Text " + std::to_string(i), "Text de " + std::to_string(i),
                      UnitState::translated);
        u.refs = {{pages[i * 3 / 7], 10 + i}};
        if (i == 0) u.refs.push_back({pages[1], 3}); // also on a later page: stays in its first
        cat.add(u);
    }
    Unit old = unit("Gone", "Weg", UnitState::translated);
    old.obsolete = true;
    cat.add(old);
    for (CatalogFormat version : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        CAPTURE(version == CatalogFormat::xliff12 ? "1.2" : "2.0");
        auto w = xliff_write(cat, version);
        REQUIRE(w.text);
        pugi::xml_document doc;
        REQUIRE(doc.load_string(w.text->c_str()));
        std::vector<std::string> originals;
        std::vector<size_t> units;
        for (pugi::xml_node file : doc.child("xliff").children("file")) {
            originals.push_back(file.attribute("original").value());
            size_t n = 0;
            for (pugi::xpath_node x :
                 file.select_nodes(version == CatalogFormat::xliff12 ? ".//trans-unit" : ".//unit"))
                n += x.node() ? 1 : 0;
            units.push_back(n);
        }
        CHECK(originals == std::vector<std::string>(std::begin(pages), std::end(pages)));
        CHECK(units == std::vector<size_t>{3, 2, 2 + 1}); // the obsolete unit in the last file
        Catalog back = round_trip(cat, version);
        REQUIRE(back.size() == cat.size());
        for (const Unit& u : cat.units()) {
            if (u.obsolete) continue;
            const Unit* b = back.find(u.context, u.source);
            REQUIRE(b);
            CHECK(b->refs == u.refs);
            CHECK(b->target == u.target);
        }
        // Written again, the document is the same.
        auto again = xliff_write(back, version);
        REQUIRE(again.text);
        CHECK(*again.text == *w.text);
    }
}
