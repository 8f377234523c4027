// Hostile sizes: pages built by scripts/hostile_sizes.sh to stress one dimension each are
// extracted and merged back with their own template under prlimit (address space and CPU
// seconds, with room for a slow machine): each must succeed and give the page back byte for
// byte. Quadratic behaviour (a page of 100,000 equal paragraphs, 80,000 unclosed shortcodes,
// 80,000 code spans in one link, 8,000 rejected translations) runs past the CPU limit.
#include <doctest/doctest.h>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

struct Limits {
    long address_space_mb;
    int cpu_seconds;
};

std::string limited(const Limits& l) {
    return "prlimit --as=" + std::to_string(l.address_space_mb * 1024 * 1024) +
           " --cpu=" + std::to_string(l.cpu_seconds) + " " + sh_quote(policyloc_exe()) + " ";
}

fs::path generate(const std::string& kind, long n) {
    fs::path dir = temp_dir("hostile_" + kind);
    fs::path page = dir / (kind + ".md");
    CommandResult g = run("bash " + sh_quote(source_dir() / "scripts/hostile_sizes.sh") +
                          " generate " + kind + " " + std::to_string(n) + " " + sh_quote(page));
    REQUIRE_MESSAGE(g.exit_code == 0, g.err);
    return page;
}

// Extracts and merges the page with its template under the limits: both exit 0 and the merge
// writes the page back unchanged. The template's path.
fs::path extract_and_merge(const std::string& kind, long n, const Limits& l) {
    if (!require_tool("prlimit")) return {};
    fs::path page = generate(kind, n);
    fs::path pot = page.string() + ".pot";
    fs::path out = page.string() + ".de.md";
    CommandResult e = run(limited(l) + "extract " + sh_quote(page) + " -o " + sh_quote(pot));
    REQUIRE_MESSAGE(e.exit_code == 0, kind << ": " << e.err);
    CommandResult m = run(limited(l) + "merge " + sh_quote(page) + " " + sh_quote(pot) +
                          " --locale de --quiet -o " + sh_quote(out));
    REQUIRE_MESSAGE(m.exit_code == 0, kind << ": " << m.err);
    CHECK_MESSAGE(read_file(out) == read_file(page), kind << ": the merge changed the page");
    return pot;
}

} // namespace

TEST_CASE("hostile sizes: a 20 MB page") {
    extract_and_merge("big-page", 150000, {3000, 120});
}

TEST_CASE("hostile sizes: one 5 MB line") {
    extract_and_merge("long-line", 640000, {2000, 60});
}

TEST_CASE("hostile sizes: 100,000 nested block quotes") {
    extract_and_merge("nested-quotes", 100000, {1000, 30});
}

TEST_CASE("hostile sizes: 100,000 nested list levels") {
    extract_and_merge("nested-lists", 100000, {1000, 30});
}

TEST_CASE("hostile sizes: 50,000 unclosed template actions") {
    extract_and_merge("unclosed-tags", 50000, {1000, 30});
}

TEST_CASE("hostile sizes: 100,000 footnotes") {
    extract_and_merge("footnotes", 100000, {3000, 120});
}

TEST_CASE("hostile sizes: 10 MB of front matter") {
    extract_and_merge("front-matter", 200000, {2000, 60});
}

TEST_CASE("hostile sizes: 100,000 identical paragraphs are one unit with capped references") {
    fs::path pot = extract_and_merge("same-paragraph", 100000, {1000, 5});
    if (pot.empty()) return;
    CatalogReadResult r = catalog_read_file(pot.string());
    REQUIRE(r.catalog);
    REQUIRE(r.catalog->units().size() == 1);
    CHECK(r.catalog->units()[0].refs.size() == 100);
    CHECK(r.catalog->units()[0].notes.find("Repeated 99900 more times") != std::string::npos);
}

TEST_CASE("hostile sizes: 80,000 unclosed highlight shortcodes") {
    extract_and_merge("highlight", 80000, {1000, 5});
}

TEST_CASE("hostile sizes: 80,000 code spans inside one link text") {
    extract_and_merge("code-in-link", 80000, {1000, 5});
}

TEST_CASE("hostile sizes: 8,000 translations that would change the structure fall back in time") {
    if (!require_tool("prlimit")) return;
    fs::path page = generate("big-page", 8000);
    fs::path dir = page.parent_path();
    CommandResult e = run_policyloc("extract " + sh_quote(page) + " -o " + sh_quote(dir / "t.pot"));
    REQUIRE(e.exit_code == 0);
    CatalogReadResult r = catalog_read_file((dir / "t.pot").string());
    REQUIRE(r.catalog);
    Catalog de = *r.catalog;
    de.set_header_field("Language", "de");
    for (Unit& u : de.units()) {
        u.target = " "; // a blank paragraph: the block would vanish
        u.state = UnitState::translated;
    }
    write_file(dir / "de.po", *po_write(de).text);
    fs::path out = dir / "de.md";
    CommandResult m = run(limited({1000, 10}) + "merge " + sh_quote(page) + " " +
                          sh_quote(dir / "de.po") + " --locale de --quiet -o " + sh_quote(out));
    REQUIRE_MESSAGE(m.exit_code == 0, m.err);
    CHECK(read_file(out) == read_file(page));
}
