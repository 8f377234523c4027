// policyloc_bench: the in-process cost of each step (extract, merge, catalog reading and
// writing) as a ratio to cmark-gfm parsing the same input, the floor DESIGN.md ("Speed")
// measures against. Inputs default to the bundled page, the large corpus pages and the Hugo
// corpus as one batch; arguments after the benchmark flags replace them (a file is one
// input, a directory is a batch of its Markdown files).
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

#include <benchmark/benchmark.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "bench_inputs.h"
#include "policyloc/catalog_io.h"
#include "policyloc/dates.h"
#include "policyloc/merge.h"
#include "policyloc/reflow.h"
#include "ratio_reporter.h"

namespace policyloc::bench {

namespace {

namespace fs = std::filesystem;

// cmark-gfm's parse with the options and extensions of extraction (markdown_util.cpp).
void cmark_parse(const std::string& text) {
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES);
    for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
            cmark_parser_attach_syntax_extension(parser, e);
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    benchmark::DoNotOptimize(root);
    cmark_parser_free(parser);
    cmark_node_free(root);
}

// As a build's worker merges: ICU's date formats and line breaks made once, reused by every
// merge (the benchmark runs on one thread).
MergeResult merge(const BenchPage& p, const Skeleton& skeleton, const Catalog& catalog) {
    static DateFormatter dates;
    static LineBreaker lines;
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    mo.date_formatter = &dates;
    mo.line_breaker = &lines;
    return merge_page(p.text, skeleton, {{"de.po", &catalog}}, mo);
}

// As a build's worker cuts pages: the source locale's date patterns made once.
ExtractResult extract(const BenchPage& p) {
    static DateFinders finders;
    ExtractOptions eo;
    eo.date_finders = &finders;
    eo.file_name = fs::path(p.path).filename().string();
    return extract_page(p.text, eo);
}

using Step = std::function<void(const BenchPage&)>;

std::vector<std::pair<std::string, Step>> steps() {
    return {
        {"cmark_parse", [](const BenchPage& p) { cmark_parse(p.text); }},
        {"extract", [](const BenchPage& p) { benchmark::DoNotOptimize(extract(p)); }},
        {"merge_identity",
         [](const BenchPage& p) {
             benchmark::DoNotOptimize(merge(p, p.extracted.skeleton, p.identity));
         }},
        {"merge_translated",
         [](const BenchPage& p) {
             benchmark::DoNotOptimize(merge(p, p.extracted.skeleton, p.translated));
         }},
        {"extract+merge_translated",
         [](const BenchPage& p) {
             ExtractResult ex = extract(p);
             benchmark::DoNotOptimize(merge(p, ex.skeleton, p.translated));
         }},
        {"po_read", [](const BenchPage& p) { benchmark::DoNotOptimize(po_read_file(p.po_path)); }},
        {"po_write", [](const BenchPage& p) { benchmark::DoNotOptimize(po_write(p.translated)); }},
        {"xliff12_read",
         [](const BenchPage& p) { benchmark::DoNotOptimize(xliff_read(p.xliff12_text, "x.xlf")); }},
        {"xliff12_write",
         [](const BenchPage& p) {
             benchmark::DoNotOptimize(xliff_write(p.translated, CatalogFormat::xliff12));
         }},
        {"xliff20_read",
         [](const BenchPage& p) { benchmark::DoNotOptimize(xliff_read(p.xliff20_text, "x.xlf")); }},
        {"xliff20_write",
         [](const BenchPage& p) {
             benchmark::DoNotOptimize(xliff_write(p.translated, CatalogFormat::xliff20));
         }},
    };
}

void register_input(const BenchInput& input) {
    for (auto& [name, step] : steps()) {
        benchmark::RegisterBenchmark((name + "/" + input.name).c_str(),
                                     [&input, step = step](benchmark::State& state) {
                                         for (auto _ : state)
                                             for (const BenchPage& p : input.pages) step(p);
                                         state.SetBytesProcessed(
                                             static_cast<int64_t>(state.iterations()) *
                                             static_cast<int64_t>(input.bytes));
                                     })
            ->Unit(benchmark::kMillisecond);
    }
}

std::vector<BenchInput> inputs(int argc, char** argv, const fs::path& scratch) {
    std::vector<std::pair<std::string, std::vector<fs::path>>> wanted;
    auto add = [&wanted](const fs::path& p) {
        if (fs::is_directory(p)) {
            auto files = markdown_files_below(p);
            if (!files.empty())
                wanted.push_back(
                    {p.filename().string() + " (" + std::to_string(files.size()) + " pages)",
                     files});
        } else if (fs::exists(p)) {
            wanted.push_back({p.filename().string(), {p}});
        }
    };
    if (argc > 1) {
        for (int i = 1; i < argc; ++i) add(argv[i]);
    } else {
        add(fs::path(POLICYLOC_SOURCE_DIR) / "locales/privacy.md");
        for (const auto& f : markdown_files_below(fs::path(POLICYLOC_SHARED_DIR) / "corpus/large"))
            add(f);
        add(fs::path(POLICYLOC_SHARED_DIR) / "corpus/hugo");
    }
    std::vector<BenchInput> out;
    for (const auto& [name, files] : wanted) out.push_back(bench_input(name, files, scratch));
    return out;
}

} // namespace

int run(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    po_prefer_byte_io(); // as the program does
    cmark_gfm_core_extensions_ensure_registered();
    fs::path scratch = fs::temp_directory_path() / ("policyloc-bench-" + std::to_string(getpid()));
    fs::create_directories(scratch);
    int status = 0;
    try {
        std::vector<BenchInput> all = inputs(argc, argv, scratch);
        if (all.empty()) throw std::runtime_error("no input pages found");
        for (const BenchInput& input : all) register_input(input);
        RatioReporter reporter(
            {{"extract", 1.5}, {"merge_translated", 2.0}, {"extract+merge_translated", 2.0}});
        benchmark::RunSpecifiedBenchmarks(&reporter);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "policyloc_bench: %s\n", e.what());
        status = 2;
    }
    fs::remove_all(scratch);
    benchmark::Shutdown();
    return status;
}

} // namespace policyloc::bench

int main(int argc, char** argv) {
    return policyloc::bench::run(argc, argv);
}
