// Merge through the CLI: dates per locale, fallback chains, thresholds, failures that keep
// earlier output, reflow limits.
#include <doctest/doctest.h>

#include <iostream>
#include <memory>

#include <unicode/dtptngen.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/merge.h"
#include "policyloc/reflow.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

// ICU's own rendering of a UTC date for a locale and skeleton, or of a date style.
std::string icu_date(const std::string& locale_tag, const char* skeleton, int style = -1) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(locale_tag, status);
    std::unique_ptr<icu::DateFormat> fmt;
    if (style >= 0) {
        fmt.reset(icu::DateFormat::createDateInstance(static_cast<icu::DateFormat::EStyle>(style),
                                                      locale));
    } else {
        std::unique_ptr<icu::DateTimePatternGenerator> gen(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        icu::UnicodeString pattern = gen->getBestPattern(icu::UnicodeString(skeleton), status);
        fmt = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    }
    REQUIRE(U_SUCCESS(status));
    fmt->setTimeZone(*icu::TimeZone::getGMT());
    // 2026-11-28T00:00:00Z
    UDate when = 1795824000000.0;
    icu::UnicodeString out;
    fmt->format(when, out);
    std::string s;
    out.toUTF8String(s);
    return s;
}

std::string merge_to_string(const std::string& args, int expect_exit = 0) {
    auto r = run_policyloc("merge " + args + " -o -");
    CHECK_MESSAGE(r.exit_code == expect_exit, r.err);
    return r.out;
}

std::string privacy() {
    return sh_quote((source_dir() / "locales/privacy.md").string());
}
std::string pot() {
    return sh_quote((source_dir() / "locales/privacy.pot").string());
}

} // namespace

TEST_CASE("dates: the bundled page shows each locale's long date") {
    // Locales without a catalog merge with the template (everything stays English) and still
    // get their own dates.
    size_t checked = 0;
    for (const char* locale :
         {"en", "de", "fr", "es", "ja", "zh-Hans", "ko", "ru", "ar", "he", "fa", "th", "hi"}) {
        std::string out = merge_to_string(privacy() + " " + pot() + " --locale " + locale +
                                          " --date 2026-11-28 --quiet");
        std::string expected = icu_date(locale, "yMMMMd");
        CHECK_MESSAGE(out.find(expected) != std::string::npos, locale << ": " << expected);
        CHECK(out.find("{{") == std::string::npos);
        ++checked;
        std::string l = locale;
        if (l == "fa") CHECK(expected.find("\u06F1\u06F4\u06F0\u06F5") != std::string::npos);
        if (l == "th") CHECK(expected.find("2569") != std::string::npos);
        if (l == "ar") CHECK(expected.find("\u0662\u0660\u0662\u0666") != std::string::npos);
        if (l == "de") CHECK(expected == "28. November 2026");
        if (l == "ja") CHECK(expected == "2026年11月28日");
    }
    CHECK(checked == 13);
}

TEST_CASE("dates: :date_long, Jan 2, 2006, 2006, front matter lastmod, keep") {
    fs::path dir = temp_dir("merge-dates");
    fs::path page = dir / "p.md";
    write_file(page, "---\ntitle: Terms\nlastmod: 2026-11-28\n---\n\n"
                     "Updated {{ .Lastmod | time.Format \":date_long\" }}.\n\n"
                     "Short {{ .Lastmod.Format \"Jan 2, 2006\" }}.\n\n"
                     "Year {{ dateFormat \"2006\" .Lastmod }}.\n");
    fs::path tmpl = dir / "p.pot";
    REQUIRE(run_policyloc("extract " + sh_quote(page.string()) + " -o " + sh_quote(tmpl.string()))
                .exit_code == 0);
    for (const char* locale : {"de", "ja", "ar", "fr"}) {
        // No --date: the front matter's lastmod is used.
        std::string out = merge_to_string(sh_quote(page.string()) + " " + sh_quote(tmpl.string()) +
                                          " --quiet --locale " + locale);
        CHECK_MESSAGE(out.find(icu_date(locale, nullptr, icu::DateFormat::kLong)) !=
                          std::string::npos,
                      locale << "\n"
                             << out);
        CHECK_MESSAGE(out.find(icu_date(locale, "yMMMd")) != std::string::npos, locale);
        CHECK_MESSAGE(out.find("Year " + icu_date(locale, "y") + ".") != std::string::npos, locale);
    }
    std::string kept = merge_to_string(sh_quote(page.string()) + " " + sh_quote(tmpl.string()) +
                                       " --quiet --locale de --dates keep");
    CHECK(kept == read_file(page));
    // A time zone moves the day.
    std::string tokyo = merge_to_string(sh_quote(page.string()) + " " + sh_quote(tmpl.string()) +
                                        " --quiet --locale en --date 2026-11-28T23:30:00Z "
                                        "--timezone Asia/Tokyo");
    CHECK_MESSAGE(tokyo.find("Updated November 29, 2026.") != std::string::npos, tokyo);
}

TEST_CASE("fallback: de-CH uses de, es-MX uses es-419, then es, the rest is listed") {
    fs::path dir = temp_dir("merge-fallback");
    std::string page_text =
        "# Privacy\n\nWe keep your data safe.\n\nWe never sell it.\n\nContact us.\n";
    fs::path page = dir / "p.md";
    write_file(page, page_text);
    auto po = [&](const std::string& lang,
                  const std::vector<std::pair<std::string, std::string>>& m) {
        std::string s = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                        "\"Language: " +
                        lang + "\\n\"\n\n";
        for (const auto& [id, str] : m) s += "msgid \"" + id + "\"\nmsgstr \"" + str + "\"\n\n";
        return s;
    };
    write_file(dir / "de.po", po("de", {{"Privacy", "Datenschutz"},
                                        {"We keep your data safe.", "Wir schützen Ihre Daten."}}));
    write_file(dir / "es.po", po("es", {{"Privacy", "Privacidad"},
                                        {"We keep your data safe.", "Protegemos sus datos."},
                                        {"We never sell it.", "Nunca los vendemos."}}));
    write_file(dir / "es-419.po", po("es_419", {{"Privacy", "Privacidad (419)"}}));

    auto r = run_policyloc("merge " + sh_quote(page.string()) + " " + sh_quote(dir.string()) +
                           " --locale de-CH -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out ==
          "# Datenschutz\n\nWir schützen Ihre Daten.\n\nWe never sell it.\n\nContact us.\n");
    // The units left in English are listed with their lines.
    CHECK(r.err.find(":5:1: note:") != std::string::npos);
    CHECK(r.err.find(":7:1: note:") != std::string::npos);
    CHECK(r.err.find("untranslated") != std::string::npos);

    r = run_policyloc("merge " + sh_quote(page.string()) + " " + sh_quote(dir.string()) +
                      " --locale es-MX -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out ==
          "# Privacidad (419)\n\nProtegemos sus datos.\n\nNunca los vendemos.\n\nContact us.\n");
    CHECK(r.err.find("es.po") != std::string::npos);

    // --fallback names a locale whose catalog sits beside the given one.
    r = run_policyloc("merge " + sh_quote(page.string()) + " " +
                      sh_quote((dir / "es-419.po").string()) +
                      " --locale es-419 --fallback de -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Wir schützen Ihre Daten.") != std::string::npos);

    // Fuzzy translations only with --use-fuzzy.
    write_file(dir / "fr.po",
               po("fr", {}) + "#, fuzzy\nmsgid \"Contact us.\"\nmsgstr \"Contactez-nous.\"\n");
    r = run_policyloc("merge " + sh_quote(page.string()) + " " +
                      sh_quote((dir / "fr.po").string()) + " --locale fr -o -");
    CHECK(r.out.find("Contactez-nous.") == std::string::npos);
    CHECK(r.err.find("fuzzy") != std::string::npos);
    r = run_policyloc("merge " + sh_quote(page.string()) + " " +
                      sh_quote((dir / "fr.po").string()) + " --locale fr --use-fuzzy -o -");
    CHECK(r.out.find("Contactez-nous.") != std::string::npos);
}

TEST_CASE("threshold and failures leave an existing output untouched") {
    fs::path dir = temp_dir("merge-threshold");
    fs::path out = dir / "privacy.it.md";
    write_file(out, "earlier output\n");
    std::string it = sh_quote((source_dir() / "locales/it.po").string());
    auto r = run_policyloc("merge " + privacy() + " " + it + " --locale it --min-complete 80 -o " +
                           sh_quote(out.string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("below --min-complete") != std::string::npos);
    CHECK(read_file(out) == "earlier output\n");

    r = run_policyloc("merge " + privacy() + " " + it + " --locale it --min-complete 50 -o " +
                      sh_quote(out.string()));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(out) != "earlier output\n");
    std::string good = read_file(out);

    fs::path bad = dir / "bad.po";
    write_file(bad, "msgid \"a\"\nmsgstr \"unterminated\n");
    r = run_policyloc("merge " + privacy() + " " + sh_quote(bad.string()) + " --locale it -o " +
                      sh_quote(out.string()));
    CHECK(r.exit_code == 2);
    // The line gettext's own msgfmt names for this error (after the unterminated line).
    CHECK(r.err.find("bad.po:3: error: end-of-line within string") != std::string::npos);
    CHECK(read_file(out) == good);

    r = run_policyloc("merge " + privacy() + " " + it + " --locale it -o " +
                      sh_quote((dir / "missing-dir/x.md").string()));
    CHECK(r.exit_code == 2);
    r = run_policyloc("merge " + privacy() + " " + it + " --locale it -o /dev/full");
    CHECK(r.exit_code == 2);
    CHECK(fs::is_character_file("/dev/full"));

    // Rerunning writes nothing new.
    auto before = fs::last_write_time(out);
    r = run_policyloc("merge " + privacy() + " " + it + " --locale it -o " +
                      sh_quote(out.string()));
    CHECK(r.exit_code == 0);
    CHECK(fs::last_write_time(out) == before);
}

TEST_CASE("reflow: no line beyond the source width, identity byte-identical with reflow") {
    std::string page = read_file(source_dir() / "locales/privacy.md");
    for (const char* locale : {"de", "fr", "ru", "ko", "ar", "he"}) {
        fs::path catalog = source_dir() / "locales" /
                           (std::string(locale) + (std::string(locale) == "de" ? ".xlf" : ".po"));
        std::string out = merge_to_string(privacy() + " " + sh_quote(catalog.string()) +
                                          " --locale " + locale + " --date 2026-11-28 --quiet");
        size_t body = out.find("\n---\n", 4);
        REQUIRE(body != std::string::npos);
        size_t pos = body + 5, lines = 0;
        while (pos < out.size()) {
            size_t nl = out.find('\n', pos);
            std::string line =
                out.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
            ++lines;
            if (display_width(line) > 80)
                CHECK_MESSAGE(line.find(' ', line.find_first_not_of("- ")) == std::string::npos,
                              locale << ": " << line);
            if (nl == std::string::npos) break;
            pos = nl + 1;
        }
        CHECK(lines > 100);
    }
}

TEST_CASE("CRLF pages stay CRLF, invalid UTF-8 is reported with line and column") {
    std::string page_text = read_file(source_dir() / "locales/privacy.md");
    std::string crlf = with_line_endings(page_text, "\r\n");
    fs::path dir = temp_dir("merge-crlf");
    fs::path page = dir / "privacy.md";
    write_file(page, crlf);
    std::string out = merge_to_string(sh_quote(page.string()) + " " +
                                      sh_quote((source_dir() / "locales/de.xlf").string()) +
                                      " --locale de --date 2026-11-28 --quiet");
    CHECK(out.find("Datenschutzerklärung") != std::string::npos);
    size_t bare = 0;
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i] == '\n' && (i == 0 || out[i - 1] != '\r')) ++bare;
    CHECK(bare == 0);

    fs::path bad = dir / "bad.md";
    write_file(bad, "# Title\n\nSome text\nwith a bad \xC3\x28 byte.\n");
    auto r = run_policyloc("extract " + sh_quote(bad.string()) + " -o " +
                           sh_quote((dir / "bad.pot").string()));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(r.err.find("bad.md:4:12: error: invalid UTF-8") != std::string::npos, r.err);
    CHECK(!fs::exists(dir / "bad.pot"));
}

TEST_CASE("pages with bare CR line endings merge with CR line endings and escaping") {
    std::string page = "# Title\r\rIntro text that is\rwrapped here.\r\rSecond.\r\rThird.\r";
    ExtractOptions eo;
    eo.file_name = "cr.md";
    ExtractResult ex = extract_page(page, eo);
    REQUIRE(ex.ok());
    Catalog c = ex.catalog;
    for (Unit& u : c.units()) {
        u.state = UnitState::translated;
        if (u.source == "Second.")
            u.target = "- Zweiter";
        else if (u.source == "Third.")
            u.target = "# Dritter";
        else
            u.target = "Übersetzt: " + u.source;
    }
    MergeOptions mo;
    mo.locale = "de";
    MergeResult r = merge_page(page, ex.skeleton, {{"de", &c}}, mo);
    REQUIRE(r.ok());
    CHECK(r.stats.translated == r.stats.units);
    CHECK(r.output.find('\n') == std::string::npos);
    CHECK(r.output.find("\\- Zweiter\r") != std::string::npos);
    CHECK(r.output.find("\\# Dritter\r") != std::string::npos);
    std::vector<BlockInfo> a = markdown_block_tree(page), b = markdown_block_tree(r.output);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].signature == b[i].signature);
}
