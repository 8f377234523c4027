// XLIFF write -> read: a catalog built from the input (NUL-separated fields, three per unit:
// source, context, notes; inline codes where the source has `code`, <tags> and {{ actions }})
// is written as XLIFF 1.2 and 2.0. Text is made valid UTF-8 first, as every catalog reader
// guarantees. Either the writer refuses the catalog with a diagnostic, or reading the document
// back gives every unit's source, context, codes and notes unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "policyloc/catalog_io.h"

using namespace policyloc;

namespace {

// Code spans, raw HTML tags and template actions of `source`, in order, not overlapping.
std::vector<InlineCode> codes_of(std::string_view source) {
    std::vector<InlineCode> codes;
    for (size_t i = 0; i < source.size();) {
        std::string_view close;
        CodeKind kind = CodeKind::other;
        if (source.substr(i, 2) == "{{") {
            close = "}}";
            kind = CodeKind::template_action;
        } else if (source[i] == '`') {
            close = "`";
            kind = CodeKind::code_span;
        } else if (source[i] == '<') {
            close = ">";
            kind = CodeKind::html;
        }
        size_t end = close.empty() ? std::string_view::npos : source.find(close, i + 1);
        if (end == std::string_view::npos) {
            ++i;
            continue;
        }
        end += close.size();
        codes.push_back(InlineCode{i, end, kind, {}});
        i = end;
    }
    return codes;
}

Catalog catalog_of(std::string_view input) {
    Catalog c;
    c.source_lang = "en";
    c.target_lang = "de";
    c.original = "fuzz.md";
    std::vector<std::string_view> fields = fuzz::split_fields(input, '\0');
    for (size_t i = 0; i < fields.size(); i += 3) {
        Unit u;
        u.source = fuzz::valid_utf8(fields[i]);
        if (i + 1 < fields.size() && !fields[i + 1].empty())
            u.context = fuzz::valid_utf8(fields[i + 1]);
        if (i + 2 < fields.size()) u.notes = fuzz::valid_utf8(fields[i + 2]);
        u.codes = codes_of(u.source);
        u.refs.push_back({"fuzz.md", static_cast<int>(i / 3 + 1)});
        c.add(std::move(u));
    }
    return c;
}

void check_round_trip(const Catalog& c, CatalogFormat version, std::string_view input) {
    CatalogWriteResult written = xliff_write(c, version);
    if (!written.text) return; // refused with a diagnostic
    CatalogReadResult back = xliff_read(*written.text, "written.xlf");
    const char* name = version == CatalogFormat::xliff12 ? "XLIFF 1.2" : "XLIFF 2.0";
    if (!back.catalog)
        fuzz::violation(std::string(name) + " as written does not read: " +
                            (back.diagnostics.empty()
                                 ? std::string()
                                 : diagnostic_format(back.diagnostics.front())),
                        input);
    const auto& a = c.units();
    const auto& b = back.catalog->units();
    if (a.size() != b.size())
        fuzz::violation(std::string(name) + " read back holds " + std::to_string(b.size()) +
                            " units instead of " + std::to_string(a.size()),
                        input);
    for (size_t i = 0; i < a.size(); ++i) {
        std::string unit = std::string(name) + " unit " + std::to_string(i) + ": ";
        if (a[i].source != b[i].source) fuzz::violation(unit + "source changed", input);
        if (a[i].context != b[i].context) fuzz::violation(unit + "context changed", input);
        if (a[i].codes != b[i].codes) fuzz::violation(unit + "inline codes changed", input);
        if (a[i].notes != b[i].notes) fuzz::violation(unit + "notes changed", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    Catalog c = catalog_of(input);
    check_round_trip(c, CatalogFormat::xliff12, input);
    check_round_trip(c, CatalogFormat::xliff20, input);
    return 0;
}
