// The build's schedule: catalogs read on one thread while pages are cut and merged on the
// others (project/src/build_pipeline.h), Markdown parsed safely from several threads at once,
// and a project whose catalogs name front-matter keys the configuration does not.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "build_pipeline.h"
#include "policyloc/markdown_extensions.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("build schedule: reads in order, pages before jobs, each job after its catalogs") {
    for (unsigned threads : {1u, 2u, 4u})
        for (bool open : {true, false}) {
            PipelineShape shape;
            shape.reads = 5;
            shape.prepares = 30;
            shape.needs = {0, 1, 1, 2, 3, 3, 3, 5, 5};
            shape.threads = threads;
            std::mutex m;
            std::vector<size_t> read_order;
            std::atomic<size_t> reads_done{0}, prepared{0};
            std::vector<int> job_seen(shape.needs.size(), 0);
            std::vector<bool> job_ok(shape.needs.size(), false);
            std::atomic<unsigned> max_thread{0};
            int gates = 0;
            bool gate_saw_all = false;
            size_t gated_jobs = 0;
            pipeline_run(
                shape,
                [&](size_t r) {
                    std::lock_guard<std::mutex> lock(m);
                    read_order.push_back(r);
                    ++reads_done;
                },
                [&](size_t, unsigned t) {
                    CHECK(t < threads);
                    ++prepared;
                },
                [&] {
                    ++gates;
                    gate_saw_all = prepared == shape.prepares && reads_done == shape.reads;
                    return open;
                },
                [&](size_t k, unsigned t, bool gated) {
                    std::lock_guard<std::mutex> lock(m);
                    if (gated) ++gated_jobs;
                    CHECK((!gated || (open && gates == 1)));
                    ++job_seen[k];
                    job_ok[k] = prepared == shape.prepares && reads_done >= shape.needs[k];
                    if (t > max_thread) max_thread = t;
                });
            CHECK(read_order == std::vector<size_t>{0, 1, 2, 3, 4});
            CHECK(prepared == shape.prepares);
            for (size_t k = 0; k < shape.needs.size(); ++k) {
                CHECK_MESSAGE(job_seen[k] == 1, "job " << k << ", " << threads << " threads");
                CHECK_MESSAGE(job_ok[k],
                              "job " << k << " ran too early, " << threads << " threads");
            }
            CHECK(max_thread < threads);
            CHECK(gates == 1);
            CHECK(gate_saw_all);
            // With one thread every read and page comes before the first job: all pass the gate.
            if (!open) CHECK(gated_jobs == 0);
            if (open && threads == 1) CHECK(gated_jobs == shape.needs.size());
            // The jobs that wait for the last catalog always start after the gate.
            if (open) CHECK(gated_jobs >= 2);
        }
}

TEST_CASE("build schedule: Markdown parsed on several threads at once keeps its extensions") {
    // Autolinks and strikethrough come from cmark-gfm's inline extensions, whose characters
    // live in a process-wide table every parse fills and clears; table rows do it too.
    const std::string page = "| a | b |\n|---|---|\n| ~~x~~ | https://example.com/a |\n\n"
                             "See https://example.com/b and ~~old~~ www.example.org text.\n";
    auto count = [&](cmark_node* root) {
        int links = 0, strikes = 0;
        CmarkIter it = iterate(root);
        for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
            cmark_node* n = cmark_iter_get_node(it.get());
            if (ev != CMARK_EVENT_ENTER) continue;
            if (cmark_node_get_type(n) == CMARK_NODE_LINK) ++links;
            const char* type = cmark_node_get_type_string(n);
            if (type && std::string(type) == "strikethrough") ++strikes;
        }
        return std::pair{links, strikes};
    };
    cmark_node* alone = markdown_parse(page, CMARK_OPT_SOURCEPOS);
    const auto expected = count(alone);
    cmark_node_free(alone);
    REQUIRE(expected == std::pair{3, 2});
    std::atomic<int> wrong{0};
    auto parse_many = [&] {
        for (int i = 0; i < 1000; ++i) {
            cmark_node* root = markdown_parse(page, CMARK_OPT_SOURCEPOS);
            if (count(root) != expected) ++wrong;
            cmark_node_free(root);
        }
    };
    std::thread other(parse_many);
    parse_many();
    other.join();
    CHECK(wrong == 0);
}

namespace {

const char* kPoHeader = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                        "\"Language: de\\n\"\n\n";

// The project in `dir` (policyloc.toml) is refused on one thread and on two: exit code 2, an
// error naming `where`, and nothing written under dir/out.
void check_build_refused(const fs::path& dir, const std::string& where) {
    for (const char* jobs : {"1", "2"}) {
        auto r =
            run_policyloc("build --config " + sh_quote(dir / "policyloc.toml") + " --jobs " + jobs);
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find(where) != std::string::npos, r.err);
        CHECK_FALSE(fs::exists(dir / "out"));
    }
}

} // namespace

TEST_CASE("build: a front-matter key only the catalogs name is translated, on 1 or 2 threads") {
    fs::path dir = temp_dir("build-catalog-keys");
    write_file(dir / "a.md", "---\ntitle: Privacy\ntagline: We keep little\n---\n\nBody text.\n");
    write_file(dir / "b.md", "---\ntitle: Terms\n---\n\nOther text.\n");
    std::string po = kPoHeader;
    for (auto [note, en, de] : {std::tuple{"Front matter: title", "Privacy", "Datenschutz"},
                                {"Front matter: tagline", "We keep little", "Wir speichern wenig"},
                                {"Front matter: title", "Terms", "Bedingungen"},
                                {"Type: paragraph", "Body text.", "Haupttext."},
                                {"Type: paragraph", "Other text.", "Anderer Text."}})
        po += std::string("#. ") + note + "\nmsgid \"" + en + "\"\nmsgstr \"" + de + "\"\n\n";
    write_file(dir / "de.po", po);
    for (const char* jobs : {"1", "2"}) {
        fs::path out = dir / ("out" + std::string(jobs));
        write_file(dir / "policyloc.toml",
                   "pages = [\"a.md\", \"b.md\"]\n[catalogs]\npath = \"{locale}.po\"\n[output]\n"
                   "path = \"" +
                       out.filename().string() +
                       "/{page}.{locale}.md\"\n"
                       "[locales]\nde = {}\n");
        auto r =
            run_policyloc("build --config " + sh_quote(dir / "policyloc.toml") + " --jobs " + jobs);
        REQUIRE_MESSAGE(r.exit_code == 0, r.out << r.err);
        CHECK(read_file(out / "a.de.md") ==
              "---\ntitle: Datenschutz\ntagline: Wir speichern wenig\n---\n\nHaupttext.\n");
        CHECK(read_file(out / "b.de.md") == "---\ntitle: Bedingungen\n---\n\nAnderer Text.\n");
    }
}

TEST_CASE("build: a broken catalog stops the build before anything is written, on 1 or 2 threads") {
    fs::path dir = temp_dir("build-broken-catalog");
    write_file(dir / "a.md", "# Privacy\n\nBody text.\n");
    write_file(dir / "de.po",
               std::string(kPoHeader) + "msgid \"Privacy\"\nmsgstr \"Datenschutz\"\n");
    // fr's catalog comes after de's; de's pages may be merged before it is read.
    write_file(dir / "fr.po", "msgid \"Privacy\"\nmsgstr \"Confidentialit\n");
    write_file(dir / "policyloc.toml",
               "pages = [\"a.md\"]\n[catalogs]\npath = \"{locale}.po\"\n[output]\n"
               "path = \"out/{page}.{locale}.md\"\n[locales]\nde = {}\nfr = {}\n");
    // The line msgfmt reports too: the end of the unterminated string.
    check_build_refused(dir, "fr.po:3:");
}

TEST_CASE("build: a broken page stops the build before anything is written, on 1 or 2 threads") {
    fs::path dir = temp_dir("build-broken-page");
    write_file(dir / "a.md", "# Privacy\n\nBody text.\n");
    write_file(dir / "b.md", "---\ntitle: [unclosed\n---\n\nText.\n");
    write_file(dir / "de.po",
               std::string(kPoHeader) + "msgid \"Privacy\"\nmsgstr \"Datenschutz\"\n");
    write_file(dir / "policyloc.toml",
               "pages = [\"a.md\", \"b.md\"]\n[catalogs]\npath = \"{locale}.po\"\n[output]\n"
               "path = \"out/{page}.{locale}.md\"\n[locales]\nde = {}\n");
    // a.md merges well, and is not written either.
    check_build_refused(dir, "b.md:3:1: error: invalid YAML front matter");
}
