// policyloc check with no arguments checks the project; build's summary and progress bar.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace policyloc::test;

namespace {

// Runs policyloc in `dir` (a shell `cd`), with the given arguments.
CommandResult policyloc_in(const fs::path& dir, const std::string& args) {
    return run("cd " + sh_quote(dir) + " && " + sh_quote(policyloc_exe()) + " " + args);
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t pos = 0; (pos = text.find(what, pos)) != std::string::npos; pos += what.size()) ++n;
    return n;
}

} // namespace

TEST_CASE("check with no arguments: the example project, ten locales complete, Italian below") {
    fs::path project = example_copy("project-check");
    auto r = policyloc_in(project, "check");
    CHECK_MESSAGE(r.exit_code == 0, r.out << r.err);
    // One row per page and locale: the ten complete locales at 100%, Italian below its 90%.
    size_t complete = 0;
    for (const char* l : {"de", "fr", "es", "pt-BR", "ja", "zh-Hans", "ko", "ar", "he", "ru"}) {
        std::string row = "privacy.md";
        row += std::string(32 - row.size() + 1, ' ') + l;
        size_t at = r.out.find(row + " ");
        REQUIRE_MESSAGE(at != std::string::npos, l);
        std::string line = r.out.substr(at, r.out.find('\n', at) - at);
        bool full = line.ends_with("100.0%");
        CHECK_MESSAGE(full, line);
        complete += full;
    }
    CHECK(complete == 10);
    CHECK(r.out.find("privacy.md                       it") != std::string::npos);
    CHECK(r.out.find("61.5%") != std::string::npos);
    CHECK(r.out.find("warning: 61.5% of the source words translated") != std::string::npos);
    CHECK(r.out.find("(not a required locale) [below-threshold]") != std::string::npos);
    CHECK(r.out.find("privacy.md                       en ") == std::string::npos);
    CHECK(r.out.find(": passed") != std::string::npos);

    // --config from elsewhere, as JSON: the same figures.
    auto json = run_policyloc("check --json --config " + sh_quote(project / "policyloc.toml"));
    CHECK(json.exit_code == 0);
    CHECK(count(json.out, "\"locale\": \"it\"") + count(json.out, "\"locale\":\"it\"") >= 1);

    // Italian required: the check fails (exit 1) with the threshold as an error.
    std::string config = read_file(project / "policyloc.toml");
    config.replace(config.find("it = {}"), 7, "it = { required = true }");
    write_file(project / "policyloc.toml", config);
    auto required = policyloc_in(project, "check");
    CHECK(required.exit_code == 1);
    CHECK(required.out.find("error: 61.5% of the source words translated") != std::string::npos);
    // --locale narrows the project's locales: German alone passes.
    CHECK(policyloc_in(project, "check --locale de").exit_code == 0);
}

TEST_CASE("check with no arguments: no config, or a broken one, is exit 2") {
    fs::path dir = temp_dir("project-check-errors");
    auto none = policyloc_in(dir, "check");
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no project config") != std::string::npos);
    write_file(dir / "policyloc.toml", "pages = [\"p.md\"]\n[locales]\nde = { requird = true }\n");
    auto bad = policyloc_in(dir, "check");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("policyloc.toml:3:8: error: unknown key 'requird'") != std::string::npos);
    auto both = policyloc_in(dir, "check --config policyloc.toml de.po");
    CHECK(both.exit_code == 2);
}

TEST_CASE("build: the summary's date column, and a progress bar only on a terminal") {
    fs::path project = example_copy("project-progress");
    std::string config = read_file(project / "policyloc.toml");
    config.replace(config.find("[defaults]\n"), 11, "[defaults]\ndate = \"2026-11-28\"\n");
    write_file(project / "policyloc.toml", config);
    const std::string build = "build --jobs 2 --config " + sh_quote(project / "policyloc.toml");
    auto piped = run_policyloc(build);
    REQUIRE_MESSAGE(piped.exit_code == 0, piped.err);
    // Piped (as in CI): no bar, no carriage return, no escape sequence.
    CHECK(piped.err.find("merges") == std::string::npos);
    CHECK(piped.err.find('\r') == std::string::npos);
    CHECK(piped.out.find('\r') == std::string::npos);
    CHECK(piped.out.find('\033') == std::string::npos);
    // The date written on each page, as its locale writes it.
    CHECK(piped.out.find(" date ") != std::string::npos);
    for (const char* date : {"November 28, 2026", "28. November 2026", "2026年11月28日",
                             "28 novembre 2026", "٢٨ نوفمبر ٢٠٢٦", "28 בנובמבר 2026"})
        CHECK_MESSAGE(piped.out.find(date) != std::string::npos, date);

    // On a terminal (script(1) gives the command one): the bar, redrawn in place.
    if (!require_tool("script")) return;
    fs::remove_all(project / "site/content");
    auto tty =
        run("script -qec " + sh_quote(sh_quote(policyloc_exe()) + " " + build) + " /dev/null");
    CHECK_MESSAGE(tty.exit_code == 0, tty.out);
    CHECK(tty.out.find("] 12/12 merges") != std::string::npos);
    CHECK(tty.out.find("\r[") != std::string::npos);
}

TEST_CASE("check --jobs: the same report and diagnostics on one thread as on several") {
    fs::path project = example_copy("project-check-jobs");
    auto runs = [&](const std::string& args) {
        auto one = policyloc_in(project, "check --jobs 1 " + args);
        for (const char* jobs : {"2", "4"}) {
            auto many = policyloc_in(project, "check --jobs " + std::string(jobs) + " " + args);
            CHECK_MESSAGE(many.exit_code == one.exit_code, jobs << " jobs, " << args);
            CHECK_MESSAGE(many.out == one.out, jobs << " jobs, " << args);
            CHECK_MESSAGE(many.err == one.err, jobs << " jobs, " << args);
        }
        return one;
    };
    CHECK(runs("--json").exit_code == 0);
    CHECK(runs("").out.find("privacy.md                       it") != std::string::npos);
    // A locale without a catalog yet (a warning), then one whose catalog is broken: the check
    // stops at the broken one, after the same diagnostics, whatever the threads did meanwhile.
    fs::remove(project / "es.po");
    write_file(project / "ko.po", "msgid \"a\"\nmsgstr \"b\n");
    auto broken = runs("");
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.find("no catalog for es yet") != std::string::npos);
    CHECK(broken.err.find("ko.po:3: error: end-of-line within string") != std::string::npos);
    CHECK(broken.err.find("no catalog for es yet") < broken.err.find("ko.po:3:"));
}
