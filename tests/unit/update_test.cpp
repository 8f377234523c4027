// catalog_update: carrying translations over to a new template, as msgmerge does without fuzzy
// matching. Keys are (context, source); the template decides order, notes and references.
#include "policyloc/update.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace policyloc;

namespace {

Unit unit(std::string source, std::optional<std::string> context = std::nullopt) {
    Unit u;
    u.source = std::move(source);
    u.context = std::move(context);
    return u;
}

Unit translated(std::string source, std::string target, UnitState state = UnitState::translated,
                std::optional<std::string> context = std::nullopt) {
    Unit u = unit(std::move(source), std::move(context));
    u.target = std::move(target);
    u.state = state;
    return u;
}

// The units of `c` with the given obsolete flag and key; a test expects at most one.
std::vector<const Unit*> find_all(const Catalog& c, const std::optional<std::string>& context,
                                  const std::string& source, bool obsolete) {
    std::vector<const Unit*> out;
    for (const Unit& u : c.units())
        if (u.context == context && u.source == source && u.obsolete == obsolete) out.push_back(&u);
    return out;
}

const Unit& only(const Catalog& c, const std::optional<std::string>& context,
                 const std::string& source, bool obsolete = false) {
    auto found = find_all(c, context, source, obsolete);
    REQUIRE_MESSAGE(found.size() == 1, source << (obsolete ? " (obsolete)" : ""));
    return *found[0];
}

Catalog page_template(const std::vector<Unit>& units) {
    Catalog t;
    t.original = "privacy.md";
    t.set_header_field("Project-Id-Version", "template");
    for (Unit u : units) {
        u.notes = "Type: paragraph (new note)";
        u.refs = {{"privacy.md", 7}};
        t.add(std::move(u));
    }
    return t;
}

} // namespace

TEST_CASE("update: translations carried over by context and source, in the template's order") {
    Catalog old;
    old.add(translated("Cookies", "Cookies (de)"));
    old.add(translated("Terms", "Bedingungen", UnitState::reviewed, "legal"));
    old.add(translated("Terms", "AGB")); // same source, no context: another unit
    Unit old_notes = translated("Contact", "Kontakt");
    old_notes.notes = "Type: heading (old note)";
    old_notes.refs = {{"privacy.md", 99}};
    old.add(old_notes);

    Catalog t = page_template({unit("Contact"), unit("Terms", "legal"), unit("Cookies"),
                               unit("Terms", "other"), unit("New text")});
    UpdateStats stats;
    Catalog out = catalog_update(old, t, &stats);

    REQUIRE(out.size() == 6); // five live units and the no-context "Terms", now obsolete
    std::vector<std::string> live;
    for (const Unit& u : out.units())
        if (!u.obsolete) live.push_back(u.source + (u.context ? "|" + *u.context : ""));
    CHECK(live ==
          std::vector<std::string>{"Contact", "Terms|legal", "Cookies", "Terms|other", "New text"});

    CHECK(only(out, std::nullopt, "Cookies").target == "Cookies (de)");
    const Unit& legal = only(out, "legal", "Terms");
    CHECK(legal.target == "Bedingungen");
    CHECK(legal.state == UnitState::reviewed);
    // A context the old catalog did not have is a new unit: as msgmerge does, the same source's
    // translation is proposed as a fuzzy match, the one without context first.
    const Unit& other = only(out, "other", "Terms");
    CHECK(other.target == "AGB");
    CHECK(other.state == UnitState::fuzzy);
    CHECK(other.previous_source == "Terms");
    CHECK_FALSE(other.previous_context);
    CHECK(only(out, std::nullopt, "New text").target.empty());
    // Notes and references come from the template, not from the old catalog.
    const Unit& contact = only(out, std::nullopt, "Contact");
    CHECK(contact.target == "Kontakt");
    CHECK(contact.notes == "Type: paragraph (new note)");
    CHECK(contact.refs == std::vector<Reference>{{"privacy.md", 7}});
}

TEST_CASE("update: state, translator comments, flags and previous source are kept") {
    Catalog old;
    Unit fuzzy = translated("Data we collect", "Daten, die wir erheben", UnitState::fuzzy);
    fuzzy.comments = "Checked with legal, 2025";
    fuzzy.previous_source = "Data we gather";
    fuzzy.flags = {"no-wrap"};
    old.add(fuzzy);
    old.add(translated("Final words", "Schlussworte", UnitState::final_state));

    Catalog out =
        catalog_update(old, page_template({unit("Data we collect"), unit("Final words")}));
    const Unit& f = only(out, std::nullopt, "Data we collect");
    CHECK(f.target == "Daten, die wir erheben");
    CHECK(f.state == UnitState::fuzzy);
    CHECK(f.comments == "Checked with legal, 2025");
    CHECK(f.previous_source == std::optional<std::string>("Data we gather"));
    CHECK(f.flags == std::vector<std::string>{"no-wrap"});
    CHECK(only(out, std::nullopt, "Final words").state == UnitState::final_state);
}

TEST_CASE("update: new units are untranslated") {
    Catalog old;
    old.add(translated("Kept", "Behalten"));
    UpdateStats stats;
    Catalog out = catalog_update(old, page_template({unit("Kept"), unit("Added one")}), &stats);
    const Unit& added = only(out, std::nullopt, "Added one");
    CHECK(added.target.empty());
    CHECK(added.state == UnitState::untranslated);
    CHECK(!added.obsolete);
    CHECK(added.comments.empty());
    CHECK(stats.added == 1);
    CHECK(stats.kept == 1);
}

TEST_CASE("update: translated units gone from the page become obsolete, untranslated ones go") {
    Catalog old;
    old.add(translated("Gone, translated", "Weg, übersetzt", UnitState::reviewed));
    old.add(unit("Gone, never translated"));
    old.add(translated("Stays", "Bleibt"));
    UpdateStats stats;
    Catalog out = catalog_update(old, page_template({unit("Stays")}), &stats);
    const Unit& gone = only(out, std::nullopt, "Gone, translated", true);
    CHECK(gone.target == "Weg, übersetzt");
    CHECK(gone.state == UnitState::reviewed);
    CHECK(find_all(out, std::nullopt, "Gone, translated", false).empty());
    CHECK(find_all(out, std::nullopt, "Gone, never translated", false).empty());
    CHECK(find_all(out, std::nullopt, "Gone, never translated", true).empty());
    CHECK(out.size() == 2);
    // Obsolete units come after the live ones and are not found as live units.
    CHECK(!out.units().front().obsolete);
    CHECK(out.units().back().obsolete);
    CHECK(out.find(std::nullopt, "Gone, translated") == nullptr);
    CHECK(stats.obsoleted == 1);
    CHECK(stats.kept == 1);
    CHECK(stats.added == 0);
}

TEST_CASE("update: an obsolete entry of the old catalog stays one entry") {
    Catalog old;
    Unit long_gone = translated("Long gone", "Längst weg");
    long_gone.obsolete = true;
    old.add(long_gone);
    old.add(translated("Live", "Lebendig"));
    UpdateStats stats;
    Catalog out = catalog_update(old, page_template({unit("Live")}), &stats);
    CHECK(only(out, std::nullopt, "Long gone", true).target == "Längst weg");
    CHECK(out.size() == 2);
    CHECK(stats.obsoleted == 0); // it was obsolete already

    // Updating again changes nothing.
    Catalog again = catalog_update(out, page_template({unit("Live")}), &stats);
    CHECK(again.size() == 2);
    CHECK(only(again, std::nullopt, "Long gone", true).target == "Längst weg");
    CHECK(stats.obsoleted == 0);
    CHECK(stats.kept == 1);
}

TEST_CASE("update: an obsolete entry whose source is back is revived, not duplicated") {
    // As msgmerge does: the translation of an obsolete entry that matches exactly is used, and the
    // obsolete entry is not kept beside the live unit.
    Catalog old;
    Unit back = translated("Back again", "Wieder da", UnitState::reviewed);
    back.obsolete = true;
    back.comments = "Approved";
    old.add(back);
    UpdateStats stats;
    Catalog out = catalog_update(old, page_template({unit("Back again")}), &stats);
    REQUIRE(out.size() == 1);
    const Unit& revived = only(out, std::nullopt, "Back again");
    CHECK(revived.target == "Wieder da");
    CHECK(revived.state == UnitState::reviewed);
    CHECK(revived.comments == "Approved");
    CHECK(find_all(out, std::nullopt, "Back again", true).empty());
    CHECK(stats.revived == 1);
    CHECK(stats.kept == 0);
    CHECK(stats.added == 0);
    CHECK(stats.obsoleted == 0);
}

TEST_CASE("update: header and languages come from the old catalog") {
    Catalog old;
    old.source_lang = "en";
    old.target_lang = "pt-BR";
    old.header_comment = "Portuguese translation of the privacy policy.";
    old.header_fuzzy = false;
    old.set_header_field("Project-Id-Version", "privacy 3");
    old.set_header_field("Language", "pt_BR");
    old.set_header_field("Plural-Forms", "nplurals=2; plural=(n > 1);");
    old.set_header_field("X-Glossary", "glossary/pt-BR.tbx");
    old.add(translated("Text", "Texto"));

    Catalog t = page_template({unit("Text")});
    t.header_fuzzy = true;
    Catalog out = catalog_update(old, t);
    CHECK(out.source_lang == "en");
    CHECK(out.target_lang == "pt-BR");
    CHECK(out.header == old.header);
    CHECK(out.header_comment == old.header_comment);
    CHECK(!out.header_fuzzy);
    CHECK(out.original == "privacy.md"); // the document is the template's

    // An old catalog without a header (a new locale) takes the template's.
    Catalog empty;
    Catalog fresh = catalog_update(empty, t);
    CHECK(fresh.header == t.header);
    CHECK(fresh.target_lang.empty());
}

TEST_CASE("update: stats count kept, added and obsoleted units") {
    Catalog old;
    old.add(translated("A", "a"));
    old.add(translated("B", "b"));
    old.add(unit("C")); // untranslated in the old catalog and still in the page: not "kept"
    old.add(translated("D", "d"));
    old.add(translated("E", "e"));
    old.add(unit("F")); // untranslated and gone: dropped, not counted
    UpdateStats stats;
    stats.kept = stats.added = stats.obsoleted = 99; // overwritten, not added to
    Catalog out =
        catalog_update(old, page_template({unit("A"), unit("B"), unit("C"), unit("G")}), &stats);
    CHECK(stats.kept == 2);
    CHECK(stats.added == 1);
    CHECK(stats.obsoleted == 2);
    CHECK(out.size() == 6); // A B C G live, D E obsolete
    // Without a stats pointer the result is the same.
    Catalog same = catalog_update(old, page_template({unit("A"), unit("B"), unit("C"), unit("G")}));
    CHECK(same.size() == out.size());
}

TEST_CASE("catalog_has_translations: a target anywhere, live or obsolete") {
    Catalog c;
    c.add(unit("A"));
    CHECK(!catalog_has_translations(c));
    Unit o = translated("B", "b");
    o.obsolete = true;
    c.add(o);
    CHECK(catalog_has_translations(c));
}

TEST_CASE("update: a fuzzy match of a fuzzy unit shows the source its translation was made from") {
    // As msgmerge --previous: the old unit was already fuzzy (reworded once), the page changed
    // it again; the translator is shown the source that was translated, not the intermediate one.
    Catalog old;
    Unit once = translated("We keep your data for twelve months and then delete it for good.",
                           "Nous conservons vos données douze mois.", UnitState::fuzzy);
    once.previous_source = "We keep your data for six months and then delete it.";
    old.add(once);
    Catalog out = catalog_update(
        old,
        page_template({unit("We keep your data for twelve months and then erase it for good.")}));
    const Unit& u =
        only(out, std::nullopt, "We keep your data for twelve months and then erase it for good.");
    CHECK(u.state == UnitState::fuzzy);
    CHECK(u.target == once.target);
    CHECK(u.previous_source ==
          std::optional<std::string>("We keep your data for six months and then delete it."));
    // A translated unit's own source is the previous source.
    Catalog old2;
    old2.add(translated("We keep your data for six months.", "Six mois."));
    Catalog out2 =
        catalog_update(old2, page_template({unit("We keep your data for nine months.")}));
    CHECK(only(out2, std::nullopt, "We keep your data for nine months.").previous_source ==
          std::optional<std::string>("We keep your data for six months."));
}

TEST_CASE("update: an obsolete translation is a fuzzy match too, after the live ones") {
    // A paragraph deleted in an earlier revision comes back reworded: msgmerge offers the
    // obsolete entry's translation, and so does update.
    Catalog old;
    Unit gone = translated("You may ask us to delete your account at any time.",
                           "Vous pouvez demander la suppression de votre compte.");
    gone.obsolete = true;
    old.add(gone);
    old.add(translated("Cookies", "Cookies"));
    UpdateStats stats;
    Catalog out = catalog_update(
        old,
        page_template({unit("Cookies"), unit("You may ask us to close your account at any time.")}),
        &stats);
    const Unit& back = only(out, std::nullopt, "You may ask us to close your account at any time.");
    CHECK(back.state == UnitState::fuzzy);
    CHECK(back.target == gone.target);
    CHECK(back.previous_source == std::optional<std::string>(gone.source));
    CHECK(stats.fuzzy == 1);
    // The obsolete unit stays obsolete; nothing is lost.
    CHECK(only(out, std::nullopt, gone.source, true).target == gone.target);

    // On a tie, the live unit wins.
    Catalog tie;
    Unit obsolete_twin = translated("Data we hold: A", "obsolete");
    obsolete_twin.obsolete = true;
    tie.add(obsolete_twin);
    tie.add(translated("Data we hold: B", "live"));
    Catalog tied = catalog_update(tie, page_template({unit("Data we hold: C")}));
    CHECK(only(tied, std::nullopt, "Data we hold: C").target == "live");
}
