// policyloc update on the bundled page and its catalogs (fr.po, ja.xlf as XLIFF 1.2, de.xlf as
// XLIFF 2.0), one revision at a time: a changed word, a moved section, a rewrapped paragraph,
// running twice, a revert, --drop-obsolete, --compendium, and states a reviewer set.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

const char* const kPage = "locales/privacy.md";
const char* const kCatalogs[] = {"fr.po", "ja.xlf", "de.xlf"};

const std::string kIntro =
    "Gopteran (\"we,\" \"our,\" or \"us\") is committed to protecting your privacy. This "
    "Privacy Policy explains how we collect, use, disclose, and safeguard your information when "
    "you use our services, including our documentation website, control panel, CLI tools, and "
    "related services.";

// A directory with the bundled page at locales/privacy.md and its catalogs beside it.
fs::path workspace(const std::string& name) {
    fs::path dir = temp_dir(name);
    fs::create_directories(dir / "locales");
    fs::copy_file(source_dir() / kPage, dir / kPage);
    for (const char* c : kCatalogs) fs::copy_file(source_dir() / "locales" / c, dir / c);
    return dir;
}

// Replaces the one occurrence of `from` in the page.
void edit_page(const fs::path& dir, const std::string& from, const std::string& to) {
    std::string page = read_file(dir / kPage);
    const size_t at = page.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    REQUIRE_MESSAGE(page.find(from, at + 1) == std::string::npos, from);
    page.replace(at, from.size(), to);
    write_file(dir / kPage, page);
}

// policyloc update PAGE CATALOG... [args], run in `dir`; must succeed.
CommandResult update(const fs::path& dir, const std::string& catalogs,
                     const std::string& args = "") {
    CommandResult r =
        run("cd " + sh_quote(dir.string()) + " && " + sh_quote(policyloc_exe().string()) +
            " update " + kPage + " " + catalogs + (args.empty() ? "" : " " + args));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r;
}

CommandResult update_all(const fs::path& dir, const std::string& args = "") {
    return update(dir, "fr.po ja.xlf de.xlf", args);
}

Catalog read_catalog(const fs::path& p) {
    CatalogReadResult r = catalog_read_file(p.string());
    REQUIRE_MESSAGE(r.catalog, p.string());
    return std::move(*r.catalog);
}

std::vector<const Unit*> live(const Catalog& c, UnitState state) {
    std::vector<const Unit*> out;
    for (const Unit& u : c.units())
        if (!u.obsolete && u.state == state) out.push_back(&u);
    return out;
}

size_t count_of(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

size_t count_units(const Catalog& c, const std::string& source) {
    size_t n = 0;
    for (const Unit& u : c.units()) n += u.source == source;
    return n;
}

// msgfmt -c and xmllint with the XLIFF schemas accept the workspace's catalogs.
void check_valid(const fs::path& dir) {
    if (have_tool("msgfmt")) {
        CommandResult r = run("msgfmt -c -o /dev/null " + sh_quote((dir / "fr.po").string()));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
    if (!have_tool("xmllint") || !fs::exists(shared_dir() / "schemas")) return;
    for (auto [file, schema] : {std::pair{"ja.xlf", "xliff-1.2/xliff-core-1.2-strict.xsd"},
                                std::pair{"de.xlf", "xliff-2.0/xliff_core_2.0.xsd"}}) {
        CommandResult r = run("xmllint --noout --nonet --schema " +
                              sh_quote((shared_dir() / "schemas" / schema).string()) + " " +
                              sh_quote((dir / file).string()));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
}

const std::string kReworded = "is dedicated to protecting your privacy";

} // namespace

TEST_CASE("update: one changed word gives one fuzzy unit with its previous source, PO and XLIFF") {
    fs::path dir = workspace("update-one-word");
    const Catalog before = read_catalog(dir / "fr.po");
    const Unit* old_intro = before.find(std::nullopt, kIntro);
    REQUIRE(old_intro);
    edit_page(dir, "is committed to protecting your privacy", kReworded);
    CommandResult r = update_all(dir);
    for (const char* c : kCatalogs)
        CHECK_MESSAGE(
            r.out.find(std::string(c) + ": 145 kept, 1 fuzzy, 0 new, 1 obsolete, 0 revived") !=
                std::string::npos,
            r.out);
    std::string new_intro = kIntro;
    new_intro.replace(new_intro.find("is committed to protecting your privacy"),
                      std::string("is committed to protecting your privacy").size(), kReworded);
    for (const std::string c : kCatalogs) {
        CAPTURE(c);
        const Catalog original = read_catalog(source_dir() / "locales" / c);
        const Catalog after = read_catalog(dir / c);
        std::vector<const Unit*> fuzzy = live(after, UnitState::fuzzy);
        REQUIRE(fuzzy.size() == 1);
        CHECK(fuzzy[0]->source == new_intro);
        CHECK(fuzzy[0]->previous_source == std::optional<std::string>(kIntro));
        CHECK(fuzzy[0]->target == original.find(std::nullopt, kIntro)->target);
        // The old unit is kept, obsolete, with its translation.
        size_t obsolete = 0;
        for (const Unit& u : after.units())
            if (u.obsolete && u.source == kIntro && !u.target.empty()) ++obsolete;
        CHECK(obsolete == 1);
    }
    // Where each format keeps the previous source.
    CHECK(count_of(read_file(dir / "fr.po"), "#| \"Gopteran (") == 1);
    const std::string ja = read_file(dir / "ja.xlf");
    CHECK(count_of(ja, "origin=\"policyloc-previous\"") == 1);
    CHECK(count_of(ja, "state=\"needs-review-translation\"") == 1);
    const std::string de = read_file(dir / "de.xlf");
    CHECK(count_of(de, "<mtc:match ") == 1);
    check_valid(dir);
}

TEST_CASE("update: moving a section and rewrapping a paragraph change no translation") {
    fs::path dir = workspace("update-move-rewrap");
    std::string page = read_file(dir / kPage);
    const size_t b = page.find("## Data Retention\n"), e = page.find("## International Data");
    REQUIRE(b != std::string::npos);
    REQUIRE(e > b);
    const std::string section = page.substr(b, e - b);
    page.erase(b, e - b);
    page.insert(page.find("## Information Sharing and Disclosure\n"), section);
    write_file(dir / kPage, page);
    edit_page(
        dir,
        "Gopteran (\"we,\" \"our,\" or \"us\") is committed to protecting your privacy. This\n"
        "Privacy Policy explains how we collect, use, disclose, and safeguard your\n"
        "information when you use our services, including our documentation website,\n"
        "control panel, CLI tools, and related services.\n",
        kIntro + "\n");
    CommandResult r = update_all(dir);
    for (const std::string c : kCatalogs) {
        CAPTURE(c);
        CHECK_MESSAGE(
            r.out.find(std::string(c) + ": 146 kept, 0 fuzzy, 0 new, 0 obsolete, 0 revived") !=
                std::string::npos,
            r.out);
        const Catalog after = read_catalog(dir / c);
        CHECK(live(after, UnitState::fuzzy).empty());
        for (const Unit& u : after.units()) CHECK_FALSE(u.obsolete);
        // The moved section's units come in the page's new order.
        std::vector<std::string> order;
        for (const Unit& u : after.units()) order.push_back(u.source);
        auto at = [&](const std::string& s) {
            return std::find(order.begin(), order.end(), s) - order.begin();
        };
        CHECK(at("Data Retention") < at("Information Sharing and Disclosure"));
    }
}

TEST_CASE("update: a second run changes no byte and leaves the file's modification time") {
    fs::path dir = workspace("update-twice");
    edit_page(dir, "is committed to protecting your privacy", kReworded);
    update_all(dir);
    const auto past = fs::file_time_type::clock::now() - std::chrono::hours(24);
    std::vector<std::string> first;
    for (const char* c : kCatalogs) {
        first.push_back(read_file(dir / c));
        fs::last_write_time(dir / c, past);
    }
    CommandResult r = update_all(dir);
    for (size_t i = 0; i < std::size(kCatalogs); ++i) {
        const std::string name = kCatalogs[i];
        CAPTURE(name);
        CHECK(read_file(dir / kCatalogs[i]) == first[i]);
        CHECK(fs::last_write_time(dir / kCatalogs[i]) == past);
        // Nothing to do: the fuzzy unit is an exact match of itself now.
        CHECK_MESSAGE(r.out.find(std::string(kCatalogs[i]) +
                                 ": 146 kept, 0 fuzzy, 0 new, 0 obsolete, 0 revived") !=
                          std::string::npos,
                      r.out);
    }
}

TEST_CASE("update: a reworded sentence reworded back is translated again, one entry, valid") {
    fs::path dir = workspace("update-revert");
    edit_page(dir, "is committed to protecting your privacy", kReworded);
    update_all(dir);
    edit_page(dir, kReworded, "is committed to protecting your privacy");
    CommandResult r = update_all(dir);
    for (const std::string c : kCatalogs) {
        CAPTURE(c);
        CHECK_MESSAGE(
            r.out.find(std::string(c) + ": 145 kept, 0 fuzzy, 0 new, 1 obsolete, 1 revived") !=
                std::string::npos,
            r.out);
        const Catalog original = read_catalog(source_dir() / "locales" / c);
        const Catalog after = read_catalog(dir / c);
        CHECK(count_units(after, kIntro) == 1);
        const Unit* intro = after.find(std::nullopt, kIntro);
        REQUIRE(intro);
        CHECK_FALSE(intro->obsolete);
        CHECK(intro->state == original.find(std::nullopt, kIntro)->state);
        CHECK(intro->target == original.find(std::nullopt, kIntro)->target);
        CHECK_FALSE(intro->previous_source);
        CHECK(live(after, UnitState::fuzzy).empty());
    }
    check_valid(dir);
}

TEST_CASE("update --drop-obsolete leaves out the units the page no longer has") {
    fs::path dir = workspace("update-drop-obsolete");
    edit_page(dir, "is committed to protecting your privacy", kReworded);
    update_all(dir); // the old introduction is obsolete now
    edit_page(dir, "- Provide customer support\n", "");
    CommandResult r = update_all(dir, "--drop-obsolete");
    for (const std::string c : kCatalogs) {
        CAPTURE(c);
        CHECK_MESSAGE(
            r.out.find(std::string(c) + ": 145 kept, 0 fuzzy, 0 new, 1 obsolete, 0 revived") !=
                std::string::npos,
            r.out);
        const Catalog after = read_catalog(dir / c);
        for (const Unit& u : after.units()) CHECK_MESSAGE(!u.obsolete, u.source);
        CHECK(after.find(std::nullopt, "Provide customer support") == nullptr);
        // What the page has keeps its translation, the fuzzy one too.
        CHECK(live(after, UnitState::fuzzy).size() == 1);
    }
    CHECK(read_file(dir / "fr.po").find("#~") == std::string::npos);
    CHECK(read_file(dir / "ja.xlf").find("x-policyloc-obsolete") == std::string::npos);
    CHECK(read_file(dir / "de.xlf").find("policyloc:obsolete") == std::string::npos);
    check_valid(dir);
}

TEST_CASE("update --compendium supplies a fuzzy match the old catalog lacks") {
    fs::path dir = workspace("update-compendium");
    const std::string added = "Our cookie banner lets you refuse analytics cookies at any time.";
    edit_page(dir, "## Cookies and Tracking\n", "## Cookies and Tracking\n\n" + added + "\n");
    fs::copy_file(dir / "fr.po", dir / "fr-copy.po");
    CommandResult r = update(dir, "fr-copy.po");
    CHECK_MESSAGE(r.out.find("146 kept, 0 fuzzy, 1 new") != std::string::npos, r.out);
    CHECK(read_catalog(dir / "fr-copy.po").find(std::nullopt, added)->target.empty());

    Catalog memory;
    memory.target_lang = "fr";
    memory.header = {{"Language", "fr"}, {"Content-Type", "text/plain; charset=UTF-8"}};
    Unit u;
    u.source = "Our cookie banner lets you refuse analytics cookies.";
    u.target = "Notre bandeau cookies vous permet de refuser les cookies de mesure d’audience.";
    u.state = UnitState::translated;
    memory.add(u);
    CatalogWriteResult w = po_write(memory);
    REQUIRE(w.text);
    write_file(dir / "memory.po", *w.text);
    r = update(dir, "fr.po", "--compendium memory.po");
    CHECK_MESSAGE(r.out.find("fr.po: 146 kept, 1 fuzzy, 0 new, 0 obsolete, 0 revived") !=
                      std::string::npos,
                  r.out);
    const Catalog after = read_catalog(dir / "fr.po");
    const Unit* matched = after.find(std::nullopt, added);
    REQUIRE(matched);
    CHECK(matched->state == UnitState::fuzzy);
    CHECK(matched->target == u.target);
    CHECK(matched->previous_source == std::optional<std::string>(u.source));
    check_valid(dir);
}

TEST_CASE("update: reviewed and final states survive an exact match") {
    fs::path dir = workspace("update-states");
    // A reviewer signed off two units of each XLIFF catalog.
    for (auto [file, format] : {std::pair{"ja.xlf", CatalogFormat::xliff12},
                                std::pair{"de.xlf", CatalogFormat::xliff20}}) {
        Catalog cat = read_catalog(dir / file);
        for (Unit& unit : cat.units()) {
            if (unit.source == kIntro) unit.state = UnitState::final_state;
            if (unit.source == "Data Retention") unit.state = UnitState::reviewed;
        }
        CatalogWriteResult w = xliff_write(cat, format);
        REQUIRE(w.text);
        write_file(dir / file, *w.text);
    }
    edit_page(dir, "- Provide customer support\n", "- Provide customer support by e-mail\n");
    CommandResult r = update(dir, "ja.xlf de.xlf");
    for (const std::string c : {"ja.xlf", "de.xlf"}) {
        CAPTURE(c);
        CHECK_MESSAGE(
            r.out.find(std::string(c) + ": 145 kept, 1 fuzzy, 0 new, 1 obsolete, 0 revived") !=
                std::string::npos,
            r.out);
        const Catalog after = read_catalog(dir / c);
        CHECK(after.find(std::nullopt, kIntro)->state == UnitState::final_state);
        CHECK(after.find(std::nullopt, "Data Retention")->state == UnitState::reviewed);
    }
    CHECK(count_of(read_file(dir / "ja.xlf"), "state=\"final\"") == 1);
    CHECK(count_of(read_file(dir / "ja.xlf"), "state=\"signed-off\"") == 1);
    CHECK(count_of(read_file(dir / "de.xlf"), "state=\"final\"") == 1);
    CHECK(count_of(read_file(dir / "de.xlf"), "state=\"reviewed\"") == 1);
    check_valid(dir);
}
