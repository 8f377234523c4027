// build --html: standalone previews read by headless Chromium, as a person's browser reads them.
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

} // namespace

TEST_CASE("previews: lang, dir, title and the locale's date, read back from Chromium") {
    if (!require_tool("chromium")) return;
    fs::path dir = temp_dir("preview");
    fs::copy(source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
    fs::remove_all(dir / "locales/site/content");
    std::string config = read_file(dir / "locales/policyloc.toml");
    config.replace(config.find("[defaults]\n"), 11, "[defaults]\ndate = \"2026-11-28\"\n");
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

    // A screenshot renders (Chromium lays the Arabic page out without error).
    fs::path png = dir / "ar.png";
    run("timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1000,800 "
        "--screenshot=" +
        sh_quote(png) + " " + sh_quote("file://" + (html / "ar/privacy.html").string()) +
        " >/dev/null 2>&1");
    CHECK(fs::exists(png));
    CHECK(fs::file_size(png) > 10000);
}
