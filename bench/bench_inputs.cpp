#include "bench_inputs.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "bench_catalogs.h"
#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/merge.h"

namespace policyloc::bench {

namespace {

const char* const kLocale = "de";

std::string written(const CatalogWriteResult& r, const std::string& what) {
    if (!r.text) throw std::runtime_error("cannot write " + what);
    return *r.text;
}

BenchPage bench_page(const std::filesystem::path& path, const std::filesystem::path& scratch) {
    static std::atomic<int> counter{0};
    BenchPage p;
    p.path = path.string();
    FileReadResult in = file_read(p.path);
    if (!in.content) throw std::runtime_error("cannot read " + p.path);
    p.text = std::move(*in.content);
    ExtractOptions eo;
    eo.file_name = path.filename().string();
    p.extracted = extract_page(p.text, eo);
    if (!p.extracted.ok()) throw std::runtime_error("cannot extract " + p.path);
    // As build does: the page's source words counted once, not once per locale.
    skeleton_count_words(p.extracted.skeleton);
    p.identity = identity_catalog(p.extracted.catalog, kLocale);
    p.translated = translated_catalog(p.extracted.catalog, kLocale);
    p.po_text = written(po_write(p.translated), p.path + " as PO");
    p.po_path = (scratch / ("page" + std::to_string(counter++) + ".po")).string();
    if (file_write_atomic(p.po_path, p.po_text).outcome == WriteOutcome::failed)
        throw std::runtime_error("cannot write " + p.po_path);
    p.xliff12_text = written(xliff_write(p.translated, CatalogFormat::xliff12), "XLIFF 1.2");
    p.xliff20_text = written(xliff_write(p.translated, CatalogFormat::xliff20), "XLIFF 2.0");
    return p;
}

} // namespace

BenchInput bench_input(const std::string& name, const std::vector<std::filesystem::path>& paths,
                       const std::filesystem::path& scratch) {
    BenchInput input;
    input.name = name;
    for (const auto& path : paths) {
        input.pages.push_back(bench_page(path, scratch));
        input.bytes += input.pages.back().text.size();
    }
    return input;
}

std::vector<std::filesystem::path> markdown_files_below(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(dir)) return files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace policyloc::bench
