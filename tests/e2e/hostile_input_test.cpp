// Hostile pages through the CLI, each a fixture of tests/fixtures/fuzz/regress/: a byte order
// mark without front matter, JSON front matter with text after its brace, Markdown that only
// looks like front matter, a NUL byte, translations that would drop the page's first
// paragraph. Each extracts to a catalog policyloc reads back, and merges to the page (or is
// refused with file:line:col and exit 2, writing nothing).
#include <doctest/doctest.h>

#include <functional>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

fs::path fixture(const std::string& name) {
    return source_dir() / "tests/fixtures/fuzz/regress" / name;
}

// Extracts the fixture into `dir`; the template read back.
Catalog extract_fixture(const fs::path& dir, const std::string& name) {
    fs::path pot = dir / (name + ".pot");
    CommandResult r = run_policyloc("extract " + sh_quote(fixture(name)) + " -o " + sh_quote(pot));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CatalogReadResult read = catalog_read_file(pot.string());
    REQUIRE_MESSAGE(read.catalog, "policyloc cannot read its own template of " << name);
    return *read.catalog;
}

// Writes a German catalog of the fixture with unit n translated as translate(n, source) and
// merges it through the CLI; the merged page.
std::string merge_fixture(const fs::path& dir, const std::string& name,
                          const std::function<std::string(size_t, const std::string&)>& translate,
                          std::string* err = nullptr) {
    Catalog de = extract_fixture(dir, name);
    de.target_lang = "de";
    de.set_header_field("Language", "de");
    for (size_t i = 0; i < de.units().size(); ++i) {
        de.units()[i].target = translate(i, de.units()[i].source);
        de.units()[i].state = UnitState::translated;
    }
    CatalogWriteResult po = po_write(de);
    REQUIRE(po.text);
    write_file(dir / (name + ".de.po"), *po.text);
    fs::path out = dir / (name + ".de.md");
    CommandResult r =
        run_policyloc("merge " + sh_quote(fixture(name)) + " " + sh_quote(dir / (name + ".de.po")) +
                      " --locale de -o " + sh_quote(out));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    if (err) *err = r.err;
    return read_file(out);
}

const std::string bom = "\xEF\xBB\xBF";

} // namespace

TEST_CASE("hostile input: a byte order mark without front matter stays out of every msgid") {
    fs::path dir = temp_dir("hostile_bom");
    for (const auto& [name, text] :
         {std::pair<std::string, std::string>{"bom_paragraph.md", "Hello world"},
          {"bom_list_item.md", "item"},
          {"bom_heading.md", "Title"}}) {
        Catalog pot = extract_fixture(dir, name);
        REQUIRE(pot.units().size() == 1);
        CHECK_MESSAGE(pot.units()[0].source == text, name);
        CHECK(pot.units()[0].refs.at(0).line == 1);
    }
}

TEST_CASE(
    "hostile input: a page with a byte order mark keeps it, for a short or long translation") {
    fs::path dir = temp_dir("hostile_bom_merge");
    for (const std::string t : {"H", "Hallo Welt"}) {
        std::string out =
            merge_fixture(dir, "bom_paragraph.md", [&](size_t, const std::string&) { return t; });
        CHECK(out == bom + t + "\n");
    }
    CHECK(merge_fixture(dir, "bom_heading.md", [](size_t, const std::string&) {
              return std::string("Titel");
          }) == bom + "# Titel\n");
    CHECK(merge_fixture(dir, "bom_list_item.md", [](size_t, const std::string&) {
              return std::string("Punkt");
          }) == bom + "- Punkt\n");
}

TEST_CASE("hostile input: JSON front matter with text after the closing brace") {
    fs::path dir = temp_dir("hostile_json");
    Catalog pot = extract_fixture(dir, "json_text_after_brace.md");
    REQUIRE(pot.units().size() == 2);
    CHECK(pot.units()[0].source == "Privacy");
    CHECK(pot.units()[1].source == "Hello world");
    // Identity gives the page back; translations fill two separate slots.
    CHECK(merge_fixture(dir, "json_text_after_brace.md", [](size_t, const std::string& s) {
              return s;
          }) == read_file(fixture("json_text_after_brace.md")));
    CHECK(merge_fixture(dir, "json_text_after_brace.md", [](size_t i, const std::string&) {
              return std::string(i == 0 ? "Datenschutz" : "Hallo Welt");
          }) == "{\"title\": \"Datenschutz\"}Hallo Welt\n");
}

TEST_CASE("hostile input: a thematic break and a setext heading are not front matter") {
    fs::path dir = temp_dir("hostile_setext");
    std::string err;
    std::string out = merge_fixture(
        dir, "thematic_break_setext.md",
        [](size_t i, const std::string& s) { return i == 0 ? "Titel: Foo" : "DE " + s; }, &err);
    CHECK(out == "---\nFoo\n---\n\nDE Text.\n");
    CHECK(err.find("would change the page's block structure") != std::string::npos);
}

TEST_CASE("hostile input: a translation of two U+FEFF does not make the first paragraph vanish") {
    fs::path dir = temp_dir("hostile_feff");
    std::string err;
    std::string out = merge_fixture(
        dir, "two_paragraphs.md",
        [](size_t i, const std::string& s) { return i == 0 ? bom + bom : "DE " + s; }, &err);
    CHECK(out == "First para.\n\nDE Second para.\n");
    CHECK(err.find("two_paragraphs.md:1:1: warning") != std::string::npos);
}

TEST_CASE("hostile input: a NUL byte in a page is refused with its line and column") {
    fs::path dir = temp_dir("hostile_nul");
    fs::path pot = dir / "nul.pot";
    CommandResult r =
        run_policyloc("extract " + sh_quote(fixture("nul_in_page.md")) + " -o " + sh_quote(pot));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(r.err.find("nul_in_page.md:1:6: error: NUL byte") != std::string::npos, r.err);
    CHECK_FALSE(fs::exists(pot));
    // A merge of it is refused the same way, with no page written.
    write_file(dir / "empty.pot",
               "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    fs::path out = dir / "nul.de.md";
    r = run_policyloc("merge " + sh_quote(fixture("nul_in_page.md")) + " " +
                      sh_quote(dir / "empty.pot") + " --locale de -o " + sh_quote(out));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("nul_in_page.md:1:6") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}
