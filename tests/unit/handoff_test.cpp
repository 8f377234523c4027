// Hand-off rules: which units go to translators, and which returned targets are taken back.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "policyloc/handoff.h"

using namespace policyloc;

namespace {

Unit unit(std::string source, std::string target, UnitState state) {
    Unit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.state = state;
    return u;
}

// A unit whose source holds a link destination and a template action.
Unit coded(std::string target, UnitState state) {
    Unit u = unit("Write to [us](mailto:dpo@example.com) about {{ .Site.Title }}.",
                  std::move(target), state);
    const size_t l = u.source.find("(mailto"), t = u.source.find("{{");
    u.codes = {{l, u.source.find(')') + 1, CodeKind::link_destination, {}},
               {t, u.source.find("}}") + 2, CodeKind::template_action, {}}};
    return u;
}

// A catalog with a unit in every state, an obsolete one and a translated one without text.
Catalog catalog(const std::string& lang = "fr") {
    Catalog cat;
    cat.target_lang = lang;
    cat.original = "privacy.md";
    cat.header = {{"Language", lang}};
    Unit fresh = unit("New paragraph.", "", UnitState::untranslated);
    fresh.notes = "type: paragraph";
    fresh.refs = {{"privacy.md", 30}};
    cat.add(fresh);
    Unit fuzzy =
        unit("We keep data for 30 days.", "Nous gardons les données 20 jours.", UnitState::fuzzy);
    fuzzy.previous_source = "We keep data for 20 days.";
    cat.add(fuzzy);
    cat.add(unit("Cookies", "Cookies", UnitState::translated));
    cat.add(unit("Contact", "Contact", UnitState::reviewed));
    cat.add(unit("Privacy Policy", "Politique de confidentialité", UnitState::final_state));
    cat.add(unit("Emptied", "", UnitState::translated));
    Unit old = unit("Gone", "Parti", UnitState::untranslated);
    old.obsolete = true;
    cat.add(old);
    cat.add(coded("", UnitState::untranslated));
    return cat;
}

std::vector<std::string> sources(const Catalog& cat) {
    std::vector<std::string> out;
    for (const Unit& u : cat.units()) out.push_back(u.source);
    return out;
}

HandoffStates parse(const std::vector<std::string>& names) {
    std::string bad;
    auto s = handoff_states_parse(names, bad);
    REQUIRE(s);
    return *s;
}

} // namespace

TEST_CASE("handoff: --only names states, new and untranslated alike") {
    const HandoffStates d;
    CHECK(d.includes(UnitState::untranslated));
    CHECK(d.includes(UnitState::fuzzy));
    CHECK_FALSE(d.includes(UnitState::translated));
    const HandoffStates s = parse({"new", "translated", "final"});
    CHECK(s.includes(UnitState::untranslated));
    CHECK_FALSE(s.includes(UnitState::fuzzy));
    CHECK(s.includes(UnitState::translated));
    CHECK_FALSE(s.includes(UnitState::reviewed));
    CHECK(s.includes(UnitState::final_state));
    CHECK(parse({"untranslated"}).includes(UnitState::untranslated));
    std::string bad;
    CHECK_FALSE(handoff_states_parse({"new", "old"}, bad));
    CHECK(bad == "old");
    CHECK_FALSE(handoff_states_parse({}, bad));
}

TEST_CASE("handoff: select takes the live units that need work, whole, in order") {
    const Catalog cat = catalog();
    const Catalog h = handoff_select(cat, HandoffStates{}, "locales/fr.po");
    CHECK(sources(h) == std::vector<std::string>{"New paragraph.", "We keep data for 30 days.",
                                                 "Emptied", cat.units().back().source});
    CHECK(h.target_lang == "fr");
    CHECK(h.original == "privacy.md");
    CHECK(h.header_field("Language") == "fr");
    CHECK(h.header_field(kHandoffField) == "locales/fr.po");
    CHECK(handoff_is_marked(h));
    CHECK_FALSE(handoff_is_marked(cat));
    // Notes, references, previous source and codes go along.
    CHECK(h.units()[0].notes == "type: paragraph");
    CHECK(h.units()[0].refs == cat.units()[0].refs);
    CHECK(h.units()[1].previous_source == std::optional<std::string>("We keep data for 20 days."));
    CHECK(h.units()[1].target == "Nous gardons les données 20 jours.");
    CHECK(h.units()[3].codes.size() == 2);

    // A review pass: translated and reviewed units only.
    const Catalog review = handoff_select(cat, parse({"translated", "reviewed"}), "fr.po");
    CHECK(sources(review) == std::vector<std::string>{"Cookies", "Contact"});
}

TEST_CASE("handoff: export of several catalogs of one language, one file per catalog") {
    const Catalog a = catalog();
    Catalog b;
    b.target_lang = "fr-FR";
    b.add(unit("Terms", "", UnitState::untranslated));
    Catalog done;
    done.target_lang = "fr";
    done.add(unit("Done", "Fait", UnitState::translated));
    Catalog untagged; // no language: fits any
    untagged.add(unit("Anything", "", UnitState::untranslated));
    const Handoff h = handoff_export(
        {{&a, "privacy.fr.po"}, {&done, "done.po"}, {&b, "terms.fr.po"}, {&untagged, "x.po"}},
        HandoffStates{});
    CHECK(h.diagnostics.empty());
    REQUIRE(h.files.size() == 3); // nothing to do in done.po
    CHECK(h.files[0].header_field(kHandoffField) == "privacy.fr.po");
    CHECK(h.files[1].header_field(kHandoffField) == "terms.fr.po");
    CHECK(h.files[2].header_field(kHandoffField) == "x.po");

    Catalog de;
    de.target_lang = "de";
    de.add(unit("Terms", "", UnitState::untranslated));
    const Handoff mixed = handoff_export({{&a, "fr.po"}, {&de, "de.po"}}, HandoffStates{});
    CHECK(mixed.files.empty());
    REQUIRE(mixed.diagnostics.size() == 1);
    CHECK(mixed.diagnostics[0].severity == Severity::error);
    CHECK(mixed.diagnostics[0].file == "de.po");
    CHECK(mixed.diagnostics[0].message.find("'de'") != std::string::npos);
}

TEST_CASE("handoff: languages fit when equal or one names a region of the other") {
    CHECK(handoff_language_fits("de", "de"));
    CHECK(handoff_language_fits("de", "de-DE"));
    CHECK(handoff_language_fits("DE-de", "de"));
    CHECK(handoff_language_fits("pt_BR", "pt-BR"));
    CHECK(handoff_language_fits("", "ja"));
    CHECK_FALSE(handoff_language_fits("pt-BR", "pt-PT"));
    CHECK_FALSE(handoff_language_fits("de", "dsb"));
    CHECK_FALSE(handoff_language_fits("fr", "de"));
}

TEST_CASE("handoff: combine puts several files in one catalog, a shared unit once") {
    Catalog a, b;
    Unit shared = unit("Contact", "", UnitState::untranslated);
    shared.refs = {{"privacy.md", 3}};
    a.add(shared);
    a.set_header_field(kHandoffField, "privacy.fr.po");
    b.add(unit("Terms", "", UnitState::untranslated));
    shared.refs = {{"terms.md", 9}};
    b.add(shared);
    b.set_header_field(kHandoffField, "terms.fr.po");
    const Catalog c = handoff_combine({a, b});
    CHECK(sources(c) == std::vector<std::string>{"Contact", "Terms"});
    CHECK(c.units()[0].refs == std::vector<Reference>{{"privacy.md", 3}, {"terms.md", 9}});
    CHECK(c.header_field(kHandoffField) == "privacy.fr.po, terms.fr.po");
}

TEST_CASE("handoff: a target keeps each protected span as often as the source has it") {
    const Unit u = coded("", UnitState::untranslated);
    CHECK(handoff_codes_mismatch(
              u, "Écrivez-[nous](mailto:dpo@example.com) au sujet de {{ .Site.Title }}.")
              .empty());
    // Another order is fine.
    CHECK(handoff_codes_mismatch(u, "{{ .Site.Title }} : [nous](mailto:dpo@example.com).").empty());
    const std::string dropped =
        handoff_codes_mismatch(u, "Écrivez-nous au sujet de {{ .Site.Title }}.");
    CHECK(dropped == "`(mailto:dpo@example.com)` is 1 time in the source, 0 in the translation");
    CHECK_FALSE(handoff_codes_mismatch(u, "[a](mailto:dpo@example.com) [b](mailto:dpo@example.com) "
                                          "{{ .Site.Title }}")
                    .empty());
    CHECK_FALSE(handoff_codes_mismatch(u, "[a](mailto:dpo@example.com) {{ .Site.Name }}").empty());
    // A span the source has twice must be there twice.
    Unit twice = unit("`a` or `a`", "", UnitState::untranslated);
    twice.codes = {{0, 3, CodeKind::code_span, {}}, {7, 10, CodeKind::code_span, {}}};
    CHECK(handoff_codes_mismatch(twice, "`a` ou `a`").empty());
    CHECK(handoff_codes_mismatch(twice, "`a`") ==
          "``a`` is 2 times in the source, 1 in the translation");
    // A unit without codes accepts any text.
    CHECK(handoff_codes_mismatch(unit("Plain", "", UnitState::untranslated), "{{ x }}").empty());
}

TEST_CASE("handoff: import decisions, one rule each") {
    const ImportOptions plain, force{true};
    const Unit fr = unit("Cookies", "Témoins", UnitState::translated);
    SUBCASE("stale: no unit with that context and source") {
        CHECK(import_decide(fr, nullptr, plain).outcome == ImportOutcome::stale);
    }
    SUBCASE("unchanged: no target, or the same target and state") {
        const Unit current = unit("Cookies", "Cookies", UnitState::translated);
        CHECK(
            import_decide(unit("Cookies", "", UnitState::untranslated), &current, plain).outcome ==
            ImportOutcome::unchanged);
        CHECK(import_decide(current, &current, plain).outcome == ImportOutcome::unchanged);
    }
    SUBCASE("taken: new text, or the same text in another state") {
        const Unit current = unit("Cookies", "", UnitState::untranslated);
        CHECK(import_decide(fr, &current, plain).outcome == ImportOutcome::taken);
        const Unit translated = unit("Cookies", "Témoins", UnitState::translated);
        const Unit signed_off = unit("Cookies", "Témoins", UnitState::final_state);
        CHECK(import_decide(signed_off, &translated, plain).outcome == ImportOutcome::taken);
        // needs-review comes back fuzzy and is taken as such.
        CHECK(import_decide(unit("Cookies", "Témoins ?", UnitState::fuzzy), &translated, plain)
                  .outcome == ImportOutcome::taken);
    }
    SUBCASE("rejected: a protected span dropped") {
        const Unit current = coded("", UnitState::untranslated);
        Unit back = coded("Écrivez-nous au sujet de {{ .Site.Title }}.", UnitState::final_state);
        const ImportDecision d = import_decide(back, &current, plain);
        CHECK(d.outcome == ImportOutcome::rejected);
        CHECK(d.reason.find("(mailto:dpo@example.com)") != std::string::npos);
        // Force does not take a broken target either.
        CHECK(import_decide(back, &current, force).outcome == ImportOutcome::rejected);
    }
    SUBCASE("lowered: a reviewed or final unit is not overwritten by a lower state") {
        const Unit final_unit = unit("Cookies", "Cookies", UnitState::final_state);
        const ImportDecision d = import_decide(fr, &final_unit, plain);
        CHECK(d.outcome == ImportOutcome::lowered);
        CHECK(d.reason.find("final") != std::string::npos);
        CHECK(import_decide(fr, &final_unit, force).outcome == ImportOutcome::taken);
        const Unit reviewed = unit("Cookies", "Cookies", UnitState::reviewed);
        CHECK(import_decide(fr, &reviewed, plain).outcome == ImportOutcome::lowered);
        // The same state or a higher one is no lowering.
        CHECK(import_decide(unit("Cookies", "Témoins", UnitState::reviewed), &reviewed, plain)
                  .outcome == ImportOutcome::taken);
        // The same text in a lower state (a tool that knows no final state): nothing to take,
        // and the catalog keeps its state.
        CHECK(import_decide(unit("Cookies", "Cookies", UnitState::translated), &final_unit, plain)
                  .outcome == ImportOutcome::unchanged);
    }
}

TEST_CASE("handoff: a taken target brings its state, and loses its previous source unless fuzzy") {
    Unit current = unit("We keep data for 30 days.", "Nous gardons 20 jours.", UnitState::fuzzy);
    current.previous_source = "We keep data for 20 days.";
    current.comments = "old comment";
    Unit back = unit(current.source, "Nous gardons 30 jours.", UnitState::fuzzy);
    Unit still_fuzzy = current;
    import_apply(back, still_fuzzy);
    CHECK(still_fuzzy.state == UnitState::fuzzy);
    CHECK(still_fuzzy.previous_source == current.previous_source);
    CHECK(still_fuzzy.comments == "old comment");

    back.state = UnitState::final_state;
    back.comments = "Checked with legal.";
    import_apply(back, current);
    CHECK(current.target == "Nous gardons 30 jours.");
    CHECK(current.state == UnitState::final_state);
    CHECK_FALSE(current.previous_source);
    CHECK_FALSE(current.previous_context);
    CHECK(current.comments == "Checked with legal.");
    // Text with no state (a 1.2 target state="new" reads so) is taken as fuzzy.
    CHECK(import_state(unit("a", "b", UnitState::untranslated)) == UnitState::fuzzy);
}

TEST_CASE("handoff: import routes each returned unit to every catalog that has it") {
    Catalog privacy = catalog();
    Catalog terms;
    terms.target_lang = "fr";
    terms.add(unit("New paragraph.", "", UnitState::untranslated));
    Catalog german = catalog("de");

    Catalog back;
    back.target_lang = "fr-FR";
    auto add = [&](Unit u, int line, std::string id = {}) {
        u.catalog_line = line;
        u.catalog_id = id.empty() ? u.id() : id;
        back.add(std::move(u));
    };
    add(unit("New paragraph.", "Nouveau paragraphe.", UnitState::final_state), 10);
    add(unit("We keep data for 30 days.", "Nous gardons les données 30 jours.",
             UnitState::reviewed),
        20);
    // Edited by hand: the id is still the one exported for the old source.
    add(unit("Cookies (edited)", "Témoins", UnitState::translated), 30,
        privacy.find(std::nullopt, "Cookies")->id());
    add(coded("Écrivez-nous au sujet de {{ .Site.Title }}.", UnitState::translated), 40);
    add(unit("Privacy Policy", "Confidentialité", UnitState::translated), 50);
    add(unit("Contact", "", UnitState::untranslated), 60);
    Unit obsolete = unit("Gone", "Disparu", UnitState::translated);
    obsolete.obsolete = true;
    back.add(obsolete);

    ImportResult r = handoff_import(back, "back.xlf", {privacy, terms, german});
    CHECK(r.summary.text() == "3 taken, 1 stale, 1 rejected, 1 unchanged, 1 lowered");
    CHECK(r.changed == std::vector<bool>{true, true, false});
    const Unit* p = r.catalogs[0].find(std::nullopt, "New paragraph.");
    CHECK(p->target == "Nouveau paragraphe.");
    CHECK(p->state == UnitState::final_state);
    CHECK(r.catalogs[1].find(std::nullopt, "New paragraph.")->target == "Nouveau paragraphe.");
    CHECK(r.catalogs[2].find(std::nullopt, "New paragraph.")->target.empty()); // German
    const Unit* f = r.catalogs[0].find(std::nullopt, "We keep data for 30 days.");
    CHECK(f->state == UnitState::reviewed);
    CHECK_FALSE(f->previous_source);
    CHECK(r.catalogs[0].find(std::nullopt, "Privacy Policy")->target ==
          "Politique de confidentialité");
    CHECK(r.catalogs[0].find(std::nullopt, "Cookies")->target == "Cookies");
    CHECK(r.catalogs[0].find(std::nullopt, "Gone") == nullptr); // the live one; obsolete kept
    CHECK(r.catalogs[0].size() == privacy.size());

    // Each unit not taken is a warning at its line, with the id the returned file gives it.
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].line == 30);
    CHECK(r.diagnostics[0].file == "back.xlf");
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("stale: unit " +
                                        privacy.find(std::nullopt, "Cookies")->id()) == 0);
    CHECK(r.diagnostics[0].message.find("changed in the returned file; the catalog's is "
                                        "\"Cookies\"") != std::string::npos);
    CHECK(r.diagnostics[1].line == 40);
    CHECK(r.diagnostics[1].message.find("rejected: unit " + coded("", {}).id()) == 0);
    CHECK(r.diagnostics[2].line == 50);
    CHECK(r.diagnostics[2].message.find("lowered") == 0);
    // Entries: one per unit and catalog, a stale unit's in none.
    size_t stale = 0;
    for (const ImportEntry& e : r.entries)
        if (e.outcome == ImportOutcome::stale) {
            CHECK(e.catalog == ImportEntry::kNoCatalog);
            ++stale;
        }
    CHECK(stale == 1);
}

TEST_CASE("handoff: a returned file in another language is not imported") {
    Catalog back;
    back.target_lang = "es";
    back.add(unit("Cookies", "Galletas", UnitState::translated));
    const Catalog fr = catalog();
    ImportResult r = handoff_import(back, "es.xlf", {fr});
    CHECK(diagnostics_have_error(r.diagnostics));
    CHECK(r.changed == std::vector<bool>{false});
    CHECK(r.catalogs[0].find(std::nullopt, "Cookies")->target == "Cookies");
    CHECK(r.entries.empty());
}
