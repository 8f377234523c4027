// PO reading: arbitrary bytes as a PO file. No crash; what is read writes back as PO that
// reads again with the same units.
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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    CatalogReadResult first = read_text(input);
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
