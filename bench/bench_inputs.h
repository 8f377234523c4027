// The inputs of the in-process benchmarks: a named set of pages (one page, or a batch such
// as a whole Hugo site), each extracted once, with its catalogs built and serialized, so that
// every benchmark on an input times only its own step.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/extract.h"

namespace policyloc::bench {

struct BenchPage {
    std::string path;
    std::string text;
    ExtractResult extracted;
    Catalog identity;
    Catalog translated;
    std::string po_text;      // `translated` as PO
    std::string po_path;      // po_text in a temporary file (libgettextpo reads files)
    std::string xliff12_text; // `translated` as XLIFF 1.2
    std::string xliff20_text; // `translated` as XLIFF 2.0
};

struct BenchInput {
    std::string name; // "privacy.md", "hugo (214 pages)"
    size_t bytes = 0;
    std::vector<BenchPage> pages;
};

// Reads and prepares the pages at `paths` as one input; PO files go below `scratch`.
// Throws std::runtime_error when a page cannot be read, extracted or serialized.
BenchInput bench_input(const std::string& name, const std::vector<std::filesystem::path>& paths,
                       const std::filesystem::path& scratch);

// The Markdown files below `dir` (recursively), sorted.
std::vector<std::filesystem::path> markdown_files_below(const std::filesystem::path& dir);

} // namespace policyloc::bench
