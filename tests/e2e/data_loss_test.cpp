// Files are never lost through the CLI: a kill -9 while an output is written leaves the old
// output and a temporary file that the next run removes; an output that is an input, a
// read-only directory, a catalog that is a directory and two --per-page pages of one name are
// refused with exit 2 and nothing written; a symbolic link is written through; a hard link is
// replaced with a warning.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "test_support.h"

using namespace policyloc::test;

namespace {

const char* const kPage = "Hello world\n\nSecond para.\n";
const char* const kCatalog = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n"
                             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                             "msgid \"Hello world\"\nmsgstr \"Hallo Welt\"\n";

// An earlier template of the page (a readable catalog, so extract may replace it).
const char* const kOldTemplate = "msgid \"\"\nmsgstr \"\"\n"
                                 "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                 "msgid \"Hello\"\nmsgstr \"\"\n";

int temps_in(const fs::path& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

// A page of `n` distinct paragraphs (its PO template is about 60 bytes per paragraph).
std::string big_page(int n) {
    std::string page;
    for (int i = 0; i < n; ++i)
        page += "Paragraph number " + std::to_string(i) + " of the policy text.\n\n";
    return page;
}

// Runs `args` in the background and kills it with SIGKILL as soon as its temporary file for
// `output` exists (it is then writing); "killed", or "finished" when it ended first.
std::string kill_while_writing(const std::string& args, const fs::path& output) {
    const std::string pattern =
        (output.parent_path() / ("." + output.filename().string() + ".tmp-*")).string();
    const std::string script = sh_quote(policyloc_exe()) + " " + args + " 2>/dev/null & pid=$!\n" +
                               "while ! compgen -G " + sh_quote(pattern) +
                               " >/dev/null; do\n"
                               "  kill -0 $pid 2>/dev/null || { echo finished; exit 0; }\n"
                               "done\n"
                               "kill -9 $pid; wait $pid; echo killed\n";
    return run("bash -c " + sh_quote(script)).out;
}

} // namespace

TEST_CASE("data loss: kill -9 while writing a large output keeps the old one, and the next run "
          "clears the temporary file") {
    if (!require_tool("bash")) return;
    fs::path dir = temp_dir("data-loss-kill");
    write_file(dir / "page.md", big_page(150000));
    write_file(dir / "page.de.po", kCatalog);
    struct Step {
        std::string args;
        fs::path output;
        std::string old;
    };
    const Step steps[] = {
        {"extract " + sh_quote(dir / "page.md") + " -o " + sh_quote(dir / "page.pot"),
         dir / "page.pot", kOldTemplate},
        {"merge --locale de " + sh_quote(dir / "page.md") + " " + sh_quote(dir / "page.de.po") +
             " -o " + sh_quote(dir / "page.de.md"),
         dir / "page.de.md", "the old output\n"},
    };
    for (const Step& s : steps) {
        INFO(s.output);
        // The kill may come after the rename (the output was written whole) or before it (the
        // old output must be there); tried until it comes before.
        bool killed_while_writing = false;
        for (int attempt = 0; attempt < 10 && !killed_while_writing; ++attempt) {
            write_file(s.output, s.old);
            if (!has(kill_while_writing(s.args, s.output), "killed")) continue;
            const std::string now = read_file(s.output);
            killed_while_writing = now == s.old;
            if (!killed_while_writing)
                CHECK_MESSAGE(has(now, "Paragraph number 149999 of the policy text."),
                              "a partial output");
        }
        REQUIRE_MESSAGE(killed_while_writing, "the kill never came while the output was written");
        CHECK(temps_in(dir) >= 1);
        auto r = run_policyloc(s.args);
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        CHECK(temps_in(dir) == 0);
        CHECK(has(read_file(s.output), "Paragraph number 149999 of the policy text."));
    }
}

TEST_CASE("data loss: an output that is the input page or the catalog is refused") {
    fs::path dir = temp_dir("data-loss-same");
    write_file(dir / "page.md", kPage);
    write_file(dir / "de.po", kCatalog);
    fs::create_symlink("page.md", dir / "alias.md");
    const std::string page = sh_quote(dir / "page.md"), po = sh_quote(dir / "de.po");
    for (const std::string& args :
         {"merge --locale de " + page + " " + po + " -o " + page,
          "merge --locale de " + page + " " + po + " -o " + sh_quote(dir / "alias.md"),
          "merge --locale de " + page + " " + po + " -o " + po,
          "merge --locale de " + page + " " + sh_quote(dir) + " -o " + po,
          "extract " + page + " " + sh_quote(dir / "alias.md") + " -o " + page}) {
        INFO(args);
        auto r = run_policyloc(args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(has(r.err, "the output is the input"), r.err);
        CHECK(read_file(dir / "page.md") == kPage);
        CHECK(read_file(dir / "de.po") == kCatalog);
    }
}

TEST_CASE("data loss: a read-only directory is refused and its output kept") {
    fs::path dir = temp_dir("data-loss-readonly");
    fs::path ro = dir / "ro";
    fs::create_directories(ro);
    write_file(dir / "page.md", kPage);
    write_file(dir / "de.po", kCatalog);
    write_file(ro / "page.de.md", "old\n");
    write_file(ro / "page.pot", kOldTemplate);
    REQUIRE(::chmod(ro.c_str(), 0555) == 0);
    // root writes anywhere: run as nobody then.
    std::string as_user;
    if (::geteuid() == 0) {
        if (!require_tool("setpriv")) return;
        REQUIRE(::chmod(dir.c_str(), 0755) == 0);
        as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    for (const std::string& args :
         {"merge --locale de " + sh_quote(dir / "page.md") + " " + sh_quote(dir / "de.po") +
              " -o " + sh_quote(ro / "page.de.md"),
          "extract " + sh_quote(dir / "page.md") + " -o " + sh_quote(ro / "page.pot")}) {
        auto r = run(as_user + sh_quote(policyloc_exe()) + " " + args);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(has(r.err, "cannot create a temporary file beside"), r.err);
    }
    CHECK(read_file(ro / "page.de.md") == "old\n");
    CHECK(read_file(ro / "page.pot") == kOldTemplate);
    REQUIRE(::chmod(ro.c_str(), 0755) == 0);
}

TEST_CASE("data loss: a catalog that is a directory is refused and left as it was") {
    fs::path dir = temp_dir("data-loss-catalog-dir");
    write_file(dir / "page.md", kPage);
    fs::create_directories(dir / "de.po");
    write_file(dir / "de.po/keep.txt", "keep\n");
    auto r =
        run_policyloc("extract " + sh_quote(dir / "page.md") + " -o " + sh_quote(dir / "de.po"));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(has(r.err, "de.po: error:"), r.err);
    r = run_policyloc("convert " + sh_quote(dir / "de.po") + " " + sh_quote(dir / "de.xlf"));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(has(r.err, "Is a directory"), r.err);
    CHECK(fs::is_directory(dir / "de.po"));
    CHECK(read_file(dir / "de.po/keep.txt") == "keep\n");
    CHECK_FALSE(fs::exists(dir / "de.xlf"));
}

TEST_CASE("data loss: a symbolic link is written through, a hard link is replaced with a "
          "warning") {
    fs::path dir = temp_dir("data-loss-links");
    write_file(dir / "page.md", kPage);
    write_file(dir / "de.po", kCatalog);
    fs::create_directories(dir / "site");
    write_file(dir / "site/page.de.md", "old\n");
    write_file(dir / "site/page.pot", kOldTemplate);
    fs::create_symlink("site/page.de.md", dir / "out.md");
    fs::create_symlink("site/page.pot", dir / "out.pot");
    const std::string merge =
        "merge --locale de " + sh_quote(dir / "page.md") + " " + sh_quote(dir / "de.po") + " -o ";
    auto r = run_policyloc(merge + sh_quote(dir / "out.md"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::is_symlink(dir / "out.md"));
    CHECK(read_file(dir / "site/page.de.md") == "Hallo Welt\n\nSecond para.\n");
    r = run_policyloc("extract " + sh_quote(dir / "page.md") + " -o " + sh_quote(dir / "out.pot"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::is_symlink(dir / "out.pot"));
    CHECK(has(read_file(dir / "site/page.pot"), "msgid \"Second para.\""));
    CHECK(temps_in(dir) + temps_in(dir / "site") == 0);

    fs::create_hard_link(dir / "site/page.de.md", dir / "backup.md");
    write_file(dir / "de.po",
               std::string(kCatalog) + "\nmsgid \"Second para.\"\nmsgstr \"Zwei.\"\n");
    r = run_policyloc(merge + sh_quote(dir / "site/page.de.md"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK_MESSAGE(has(r.err, "warning: had 1 other hard link; it was replaced"), r.err);
    CHECK(read_file(dir / "site/page.de.md") == "Hallo Welt\n\nZwei.\n");
    CHECK(read_file(dir / "backup.md") == "Hallo Welt\n\nSecond para.\n");
}

TEST_CASE("regress: extract --per-page with two pages of one file name writes nothing") {
    fs::path dir = temp_dir("data-loss-per-page");
    write_file(dir / "a/privacy.md", "Alpha\n");
    write_file(dir / "b/privacy.md", "Beta\n");
    auto r = run_policyloc("extract --per-page " + sh_quote(dir / "a/privacy.md") + " " +
                           sh_quote(dir / "b/privacy.md") + " -o " + sh_quote(dir / "out"));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(has(r.err, "b/privacy.md: error:"), r.err);
    CHECK(has(r.err, "a/privacy.md"));
    CHECK_FALSE(fs::exists(dir / "out/privacy.pot"));
}
