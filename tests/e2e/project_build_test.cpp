// The project commands on the bundled example and on generated projects: build writes every
// page in every locale, skips and removes what is below its threshold, writes nothing the
// second time; config errors stop the run with nothing written; Hugo renders the result.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <map>

#include "test_support.h"

using namespace policyloc::test;

namespace {

std::map<std::string, struct timespec> mtimes(const fs::path& dir) {
    std::map<std::string, struct timespec> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        struct stat st {};
        if (e.is_regular_file() && ::stat(e.path().c_str(), &st) == 0)
            out[e.path().string()] = st.st_mtim;
    }
    return out;
}

bool same(const std::map<std::string, struct timespec>& a,
          const std::map<std::string, struct timespec>& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a) {
        auto it = b.find(k);
        if (it == b.end() || it->second.tv_sec != v.tv_sec || it->second.tv_nsec != v.tv_nsec)
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("build: the example project, every page x locale, Italian skipped and removed") {
    fs::path project = example_copy("project-build");
    fs::path content = project / "site/content";
    // Last month's Italian page, to be removed: Italian is below the project's 90%.
    fs::create_directories(content);
    write_file(content / "privacy.it.md", "stale Italian page\n");
    auto r = run_policyloc("build --config " + sh_quote(project / "policyloc.toml") + " --jobs 2");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
    for (const char* l : {"en", "de", "fr", "es", "pt-br", "ja", "zh-hans", "ko", "ar", "he", "ru"})
        CHECK_MESSAGE(fs::exists(content / ("privacy." + std::string(l) + ".md")), l);
    CHECK_FALSE(fs::exists(content / "privacy.it.md"));
    CHECK(r.out.find("skipped, removed") != std::string::npos);
    CHECK(r.out.find("11 pages written, 0 unchanged, 1 skipped") != std::string::npos);
    CHECK(read_file(content / "privacy.de.md").find("title: 'Datenschutzerklärung'") !=
          std::string::npos);

    // A second build writes nothing: no file's mtime changes.
    auto before = mtimes(project);
    auto again =
        run_policyloc("build --config " + sh_quote(project / "policyloc.toml") + " --jobs 2");
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("0 pages written, 11 unchanged, 1 skipped") != std::string::npos);
    CHECK(same(before, mtimes(project)));

    // One thread or two: the same pages.
    fs::path one = example_copy("project-build-one");
    REQUIRE(run_policyloc("build --config " + sh_quote(one / "policyloc.toml") + " --jobs 1")
                .exit_code == 0);
    for (const auto& e : fs::directory_iterator(content))
        CHECK(read_file(e.path()) == read_file(one / "site/content" / e.path().filename()));
}

TEST_CASE("build: a required locale below its threshold fails the build") {
    fs::path project = example_copy("project-required");
    std::string config = read_file(project / "policyloc.toml");
    config.replace(config.find("it = {}"), 7, "it = { required = true }");
    write_file(project / "policyloc.toml", config);
    auto r = run_policyloc("build --config " + sh_quote(project / "policyloc.toml"));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a required locale is below its threshold") != std::string::npos);
    // below_threshold = "source": the page is written, its missing units in English.
    config.replace(config.find("it = { required = true }"), 24,
                   "it = { below_threshold = \"source\" }");
    write_file(project / "policyloc.toml", config);
    auto s = run_policyloc("build --config " + sh_quote(project / "policyloc.toml"));
    CHECK(s.exit_code == 0);
    CHECK(fs::exists(project / "site/content/privacy.it.md"));
}

TEST_CASE("build: config errors give file, line and column, exit 2, and write nothing") {
    fs::path dir = temp_dir("project-errors");
    write_file(dir / "p.md", "# Title\n\nText.\n");
    const std::pair<const char*, const char*> cases[] = {
        {"pages = [\"p.md\"]\nlocale = \"de\"\n[locales]\nde = {}\n", "policyloc.toml:2:1: error"},
        {"pages = [\"p.md\"]\n[locales]\nde = { min_complete = \"high\" }\n",
         "policyloc.toml:3:23: error"},
        {"pages = [\"p.md\"]\n[output]\npath = \"out/{page}.md\"\n[locales]\nde = {}\n",
         "policyloc.toml:3:8: error"},
        {"pages = [\"p.md\"]\n[locales]\n\"de_DE.UTF-8\" = {}\n", "policyloc.toml:3:"},
    };
    for (const auto& [text, expected] : cases) {
        write_file(dir / "policyloc.toml", text);
        auto r =
            run("cd " + sh_quote(dir) + " && " + sh_quote(policyloc_exe().string()) + " build");
        CHECK_MESSAGE(r.exit_code == 2, text);
        CHECK_MESSAGE(r.err.find(expected) != std::string::npos, r.err);
        CHECK_FALSE(fs::exists(dir / "out"));
    }
    auto missing = run_policyloc("build --config " + sh_quote(dir / "none.toml"));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no project config") != std::string::npos);
}

TEST_CASE("update with no arguments updates every catalog of the project") {
    fs::path project = example_copy("project-update");
    std::string page = read_file(project / "privacy.md");
    const std::string old_text = "We may update this Privacy Policy from time to time.";
    REQUIRE(page.find(old_text) != std::string::npos);
    page.replace(page.find(old_text), old_text.size(),
                 "We may revise this Privacy Policy from time to time.");
    write_file(project / "privacy.md", page);
    auto r = run_policyloc("update --config " + sh_quote(project / "policyloc.toml"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (const char* name : {"de.xlf", "fr.po", "ja.xlf", "ru.po"})
        CHECK_MESSAGE(r.out.find(std::string(name) + ": 145 kept, 1 fuzzy, 0 new, 1 obsolete") !=
                          std::string::npos,
                      r.out);
    CHECK(read_file(project / "fr.po").find("#| msgid \"\"\n#| \"We may update this Privacy") !=
          std::string::npos);
}

TEST_CASE("hugo renders the example site that build writes") {
    if (!require_tool("hugo")) return;
    fs::path project = example_copy("project-hugo");
    REQUIRE(run_policyloc("build --config " + sh_quote(project / "policyloc.toml")).exit_code == 0);
    auto r = run("hugo --quiet --source " + sh_quote(project / "site"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
    fs::path public_dir = project / "site/public";
    std::string de = read_file(public_dir / "de/privacy/index.html");
    CHECK(de.find("<title>Datenschutzerklärung</title>") != std::string::npos);
    CHECK(de.find("<html lang=\"de\" dir=\"ltr\">") != std::string::npos);
    // The date as German writes it (the page's date: its last commit, or the file's time).
    bool german_date = false;
    for (const char* month : {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                              "September", "Oktober", "November", "Dezember"})
        german_date =
            german_date || de.find(std::string(". ") + month + " 20") != std::string::npos;
    CHECK(german_date);
    CHECK(de.find("Zuletzt aktualisiert") != std::string::npos);
    CHECK(de.find("{{") == std::string::npos);
    for (const char* rtl : {"ar", "he"})
        CHECK(read_file(public_dir / rtl / "privacy/index.html").find("dir=\"rtl\"") !=
              std::string::npos);
    CHECK_FALSE(fs::exists(public_dir / "it/privacy/index.html"));
}

TEST_CASE("update makes each locale's catalog in its format: PO, XLIFF 1.2 or XLIFF 2.0") {
    fs::path dir = temp_dir("project-formats");
    write_file(dir / "p.md", "# Title\n\nText to translate.\n");
    write_file(dir / "policyloc.toml",
               "pages = [\"p.md\"]\n[catalogs]\npath = \"l10n/{locale}.po\"\n[locales]\n"
               "fr = {}\nde = { format = \"xliff-2.0\" }\nja = { format = \"xliff-1.2\" }\n");
    auto r = run_policyloc("update --config " + sh_quote(dir / "policyloc.toml"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(dir / "l10n/fr.po").find("msgid \"Text to translate.\"") != std::string::npos);
    CHECK(read_file(dir / "l10n/de.xlf").find("urn:oasis:names:tc:xliff:document:2.0") !=
          std::string::npos);
    CHECK(read_file(dir / "l10n/ja.xlf").find("version=\"1.2\"") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "l10n/de.po"));
    // build finds each: nothing is translated yet, so every locale is below 100%.
    auto b = run_policyloc("build --config " + sh_quote(dir / "policyloc.toml"));
    CHECK_MESSAGE(b.exit_code == 0, b.err);
    CHECK(b.err.find("no catalog") == std::string::npos);
    CHECK(b.out.find("3 pages written") != std::string::npos);
}
