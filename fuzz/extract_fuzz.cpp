// Extraction from arbitrary bytes (Markdown, YAML/TOML/JSON front matter, Hugo templates):
// no crash, and a skeleton whose slots lie inside the page, in order, without overlapping.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "policyloc/extract.h"

using namespace policyloc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view page = fuzz::as_text(data, size);
    ExtractOptions options;
    options.file_name = "fuzz.md";
    options.front_matter_keys = {"title", "description", "params.subtitle", "keywords"};
    ExtractResult ex = extract_page(page, options);
    if (!ex.ok()) return 0;
    size_t previous_end = ex.skeleton.body_begin;
    for (const Slot& slot : ex.skeleton.slots) {
        const SlotSpan& span = slot_span(slot);
        bool field = std::holds_alternative<FieldSlot>(slot);
        if (span.begin > span.end || span.end > page.size())
            fuzz::violation("a slot lies outside the page", page);
        if (!field && span.begin < previous_end)
            fuzz::violation("slots overlap or start before the body", page);
        if (field && span.end > ex.skeleton.body_begin)
            fuzz::violation("a front-matter field lies in the body", page);
        if (!field) previous_end = span.end;
    }
    return 0;
}
