// Structure: a real page with fuzzed translations. The input's first byte picks the page, the
// rest, cut at NUL bytes, gives the units their translations in page order. The merge must
// succeed with the source's block tree and front-matter keys; a translation that cannot keep
// them falls back, and the merge reports that fallback.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "policyloc/extract.h"
#include "policyloc/merge.h"

using namespace policyloc;

namespace {

const char* const kBody = R"(
Setext heading
spanning two lines
==================

A paragraph with a hard break  
made of spaces, and one\
made of a backslash, with `code`, <kbd>Ctrl</kbd>, *emphasis*, a [link](https://example.com "title"),
a [reference][ref], {{< shortcode "x" >}} and {{ .Date.Format "January 2, 2006" }}.

> A quoted paragraph that is long enough to
> wrap over two lines of the quote.
>
> > Nested quote

1) First item with a
   continuation line
2) Second item

   A second paragraph in the item.

- [ ] A task
  - Nested item with **bold**

Name | Value
---- | -----
first cell | second cell

Text with a footnote.[^note]

[^note]: The footnote text.

[ref]: https://example.com/ref

Term
: Definition of the term.

## Final heading {#final}

Final paragraph.
)";

const std::array<std::string, 3> kFrontMatter = {
    "---\ntitle: Plain title\ndescription: 'single quoted'\nparams:\n  subtitle: |\n"
    "    literal\n    block\nkeywords: [one, \"two\"]\ndate: 2026-11-28\ndraft: false\n---\n",
    "+++\ntitle = \"basic\"\ndescription = '''\nmulti literal\n'''\nkeywords = [\"a\", 'b']\n"
    "date = 2026-11-28\n\n[params]\nsubtitle = \"sub\"\n+++\n",
    "{\n  \"title\": \"json title\",\n  \"description\": \"with \\\"escapes\\\"\",\n"
    "  \"keywords\": [\"a\", \"b\"],\n  \"params\": {\"subtitle\": \"x\", \"weight\": 2}\n}\n",
};

const std::vector<std::string> kKeys = {"title", "description", "params.subtitle", "keywords"};

struct Prepared {
    std::string page;
    ExtractResult extracted;
};

const Prepared& prepared(size_t which) {
    static const std::array<Prepared, 3> pages = [] {
        std::array<Prepared, 3> p;
        for (size_t i = 0; i < p.size(); ++i) {
            p[i].page = kFrontMatter[i] + kBody;
            ExtractOptions eo;
            eo.file_name = "structure.md";
            eo.front_matter_keys = kKeys;
            p[i].extracted = extract_page(p[i].page, eo);
            if (!p[i].extracted.ok()) fuzz::violation("the structure page does not extract", "");
        }
        return p;
    }();
    return pages[which % pages.size()];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::string_view input = fuzz::as_text(data, size);
    const Prepared& p = prepared(data[0]);
    std::vector<std::string_view> translations = fuzz::split_fields(input.substr(1), '\0');
    Catalog catalog = p.extracted.catalog;
    size_t i = 0;
    for (Unit& u : catalog.units()) {
        if (i >= translations.size()) break;
        u.target = std::string(translations[i++]);
        u.state = UnitState::translated;
    }
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    mo.wrap = data[0] & 4 ? WrapMode::width : WrapMode::source;
    mo.wrap_width = 16;
    MergeResult r = merge_page(p.page, p.extracted.skeleton, {{"de", &catalog}}, mo);
    if (!r.ok())
        fuzz::violation("merge failed: " + diagnostic_format(r.diagnostics.front()), input);
    std::string difference =
        fuzz::structure_difference(p.page, p.extracted.skeleton, r.output, kKeys);
    if (!difference.empty()) fuzz::violation(difference, input);
    if (r.stats.translated + r.stats.fallbacks.size() != r.stats.units)
        fuzz::violation("a unit was neither translated nor reported as a fallback", input);
    return 0;
}
