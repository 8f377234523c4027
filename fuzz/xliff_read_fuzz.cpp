// XLIFF 1.2 and 2.0 reading: arbitrary bytes as a document. No crash; what is read writes back
// in the version read and reads again with the same units.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "policyloc/catalog_io.h"

using namespace policyloc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    CatalogReadResult first = xliff_read(input, "fuzz.xlf");
    if (!first.catalog) return 0;
    CatalogWriteResult written = xliff_write(*first.catalog, first.format);
    if (!written.text) return 0;
    CatalogReadResult again = xliff_read(*written.text, "written.xlf");
    fuzz::check_read_back(
        *first.catalog, again, "XLIFF",
        [](const Unit& a, const Unit& b) {
            return a.context == b.context && a.source == b.source && a.codes == b.codes;
        },
        input);
    return 0;
}
