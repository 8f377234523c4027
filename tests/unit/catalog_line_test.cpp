// Unit::catalog_line and catalog_id: where each unit's entry is in the file it was read from and
// the id it has there, so that diagnostics about a unit (import, check) point into the catalog.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

std::vector<int> lines_of(const Catalog& cat) {
    std::vector<int> lines;
    for (const Unit& u : cat.units()) lines.push_back(u.catalog_line);
    return lines;
}

} // namespace

TEST_CASE("catalog line: PO entries are at their msgid line, header and obsolete entries aside") {
    const std::string po = "# Header comment.\n"   // 1
                           "msgid \"\"\n"          // 2
                           "msgstr \"\"\n"         // 3
                           "\"Language: de\\n\"\n" // 4
                           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                           "\n"                         // 6
                           "#: privacy.md:3\n"          // 7
                           "msgid \"One\"\n"            // 8
                           "msgstr \"Eins\"\n"          // 9
                           "\n"                         // 10
                           "msgctxt \"menu\"\n"         // 11
                           "msgid \"\"\n"               // 12
                           "\"Two, long enough to \"\n" // 13
                           "\"wrap\"\n"                 // 14
                           "msgstr \"Zwei\"\n"          // 15
                           "\n"                         // 16
                           "#~ msgid \"Gone\"\n"        // 17
                           "#~ msgstr \"Weg\"\n"        // 18
                           "\r\n"                       // 19
                           "#, fuzzy\r\n"               // 20
                           "#| msgid \"Thre\"\r\n"      // 21
                           "msgid \"Three\"\r\n"        // 22
                           "msgstr \"Drei\"\r\n";
    const t::fs::path p = t::temp_dir("catalog_line_po") / "de.po";
    t::write_file(p, po);
    auto r = po_read_file(p.string());
    REQUIRE(r.catalog);
    REQUIRE(r.catalog->size() == 4);
    CHECK(lines_of(*r.catalog) == std::vector<int>{8, 12, 0, 22});
    CHECK(r.catalog->units()[0].catalog_id.empty());
    CHECK(r.catalog->units()[2].obsolete);

    // A file without a header: the first entry is a unit.
    t::write_file(p, "msgid \"\"\n\"Long\"\nmsgstr \"Lang\"\n\nmsgid \"B\"\nmsgstr \"\"\n");
    auto r2 = po_read_file(p.string());
    REQUIRE(r2.catalog);
    CHECK(lines_of(*r2.catalog) == std::vector<int>{1, 5});
}

TEST_CASE("catalog line: XLIFF units are at their trans-unit or unit tag") {
    const std::string v12 =
        "<?xml version=\"1.0\"?>\n"
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
        "<file original=\"p\" source-language=\"en\" datatype=\"plaintext\">\n"
        "<body>\n"
        "<trans-unit id=\"a\"><source>A</source></trans-unit>\n"
        "<group id=\"g\">\n"
        "\n"
        "  <trans-unit id=\"b\">\n"
        "    <source>B</source></trans-unit>\n"
        "</group>\n"
        "<trans-unit id=\"c\"><source>C</source></trans-unit>\n"
        "</body></file></xliff>\n";
    auto r = xliff_read(v12, "l.xlf");
    REQUIRE(r.catalog);
    CHECK(lines_of(*r.catalog) == std::vector<int>{5, 8, 11});
    // The ids as the file has them, whatever the sources are now.
    CHECK(r.catalog->units()[1].catalog_id == "b");

    const std::string v20 =
        "<?xml version=\"1.0\"?>\n"
        "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
        "srcLang=\"en\">\n"
        "<file id=\"f\">\n"
        "<unit id=\"a\"><segment><source>A</source></segment></unit>\n"
        "<unit id=\"b\">\n"
        "<segment><source>B</source></segment></unit>\n"
        "</file></xliff>\n";
    auto r2 = xliff_read(v20, "l.xliff");
    REQUIRE(r2.catalog);
    CHECK(lines_of(*r2.catalog) == std::vector<int>{4, 5});
    CHECK(r2.catalog->units()[0].catalog_id == "a");
}
