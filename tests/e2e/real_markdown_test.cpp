// Markdown of real sites beyond CommonMark, merged: heading ids and attribute lists, definition
// lists, Liquid of Jekyll pages and a byte order mark before the first heading. Translations
// keep what Hugo and Jekyll read as structure, or fall back.
#include <doctest/doctest.h>

#include <functional>

#include "policyloc/extract.h"
#include "policyloc/merge.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

ExtractResult extract(const std::string& page) {
    ExtractOptions eo;
    eo.file_name = "page.md";
    return extract_page(page, eo);
}

// Every unit translated by `translate` (its source in, its target out).
Catalog translated(const Catalog& tmpl, const std::function<std::string(const Unit&)>& translate) {
    Catalog c = tmpl;
    for (Unit& u : c.units()) {
        u.target = translate(u);
        u.state = UnitState::translated;
    }
    return c;
}

MergeResult merge(const std::string& page, const ExtractResult& ex, const Catalog& c) {
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    return merge_page(page, ex.skeleton, {{"de", &c}}, mo);
}

std::vector<std::string> signatures(const std::vector<BlockInfo>& blocks) {
    std::vector<std::string> out;
    for (const BlockInfo& b : blocks) out.push_back(b.signature);
    return out;
}

// The output's block tree (definition lists included) is the source's.
void check_same_tree(const ExtractResult& ex, const MergeResult& r) {
    REQUIRE(r.ok());
    ExtractResult again = extract(r.output);
    REQUIRE(again.ok());
    CHECK(signatures(again.skeleton.blocks) == signatures(ex.skeleton.blocks));
}

// podebug's "xxx" rewrite that keeps a trailing attribute list at the end, as a translator does.
std::string xxx(const Unit& u) {
    if (!u.codes.empty() && u.codes.back().kind == CodeKind::attribute &&
        u.codes.back().end == u.source.size())
        return "xxx" + u.source.substr(0, u.codes.back().begin) + "xxx " +
               u.source.substr(u.codes.back().begin);
    return "xxx" + u.source + "xxx";
}

// Text of `u` outside its protected spans.
std::string unprotected_text(const Unit& u) {
    std::string out;
    size_t pos = 0;
    for (const InlineCode& c : u.codes) {
        out += u.source.substr(pos, c.begin - pos);
        pos = c.end;
    }
    return out + u.source.substr(pos);
}

const std::string kJekyllPage = "---\nlayout: page\ntitle: Privacy\n---\n"
                                "{% include toc.html %}\n\n"
                                "## Who we are {: #who}\n\n"
                                "{{ site.data.company.name }} runs this site.\n"
                                "{: .lead}\n\n"
                                "{% if site.eu %}\nEU residents have more rights.\n{% endif %}\n\n"
                                "{% raw %}\nWrite {{ name }} in templates.\n{% endraw %}\n\n"
                                "{% highlight ruby %}\nputs 'hi'\n{% endhighlight %}\n\n"
                                "Contact: {% include email.html to=\"privacy\" %}.\n";

} // namespace

TEST_CASE("attributes: a heading's id stays in the skeleton, whatever the translation") {
    const std::string page = "# Privacy\n\n## Contact us {#contact}\n\nWrite to us.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    REQUIRE(ex.catalog.find(std::nullopt, "Contact us"));
    for (const Unit& u : ex.catalog.units()) CHECK(u.source.find('{') == std::string::npos);

    auto with = [&](const std::string& target) {
        return translated(ex.catalog, [&](const Unit& u) {
            return u.source == "Contact us" ? target : "Text " + u.source;
        });
    };
    MergeResult r = merge(page, ex, with("Kontakt"));
    CHECK(r.output.find("## Kontakt {#contact}\n") != std::string::npos);
    CHECK(r.stats.reasons[FallbackReason::protected_span_changed] == 0);
    check_same_tree(ex, r);
    // podebug's "xxx" suffix once moved the id away from the end: now the id is not the
    // translator's to move.
    r = merge(page, ex, with("xxxKontaktxxx"));
    CHECK(r.output.find("## xxxKontaktxxx {#contact}\n") != std::string::npos);
    check_same_tree(ex, r);
}

TEST_CASE("attributes: a translation that changes an attribute list inside the text falls back") {
    const std::string page = "This is *important*{: .red} to us.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    auto with = [&](const std::string& target) {
        return translated(ex.catalog, [&](const Unit&) { return target; });
    };
    MergeResult kept = merge(page, ex, with("Das ist uns *wichtig*{: .red}."));
    CHECK(kept.output == "Das ist uns *wichtig*{: .red}.\n");
    for (const char* bad : {"Das ist uns *wichtig*{: .blue}.", "Das ist uns *wichtig*."}) {
        MergeResult r = merge(page, ex, with(bad));
        CAPTURE(bad);
        CHECK(r.output == page);
        CHECK(r.stats.reasons[FallbackReason::protected_span_changed] == 1);
    }
}

TEST_CASE("attributes: a kramdown IAL on its own line stays in the skeleton") {
    const std::string page = "We keep data safe.\n{: .note}\n\n## Rights\n{: #rights}\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    for (const Unit& u : ex.catalog.units()) CHECK(u.source.find('{') == std::string::npos);
    MergeResult r = merge(page, ex, translated(ex.catalog, xxx));
    CHECK(r.output == "xxxWe keep data safe.xxx\n{: .note}\n\n## xxxRightsxxx\n{: #rights}\n");
    check_same_tree(ex, r);
}

TEST_CASE("definition lists: each term and definition translated, the list kept") {
    const std::string page = "# Terms\n\nCookie\n: A small file.\n: Also a\n  tracker.\n\n"
                             "Controller\n: Who decides.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    CHECK(ex.catalog.size() == 6);
    MergeResult r = merge(page, ex, translated(ex.catalog, xxx));
    CHECK(r.output == "# xxxTermsxxx\n\nxxxCookiexxx\n: xxxA small file.xxx\n"
                      ": xxxAlso a tracker.xxx\n\nxxxControllerxxx\n: xxxWho decides.xxx\n");
    check_same_tree(ex, r);
}

TEST_CASE("definition lists: the structure guard rejects a term that becomes a definition") {
    const std::string page = "Cookie\n: A small file.\n";
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    REQUIRE(ex.skeleton.blocks.size() == 2); // the document and the paragraph
    CHECK(ex.skeleton.blocks[1].signature.find("definition list=t d") != std::string::npos);
    MergeResult r = merge(page, ex, translated(ex.catalog, [](const Unit& u) {
                              return u.source == "Cookie" ? ": Keks" : "Eine kleine Datei.";
                          }));
    check_same_tree(ex, r);
    CHECK(r.output.find("Eine kleine Datei.") != std::string::npos);
}

TEST_CASE("liquid: no tag or output outside a protected span, and identity holds") {
    ExtractResult ex = extract(kJekyllPage);
    REQUIRE(ex.ok());
    CHECK(ex.catalog.size() >= 4);
    for (const Unit& u : ex.catalog.units()) {
        CAPTURE(u.source);
        std::string open = unprotected_text(u);
        CHECK(open.find("{%") == std::string::npos);
        CHECK(open.find("{{") == std::string::npos);
        CHECK(open.find("{:") == std::string::npos);
        CHECK(u.source.find("Write") == std::string::npos); // the raw region is no unit
        CHECK(u.source.find("puts") == std::string::npos);  // nor is the highlight region
    }
    MergeResult same =
        merge(kJekyllPage, ex, translated(ex.catalog, [](const Unit& u) { return u.source; }));
    CHECK(same.output == kJekyllPage);
    MergeResult rewritten = merge(kJekyllPage, ex, translated(ex.catalog, xxx));
    CHECK(rewritten.stats.translated == rewritten.stats.units);
    check_same_tree(ex, rewritten);
}

TEST_CASE("BOM: a first-line heading after a byte order mark stays a heading") {
    const std::string bom = "\xEF\xBB\xBF";
    for (const std::string& newline : {std::string("\n"), std::string("\r\n")}) {
        std::string page = bom + "# Datenschutz" + newline + newline + "Text." + newline + newline +
                           "## Kontakt {#kontakt}" + newline;
        ExtractResult ex = extract(page);
        REQUIRE(ex.ok());
        for (const Unit& u : ex.catalog.units()) {
            CHECK(u.source.find(bom) == std::string::npos);
            CHECK(u.source.find('#') != 0);
        }
        MergeResult r = merge(page, ex, translated(ex.catalog, xxx));
        CHECK(r.output.starts_with(bom + "# xxxDatenschutzxxx" + newline));
        check_same_tree(ex, r);
    }
}

TEST_CASE("BOM: podebug's xxx rewrite of a page with a BOM, CRLF and a heading first") {
    if (!require_tool("podebug") || !require_tool("msgen")) return;
    fs::path dir = temp_dir("bom-podebug");
    const std::string page = "\xEF\xBB\xBF# Datenschutzerklärung\r\n\r\nWir schützen Ihre Daten."
                             "\r\n\r\n## Kontakt {#kontakt}\r\n\r\nCookie\r\n: Eine Datei.\r\n";
    write_file(dir / "page.md", page);
    auto q = [&](const char* name) { return sh_quote((dir / name).string()); };
    CommandResult r = run_policyloc("extract " + q("page.md") + " -o " + q("page.pot"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run("msgen " + q("page.pot") + " -o " + q("en.po"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run("podebug --progress=none --rewrite=xxx -i " + q("en.po") + " -o " + q("xxx.po"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = run_policyloc("merge " + q("page.md") + " " + q("xxx.po") +
                      " --locale de --dates keep --quiet -o " + q("out.md"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string out = read_file(dir / "out.md");
    CHECK(out.starts_with("\xEF\xBB\xBF# xxxDatenschutzerklärungxxx\r\n"));
    CHECK(out.find("Wir schützen Ihre Daten.") != std::string::npos);
    ExtractResult source = extract(page);
    ExtractResult localized = extract(out);
    REQUIRE(source.ok());
    REQUIRE(localized.ok());
    CHECK(signatures(localized.skeleton.blocks) == signatures(source.skeleton.blocks));
}
