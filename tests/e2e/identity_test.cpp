// Identity: every translation equal to its source reproduces the page byte for byte.
#include <doctest/doctest.h>

#include <iostream>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/merge.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

// What gettext's msgen does: every target set to its source.
Catalog msgen(const Catalog& tmpl) {
    Catalog c = tmpl;
    for (Unit& u : c.units()) {
        u.target = u.source;
        u.state = UnitState::translated;
    }
    return c;
}

struct IdentityCount {
    size_t files = 0;
    size_t identical = 0;
    size_t units = 0;
    std::vector<std::string> failures;
};

void check_identity(const std::string& name, const std::string& page, IdentityCount& count,
                    WrapMode wrap = WrapMode::source) {
    ++count.files;
    ExtractOptions eo;
    eo.file_name = name;
    ExtractResult ex = extract_page(page, eo);
    if (!ex.ok()) {
        count.failures.push_back(name +
                                 ": extract failed: " + diagnostic_format(ex.diagnostics.front()));
        return;
    }
    Catalog translated = msgen(ex.catalog);
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    mo.wrap = wrap;
    MergeResult r = merge_page(page, ex.skeleton, {{"msgen", &translated}}, mo);
    count.units += r.stats.units;
    if (!r.ok()) {
        count.failures.push_back(name +
                                 ": merge failed: " + diagnostic_format(r.diagnostics.front()));
        return;
    }
    if (r.output == page)
        ++count.identical;
    else
        count.failures.push_back(name + ": output differs from the source");
    if (r.stats.translated != r.stats.units)
        count.failures.push_back(name + ": " + std::to_string(r.stats.units - r.stats.translated) +
                                 " units were not taken from the catalog");
}

void report(const std::string& what, const IdentityCount& c) {
    std::cout << what << ": " << c.identical << " of " << c.files << " files identical (" << c.units
              << " units)\n";
    for (size_t i = 0; i < c.failures.size() && i < 20; ++i)
        std::cout << "  " << c.failures[i] << '\n';
    CHECK(c.failures.empty());
    CHECK(c.identical == c.files);
}

} // namespace

TEST_CASE("identity: the bundled example page") {
    IdentityCount c;
    std::string page = read_file(source_dir() / "locales/privacy.md");
    REQUIRE(!page.empty());
    check_identity("locales/privacy.md", page, c);
    check_identity("privacy.md (no wrap)", page, c, WrapMode::none);
    check_identity("privacy.md (wrap 40)", page, c, WrapMode::width);
    report("bundled page", c);
    CHECK(c.units > 100);
}

TEST_CASE("identity: CommonMark 0.30 and GFM spec examples") {
    if (!require_shared("corpus/commonmark-spec")) return;
    IdentityCount c;
    for (const char* spec :
         {"commonmark-spec-0.30.txt", "commonmark-spec-0.31.2.txt", "gfm-spec-0.29-gfm.txt",
          "gfm-extensions.txt", "gfm-regression.txt", "gfm-smart_punct.txt"}) {
        auto examples = spec_examples(shared_dir() / "corpus/commonmark-spec" / spec);
        CHECK(!examples.empty());
        for (size_t i = 0; i < examples.size(); ++i)
            check_identity(std::string(spec) + " example " + std::to_string(i + 1), examples[i], c);
    }
    report("spec examples", c);
    CHECK(c.files > 1000);
}

TEST_CASE("identity: Hugo corpus pages") {
    if (!require_shared("corpus/hugo")) return;
    IdentityCount c;
    for (const auto& e : fs::recursive_directory_iterator(shared_dir() / "corpus/hugo")) {
        if (e.path().extension() != ".md") continue;
        check_identity(e.path().lexically_relative(shared_dir()).string(), read_file(e.path()), c);
    }
    report("hugo corpus", c);
    CHECK(c.files >= 200);
}

TEST_CASE("identity: large files") {
    if (!require_shared("corpus/large")) return;
    IdentityCount c;
    for (const auto& e : fs::directory_iterator(shared_dir() / "corpus/large")) {
        if (e.path().extension() != ".md") continue;
        check_identity(e.path().filename().string(), read_file(e.path()), c);
    }
    report("large files", c);
    CHECK(c.files == 2);
}

TEST_CASE("identity: line endings, BOM, tabs, trailing spaces, no final newline") {
    IdentityCount c;
    std::string page = read_file(source_dir() / "locales/privacy.md");
    std::string crlf = with_line_endings(page, "\r\n");
    check_identity("crlf", crlf, c);
    check_identity("bom", "\xEF\xBB\xBF" + page, c);
    check_identity("bom+crlf", "\xEF\xBB\xBF" + crlf, c);
    check_identity("no final newline", page.substr(0, page.size() - 1), c);
    check_identity("bare CR line endings", with_line_endings(page, "\r"), c);
    check_identity("tabs and trailing spaces",
                   "# Title\t  \n\nSome\ttext   \nwith trailing spaces  \n\n-\titem\t\n"
                   "- item two   \n\n> quote\t\n> more  \n",
                   c);
    report("whitespace variants", c);
}

TEST_CASE("identity through the CLI with gettext's msgen") {
    if (!require_tool("msgen")) return;
    if (!require_shared("corpus/large")) return;
    fs::path dir = temp_dir("identity-cli");
    size_t identical = 0, files = 0;
    std::vector<fs::path> pages = {source_dir() / "locales/privacy.md"};
    for (const auto& e : fs::directory_iterator(shared_dir() / "corpus/large"))
        if (e.path().extension() == ".md") pages.push_back(e.path());
    for (const fs::path& page : pages) {
        ++files;
        fs::path pot = dir / (page.stem().string() + ".pot");
        fs::path po = dir / (page.stem().string() + ".po");
        fs::path out = dir / (page.stem().string() + ".md");
        auto r =
            run_policyloc("extract " + sh_quote(page.string()) + " -o " + sh_quote(pot.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = run("msgen " + sh_quote(pot.string()) + " -o " + sh_quote(po.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = run_policyloc("merge " + sh_quote(page.string()) + " " + sh_quote(po.string()) +
                          " --locale de --dates keep -o " + sh_quote(out.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        if (read_file(out) == read_file(page))
            ++identical;
        else
            std::cout << "differs: " << page << '\n';
    }
    std::cout << "msgen identity: " << identical << " of " << files << " files identical\n";
    CHECK(identical == files);
}
