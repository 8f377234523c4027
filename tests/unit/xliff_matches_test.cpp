// XLIFF: the previous source of a fuzzy unit as CAT tools show matches (1.2 <alt-trans>, 2.0
// Translation Candidates), its match quality, and reading it back.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <cmath>
#include <string>
#include <string_view>

#include "policyloc/catalog_io.h"
#include "policyloc/similarity.h"

using namespace policyloc;

namespace {

// A unit an update gave a fuzzy match: the old translation and the source it was made for.
Unit fuzzy_unit() {
    Unit u;
    u.source = "We keep your data for {{ .Params.days }} days after you close the account.";
    u.target = "Wir speichern Ihre Daten {{ .Params.days }} Tage nach Kontoschließung.";
    u.state = UnitState::fuzzy;
    u.previous_source = "We keep your data for {{ .Params.days }} days after you delete it.";
    const size_t b = u.source.find("{{"), e = u.source.find("}}") + 2;
    u.codes = {{b, e, CodeKind::template_action, {}}};
    u.refs = {{"privacy.md", 40}};
    return u;
}

Catalog catalog_of(const Unit& u) {
    Catalog cat;
    cat.target_lang = "de";
    cat.add(u);
    Unit done;
    done.source = "Cookies";
    done.target = "Cookies";
    done.state = UnitState::final_state;
    cat.add(done);
    return cat;
}

std::string written(const Catalog& cat, CatalogFormat v) {
    auto w = xliff_write(cat, v);
    REQUIRE_MESSAGE(w.text, (w.diagnostics.empty() ? "" : diagnostic_format(w.diagnostics[0])));
    return *w.text;
}

Catalog read_back(const std::string& xml) {
    auto r = xliff_read(xml, "m.xlf");
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

std::string local(const pugi::xml_node& n) {
    std::string_view s = n.name();
    const size_t colon = s.find(':');
    return std::string(colon == std::string_view::npos ? s : s.substr(colon + 1));
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

// The first element with that local name, anywhere below `n`.
pugi::xml_node find(const pugi::xml_node& n, std::string_view name) {
    return n.find_node([&](const pugi::xml_node& c) {
        return c.type() == pugi::node_element && local(c) == name;
    });
}

} // namespace

TEST_CASE("xliff matches: the match quality is the masked similarity in percent, rounded down") {
    Unit u;
    u.source = "Operate and maintain our platform";
    u.previous_source = "Operate and maintain the platform";
    u.state = UnitState::fuzzy;
    Catalog cat = catalog_of(u);
    const int expected =
        static_cast<int>(std::floor(100 * text_similarity(*u.previous_source, u.source)));
    CHECK(expected > 80);
    CHECK(expected < 100);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(written(cat, CatalogFormat::xliff12).c_str()));
    CHECK(find(doc, "alt-trans").attribute("match-quality").as_int() == expected);

    // A changed placeholder counts as one character: the spans are masked in both sources
    // where the previous source has the same span.
    Unit link = fuzzy_unit();
    const int with_codes = [&] {
        pugi::xml_document d;
        REQUIRE(d.load_string(written(catalog_of(link), CatalogFormat::xliff12).c_str()));
        return find(d, "alt-trans").attribute("match-quality").as_int();
    }();
    Unit masked_prev = link;
    masked_prev.source = *link.previous_source;
    const size_t b = masked_prev.source.find("{{"), e = masked_prev.source.find("}}") + 2;
    masked_prev.codes = {{b, e, CodeKind::template_action, {}}};
    CHECK(with_codes ==
          static_cast<int>(
              std::floor(100 * text_similarity(masked_source(masked_prev), masked_source(link)))));
}

TEST_CASE("xliff matches: 1.2 shows the previous source as an alt-trans proposal") {
    const Unit u = fuzzy_unit();
    const std::string xml = written(catalog_of(u), CatalogFormat::xliff12);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    pugi::xml_node tu = find(doc, "trans-unit");
    pugi::xml_node alt = child(tu, "alt-trans");
    REQUIRE(alt);
    CHECK(std::string(alt.attribute("origin").value()) == "policyloc-previous");
    // A proposal (the default alttranstype) is what CAT tools list among their matches.
    CHECK_FALSE(alt.attribute("alttranstype"));
    const int quality = alt.attribute("match-quality").as_int();
    CHECK(quality >= 60);
    CHECK(quality < 100);
    CHECK(std::string(child(alt, "source").text().get()) == *u.previous_source);
    CHECK(std::string(child(alt, "target").text().get()) == u.target);
    // The unit itself: fuzzy is needs-review-translation and not approved.
    pugi::xml_node target = child(tu, "target");
    CHECK(std::string(target.attribute("state").value()) == "needs-review-translation");
    CHECK_FALSE(tu.attribute("approved"));
    // The final unit stays approved and final.
    pugi::xml_node second = tu.next_sibling("trans-unit");
    CHECK(std::string(second.attribute("approved").value()) == "yes");
    CHECK(std::string(child(second, "target").attribute("state").value()) == "final");

    const Catalog back = read_back(xml);
    REQUIRE(back.size() == 2);
    CHECK(back.units()[0].previous_source == u.previous_source);
    CHECK(back.units()[0].state == UnitState::fuzzy);
    CHECK(back.units()[0].target == u.target);
    CHECK(back.units()[1].state == UnitState::final_state);
}

TEST_CASE("xliff matches: 2.0 shows the previous source as a translation candidate") {
    Unit u = fuzzy_unit();
    u.context = "retention";
    u.previous_context = "deletion";
    const std::string xml = written(catalog_of(u), CatalogFormat::xliff20);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    CHECK(std::string(doc.document_element().attribute("xmlns:mtc").value()) ==
          "urn:oasis:names:tc:xliff:matches:2.0");
    pugi::xml_node unit = find(doc, "unit");
    pugi::xml_node matches = child(unit, "matches");
    REQUIRE(matches);
    CHECK(std::string(matches.name()) == "mtc:matches");
    // Module elements come before the unit's notes, originalData and segments.
    for (pugi::xml_node n = matches.next_sibling(); n; n = n.next_sibling())
        if (n.type() == pugi::node_element) CHECK(local(n) != "metadata");
    CHECK(local(matches.next_sibling()) == "notes"); // (whitespace nodes are not loaded)
    pugi::xml_node m = child(matches, "match");
    CHECK(std::string(m.attribute("ref").value()) == "#s1");
    CHECK(std::string(m.attribute("origin").value()) == "policyloc-previous");
    CHECK(std::string(m.attribute("type").value()) == "tm");
    CHECK(m.attribute("similarity").as_int() >= 60);
    CHECK(std::string(child(m, "source").text().get()) == *u.previous_source);
    CHECK(std::string(child(m, "target").text().get()) == u.target);
    pugi::xml_node seg = child(unit, "segment");
    CHECK(std::string(seg.attribute("id").value()) == "s1");
    CHECK(std::string(seg.attribute("state").value()) == "initial");
    CHECK(child(seg, "target"));
    // The previous source is not written twice.
    CHECK(xml.find("previous-msgid") == std::string::npos);
    CHECK(xml.find("<mda:meta type=\"previous-msgctxt\">deletion</mda:meta>") != std::string::npos);

    const Catalog back = read_back(xml);
    REQUIRE(back.size() == 2);
    CHECK(back.units()[0].previous_source == u.previous_source);
    CHECK(back.units()[0].previous_context == u.previous_context);
    CHECK(back.units()[0].state == UnitState::fuzzy);
    CHECK(back.units()[0].codes == u.codes);
    // Without a previous source there is no candidate, no segment id and no mtc namespace.
    Unit plain = u;
    plain.previous_source.reset();
    plain.previous_context.reset();
    const std::string none = written(catalog_of(plain), CatalogFormat::xliff20);
    CHECK(none.find("mtc") == std::string::npos);
    CHECK(none.find("<segment id=") == std::string::npos);
}

TEST_CASE("xliff matches: what earlier versions wrote still reads as the previous source") {
    const std::string v12 = R"(<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="p.md" source-language="en" target-language="de" datatype="x-markdown"><body>
  <trans-unit id="a"><source>Contact us now</source>
   <target state="needs-review-translation">Kontakt</target>
   <alt-trans alttranstype="previous-version"><source>Contact us</source><target>Kontakt</target>
    <context-group purpose="information"><context context-type="x-msgctxt">menu</context></context-group>
   </alt-trans>
  </trans-unit>
 </body></file>
</xliff>)";
    const Catalog a = read_back(v12);
    REQUIRE(a.size() == 1);
    CHECK(a.units()[0].previous_source == std::optional<std::string>("Contact us"));
    CHECK(a.units()[0].previous_context == std::optional<std::string>("menu"));
    CHECK(a.units()[0].state == UnitState::fuzzy);

    const std::string v20 = R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f1"><unit id="a">
  <mda:metadata><mda:metaGroup category="po"><mda:meta type="previous-msgid">Contact us</mda:meta></mda:metaGroup></mda:metadata>
  <segment state="initial"><source>Contact us now</source><target>Kontakt</target></segment>
 </unit></file>
</xliff>)";
    const Catalog b = read_back(v20);
    REQUIRE(b.size() == 1);
    CHECK(b.units()[0].previous_source == std::optional<std::string>("Contact us"));
    CHECK(b.units()[0].state == UnitState::fuzzy);
}

TEST_CASE("xliff matches: a CAT tool's own matches are not taken for the previous source") {
    const std::string v12 = R"(<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="p.md" source-language="en" target-language="de" datatype="x-markdown"><body>
  <trans-unit id="a" approved="yes"><source>Contact us now</source>
   <target state="translated">Kontaktieren Sie uns jetzt</target>
   <alt-trans match-quality="75" origin="Agency TM"><source>Contact us</source><target>Kontakt</target></alt-trans>
  </trans-unit>
 </body></file>
</xliff>)";
    const Catalog a = read_back(v12);
    REQUIRE(a.size() == 1);
    CHECK_FALSE(a.units()[0].previous_source);
    CHECK(a.units()[0].state == UnitState::translated);

    const std::string v20 = R"(<?xml version="1.0"?>
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" xmlns:m="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="en" trgLang="de">
 <x:file id="f1"><x:unit id="a">
  <m:matches>
   <m:match ref="#s1" similarity="80" origin="mt"><x:source>Contact</x:source><x:target>Kontakt</x:target></m:match>
   <m:match ref="#s1" similarity="91" origin="policyloc-previous"><x:source>Contact us</x:source><x:target>Kontakt</x:target></m:match>
  </m:matches>
  <x:segment id="s1" state="initial"><x:source>Contact us now</x:source><x:target>Kontakt</x:target></x:segment>
 </x:unit></x:file>
</x:xliff>)";
    const Catalog b = read_back(v20);
    REQUIRE(b.size() == 1);
    CHECK(b.units()[0].previous_source == std::optional<std::string>("Contact us"));
}
