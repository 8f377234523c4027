// What a merge uses, through the CLI: the chain of catalogs, the catalog's language, per-page
// completeness, the front-matter keys a catalog was extracted with, honest messages and exit
// codes. Each case is a bug a user met; each fails without the merge plan.
#include <doctest/doctest.h>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

fs::path example(const char* name) {
    return source_dir() / "locales" / name;
}

// A PO catalog in `lang` with the given translations.
std::string po(const std::string& lang,
               const std::vector<std::pair<std::string, std::string>>& messages) {
    std::string s = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
    if (!lang.empty()) s += "\"Language: " + lang + "\\n\"\n";
    s += "\n";
    for (const auto& [id, str] : messages) s += "msgid \"" + id + "\"\nmsgstr \"" + str + "\"\n\n";
    return s;
}

// Runs of whitespace as one space: a wrapped paragraph reads as its catalog text.
std::string folded(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (space && !out.empty() && out.back() == ' ') continue;
        out += space ? ' ' : c;
    }
    return out;
}

Catalog read_catalog(const fs::path& p) {
    CatalogReadResult r = catalog_read_file(p.string());
    REQUIRE(r.catalog);
    return *r.catalog;
}

} // namespace

TEST_CASE("merge DIR --locale de --fallback fr: German first, French only where de lacks it") {
    fs::path dir = temp_dir("plan-fallback-order");
    // The German catalog as PO, with one translation taken out.
    Catalog de = read_catalog(example("de.xlf"));
    Catalog fr = read_catalog(example("fr.po"));
    Unit* gap = nullptr;
    for (Unit& u : de.units())
        if (!gap && u.source.find("privacy@gopteran.com") == std::string::npos &&
            u.source.size() > 80 && fr.find(u.context, u.source))
            gap = &u;
    REQUIRE(gap);
    std::string gap_source = gap->source;
    gap->target.clear();
    gap->state = UnitState::untranslated;
    write_file(dir / "de.po", *catalog_write(de, CatalogFormat::po).text);
    fs::copy_file(example("fr.po"), dir / "fr.po");

    auto r =
        run_policyloc("merge " + sh_quote(example("privacy.md")) + " " + sh_quote(dir) +
                      " --locale de --fallback fr --date 2026-11-28 -o " + sh_quote(dir / "de.md"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string page = folded(read_file(dir / "de.md"));
    // Every unit the German catalog translates is German on the page.
    size_t german = 0;
    for (const Unit& u : de.units()) {
        if (u.target.empty() || u.target.size() < 40 || u.target.find("{{") != std::string::npos)
            continue;
        CHECK_MESSAGE(page.find(folded(u.target)) != std::string::npos, u.target);
        ++german;
    }
    CHECK(german > 40);
    CHECK(page.find("Datenschutz") != std::string::npos);
    // The one unit German lacks is French, and counted as such.
    const Unit* french = fr.find(std::nullopt, gap_source);
    REQUIRE(french);
    CHECK(page.find(french->target.substr(0, 30)) != std::string::npos);
    CHECK_MESSAGE(r.out.find("1 from fallback catalogs") != std::string::npos, r.out);
    // The title is the German one, not the French.
    CHECK(page.find("title: 'Datenschutzerklärung'") != std::string::npos);
}

TEST_CASE("a catalog in another language than --locale is an error naming both, nothing written") {
    fs::path dir = temp_dir("plan-language");
    fs::path cats = dir / "cats";
    fs::create_directories(cats);
    REQUIRE(run_policyloc("convert " + sh_quote(example("fr.po")) + " " + sh_quote(cats / "fr.xlf"))
                .exit_code == 0);
    fs::copy_file(example("de.xlf"), cats / "de.xlf");
    fs::path out = dir / "out.md";

    auto fr_as_de = run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                                  sh_quote(cats / "fr.xlf") + " --locale de -o " + sh_quote(out));
    CHECK(fr_as_de.exit_code == 2);
    CHECK_MESSAGE(fr_as_de.err.find("fr.xlf: error: the catalog is in fr") != std::string::npos,
                  fr_as_de.err);
    CHECK(fr_as_de.err.find("needs de") != std::string::npos);
    CHECK_FALSE(fs::exists(out));

    auto de_as_fr = run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                                  sh_quote(example("de.po")) + " --locale fr -o " + sh_quote(out));
    CHECK(de_as_fr.exit_code == 2);
    auto de_xlf_as_fr =
        run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                      sh_quote(example("de.xlf")) + " --locale fr -o " + sh_quote(out));
    CHECK(de_xlf_as_fr.exit_code == 2);
    CHECK(de_xlf_as_fr.err.find("needs fr") != std::string::npos);
    CHECK_FALSE(fs::exists(out));

    // A catalog without a language is used, with a warning; a gettext name is understood.
    fs::path page = dir / "p.md";
    write_file(page, "Hello world.\n");
    write_file(dir / "none.po", po("", {{"Hello world.", "Hallo Welt."}}));
    auto none = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "none.po") +
                              " --locale de -o -");
    CHECK(none.exit_code == 0);
    CHECK(none.out == "Hallo Welt.\n");
    CHECK(none.err.find("warning: the catalog names no language") != std::string::npos);
    write_file(dir / "zh.po", po("zh_CN", {{"Hello world.", "你好，世界。"}}));
    auto zh = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "zh.po") +
                            " --locale zh-Hans -o -");
    CHECK_MESSAGE(zh.exit_code == 0, zh.err);
    auto zh_hant = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "zh.po") +
                                 " --locale zh-Hant -o -");
    CHECK(zh_hant.exit_code == 2);
}

TEST_CASE("--min-complete counts the words of the page merged, not of the whole catalog") {
    fs::path dir = temp_dir("plan-per-page");
    write_file(dir / "a.md", "# Alpha\n\nOne two three four five six.\n");
    write_file(dir / "b.md", "# Beta\n\nSeven eight nine ten eleven twelve.\n");
    write_file(dir / "c.md", "# Gamma\n\nThirteen fourteen fifteen sixteen seventeen.\n");
    write_file(dir / "de.po", po("de", {{"Alpha", "Alpha"},
                                        {"One two three four five six.", "Eins zwei drei."},
                                        {"Gamma", "Gamma"},
                                        {"Thirteen fourteen fifteen sixteen seventeen.",
                                         "Dreizehn vierzehn fünfzehn."}}));
    auto merge = [&](const char* page, const char* min) {
        return run_policyloc("merge " + sh_quote(dir / page) + " " + sh_quote(dir / "de.po") +
                             " --locale de --min-complete " + min + " -o " +
                             sh_quote(dir / (std::string("de-") + page)));
    };
    // The catalog as a whole is about two thirds translated; the pages are 100%, 0%, 100%.
    CHECK(merge("a.md", "90").exit_code == 0);
    auto b = merge("b.md", "90");
    CHECK(b.exit_code == 1);
    CHECK_MESSAGE(b.err.find("is 0.0% translated") != std::string::npos, b.err);
    CHECK_FALSE(fs::exists(dir / "de-b.md"));
    CHECK(merge("b.md", "30").exit_code == 1);
    CHECK(merge("c.md", "90").exit_code == 0);
    CHECK(read_file(dir / "de-c.md").find("Dreizehn") != std::string::npos);
}

TEST_CASE("the front-matter keys a catalog was extracted with are the keys merge fills") {
    fs::path dir = temp_dir("plan-keys");
    fs::path page = dir / "p.md";
    write_file(page, "---\ntitle: Privacy\nlead: Read this first\ndescription: How we work\n"
                     "---\n\nBody text.\n");
    fs::path pot = dir / "p.pot";
    auto ex = run_policyloc("extract " + sh_quote(page) + " --keys lead -o " + sh_quote(pot));
    REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
    Catalog tmpl = read_catalog(pot);
    // --keys adds to the defaults.
    CHECK(tmpl.find(std::nullopt, "Privacy"));
    CHECK(tmpl.find(std::nullopt, "Read this first"));
    CHECK(tmpl.find(std::nullopt, "How we work"));
    CHECK(tmpl.header_field("X-Policyloc-Keys"));
    for (Unit& u : tmpl.units()) {
        u.target = "[" + u.source + "]";
        u.state = UnitState::translated;
    }
    tmpl.target_lang = "de";
    write_file(dir / "de.po", *catalog_write(tmpl, CatalogFormat::po).text);
    auto mg = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "de.po") +
                            " --locale de -o -");
    REQUIRE_MESSAGE(mg.exit_code == 0, mg.err);
    CHECK_MESSAGE(mg.out.find("lead: '[Read this first]'") != std::string::npos, mg.out);
    CHECK(mg.out.find("title: '[Privacy]'") != std::string::npos);
    CHECK(mg.out.find("[Body text.]") != std::string::npos);

    // Without the header field the units' notes still name the keys.
    Catalog no_header = read_catalog(dir / "de.po");
    std::erase_if(no_header.header, [](const auto& f) { return f.first == "X-Policyloc-Keys"; });
    write_file(dir / "de2.po", *catalog_write(no_header, CatalogFormat::po).text);
    auto mg2 = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "de2.po") +
                             " --locale de -o -");
    CHECK(mg2.out.find("lead: '[Read this first]'") != std::string::npos);

    // --keys-only replaces the defaults.
    fs::path only = dir / "only.pot";
    REQUIRE(
        run_policyloc("extract " + sh_quote(page) + " --keys lead --keys-only -o " + sh_quote(only))
            .exit_code == 0);
    Catalog lead_only = read_catalog(only);
    CHECK(lead_only.find(std::nullopt, "Read this first"));
    CHECK_FALSE(lead_only.find(std::nullopt, "Privacy"));
}

TEST_CASE("honest messages: a missing catalog path, --quiet, a bad time zone") {
    fs::path dir = temp_dir("plan-messages");
    fs::path page = dir / "p.md";
    write_file(page, "# Terms\n\nUse `policyloc` with care. Updated {{ .Lastmod.Format "
                     "\"January 2, 2006\" }}.\n");
    auto missing = run_policyloc("merge " + sh_quote(page) + " /missing/dir --locale de -o -");
    CHECK(missing.exit_code == 2);
    CHECK_MESSAGE(missing.err.find("/missing/dir: error: no such catalog file or directory") !=
                      std::string::npos,
                  missing.err);
    CHECK(missing.err.find("format") == std::string::npos);

    auto tz = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(page) +
                            " --locale de --quiet --timezone Europe/Berln -o -");
    CHECK(tz.exit_code == 2);
    CHECK(tz.err.find("--timezone 'Europe/Berln'") != std::string::npos);

    // --quiet leaves out notes, never warnings.
    write_file(dir / "de.po", po("de", {{"Terms", "Bedingungen"},
                                        {"Use `policyloc` with care. Updated {{ .Lastmod.Format "
                                         "\\\"January 2, 2006\\\" }}.",
                                         "Mit Sorgfalt verwenden."}}));
    auto quiet = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "de.po") +
                               " --locale de --date 2026-11-28 --quiet -o -");
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.find("warning: translation in") != std::string::npos);
    CHECK(quiet.err.find("note:") == std::string::npos);
    auto loud = run_policyloc("merge " + sh_quote(page) + " " + sh_quote(dir / "de.po") +
                              " --locale de --date 2026-11-28 -o -");
    CHECK(loud.err.find("note: unit") != std::string::npos);
}

TEST_CASE("--locale with a Unicode extension finds the catalog and reaches ICU") {
    fs::path dir = temp_dir("plan-extension");
    auto latn = run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                              sh_quote(source_dir() / "locales") +
                              " --locale ar-u-nu-latn --date 2026-11-28 -o -");
    REQUIRE_MESSAGE(latn.exit_code == 0, latn.err);
    auto arab =
        run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                      sh_quote(source_dir() / "locales") + " --locale ar --date 2026-11-28 -o -");
    REQUIRE(arab.exit_code == 0);
    // Latin digits in the date with -u-nu-latn, Arabic-Indic without; the text is Arabic both.
    CHECK(latn.out.find("2026") != std::string::npos);
    CHECK(arab.out.find("\u0662\u0660\u0662\u0666") != std::string::npos);
    CHECK(latn.out.find("سياسة الخصوصية") != std::string::npos);
    auto verbose = run_policyloc("merge " + sh_quote(example("privacy.md")) + " " +
                                 sh_quote(source_dir() / "locales") +
                                 " --locale ar-u-nu-latn --date 2026-11-28 -v -o -");
    CHECK(verbose.err.find("ar.po (locale, ar)") != std::string::npos);
}

TEST_CASE("a translation that would change the structure falls back alone, with exit 0") {
    fs::path dir = temp_dir("plan-structure");
    // Twenty paragraphs; the first translated as a single space (an empty paragraph).
    std::string page, catalog_text;
    std::vector<std::pair<std::string, std::string>> messages;
    for (int i = 1; i <= 20; ++i) {
        std::string s = "Paragraph number " + std::to_string(i) + " of the policy.";
        page += s + "\n\n";
        messages.push_back({s, i == 1 ? " " : "Absatz Nummer " + std::to_string(i) + "."});
    }
    write_file(dir / "p.md", page);
    write_file(dir / "de.po", po("de", messages));
    auto r = run_policyloc("merge " + sh_quote(dir / "p.md") + " " + sh_quote(dir / "de.po") +
                           " --locale de -o " + sh_quote(dir / "de.md"));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    std::string out = read_file(dir / "de.md");
    CHECK(out.find("Paragraph number 1 of the policy.") != std::string::npos);
    for (int i = 2; i <= 20; ++i)
        CHECK(out.find("Absatz Nummer " + std::to_string(i) + ".") != std::string::npos);
    CHECK(r.err.find("would change the page's block structure") != std::string::npos);

    // A thematic break and a setext heading, not front matter: a translation that would make
    // the page start with front matter falls back.
    write_file(dir / "s.md", "---\nFoo\n---\n\nText.\n");
    write_file(dir / "s.po", po("de", {{"Foo", "Titel: Foo"}, {"Text.", "Der Text."}}));
    auto s = run_policyloc("merge " + sh_quote(dir / "s.md") + " " + sh_quote(dir / "s.po") +
                           " --locale de -o -");
    CHECK_MESSAGE(s.exit_code == 0, s.err);
    CHECK(s.out == "---\nFoo\n---\n\nDer Text.\n");
}
