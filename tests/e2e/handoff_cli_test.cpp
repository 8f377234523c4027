// The revision round trip through the CLI, on the bundled example: the page is edited,
// `policyloc update` makes fuzzy and new units, `policyloc export` hands them off, a CAT tool
// returns them (another namespace prefix, seg-source/mrk, approved and final/signed-off states,
// a source edited by hand, a placeholder dropped) and `policyloc import` takes back exactly the
// valid targets. gettext, Translate Toolkit and xmllint check what is written.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "policyloc/catalog_io.h"
#include "policyloc/handoff.h"
#include "policyloc/stats.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

constexpr const char* kSchema12 = "schemas/xliff-1.2/xliff-core-1.2-strict.xsd";
[[maybe_unused]] constexpr const char* kSchema20 = "schemas/xliff-2.0/xliff_core_2.0.xsd";

// The sources the edit below gives the page: two reworded sentences (fuzzy after update), a new
// heading and a new paragraph with a link and a template action (new).
const std::string kIntro = "Gopteran (\"we,\" \"our,\" or \"us\") is fully committed to protecting "
                           "your privacy.";
const std::string kRights = "To exercise any of these rights, contact us at";
const std::string kHeading = "Who Answers Your Questions";
const std::string kParagraph = "Questions about this policy go to our [data protection "
                               "officer](mailto:dpo@gopteran.com) for {{ .Site.Title }}.";

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
}

// Copies the example page and `catalog` to `dir`, edits the page and runs policyloc update.
void edit_and_update(const fs::path& dir, const std::string& catalog) {
    fs::copy_file(source_dir() / "locales" / "privacy.md", dir / "privacy.md");
    fs::copy_file(source_dir() / "locales" / catalog, dir / catalog);
    std::string page = read_file(dir / "privacy.md");
    replace_once(page, "is committed to protecting", "is fully committed to protecting");
    replace_once(page, "To exercise these rights", "To exercise any of these rights");
    replace_once(page, "## How We Use Your Information\n",
                 "## " + kHeading + "\n\n" + kParagraph + "\n\n## How We Use Your Information\n");
    write_file(dir / "privacy.md", page);
    auto r = run_policyloc("update " + sh_quote((dir / "privacy.md").string()) + " " +
                           sh_quote((dir / catalog).string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK_MESSAGE(r.out.find("2 fuzzy, 2 new") != std::string::npos, r.out);
}

Catalog read_catalog(const fs::path& p) {
    auto r = catalog_read_file(p.string());
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

const Unit& unit_starting(const Catalog& cat, const std::string& start) {
    for (const Unit& u : cat.units())
        if (!u.obsolete && u.source.rfind(start, 0) == 0) return u;
    FAIL("no unit starts with " << start);
    return cat.units().front();
}

// ---- A CAT tool's return, built on the exported document

std::string local(const pugi::xml_node& n) {
    const std::string name = n.name();
    const size_t colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

std::string inner_text(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children())
        out += c.type() == pugi::node_pcdata ? std::string(c.value()) : inner_text(c);
    return out;
}

pugi::xml_node child(const pugi::xml_node& n, const std::string& name) {
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

// The unit (1.2 trans-unit, 2.0 unit) whose source starts with `start`.
pugi::xml_node unit_node(pugi::xml_document& doc, const std::string& start) {
    pugi::xml_node found = doc.find_node([&](const pugi::xml_node& n) {
        if (n.type() != pugi::node_element || (local(n) != "trans-unit" && local(n) != "unit"))
            return false;
        pugi::xml_node holder = local(n) == "unit" ? child(n, "segment") : n;
        return inner_text(child(holder, "source")).rfind(start, 0) == 0;
    });
    REQUIRE_MESSAGE(found, start);
    return found;
}

// The source's content (text and codes) as target content, each text run passed through `edit`;
// the codes for which `keep` says no are left out.
void copy_source(
    pugi::xml_node from, pugi::xml_node to,
    const std::function<std::string(const std::string&)>& edit,
    const std::function<bool(size_t)>& keep = [](size_t) { return true; }) {
    size_t code = 0;
    for (pugi::xml_node c : from.children()) {
        if (c.type() == pugi::node_pcdata)
            to.append_child(pugi::node_pcdata).set_value(edit(c.value()).c_str());
        else if (keep(code++))
            to.append_copy(c);
    }
}

// A fresh <target> after the unit's <source> (or <seg-source>), with the state given.
pugi::xml_node new_target(pugi::xml_node holder, const char* state) {
    if (pugi::xml_node old = child(holder, "target")) holder.remove_child(old);
    pugi::xml_node after = child(holder, "seg-source");
    if (!after) after = child(holder, "source");
    const std::string prefixed =
        std::string(holder.name()).substr(0, std::string(holder.name()).find(':') + 1);
    pugi::xml_node t = holder.insert_child_after((prefixed + "target").c_str(), after);
    if (state) t.append_attribute("state") = state;
    return t;
}

// Every element under the prefix `p`, the XLIFF namespace declared for it.
void use_prefix(pugi::xml_document& doc, const std::string& p) {
    pugi::xml_node root = doc.document_element();
    const std::string ns = root.attribute("xmlns").value();
    root.remove_attribute("xmlns");
    root.prepend_attribute(("xmlns:" + p).c_str()) = ns.c_str();
    std::function<void(pugi::xml_node)> rename = [&](pugi::xml_node n) {
        if (n.type() != pugi::node_element) return;
        if (std::string(n.name()).find(':') == std::string::npos)
            n.set_name((p + ":" + n.name()).c_str());
        for (pugi::xml_node c : n.children()) rename(c);
    };
    rename(root);
}

std::string saved(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

pugi::xml_document load(const std::string& text) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(text.c_str(),
                            pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_declaration));
    return doc;
}

// The line of the unit with that id in a document.
int line_of_id(const std::string& text, const std::string& id) {
    const size_t at = text.find("id=\"" + id + "\"");
    REQUIRE(at != std::string::npos);
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string french(const std::string& s) {
    std::string out = s;
    for (auto [en, fr] : {std::pair<const char*, const char*>{"Questions about this policy go to "
                                                              "our ",
                                                              "Pour toute question, écrivez au "},
                          {"data protection officer", "délégué à la protection des données"},
                          {" for ", " de "},
                          {"To exercise any of these rights, contact us at",
                           "Pour exercer l’un de ces droits, écrivez-nous à l’adresse"}})
        if (size_t at = out.find(en); at != std::string::npos) out.replace(at, std::strlen(en), fr);
    return out;
}

std::string same(const std::string& s) {
    return s;
}

std::string german(const std::string& s) {
    return "DE " + s;
}

// A 2.0 unit's segment in `state`, with a fresh target to fill.
pugi::xml_node segment_target(pugi::xml_node unit, const char* state) {
    pugi::xml_node segment = child(unit, "segment");
    segment.attribute("state").set_value(state);
    return new_target(segment, nullptr);
}

// ---- What gettext and Translate Toolkit count

// translated, fuzzy, untranslated as msgfmt --statistics prints them.
std::vector<size_t> msgfmt_counts(const fs::path& p) {
    auto r = run("LC_ALL=C msgfmt -c --statistics -o /dev/null " + sh_quote(p.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::vector<size_t> counts(3, 0);
    std::istringstream in(r.err);
    std::string word, prev;
    while (in >> word) {
        if (word.rfind("translated", 0) == 0) counts[0] = std::stoul(prev);
        if (word.rfind("fuzzy", 0) == 0) counts[1] = std::stoul(prev);
        if (word.rfind("untranslated", 0) == 0) counts[2] = std::stoul(prev);
        prev = word;
    }
    return counts;
}

std::vector<size_t> pocount_counts(const fs::path& p) {
    auto r = run("cd " + sh_quote(p.parent_path().string()) + " && pocount --csv " +
                 sh_quote(p.filename().string()));
    const size_t at = r.out.find(p.filename().string() + ",");
    REQUIRE_MESSAGE(at != std::string::npos, (r.out + r.err));
    std::vector<size_t> fields;
    std::istringstream in(r.out.substr(at + p.filename().string().size() + 1));
    for (std::string f; fields.size() < 6 && std::getline(in, f, ',');)
        fields.push_back(std::stoul(f));
    REQUIRE(fields.size() == 6);
    return {fields[0], fields[3], fields[5]};
}

std::vector<size_t> policyloc_counts(const fs::path& p) {
    const CatalogStats s = catalog_stats(read_catalog(p));
    return {s.translated.units, s.fuzzy.units, s.untranslated.units};
}

bool validates(const fs::path& p, const char* schema) {
    auto r = run("xmllint --noout --nonet --schema " + sh_quote((shared_dir() / schema).string()) +
                 " " + sh_quote(p.string()));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    return r.exit_code == 0;
}

} // namespace

namespace {

// Exports the updated catalog to XLIFF 1.2 and checks what a CAT tool gets: the four units that
// need work, valid against the schema, fuzzy ones with their previous source as a match, and a
// file Translate Toolkit reads.
Catalog export_12(const fs::path& po, const fs::path& handoff) {
    auto ex =
        run_policyloc("export " + sh_quote(po.string()) + " -o " + sh_quote(handoff.string()));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    CHECK_MESSAGE(ex.out.find("4 units") != std::string::npos, ex.out);
    CHECK(ex.out.find("(2 new, 2 fuzzy, 0 translated or better)") != std::string::npos);
    validates(handoff, kSchema12);
    const Catalog exported = read_catalog(handoff);
    REQUIRE(exported.size() == 4);
    CHECK(exported.header_field(kHandoffField) == po.string());
    pugi::xml_document doc = load(read_file(handoff));
    for (const std::string& start : {kIntro, kRights}) {
        pugi::xml_node alt = child(unit_node(doc, start), "alt-trans");
        REQUIRE(alt);
        CHECK(std::string(alt.attribute("origin").value()) == "policyloc-previous");
        CHECK(alt.attribute("match-quality").as_int() >= 80);
    }
    const fs::path tt = handoff.parent_path() / "tt.po";
    auto r =
        run("xliff2po --progress=none " + sh_quote(handoff.string()) + " " + sh_quote(tt.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Catalog tt_po = read_catalog(tt);
    REQUIRE(tt_po.size() == exported.size());
    for (size_t i = 0; i < tt_po.size(); ++i)
        CHECK(tt_po.units()[i].source == exported.units()[i].source);
    return exported;
}

// What a CAT tool returns for the 1.2 hand-off: the intro final (with a match of the tool's
// own), the rights paragraph segmented (seg-source, mrk) and signed off, the heading's source
// edited by hand, the new paragraph without its link destination; every element under the
// prefix "x".
std::string cat_return_12(const std::string& exported) {
    pugi::xml_document doc = load(exported);
    pugi::xml_node intro = unit_node(doc, kIntro);
    new_target(intro, "final")
        .append_child(pugi::node_pcdata)
        .set_value("Gopteran (« nous ») s’engage pleinement à protéger votre vie privée.");
    intro.append_attribute("approved") = "yes";
    pugi::xml_node tm = intro.append_child("alt-trans");
    tm.append_attribute("match-quality") = "70";
    tm.append_attribute("origin") = "Agency TM";
    tm.append_child("source").append_child(pugi::node_pcdata).set_value("Gopteran is committed.");
    tm.append_child("target").append_child(pugi::node_pcdata).set_value("Gopteran s’engage.");
    pugi::xml_node rights = unit_node(doc, kRights);
    pugi::xml_node seg = rights.insert_child_after("seg-source", child(rights, "source"));
    for (pugi::xml_node holder : {seg, new_target(rights, "signed-off")}) {
        pugi::xml_node mrk = holder.append_child("mrk");
        mrk.append_attribute("mtype") = "seg";
        mrk.append_attribute("mid") = "1";
        copy_source(child(rights, "source"), mrk, holder == seg ? same : french);
    }
    rights.append_attribute("approved") = "yes";
    pugi::xml_node heading = unit_node(doc, kHeading);
    child(heading, "source").first_child().set_value("Who answers your questions?");
    new_target(heading, "translated").append_child(pugi::node_pcdata).set_value("Qui répond ?");
    pugi::xml_node paragraph = unit_node(doc, "Questions about");
    // The tool drops the code of "{{ .Site.Title }}" (formatting codes come before it).
    size_t site_title = 0;
    for (pugi::xml_node c : child(paragraph, "source").children()) {
        if (c.type() == pugi::node_pcdata) continue;
        if (std::string(c.text().get()).find(".Site.Title") != std::string::npos) break;
        ++site_title;
    }
    copy_source(child(paragraph, "source"), new_target(paragraph, "final"), french,
                [site_title](size_t code) { return code != site_title; });
    use_prefix(doc, "x");
    return saved(doc);
}

} // namespace

TEST_CASE("handoff cli: update, export to XLIFF 1.2, a CAT tool's return, import into PO") {
    if (!require_tool("msgfmt") || !require_tool("pocount") || !require_tool("xliff2po") ||
        !require_tool("xmllint") || !require_shared(kSchema12))
        return;
    const fs::path dir = temp_dir("handoff-cli-12");
    edit_and_update(dir, "fr.po");
    const fs::path po = dir / "fr.po", handoff = dir / "handoff.xlf";
    const Catalog exported = export_12(po, handoff);
    const std::string returned_xml = cat_return_12(read_file(handoff));
    const fs::path returned = dir / "returned.xlf";
    write_file(returned, returned_xml);
    validates(returned, kSchema12); // the return is valid XLIFF 1.2: this is about real input

    const std::vector<size_t> before = policyloc_counts(po);
    auto im = run_policyloc("import " + sh_quote(returned.string()) + " " + sh_quote(po.string()));
    CHECK(im.exit_code == 1);
    CHECK_MESSAGE(
        im.out.find(returned.string() + ": 2 taken, 1 stale, 1 rejected, 0 unchanged, 0 lowered") !=
            std::string::npos,
        im.out);
    CHECK(im.out.find(po.string() + ": 2 translations taken, written") != std::string::npos);
    // Each refused unit at its line in the returned file, with the id it has there.
    for (const auto& [kind, start] : {std::pair<std::string, std::string>{"stale", kHeading},
                                      {"rejected", "Questions about"}}) {
        const std::string id = unit_starting(exported, start).id();
        const std::string at = returned.string() + ":" +
                               std::to_string(line_of_id(returned_xml, id)) + ": warning: " + kind +
                               ": unit " + id;
        CHECK_MESSAGE(im.err.find(at) != std::string::npos, im.err);
    }
    CHECK(im.err.find("{{ .Site.Title }}") != std::string::npos);
    // Reading the return already says which code the unit lacks.
    CHECK(im.err.find("the target lacks code") != std::string::npos);
    CHECK(std::count(im.err.begin(), im.err.end(), '\n') == 3);

    // Exactly the valid targets are in the catalog, with the states the tool gave them.
    const Catalog after = read_catalog(po);
    CHECK(unit_starting(after, kIntro).target ==
          "Gopteran (« nous ») s’engage pleinement à protéger votre vie privée.");
    CHECK(unit_starting(after, kIntro).state == UnitState::final_state);
    CHECK_FALSE(unit_starting(after, kIntro).previous_source);
    CHECK(unit_starting(after, kRights).target == french(unit_starting(exported, kRights).source));
    CHECK(unit_starting(after, kRights).state == UnitState::reviewed); // signed-off
    CHECK(unit_starting(after, kHeading).target.empty());
    CHECK(unit_starting(after, "Questions about").target.empty());

    // gettext, Translate Toolkit and policyloc count the same, and the summary explains the
    // change: the two fuzzy units taken are translated now.
    const std::vector<size_t> expected{before[0] + 2, before[1] - 2, before[2]};
    CHECK(policyloc_counts(po) == expected);
    CHECK(msgfmt_counts(po) == expected);
    CHECK(pocount_counts(po) == expected);

    // Importing again takes nothing and leaves the catalog's bytes alone.
    const std::string written = read_file(po);
    const auto mtime = fs::last_write_time(po);
    auto again =
        run_policyloc("import " + sh_quote(returned.string()) + " " + sh_quote(po.string()));
    CHECK(again.exit_code == 1);
    CHECK(again.out.find(": 0 taken, 1 stale, 1 rejected, 2 unchanged, 0 lowered") !=
          std::string::npos);
    CHECK(read_file(po) == written);
    CHECK(fs::last_write_time(po) == mtime);
}

namespace {

// Exports the updated XLIFF 2.0 catalog as a 2.0 hand-off; fuzzy units carry their previous
// source as a translation candidate of their segment.
std::string export_20(const fs::path& catalog, const fs::path& handoff) {
    auto ex = run_policyloc("export --xliff-version 2.0 " + sh_quote(catalog.string()) + " -o " +
                            sh_quote(handoff.string()));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    validates(handoff, kSchema20);
    const std::string xml = read_file(handoff);
    REQUIRE(read_catalog(handoff).size() == 4);
    pugi::xml_document doc = load(xml);
    for (const std::string& start : {kIntro, kRights}) {
        pugi::xml_node unit = unit_node(doc, start);
        pugi::xml_node match = child(child(unit, "matches"), "match");
        REQUIRE(match);
        CHECK(std::string(match.attribute("ref").value()) == "#s1");
        CHECK(std::string(child(unit, "segment").attribute("id").value()) == "s1");
        CHECK(std::string(match.attribute("origin").value()) == "policyloc-previous");
        CHECK(match.attribute("similarity").as_int() >= 80);
        CHECK(std::string(child(unit, "segment").attribute("state").value()) == "initial");
    }
    return xml;
}

// The 2.0 return: final and reviewed targets, a source edited, a placeholder dropped, every
// element under the prefix "doc".
std::string cat_return_20(const std::string& exported) {
    pugi::xml_document doc = load(exported);
    segment_target(unit_node(doc, kIntro), "final")
        .append_child(pugi::node_pcdata)
        .set_value("Gopteran setzt sich voll für Ihre Privatsphäre ein.");
    pugi::xml_node rights = unit_node(doc, kRights);
    copy_source(child(child(rights, "segment"), "source"), segment_target(rights, "reviewed"),
                german);
    pugi::xml_node heading = unit_node(doc, kHeading);
    child(child(heading, "segment"), "source").first_child().set_value("Who answers?");
    segment_target(heading, "translated")
        .append_child(pugi::node_pcdata)
        .set_value("Wer antwortet?");
    pugi::xml_node paragraph = unit_node(doc, "Questions about");
    copy_source(child(child(paragraph, "segment"), "source"),
                segment_target(paragraph, "translated"), german,
                [](size_t code) { return code != 0; });
    use_prefix(doc, "doc");
    return saved(doc);
}

// A later return of the intro alone, translated anew: lower than the final state it has now.
std::string lowering_return_20(const std::string& exported) {
    pugi::xml_document doc = load(exported);
    for (pugi::xml_node u :
         {unit_node(doc, kRights), unit_node(doc, kHeading), unit_node(doc, "Questions about")})
        u.parent().remove_child(u);
    segment_target(unit_node(doc, kIntro), "translated")
        .append_child(pugi::node_pcdata)
        .set_value("Anderer Text.");
    return saved(doc);
}

} // namespace

TEST_CASE("handoff cli: XLIFF 2.0 catalog and hand-off, sign-offs kept, lowering refused") {
    if (!require_tool("xmllint") || !require_shared(kSchema20)) return;
    const fs::path dir = temp_dir("handoff-cli-20");
    edit_and_update(dir, "de.xlf");
    const fs::path catalog = dir / "de.xlf", handoff = dir / "handoff.xlf";
    const std::string xml = export_20(catalog, handoff);
    const std::string intro_id = unit_starting(read_catalog(handoff), kIntro).id();
    const fs::path returned = dir / "returned.xlf";
    write_file(returned, cat_return_20(xml));
    validates(returned, kSchema20);

    auto im =
        run_policyloc("import " + sh_quote(returned.string()) + " " + sh_quote(catalog.string()));
    CHECK(im.exit_code == 1);
    CHECK_MESSAGE(im.out.find(": 2 taken, 1 stale, 1 rejected, 0 unchanged, 0 lowered") !=
                      std::string::npos,
                  im.out);
    validates(catalog, kSchema20);
    Catalog after = read_catalog(catalog);
    CHECK(unit_starting(after, kIntro).state == UnitState::final_state);
    CHECK(unit_starting(after, kRights).state == UnitState::reviewed);
    CHECK(unit_starting(after, kRights).target.rfind("DE To exercise", 0) == 0);
    CHECK(unit_starting(after, kHeading).target.empty());
    CHECK(unit_starting(after, "Questions about").target.empty());

    // A later return that would lower the final unit is refused, and the catalog kept as is.
    const fs::path lowering = dir / "lowering.xlf";
    write_file(lowering, lowering_return_20(xml));
    const std::string kept = read_file(catalog);
    auto low =
        run_policyloc("import " + sh_quote(lowering.string()) + " " + sh_quote(catalog.string()));
    CHECK(low.exit_code == 0);
    CHECK(low.out.find(": 0 taken, 0 stale, 0 rejected, 0 unchanged, 1 lowered") !=
          std::string::npos);
    CHECK_MESSAGE(low.err.find("warning: lowered: unit " + intro_id) != std::string::npos, low.err);
    CHECK(read_file(catalog) == kept);
    auto forced = run_policyloc("import --force " + sh_quote(lowering.string()) + " " +
                                sh_quote(catalog.string()));
    CHECK(forced.exit_code == 0);
    CHECK(forced.out.find(": 1 taken,") != std::string::npos);
    after = read_catalog(catalog);
    CHECK(unit_starting(after, kIntro).target == "Anderer Text.");
    CHECK(unit_starting(after, kIntro).state == UnitState::translated);
}

TEST_CASE("handoff cli: a PO hand-off, returned without its mark, is told by its place") {
    if (!require_tool("msgfmt")) return;
    const fs::path dir = temp_dir("handoff-cli-po");
    edit_and_update(dir, "fr.po");
    const fs::path po = dir / "fr.po", handoff = dir / "handoff.po";
    auto ex = run_policyloc("export " + sh_quote(po.string()) + " -o " +
                            sh_quote(handoff.string()) + " --only fuzzy");
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    CHECK(ex.out.find("2 units") != std::string::npos);
    // gettext takes the hand-off, with the previous msgids of the fuzzy entries.
    auto fmt = run("msgfmt -c -o /dev/null " + sh_quote(handoff.string()));
    CHECK_MESSAGE(fmt.exit_code == 0, fmt.err);
    const std::string text = read_file(handoff);
    CHECK(text.find("#, fuzzy\n#| msgid") != std::string::npos);

    // The translator unfuzzies one entry; the tool drops the hand-off header field.
    Catalog back = read_catalog(handoff);
    back.header.erase(std::remove_if(back.header.begin(), back.header.end(),
                                     [](const auto& f) { return f.first == kHandoffField; }),
                      back.header.end());
    Unit* rights = nullptr;
    for (Unit& u : back.units())
        if (u.source.rfind(kRights, 0) == 0) rights = &u;
    REQUIRE(rights);
    rights->target = french(rights->source);
    rights->state = UnitState::translated;
    const fs::path returned = dir / "returned.po";
    write_file(returned, *po_write(back).text);
    auto im = run_policyloc("import " + sh_quote(returned.string()) + " " + sh_quote(po.string()));
    CHECK_MESSAGE(im.exit_code == 0, im.err);
    CHECK(im.out.find(": 1 taken, 0 stale, 0 rejected, 1 unchanged, 0 lowered") !=
          std::string::npos);
    const Catalog after = read_catalog(po);
    CHECK(unit_starting(after, kRights).state == UnitState::translated);
    CHECK(unit_starting(after, kIntro).state == UnitState::fuzzy);
}

TEST_CASE("handoff cli: bad usage and unreadable input are exit 2 and write nothing") {
    const fs::path dir = temp_dir("handoff-cli-bad");
    for (const char* name : {"fr.po", "de.xlf"})
        fs::copy_file(source_dir() / "locales" / name, dir / name);
    const std::string fr = sh_quote((dir / "fr.po").string());
    const std::string de = sh_quote((dir / "de.xlf").string());
    const fs::path out = dir / "out.xlf";
    // Two languages in one hand-off.
    auto mixed = run_policyloc("export " + fr + " " + de + " -o " + sh_quote(out.string()));
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.err.find("one target language") != std::string::npos);
    // An unknown state.
    auto only = run_policyloc("export " + fr + " -o " + sh_quote(out.string()) + " --only old");
    CHECK(only.exit_code == 2);
    CHECK(only.err.find("'old'") != std::string::npos);
    // Over the catalog itself.
    auto over = run_policyloc("export " + fr + " -o " + fr);
    CHECK(over.exit_code == 2);
    // Nothing to hand off: the bundled French catalog is complete but for one unit.
    auto none = run_policyloc("export " + fr + " -o " + sh_quote(out.string()) + " --only fuzzy");
    CHECK(none.exit_code == 0);
    CHECK(none.out.find("nothing to hand off") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    // An unreadable returned file, a returned file in another language.
    write_file(dir / "broken.xlf", "<xliff version=\"1.2\"><file>");
    const std::string fr_before = read_file(dir / "fr.po");
    auto broken = run_policyloc("import " + sh_quote((dir / "broken.xlf").string()) + " " + fr);
    CHECK(broken.exit_code == 2);
    auto german =
        run_policyloc("export " + de + " -o " + sh_quote(out.string()) + " --only translated");
    REQUIRE(german.exit_code == 0);
    auto wrong = run_policyloc("import " + sh_quote(out.string()) + " " + fr);
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("no catalog given is") != std::string::npos);
    CHECK(read_file(dir / "fr.po") == fr_before);
    // Only hand-off files: no catalog to import into.
    auto alone = run_policyloc("import " + sh_quote(out.string()));
    CHECK(alone.exit_code == 2);
}
