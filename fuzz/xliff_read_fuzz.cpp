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
    if (!again.catalog)
        fuzz::violation("XLIFF written from a read catalog does not read: " +
                            (again.diagnostics.empty()
                                 ? std::string()
                                 : diagnostic_format(again.diagnostics.front())),
                        input);
    const auto& a = first.catalog->units();
    const auto& b = again.catalog->units();
    if (a.size() != b.size())
        fuzz::violation("XLIFF written back holds " + std::to_string(b.size()) +
                            " units instead of " + std::to_string(a.size()),
                        input);
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].context != b[i].context || a[i].source != b[i].source || a[i].codes != b[i].codes)
            fuzz::violation("XLIFF written back changed unit " + std::to_string(i), input);
    return 0;
}
