// The catalog's index (positions by key hash, the keys themselves kept only in the units) and
// the ways a template is built without copies: catalog_append by move, a skeleton-only extract.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "policyloc/catalog.h"
#include "policyloc/extract.h"

using namespace policyloc;

namespace {

Unit unit(std::optional<std::string> context, std::string source, int line) {
    Unit u;
    u.context = std::move(context);
    u.source = std::move(source);
    u.refs.push_back({"page.md", line});
    return u;
}

} // namespace

TEST_CASE("catalog index: no context, an empty context and a context are three keys") {
    Catalog cat;
    cat.add(unit(std::nullopt, "Hello", 1));
    cat.add(unit(std::string(), "Hello", 2));
    cat.add(unit(std::string("greeting"), "Hello", 3));
    cat.add(unit(std::string("greeting"), "Hello", 4)); // the same key: one more reference
    REQUIRE(cat.size() == 3);
    CHECK(cat.find(std::nullopt, "Hello")->refs.front().line == 1);
    CHECK(cat.find(std::string(), "Hello")->refs.front().line == 2);
    const Unit* greeting = cat.find(std::string("greeting"), "Hello");
    REQUIRE(greeting != nullptr);
    CHECK(greeting->refs.size() == 2);
    CHECK(cat.find(std::nullopt, "Hello!") == nullptr);
    CHECK(cat.find(std::string("other"), "Hello") == nullptr);
    CHECK(unit_key_hash(std::nullopt, "a") != unit_key_hash(std::string(), "a"));
}

TEST_CASE("catalog index: units found after reindex, copies and moves of the catalog") {
    Catalog cat;
    for (int i = 0; i < 1000; ++i) cat.add(unit(std::nullopt, "text " + std::to_string(i), i + 1));
    cat.units()[7].source = "changed";
    cat.reindex();
    CHECK(cat.find(std::nullopt, "text 7") == nullptr);
    CHECK(cat.find(std::nullopt, "changed") == &cat.units()[7]);
    Catalog copy = cat;
    Catalog moved = std::move(cat);
    for (const Catalog* c : {&copy, &moved}) {
        const Unit* u = c->find(std::nullopt, "text 999");
        REQUIRE(u != nullptr);
        CHECK(u == &c->units()[999]);
    }
}

TEST_CASE("catalog_append: taking a page's units over gives what copying them gives") {
    ExtractOptions options;
    options.file_name = "a.md";
    Catalog first = extract_page("# Title\n\nShared text.\n\nOnly in a.\n", options).catalog;
    options.file_name = "b.md";
    Catalog second = extract_page("Shared text.\n\nOnly in b.\n", options).catalog;
    Catalog copied;
    catalog_append(copied, first);
    catalog_append(copied, second);
    Catalog moved;
    catalog_append(moved, Catalog(first));
    catalog_append(moved, Catalog(second));
    REQUIRE(moved.size() == copied.size());
    REQUIRE(moved.size() == 4);
    for (size_t i = 0; i < moved.size(); ++i) {
        CHECK(moved.units()[i].source == copied.units()[i].source);
        CHECK(moved.units()[i].refs == copied.units()[i].refs);
        CHECK(moved.units()[i].notes == copied.units()[i].notes);
    }
    const Unit* shared = moved.find(std::nullopt, "Shared text.");
    REQUIRE(shared != nullptr);
    CHECK(shared->refs.size() == 2);
}

TEST_CASE("extract: a skeleton-only extract cuts the page as a full one does") {
    const std::string page = "---\ntitle: Privacy\n---\n\n# Data\n\nWe keep *little*.\n\n"
                             "| a | b |\n|---|---|\n| one | two |\n\nWe keep *little*.\n";
    ExtractOptions options;
    options.file_name = "page.md";
    ExtractResult full = extract_page(page, options);
    options.build_template = false;
    ExtractResult lean = extract_page(page, options);
    REQUIRE(full.ok());
    REQUIRE(lean.ok());
    CHECK(full.catalog.size() == 7); // the second "We keep" is the same unit
    CHECK(lean.catalog.size() == 0);
    REQUIRE(lean.skeleton.slots.size() == full.skeleton.slots.size());
    for (size_t i = 0; i < full.skeleton.slots.size(); ++i) {
        CHECK(slot_span(lean.skeleton.slots[i]).begin == slot_span(full.skeleton.slots[i]).begin);
        CHECK(slot_span(lean.skeleton.slots[i]).end == slot_span(full.skeleton.slots[i]).end);
    }
    CHECK(lean.skeleton.blocks.size() == full.skeleton.blocks.size());
}
