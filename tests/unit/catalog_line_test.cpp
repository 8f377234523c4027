// Unit::catalog_line: the line of each entry in the catalog file it was read from, which
// `check` reports problems at.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

// 1-based line of the first line of `text` that contains `needle` at or after line `from`.
int line_of(const std::string& text, const std::string& needle, size_t from = 0) {
    size_t at = text.find(needle, from);
    REQUIRE_MESSAGE(at != std::string::npos, needle);
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
           1;
}

const Unit* find(const Catalog& cat, const std::optional<std::string>& ctx, const std::string& src,
                 bool obsolete = false) {
    for (const Unit& u : cat.units())
        if (u.context == ctx && u.source == src && u.obsolete == obsolete) return &u;
    return nullptr;
}

} // namespace

TEST_CASE("catalog line: PO entries by their msgid line, with contexts, escapes and obsolete") {
    const std::string po = "# header comment\n"
                           "msgid \"\"\n"
                           "msgstr \"\"\n"
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                           "\n"
                           "#. a note\n"
                           "#: page.md:3\n"
                           "msgid \"One\"\n"
                           "msgstr \"Eins\"\n"
                           "\n"
                           "msgctxt \"menu\"\n"
                           "msgid \"One\"\n"
                           "msgstr \"Ein\"\n"
                           "\n"
                           "#, fuzzy\n"
                           "#| msgid \"Tow \\\"quoted\\\"\"\n"
                           "msgid \"\"\n"
                           "\"Two \\\"quoted\\\" \"\n"
                           "\"and a tab\\t\"\n"
                           "msgstr \"Zwei\"\n"
                           "\n"
                           "#~ msgid \"Gone\"\n"
                           "#~ msgstr \"Alt\"\n";
    t::fs::path p = t::temp_dir("catalog-line-po") / "de.po";
    t::write_file(p, po);
    CatalogReadResult r = catalog_read_file(p.string());
    REQUIRE(r.catalog);
    const Catalog& c = *r.catalog;
    REQUIRE(find(c, std::nullopt, "One"));
    CHECK(find(c, std::nullopt, "One")->catalog_line == 8);
    REQUIRE(find(c, std::string("menu"), "One"));
    CHECK(find(c, std::string("menu"), "One")->catalog_line == 12);
    const Unit* two = find(c, std::nullopt, "Two \"quoted\" and a tab\t");
    REQUIRE(two);
    CHECK(two->catalog_line == 17);
    const Unit* old = find(c, std::nullopt, "Gone", true);
    REQUIRE(old);
    CHECK(old->catalog_line == 22);
}

TEST_CASE("catalog line: the bundled PO catalogs give every unit a line that holds its msgid") {
    for (const char* name : {"fr.po", "ar.po", "it.po"}) {
        t::fs::path p = t::source_dir() / "locales" / name;
        std::string text = t::read_file(p);
        CatalogReadResult r = catalog_read_file(p.string());
        REQUIRE(r.catalog);
        for (const Unit& u : r.catalog->units()) {
            REQUIRE_MESSAGE(u.catalog_line > 0, u.source);
            // The line is the entry's msgid keyword line.
            size_t start = 0;
            for (int i = 1; i < u.catalog_line; ++i) start = text.find('\n', start) + 1;
            std::string line = text.substr(start, text.find('\n', start) - start);
            CHECK_MESSAGE(line.rfind(u.obsolete ? "#~ msgid " : "msgid ", 0) == 0, line);
        }
    }
}

TEST_CASE("catalog line: XLIFF 1.2 and 2.0 units by their unit element's line") {
    Catalog cat;
    cat.target_lang = "de";
    for (const char* s : {"First", "Second", "Third"}) {
        Unit u;
        u.source = s;
        u.target = std::string(s) + " (de)";
        u.state = UnitState::translated;
        cat.add(u);
    }
    for (CatalogFormat f : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        std::string xml = *xliff_write(cat, f).text;
        CatalogReadResult r = xliff_read(xml, "de.xlf");
        REQUIRE(r.catalog);
        const char* tag = f == CatalogFormat::xliff12 ? "<trans-unit id=\"" : "<unit id=\"";
        for (const Unit& u : r.catalog->units())
            CHECK_MESSAGE(u.catalog_line == line_of(xml, tag + u.id() + "\""), u.source);
    }
}
