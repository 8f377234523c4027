// build --html: standalone previews read by headless Chromium, as a person's browser reads them,
// for translated locales and for the pseudo-locales a project makes from its pages.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace policyloc::test;

namespace {

// The DOM Chromium builds from a file, after scripts (there are none) and layout.
std::string dump_dom(const fs::path& html) {
    auto r = run("timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom " +
                 sh_quote("file://" + html.string()) + " 2>/dev/null");
    return r.out;
}

// Width and height of a PNG file, from its IHDR chunk; {0, 0} when it is not a PNG.
std::pair<unsigned, unsigned> png_size(const fs::path& png) {
    std::string b = read_file(png);
    if (b.size() < 24 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
    auto be32 = [&](size_t at) {
        unsigned v = 0;
        for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

// The text of every element `tag` of an HTML document, in order.
std::vector<std::string> elements(const std::string& html, const std::string& tag) {
    std::vector<std::string> out;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (size_t at = 0; (at = html.find(open, at)) != std::string::npos;) {
        size_t end = html.find(close, at);
        if (end == std::string::npos) break;
        out.push_back(html.substr(at + open.size(), end - at - open.size()));
        at = end;
    }
    return out;
}

} // namespace

TEST_CASE("previews: lang, dir, title and the locale's date, read back from Chromium") {
    if (!require_tool("chromium")) return;
    fs::path dir = temp_dir("preview");
    fs::copy(source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
    fs::remove_all(dir / "locales/site/content");
    std::string config = read_file(dir / "locales/policyloc.toml");
    config.replace(config.find("[defaults]\n"), 11, "[defaults]\ndate = \"2026-11-28\"\n");
    // Pseudo-locales: their catalogs are made from the page at build time.
    config += "en-XA = { pseudo = true }\nar-XB = { pseudo = true }\n";
    write_file(dir / "locales/policyloc.toml", config);
    fs::path html = dir / "preview";
    auto r = run_policyloc("build --config " + sh_quote(dir / "locales/policyloc.toml") +
                           " --html " + sh_quote(html));
    REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);

    struct Expect {
        const char* locale;
        const char* dir;
        const char* title;
        const char* date;
    } expected[] = {
        {"de", "ltr", "Datenschutzerklärung", "28. November 2026"},
        {"ja", "ltr", "プライバシーポリシー", "2026年11月28日"},
        {"ar", "rtl", "سياسة الخصوصية", "٢٨ نوفمبر ٢٠٢٦"},
        {"he", "rtl", "מדיניות פרטיות", "28 בנובמבר 2026"},
        {"en-XA", "ltr", "[Þŕîṽåçý Þöļîçý one]", "November 28, 2026"},
        {"ar-XB", "rtl", "\u200F\u202EPrivacy\u202C\u200F \u200F\u202EPolicy\u202C\u200F",
         "٢٨ نوفمبر ٢٠٢٦"},
    };
    for (const Expect& e : expected) {
        INFO(e.locale);
        std::string dom = dump_dom(html / e.locale / "privacy.html");
        REQUIRE(!dom.empty());
        CHECK(dom.find(std::string("<html lang=\"") + e.locale + "\" dir=\"" + e.dir + "\">") !=
              std::string::npos);
        CHECK(dom.find(std::string("<title>") + e.title + "</title>") != std::string::npos);
        CHECK(dom.find(e.date) != std::string::npos);
        CHECK(dom.find("{{") == std::string::npos);
        CHECK(dom.find("<h2") != std::string::npos);
    }
    // The index links every page and locale with its completeness; Italian has no page.
    std::string index = dump_dom(html / "index.html");
    CHECK(index.find("data-locale=\"de\" data-page=\"privacy.md\" data-percent=\"100.0%\"") !=
          std::string::npos);
    CHECK(index.find("data-locale=\"it\" data-page=\"privacy.md\" data-percent=\"61.5%\"") !=
          std::string::npos);
    CHECK(index.find("href=\"de/privacy.html\"") != std::string::npos);
    CHECK(index.find("href=\"it/privacy.html\"") == std::string::npos);

    // Pseudo text: every heading and paragraph of en-XA bracketed and accented, nothing of the
    // English left; placeholders and links kept.
    std::string xa = dump_dom(html / "en-XA/privacy.html");
    size_t bracketed = 0;
    for (const char* tag : {"h1", "h2", "p", "li"})
        for (const std::string& text : elements(xa, tag)) {
            bool ok = text.starts_with("[") && text.ends_with("]");
            CHECK_MESSAGE(ok, tag << ": " << text);
            bracketed += ok;
        }
    CHECK(bracketed > 40);
    CHECK(xa.find("Introduction") == std::string::npos);
    CHECK(xa.find("[Îñţŕöðûçţîöñ one]") != std::string::npos);
    CHECK(xa.find("href=\"mailto:") != std::string::npos);
    CHECK(index.find("data-locale=\"en-XA\" data-page=\"privacy.md\" data-percent=\"100.0%\"") !=
          std::string::npos);

    // Screenshots: Chromium lays out each page, at the window's size, without error.
    for (const char* locale : {"de", "ja", "ar", "en-XA"}) {
        INFO(locale);
        fs::path png = dir / (std::string(locale) + ".png");
        run("timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1000,800 "
            "--screenshot=" +
            sh_quote(png) + " " + sh_quote("file://" + (html / locale / "privacy.html").string()) +
            " >/dev/null 2>&1");
        REQUIRE(fs::exists(png));
        CHECK(fs::file_size(png) > 10000);
        CHECK(png_size(png) == std::pair<unsigned, unsigned>{1000, 800});
    }
}
