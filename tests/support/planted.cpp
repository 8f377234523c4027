#include "planted.h"

#include <doctest/doctest.h>

#include "policyloc/catalog_io.h"
#include "test_support.h"

namespace policyloc::test {

namespace {

const char* kPage = R"(---
title: Planted defects
---

# Planted defects

Updated {{ .Lastmod.Format "January 2, 2006" }} for all.

Write to [privacy@example.com](mailto:privacy@example.com) any time.

Read [https://example.com/privacy](https://example.com/privacy) first.

We keep logs for 30 days at most.

See [our terms](https://example.com/terms) for details.

Ask [our team](https://example.com/team) for help.

Your **account data** is protected.

Read [the policy](https://example.com/policy) carefully.

Gopteran Inc.\
1 Main Street\
Springfield

Contact us <br> today.

Call us <br> tomorrow.

A paragraph the translator breaks.

We answer every request.

We answer every letter.

Cloud hosting providers and other services

## Privacy Policy

We protect personal data here.

We use cookies daily.
)";

} // namespace

const std::vector<PlantedUnit>& planted_units() {
    static const std::vector<PlantedUnit> units = {
        {"Planted defects", "Défauts plantés", "", ""},
        {"Updated {{ .Lastmod.Format \"January 2, 2006\" }} for all.", "Mis à jour pour tous.",
         "protected-span", ""},
        {"Write to [privacy@example.com](mailto:privacy@example.com) any time.",
         "Écrivez à [privacy@example.org](mailto:privacy@example.com) à tout moment.", "email", ""},
        {"Read [https://example.com/privacy](https://example.com/privacy) first.",
         "Lisez d'abord [https://example.com/privacidad](https://example.com/privacy).", "url", ""},
        {"We keep logs for 30 days at most.", "Nous gardons les journaux 31 jours au plus.",
         "number", ""},
        {"See [our terms](https://example.com/terms) for details.",
         "Voir [nos conditions](https://example.com/terms) et [ceci](https://evil.example/x).",
         "link-added", ""},
        {"Ask [our team](https://example.com/team) for help.",
         "Demandez à [notre équipe](https://example.com/team) ou [la "
         "FAQ](https://example.com/faq).",
         "link-changed", ""},
        {"Your **account data** is protected.", "Vos **données de compte sont protégées.",
         "markup-unbalanced", ""},
        {"Read [the policy](https://example.com/policy) carefully.",
         "Lisez [la politique] (https://example.com/policy) attentivement.", "link-space", ""},
        {"Gopteran Inc.\\\n1 Main Street\\\nSpringfield",
         "Gopteran Inc. 1 rue Principale Springfield", "hard-break", ""},
        {"Contact us <br> today.", "Contactez-nous <br> <script>alert(1)</script> aujourd'hui.",
         "html-unsafe", ""},
        {"Call us <br> tomorrow.", "Appelez-nous <br> <span>demain</span>.", "html-new-tag", ""},
        // A blank translation empties the paragraph; its whitespace is silenced on the unit.
        {"A paragraph the translator breaks.", " ", "structure", "policyloc-ignore: whitespace"},
        {"We answer every request.", " Nous répondons à chaque demande.", "whitespace", ""},
        {"We answer every letter.", "Nous répondons  à chaque lettre.", "double-space", ""},
        {"Cloud hosting providers and other services", "Cloud hosting providers and other services",
         "identical", ""},
        {"Privacy Policy", "Politique de confidentialité", "", ""},
        {"We protect personal data here.", "Nous protégeons les informations ici.", "glossary", ""},
        {"We use cookies daily.", "Nous utilisons des témoins chaque jour.", "glossary-forbidden",
         ""},
    };
    return units;
}

PlantedProject planted_project(const std::filesystem::path& dir) {
    PlantedProject p{dir / "planted.md", dir / "a" / "fr.po", dir / "b" / "fr.po",
                     dir / "terms.csv"};
    std::filesystem::create_directories(dir / "a");
    std::filesystem::create_directories(dir / "b");
    write_file(p.page, kPage);
    CommandResult ex = run_policyloc("extract " + sh_quote(p.page.string()) + " -o " +
                                     sh_quote((dir / "planted.pot").string()));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    CatalogReadResult pot = catalog_read_file((dir / "planted.pot").string());
    REQUIRE(pot.catalog);
    Catalog fr = *pot.catalog;
    fr.target_lang = "fr";
    fr.header_fuzzy = false;
    REQUIRE(fr.size() == planted_units().size());
    for (const PlantedUnit& pu : planted_units()) {
        Unit* u = fr.find(std::nullopt, pu.source);
        REQUIRE_MESSAGE(u, pu.source);
        u->target = pu.target;
        u->state = UnitState::translated;
        u->comments = pu.comments;
    }
    write_file(p.catalog, *catalog_write(fr, CatalogFormat::po).text);
    Catalog other;
    other.target_lang = "fr";
    Unit pp = *fr.find(std::nullopt, "Privacy Policy");
    pp.target = "Charte de confidentialité";
    other.add(pp);
    write_file(p.other, *catalog_write(other, CatalogFormat::po).text);
    write_file(p.glossary, "term,locale,translation,status\n"
                           "personal data,fr,données personnelles,approved\n"
                           "cookies,fr,témoins,forbidden\n");
    return p;
}

int po_msgid_line(const std::string& po_text, const std::string& source) {
    std::string first = source.substr(0, source.find('\n'));
    std::string escaped;
    for (char c : first) {
        if (c == '"' || c == '\\') escaped += '\\';
        escaped += c;
    }
    // The quoted content of a PO line that starts with `prefix`, when the source starts with it.
    auto opens = [&](std::string_view l, std::string_view prefix) {
        if (!l.starts_with(prefix) || !l.ends_with("\"")) return false;
        std::string_view content = l.substr(prefix.size(), l.size() - prefix.size() - 1);
        if (content.ends_with("\\n")) content.remove_suffix(2); // a hard break ends the line
        return !content.empty() && std::string_view(escaped).starts_with(content);
    };
    int line = 1;
    bool after_empty_msgid = false;
    for (size_t pos = 0; pos < po_text.size(); ++line) {
        size_t nl = po_text.find('\n', pos);
        if (nl == std::string::npos) nl = po_text.size();
        std::string_view l(po_text.data() + pos, nl - pos);
        if (opens(l, "msgid \"")) return line;
        if (after_empty_msgid && opens(l, "\"")) return line - 1;
        after_empty_msgid = l == "msgid \"\"";
        pos = nl + 1;
    }
    return 0;
}

} // namespace policyloc::test
