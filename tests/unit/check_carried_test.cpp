// check_carried_text: protected spans, e-mail addresses, URLs and numbers of the source.
#include <doctest/doctest.h>

#include "check_test_support.h"
#include "policyloc/check_unit.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

// Protects every occurrence of `text` in the unit's source.
void protect(Unit& u, const std::string& text) {
    for (size_t at = u.source.find(text); at != std::string::npos;
         at = u.source.find(text, at + text.size()))
        u.codes.push_back(span(at, at + text.size()));
}

} // namespace

TEST_CASE("check carried: a protected span kept, dropped, altered or kept too few times") {
    Unit u = unit("Run `make` then `make` again", "Lancez `make` puis `make` encore");
    protect(u, "`make`");
    CHECK(ids(check_carried_text(u)).empty());
    u.target = "Lancez `make` puis encore";
    CHECK(ids(check_carried_text(u)) == Ids{"protected-span"});
    u.target = "Lancez `faire` puis `faire`";
    auto found = check_carried_text(u);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("`make`") != std::string::npos);
}

TEST_CASE("check carried: e-mail addresses and URLs outside protected spans") {
    Unit u = unit("Write to [privacy@example.com](mailto:privacy@example.com) or see "
                  "https://example.com/privacy.",
                  "Écrivez à [privacy@example.com](mailto:privacy@example.com) ou voyez "
                  "https://example.com/privacy.");
    protect(u, "mailto:privacy@example.com");
    CHECK(ids(check_carried_text(u)).empty());
    // The link text changed: the address a reader sees is wrong.
    u.target = "Écrivez à [privacy@example.org](mailto:privacy@example.com) ou voyez "
               "https://example.com/privacy.";
    CHECK(ids(check_carried_text(u)) == Ids{"email"});
    u.target = "Écrivez à [privacy@example.com](mailto:privacy@example.com) ou voyez "
               "https://example.com/privacidad.";
    CHECK(ids(check_carried_text(u)) == Ids{"url"});
    // Inside a protected span only protected-span reports the change: one defect, one finding.
    u.target = "Écrivez à [privacy@example.com](mailto:privacy@example.org) ou voyez "
               "https://example.com/privacy.";
    CHECK(ids(check_carried_text(u)) == Ids{"protected-span"});
}

TEST_CASE("check carried: numbers in any numbering system, as a warning") {
    Unit u = unit("within 30 days, for children under 13", "خلال ٣٠ يومًا، للأطفال دون ١٣");
    CHECK(ids(check_carried_text(u)).empty());
    u.target = "within ३० days, under 13"; // Devanagari digits
    CHECK(ids(check_carried_text(u)).empty());
    u.target = "خلال 31 يومًا، للأطفال دون 13";
    auto found = check_carried_text(u);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "number");
    CHECK(found[0].message.find("30") != std::string::npos);
    // Group separators differ between locales; the digits are what counts.
    u = unit("up to 2,000 users", "jusqu'à 2 000 utilisateurs");
    CHECK(ids(check_carried_text(u)).empty());
}

TEST_CASE("check carried: numbers inside protected spans and addresses are not counted twice") {
    Unit u = unit("Updated {{ .Lastmod.Format \"January 2, 2006\" }} by dpo2@example.com",
                  "Mis à jour {{ .Lastmod.Format \"January 2, 2006\" }} par dpo2@example.com");
    protect(u, "{{ .Lastmod.Format \"January 2, 2006\" }}");
    CHECK(ids(check_carried_text(u)).empty());
    u.target = "Mis à jour par dpo2@example.com";
    CHECK(ids(check_carried_text(u)) == Ids{"protected-span"});
}
