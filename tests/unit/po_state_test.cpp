// Reviewed and final states in PO: a translator comment line bound to the translation's text.
#include <doctest/doctest.h>

#include <string>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

Catalog read_po_text(const std::string& text) {
    const t::fs::path p = t::temp_dir("po_state") / "de.po";
    t::write_file(p, text);
    auto r = po_read_file(p.string());
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

std::string po_text(const Catalog& cat) {
    auto w = po_write(cat);
    REQUIRE(w.text);
    return *w.text;
}

Catalog signed_off() {
    Catalog cat;
    cat.target_lang = "de";
    Unit a;
    a.source = "Privacy Policy";
    a.target = "Datenschutzerklärung";
    a.state = UnitState::final_state;
    a.comments = "Checked by legal.\nSecond line.";
    cat.add(a);
    Unit b;
    b.source = "Contact";
    b.target = "Kontakt";
    b.state = UnitState::reviewed;
    cat.add(b);
    Unit c;
    c.source = "Cookies";
    c.target = "Cookies";
    c.state = UnitState::translated;
    cat.add(c);
    return cat;
}

} // namespace

TEST_CASE("po state: reviewed and final are a translator comment line that reads back") {
    const std::string text = po_text(signed_off());
    CHECK(text.find("# Checked by legal.\n# Second line.\n# policyloc-state: final ") !=
          std::string::npos);
    CHECK(text.find("# policyloc-state: reviewed ") != std::string::npos);
    CHECK(text.find("policyloc-state: translated") == std::string::npos);
    const Catalog back = read_po_text(text);
    REQUIRE(back.size() == 3);
    CHECK(back.units()[0].state == UnitState::final_state);
    CHECK(back.units()[0].comments == "Checked by legal.\nSecond line.");
    CHECK(back.units()[1].state == UnitState::reviewed);
    CHECK(back.units()[1].comments.empty());
    CHECK(back.units()[2].state == UnitState::translated);
    // Written again, byte for byte the same.
    CHECK(po_text(back) == text);
}

TEST_CASE("po state: a translation edited since its sign-off reads as translated") {
    std::string text = po_text(signed_off());
    const size_t at = text.find("msgstr \"Kontakt\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 16, "msgstr \"Kontaktieren\"");
    const Catalog back = read_po_text(text);
    CHECK(back.units()[1].state == UnitState::translated);
    CHECK(back.units()[1].comments.empty()); // the stale line is dropped
    CHECK(back.units()[0].state == UnitState::final_state);
    // A fuzzy entry is fuzzy, whatever the line says.
    std::string fuzzy = po_text(signed_off());
    const size_t entry = fuzzy.find("msgid \"Privacy Policy\"");
    fuzzy.insert(entry, "#, fuzzy\n");
    CHECK(read_po_text(fuzzy).units()[0].state == UnitState::fuzzy);
}

TEST_CASE("po state: msgmerge and msgcat keep the sign-off") {
    if (!t::require_tool("msgmerge") || !t::require_tool("msgcat")) return;
    const t::fs::path dir = t::temp_dir("po_state_gettext");
    t::write_file(dir / "de.po", po_text(signed_off()));
    t::write_file(dir / "new.pot", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
                                   "charset=UTF-8\\n\"\n\nmsgid \"Privacy Policy\"\nmsgstr \"\"\n\n"
                                   "msgid \"Contact\"\nmsgstr \"\"\n");
    auto m = t::run("msgmerge --quiet -o " + t::sh_quote((dir / "merged.po").string()) + " " +
                    t::sh_quote((dir / "de.po").string()) + " " +
                    t::sh_quote((dir / "new.pot").string()));
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    auto c = t::run("msgcat -o " + t::sh_quote((dir / "cat.po").string()) + " " +
                    t::sh_quote((dir / "merged.po").string()));
    REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    auto r = po_read_file((dir / "cat.po").string());
    REQUIRE(r.catalog);
    const Unit* a = r.catalog->find(std::nullopt, "Privacy Policy");
    const Unit* b = r.catalog->find(std::nullopt, "Contact");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->state == UnitState::final_state);
    CHECK(b->state == UnitState::reviewed);
}
