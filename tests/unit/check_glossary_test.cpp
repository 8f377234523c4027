// Glossaries: TBX-Basic (TBX 2 and 3 names) and CSV read, approved and forbidden terms checked.
#include <doctest/doctest.h>

#include "check_test_support.h"
#include "policyloc/glossary.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

const char* kTbx = R"(<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en"><tig><term>personal information</term></tig></langSet>
      <langSet xml:lang="fr">
        <tig><term>données personnelles</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>informations personnelles</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>personenbezogene Daten</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>)";

const char* kTbx3 = R"(<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <text><body>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>controller</term></termSec></langSec>
      <langSec xml:lang="fr"><termSec><term>responsable du traitement</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>)";

} // namespace

TEST_CASE("glossary: TBX-Basic entries per target language, forbidden by administrative status") {
    GlossaryReadResult r = glossary_read_tbx(kTbx, "terms.tbx");
    REQUIRE(r.glossary);
    REQUIRE(r.glossary->entries.size() == 2);
    const GlossaryEntry& fr = r.glossary->entries[0];
    CHECK(fr.term == "personal information");
    CHECK(fr.locale == "fr");
    CHECK(fr.approved == std::vector<std::string>{"données personnelles"});
    CHECK(fr.forbidden == std::vector<std::string>{"informations personnelles"});
    CHECK(r.glossary->entries[1].locale == "de");
    GlossaryReadResult r3 = glossary_read(kTbx3, "terms.tbx");
    REQUIRE(r3.glossary);
    REQUIRE(r3.glossary->entries.size() == 1);
    CHECK(r3.glossary->entries[0].approved ==
          std::vector<std::string>{"responsable du traitement"});
    CHECK(!glossary_read_tbx("<martif><text>", "bad.tbx").glossary);
}

TEST_CASE("glossary: CSV with quoting, a header row and statuses") {
    GlossaryReadResult r = glossary_read("term,locale,translation,status\n"
                                         "\"consent\",fr,consentement\n"
                                         "consent,fr,\"accord, exprès\",forbidden\n"
                                         "cookie,de,Cookie\n",
                                         "terms.csv");
    REQUIRE(r.glossary);
    REQUIRE(r.glossary->entries.size() == 2);
    CHECK(r.glossary->entries[0].approved == std::vector<std::string>{"consentement"});
    CHECK(r.glossary->entries[0].forbidden == std::vector<std::string>{"accord, exprès"});
    GlossaryReadResult bad = glossary_read("consent,fr\n", "terms.csv");
    CHECK(!bad.glossary);
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].line == 1);
}

TEST_CASE("glossary: approved translation missing is a warning, a forbidden one an error") {
    Glossary g = *glossary_read_tbx(kTbx, "terms.tbx").glossary;
    Unit u =
        unit("We protect your Personal Information.", "Nous protégeons vos données personnelles.");
    CHECK(ids(glossary_check(g, u, "fr")).empty());
    CHECK(ids(glossary_check(g, u, "fr-CA")).empty());
    u.target = "Nous protégeons vos renseignements.";
    CHECK(ids(glossary_check(g, u, "fr")) == Ids{"glossary"});
    u.target = "Nous protégeons vos informations personnelles.";
    CHECK(ids(glossary_check(g, u, "fr")) == Ids{"glossary-forbidden", "glossary"});
    // Other locales have their own entries; a term inside a longer word is not the term.
    CHECK(ids(glossary_check(g, u, "de")) == Ids{"glossary"});
    u.source = "We protect your personal informationals.";
    u.target = "Nous protégeons vos renseignements.";
    CHECK(ids(glossary_check(g, u, "fr")).empty());
}
