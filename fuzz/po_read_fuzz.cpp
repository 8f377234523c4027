// PO reading: arbitrary bytes as a PO file. No crash; libgettextpo's byte-wise reader (as the
// program reads, po_prefer_byte_io) and its iconv reader give the same catalog or both refuse
// it; what is read writes back as PO that reads again with the same units.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "fuzz_support.h"
#include "policyloc/catalog_io.h"

using namespace policyloc;

namespace {

// libgettextpo reads files only: one scratch file per process, removed at exit.
const std::string& scratch_path() {
    static const std::string path = [] {
        const char* dir = std::getenv("TMPDIR");
        std::string p = std::string(dir && *dir ? dir : "/tmp") + "/policyloc-fuzz-XXXXXX";
        int fd = mkstemp(p.data());
        if (fd < 0) std::abort();
        close(fd);
        static std::string removed_at_exit;
        removed_at_exit = p;
        std::atexit([] { std::remove(removed_at_exit.c_str()); });
        return p;
    }();
    return path;
}

CatalogReadResult read_text(std::string_view text) {
    std::FILE* f = std::fopen(scratch_path().c_str(), "wb");
    if (!f) std::abort();
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    return po_read_file(scratch_path(), "fuzz.po");
}

bool same_unit(const Unit& a, const Unit& b) {
    return a.context == b.context && a.source == b.source && a.target == b.target &&
           a.plural_targets == b.plural_targets && a.state == b.state && a.obsolete == b.obsolete;
}

// Read through iconv, then as the program reads: the same outcome.
CatalogReadResult read_both_ways(std::string_view input) {
    ::setenv("OLD_PO_FILE_INPUT", "", 1);
    CatalogReadResult through_iconv = read_text(input);
    ::setenv("OLD_PO_FILE_INPUT", "yes", 1);
    ::setenv("OLD_PO_FILE_OUTPUT", "yes", 1);
    CatalogReadResult byte_wise = read_text(input);
    if (through_iconv.catalog.has_value() != byte_wise.catalog.has_value())
        fuzz::violation(byte_wise.catalog ? "only the byte-wise reader reads the file"
                                          : "only the iconv reader reads the file",
                        input);
    if (!byte_wise.catalog) return byte_wise;
    const auto& a = through_iconv.catalog->units();
    const auto& b = byte_wise.catalog->units();
    if (a.size() != b.size() || !std::equal(a.begin(), a.end(), b.begin(), same_unit))
        fuzz::violation("the byte-wise and iconv readers read different units", input);
    return byte_wise;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    CatalogReadResult first = read_both_ways(input);
    if (!first.catalog) return 0;
    CatalogWriteResult written = po_write(*first.catalog);
    if (!written.text) return 0;
    CatalogReadResult again = read_text(*written.text);
    fuzz::check_read_back(
        *first.catalog, again, "PO",
        [](const Unit& a, const Unit& b) { return a.context == b.context && a.source == b.source; },
        input);
    return 0;
}
