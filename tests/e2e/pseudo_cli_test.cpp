// policyloc pseudo as a user runs it: en-XA and ar-XB catalogs of the bundled page, from the
// page or its template, as PO or XLIFF, merge with every unit translated and the page's block
// tree unchanged; gettext accepts the PO; wrong locales and inputs are usage errors; and every
// page of the Hugo corpus merges with its pseudo catalogs without a structural fallback.
#include <doctest/doctest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <regex>

#include "policyloc/extract.h"
#include "policyloc/front_matter.h"
#include "policyloc/merge.h"
#include "policyloc/pseudo.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

const char* const kLocales[] = {"en-XA", "ar-XB"};

fs::path privacy() {
    return source_dir() / "locales/privacy.md";
}

// The block tree of a page's Markdown body (after its front matter).
std::vector<std::string> body_tree(const std::string& page) {
    FrontMatterResult fm = front_matter_parse(page, "page", {});
    REQUIRE(!diagnostics_have_error(fm.diagnostics));
    size_t begin = fm.front_matter.syntax != FrontMatterSyntax::none ? fm.front_matter.end : 0;
    std::vector<std::string> tree;
    for (const BlockInfo& b : markdown_block_tree(std::string_view(page).substr(begin)))
        tree.push_back(b.signature);
    return tree;
}

// Merges the bundled page with `catalog` through the CLI; checks the summary line says every
// unit came from the catalog, and returns the page.
std::string merge_all_translated(const fs::path& catalog, const std::string& locale) {
    CommandResult r =
        run_policyloc("merge " + sh_quote(privacy().string()) + " " + sh_quote(catalog.string()) +
                      " --locale " + locale + " --date 2026-11-28 -o -");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(r.err, m,
                                      std::regex(locale + ": ([0-9]+) units, ([0-9]+) translated, "
                                                          "0 from fallback catalogs, 0 left in "
                                                          "the source language; 100.0% ")),
                    r.err);
    CHECK(m[1] == m[2]);
    CHECK(std::stoi(m[1]) > 100);
    CHECK(r.err.find("warning") == std::string::npos);
    return r.out;
}

struct Tally {
    size_t pages = 0, units = 0, translated = 0;
    std::map<std::string, size_t> reasons;
    std::vector<std::string> failures;
};

// Extracts, pseudo-translates and merges one page in one locale, in memory.
void merge_page_pseudo(const fs::path& path, PseudoLocale locale, Tally& t) {
    std::string page = read_file(path);
    std::string name = path.lexically_relative(shared_dir()).string();
    ExtractOptions eo;
    eo.file_name = name;
    ExtractResult ex = extract_page(page, eo);
    if (!ex.ok()) return; // not a page the extractor accepts: not this test's business
    Catalog pseudo = pseudo_catalog(ex.catalog, locale);
    MergeOptions mo;
    mo.locale = pseudo_locale_tag(locale);
    mo.dates = DateMode::keep;
    MergeResult r = merge_page(page, ex.skeleton, {{"pseudo", &pseudo}}, mo);
    ++t.pages;
    t.units += r.stats.units;
    t.translated += r.stats.translated;
    for (const auto& [reason, n] : r.stats.reasons) t.reasons[fallback_reason_name(reason)] += n;
    for (const Fallback& f : r.stats.fallbacks)
        t.failures.push_back(name + ":" + std::to_string(f.line) + ": " +
                             fallback_reason_name(f.reason) + ": " + f.source.substr(0, 60));
    if (!r.ok())
        t.failures.push_back(name + ": " + diagnostic_format(r.diagnostics.front()));
    else if (body_tree(r.output) != body_tree(page))
        t.failures.push_back(name + ": the block tree changed");
}

} // namespace

TEST_CASE("pseudo CLI: the bundled page's pseudo catalogs merge with every unit translated") {
    fs::path dir = temp_dir("pseudo-cli");
    const std::vector<std::string> source_tree = body_tree(read_file(privacy()));
    for (const char* locale : kLocales) {
        CAPTURE(locale);
        fs::path po = dir / (std::string(locale) + ".po");
        // ar-XB as a reproducible build makes it: the template's date is the catalog's.
        bool dated = std::string(locale) == "ar-XB";
        CommandResult r =
            run(std::string(dated ? "SOURCE_DATE_EPOCH=1795824000 " : "") +
                sh_quote(policyloc_exe().string()) + " pseudo " + sh_quote(privacy().string()) +
                " -o " + sh_quote(po.string()) + " --locale " + locale);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        std::string text = read_file(po);
        CHECK(text.find("\"Language: " + locale_to_gettext(locale) + "\\n\"") != std::string::npos);
        CHECK(text.find("Plural-Forms: nplurals=") != std::string::npos);
        if (have_tool("msgfmt")) {
            CommandResult check =
                run("msgfmt -c --statistics -o /dev/null " + sh_quote(po.string()));
            CHECK_MESSAGE(check.exit_code == 0, check.err);
            // Every message translated; without a date, gettext notes the revision date is unset.
            CHECK_MESSAGE(
                std::regex_search(check.err, std::regex("(^|\n)[0-9]+ translated messages\\.\n$")),
                check.err);
            if (dated) CHECK_MESSAGE(check.err.find("warning") == std::string::npos, check.err);
        }
        std::string page = merge_all_translated(po, locale);
        CHECK(body_tree(page) == source_tree);
        if (std::string(locale) == "en-XA") {
            CHECK(page.find("# [Þŕîṽåçý Þöļîçý") != std::string::npos);
        } else {
            CHECK(page.find("# \u200F\u202EPrivacy\u202C\u200F \u200F\u202EPolicy\u202C\u200F\n") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("pseudo CLI: from the template to XLIFF, the same page as from the page to PO") {
    fs::path dir = temp_dir("pseudo-xliff");
    fs::path pot = source_dir() / "locales/privacy.pot";
    for (const char* version : {"1.2", "2.0"}) {
        fs::path po = dir / "ar-XB.po";
        fs::path xlf = dir / (std::string("ar-XB-") + version + ".xlf");
        REQUIRE(run_policyloc("pseudo " + sh_quote(privacy().string()) + " -o " +
                              sh_quote(po.string()) + " --locale ar-XB")
                    .exit_code == 0);
        CommandResult r =
            run_policyloc("pseudo " + sh_quote(pot.string()) + " -o " + sh_quote(xlf.string()) +
                          " --locale ar_XB --xliff-version " + version);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(read_file(xlf).find("ar-XB") != std::string::npos);
        CHECK(merge_all_translated(xlf, "ar-XB") == merge_all_translated(po, "ar-XB"));
    }
}

TEST_CASE("pseudo CLI: usage errors write nothing") {
    fs::path dir = temp_dir("pseudo-usage");
    fs::path out = dir / "x.po";
    std::string page = sh_quote(privacy().string());
    std::string pot = sh_quote((source_dir() / "locales/privacy.pot").string());
    for (const std::string& args :
         {page + " -o " + sh_quote(out.string()) + " --locale de",
          page + " -o " + sh_quote(out.string()) + " --locale en-XB",
          page + " " + pot + " -o " + sh_quote(out.string()) + " --locale en-XA",
          page + " -o " + sh_quote((dir / "x.txt").string()) + " --locale en-XA",
          page + " -o " + sh_quote(out.string())}) {
        CommandResult r = run_policyloc("pseudo " + args);
        CHECK_MESSAGE(r.exit_code == 2, args);
        CHECK(!r.err.empty());
    }
    CHECK(fs::is_empty(dir));
}

TEST_CASE("pseudo: every Hugo corpus page merges with its en-XA and ar-XB catalogs") {
    if (!require_shared("corpus/hugo")) return;
    std::vector<fs::path> pages;
    for (const auto& e : fs::recursive_directory_iterator(shared_dir() / "corpus/hugo"))
        if (e.path().extension() == ".md") pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    REQUIRE(pages.size() >= 200);
    for (const char* tag : kLocales) {
        PseudoLocale locale = *pseudo_locale_from_tag(tag);
        Tally t;
        for (const fs::path& p : pages) merge_page_pseudo(p, locale, t);
        std::cout << tag << ": " << t.pages << " pages, " << t.units << " units, " << t.translated
                  << " translated";
        for (const auto& [reason, n] : t.reasons) std::cout << "; " << reason << ": " << n;
        std::cout << '\n';
        for (size_t i = 0; i < t.failures.size() && i < 20; ++i)
            std::cout << "  " << t.failures[i] << '\n';
        CHECK(t.pages >= 200);
        CHECK(t.units > 1000);
        CHECK(t.reasons["would change the page structure"] == 0);
        CHECK(t.reasons["protected span changed"] == 0);
        CHECK(t.failures.empty());
    }
}
