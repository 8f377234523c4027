// The codecs' decisions on charsets and encodings, from the library: which PO charsets are read
// as UTF-8 with a warning and which are refused, what PO cannot hold (a second header), the
// plural count of a header, and the XLIFF decoding and reference checks.
#include <doctest/doctest.h>

#include <string>

#include "policyloc/catalog_io.h"
#include "policyloc/plural_forms.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

std::string regress(const std::string& name) {
    return (t::source_dir() / "tests/fixtures/fuzz/regress" / name).string();
}

const Diagnostic* first_of(const Diagnostics& ds, Severity s) {
    for (const Diagnostic& d : ds)
        if (d.severity == s) return &d;
    return nullptr;
}

} // namespace

TEST_CASE("po charset: unknown but UTF-8 bytes are read with a warning, no libgettextpo noise") {
    CatalogReadResult r = po_read_file(regress("po-charset-utf8mb4.po"));
    REQUIRE(r.catalog);
    REQUIRE(r.catalog->units().size() == 2);
    CHECK(r.catalog->units()[1].target == "Zweiter Absatz \xC3\xBC"
                                          "ber alles.");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("'utf8mb4'") != std::string::npos);
}

TEST_CASE("po charset: unknown with bytes not UTF-8 is refused at the first bad byte") {
    CatalogReadResult r = po_read_file(regress("po-charset-unknown-not-utf8.po"));
    CHECK_FALSE(r.catalog);
    const Diagnostic* e = first_of(r.diagnostics, Severity::error);
    REQUIRE(e);
    CHECK(e->line == 14);
    CHECK(e->column == 24);
}

TEST_CASE("po charset: a known charset decodes, and bytes invalid in it are refused") {
    CatalogReadResult latin1 = po_read_file(regress("po-iso-8859-1.po"));
    REQUIRE(latin1.catalog);
    CHECK(latin1.diagnostics.empty());
    CHECK(latin1.catalog->units()[1].target == "Zweiter Absatz \xC3\xBC"
                                               "ber alles.");
    CatalogReadResult sjis = po_read_file(regress("po-charset-invalid-bytes.po"));
    CHECK_FALSE(sjis.catalog);
    REQUIRE(first_of(sjis.diagnostics, Severity::error));
    CHECK(first_of(sjis.diagnostics, Severity::error)->line == 14);
}

TEST_CASE("po write: a unit with an empty source and no context is refused") {
    Catalog cat;
    Unit u;
    u.source = "";
    u.target = "x";
    cat.add(u);
    CatalogWriteResult w = po_write(cat);
    CHECK_FALSE(w.text);
    REQUIRE(first_of(w.diagnostics, Severity::error));
    Unit with_context;
    with_context.context = "c";
    Catalog ok;
    ok.add(with_context);
    CHECK(po_write(ok).text);
}

TEST_CASE("plural count: nplurals of the Plural-Forms field") {
    Catalog cat;
    CHECK_FALSE(catalog_plural_count(cat));
    cat.set_header_field("Plural-Forms", "nplurals=1; plural=0;");
    CHECK(catalog_plural_count(cat) == 1);
    cat.set_header_field("Plural-Forms", "nplurals = 3; plural=(n%10==1 ? 0 : 1);");
    CHECK(catalog_plural_count(cat) == 3);
    cat.set_header_field("Plural-Forms", "nplurals=0; plural=0;");
    CHECK_FALSE(catalog_plural_count(cat));
    cat.set_header_field("Plural-Forms", "plural=0;");
    CHECK_FALSE(catalog_plural_count(cat));
}

TEST_CASE("xliff encoding: decoded from the declaration, refusals with line and column") {
    CatalogReadResult cp1252 = catalog_read_file(regress("xliff-windows-1252.xlf"));
    REQUIRE(cp1252.catalog);
    CHECK(cp1252.catalog->units()[0].target == "Bonjour \xE2\x80\x94 caf\xC3\xA9");
    // pugixml alone took ISO-8859-1 for its own and would decode the text twice.
    std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                         "<file original=\"p\" source-language=\"en\" target-language=\"fr\" "
                         "datatype=\"x-markdown\"><body><trans-unit id=\"a\"><source>Hi</source>"
                         "<target>caf\xE9</target></trans-unit></body></file></xliff>\n";
    CatalogReadResult l1 = xliff_read(latin1, "l1.xlf");
    REQUIRE(l1.catalog);
    CHECK(l1.catalog->units()[0].target == "caf\xC3\xA9");
    for (const char* name : {"xliff-surrogate-ref.xlf", "xliff-nul-ref.xlf"}) {
        CatalogReadResult r = catalog_read_file(regress(name));
        CHECK_FALSE(r.catalog);
        const Diagnostic* e = first_of(r.diagnostics, Severity::error);
        REQUIRE(e);
        CHECK(e->line == 7);
        CHECK(e->column == 39);
    }
    std::string nul = latin1;
    nul.replace(nul.find("caf"), 3, std::string("c\0f", 3));
    CatalogReadResult n = xliff_read(nul, "nul.xlf");
    CHECK_FALSE(n.catalog);
    REQUIRE(first_of(n.diagnostics, Severity::error));
    CHECK(first_of(n.diagnostics, Severity::error)->message.find("NUL") != std::string::npos);
}
