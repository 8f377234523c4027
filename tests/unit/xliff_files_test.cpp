// XLIFF documents of several catalogs: one <file> per catalog (a hand-off of several pages).
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "policyloc/catalog_io.h"

using namespace policyloc;

namespace {

Catalog page(const std::string& original, const std::vector<std::string>& sources) {
    Catalog cat;
    cat.target_lang = "fr";
    cat.original = original;
    cat.header = {{"Language", "fr"}, {"X-Page", original}};
    for (const std::string& s : sources) {
        Unit u;
        u.source = s;
        u.refs = {{original, 1}};
        cat.add(u);
    }
    return cat;
}

} // namespace

TEST_CASE("xliff files: one <file> per catalog, read back as one catalog of all units") {
    const Catalog a = page("privacy.md", {"Privacy", "Shared"});
    const Catalog b = page("terms.md", {"Terms", "Shared"});
    for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        const bool v12 = v == CatalogFormat::xliff12;
        CAPTURE(v12);
        auto w = xliff_write_files({&a, &b}, v);
        REQUIRE(w.text);
        pugi::xml_document doc;
        REQUIRE(doc.load_string(w.text->c_str()));
        std::vector<std::string> originals, ids;
        for (pugi::xml_node f : doc.document_element().children("file")) {
            originals.push_back(f.attribute("original").value());
            ids.push_back(f.attribute("id").value());
            if (v12) CHECK(std::string(f.attribute("target-language").value()) == "fr");
        }
        CHECK(originals == std::vector<std::string>{"privacy.md", "terms.md"});
        if (!v12) CHECK(ids == std::vector<std::string>{"f1", "f2"});

        auto r = xliff_read(*w.text, "two.xlf");
        REQUIRE(r.catalog);
        // The unit both pages have is one unit with the references of both.
        std::vector<std::string> sources;
        for (const Unit& u : r.catalog->units()) sources.push_back(u.source);
        CHECK(sources == std::vector<std::string>{"Privacy", "Shared", "Terms"});
        const Unit* shared = r.catalog->find(std::nullopt, "Shared");
        REQUIRE(shared);
        CHECK(shared->refs == std::vector<Reference>{{"privacy.md", 1}, {"terms.md", 1}});
        CHECK(r.catalog->original == "privacy.md");
        CHECK(r.catalog->header == a.header);
        CHECK(r.catalog->target_lang == "fr");
    }
    // One catalog: the same document as xliff_write's.
    CHECK(*xliff_write_files({&a}, CatalogFormat::xliff20).text ==
          *xliff_write(a, CatalogFormat::xliff20).text);
    CHECK_FALSE(xliff_write_files({}, CatalogFormat::xliff12).text);
}
