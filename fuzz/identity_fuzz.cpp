// Identity: any page that extracts, merged with a catalog whose every translation is its own
// source, comes back byte for byte, with every unit taken from the catalog.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "policyloc/extract.h"
#include "policyloc/merge.h"

using namespace policyloc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view page = fuzz::as_text(data, size);
    ExtractOptions eo;
    eo.file_name = "fuzz.md";
    ExtractResult ex = extract_page(page, eo);
    if (!ex.ok()) return 0;
    Catalog same = fuzz::msgen(ex.catalog);
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    MergeResult r = merge_page(page, ex.skeleton, {{"msgen", &same}}, mo);
    if (!r.ok())
        fuzz::violation("identity merge failed: " + diagnostic_format(r.diagnostics.front()), page);
    if (r.output != page) fuzz::violation("identity merge changed the page", page);
    if (r.stats.translated != r.stats.units)
        fuzz::violation("identity merge did not take every unit from the catalog", page);
    return 0;
}
