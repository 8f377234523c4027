// The Hugo corpus (214 real pages) as a project in five locales, three with podebug's catalogs
// and two pseudo-locales made from the pages: every localized page keeps its source's block
// tree, and one catalog per locale or one per page and locale give the same pages.
#include <doctest/doctest.h>

#include <chrono>
#include <iostream>
#include <map>

#include "policyloc/extract.h"
#include "policyloc/front_matter.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

// The block tree of a page's body, front matter left out.
std::vector<std::string> body_tree(const std::string& page) {
    FrontMatterResult fm = front_matter_parse(page, "page.md", {});
    size_t body = fm.front_matter.syntax == FrontMatterSyntax::none ? 0 : fm.front_matter.end;
    std::vector<std::string> out;
    for (const BlockInfo& b : markdown_block_tree(std::string_view(page).substr(body)))
        out.push_back(b.signature);
    return out;
}

// msgen fills every msgstr with its msgid.
void fill_with_msgen(const fs::path& po) {
    auto r = run("msgen " + sh_quote(po) + " -o " + sh_quote(po));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// podebug rewrites every translation of a file or of a directory's files in a style.
void rewrite_with_podebug(const fs::path& in, const std::string& style) {
    auto r = run("podebug --progress=none --rewrite=" + style + " -i " + sh_quote(in) + " -o " +
                 sh_quote(in));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

const std::pair<const char*, const char*> kLocales[] = {
    {"de", "xxx"}, {"fr", "bracket"}, {"es", "unicode"}};
const char* const kPseudo[] = {"en-XA", "ar-XB"};

std::string config(const fs::path& corpus, const char* catalogs, const char* out) {
    std::string c = "source_language = \"en\"\npages = [\"" + (corpus / "**/*.md").string() +
                    "\"]\npages_base = \"" + corpus.string() + "\"\n[catalogs]\npath = \"" +
                    catalogs + "\"\n[output]\npath = \"" + out + "\"\n[locales]\n";
    for (const auto& [locale, style] : kLocales) c += std::string(locale) + " = {}\n";
    for (const char* pseudo : kPseudo) c += std::string(pseudo) + " = { pseudo = true }\n";
    return c;
}

} // namespace

TEST_CASE("project: the Hugo corpus in five locales, per-locale and per-page catalogs agree") {
    if (!require_shared("corpus/hugo")) return;
    if (!require_tool("podebug") || !require_tool("msgen")) return;
    const fs::path corpus = shared_dir() / "corpus/hugo";
    fs::path dir = temp_dir("project-corpus");
    write_file(dir / "one.toml", config(corpus, "cats/{locale}.po", "one/{locale}/{page}.md"));
    write_file(dir / "per-page.toml",
               config(corpus, "pcats/{locale}/{page}.po", "per-page/{locale}/{page}.md"));

    // update with no arguments makes every catalog of each project.
    auto one = run_policyloc("update --config " + sh_quote(dir / "one.toml"));
    REQUIRE_MESSAGE(one.exit_code == 0, one.err);
    auto per_page = run_policyloc("update --config " + sh_quote(dir / "per-page.toml"));
    REQUIRE_MESSAGE(per_page.exit_code == 0, per_page.err);
    for (const auto& [locale, style] : kLocales) {
        fill_with_msgen(dir / "cats" / (std::string(locale) + ".po"));
        rewrite_with_podebug(dir / "cats" / (std::string(locale) + ".po"), style);
        size_t catalogs = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir / "pcats" / locale))
            if (e.is_regular_file()) {
                fill_with_msgen(e.path());
                ++catalogs;
            }
        CHECK(catalogs == 214);
        rewrite_with_podebug(dir / "pcats" / locale, style);
    }

    auto start = std::chrono::steady_clock::now();
    auto b1 = run_policyloc("build --jobs 2 --config " + sh_quote(dir / "one.toml"));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_MESSAGE(b1.exit_code == 0, b1.err);
    auto b2 = run_policyloc("build --jobs 2 --config " + sh_quote(dir / "per-page.toml"));
    REQUIRE_MESSAGE(b2.exit_code == 0, b2.err);
    CHECK(b1.out.find("1070 pages written, 0 unchanged, 0 skipped") != std::string::npos);

    std::map<std::string, size_t> per_locale;
    size_t pages = 0, same_tree = 0, identical = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "one")) {
        if (!e.is_regular_file()) continue;
        ++pages;
        fs::path rel = e.path().lexically_relative(dir / "one");
        ++per_locale[rel.begin()->string()];
        std::string out = read_file(e.path());
        fs::path source = corpus / rel.lexically_relative(*rel.begin());
        std::string src = read_file(source);
        bool tree = body_tree(out) == body_tree(src);
        CHECK_MESSAGE(tree, rel);
        same_tree += tree;
        bool same = out == read_file(dir / "per-page" / rel);
        CHECK_MESSAGE(same, rel);
        identical += same;
    }
    std::cout << "corpus project: " << pages << " pages built in " << seconds << " s (--jobs 2), "
              << same_tree << " keep their block tree, " << identical
              << " identical from per-page catalogs\n";
    CHECK(pages == 1070);
    for (const char* locale : {"de", "fr", "es", "en-XA", "ar-XB"})
        CHECK_MESSAGE(per_locale[locale] == 214, locale);
    // The pseudo-locales' text really is pseudo: en-XA's bracketed and accented, ar-XB's in
    // right-to-left overrides.
    std::string xa = read_file(dir / "one/en-XA/hugoBasicExample/content/about.md"),
                xb = read_file(dir / "one/ar-XB/hugoBasicExample/content/about.md");
    CHECK(xa.find("title = \"[Åƀöûţ]\"") != std::string::npos);
    CHECK(xa.find("[Ĥûĝö ɱåķéš ûšé öƒ å ṽåŕîéţý öƒ öþéñ šöûŕçé þŕöĵéçţš îñçļûðîñĝ: one two three "
                  "four]") != std::string::npos);
    CHECK(xb.find("\u202E") != std::string::npos);
}
