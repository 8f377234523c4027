#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "policyloc/front_matter.h"

namespace policyloc::fuzz {

std::vector<std::string_view> split_fields(std::string_view input, char separator) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    for (size_t i = 0; i <= input.size(); ++i) {
        if (i == input.size() || input[i] == separator) {
            fields.push_back(input.substr(start, i - start));
            start = i + 1;
        }
    }
    return fields;
}

namespace {

// The length of the valid UTF-8 sequence at the start of `s`, or 0.
size_t utf8_sequence_length(std::string_view s) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b = byte(0);
    if (b < 0x80) return 1;
    size_t n = b >= 0xC2 && b <= 0xDF   ? 2
               : b >= 0xE0 && b <= 0xEF ? 3
               : b >= 0xF0 && b <= 0xF4 ? 4
                                        : 0;
    if (n == 0 || s.size() < n) return 0;
    for (size_t i = 1; i < n; ++i)
        if ((byte(i) & 0xC0) != 0x80) return 0;
    if (b == 0xE0 && byte(1) < 0xA0) return 0;  // overlong
    if (b == 0xED && byte(1) >= 0xA0) return 0; // surrogate
    if (b == 0xF0 && byte(1) < 0x90) return 0;  // overlong
    if (b == 0xF4 && byte(1) >= 0x90) return 0; // above U+10FFFF
    return n;
}

} // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        size_t n = utf8_sequence_length(text.substr(i));
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

void violation(std::string_view what, std::string_view input) {
    std::string shown;
    for (char c : input.substr(0, 200)) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\') {
            shown += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            shown += hex;
        }
    }
    std::fprintf(stderr, "property violated: %.*s\ninput (%zu bytes): %s%s\n",
                 static_cast<int>(what.size()), what.data(), input.size(), shown.c_str(),
                 input.size() > 200 ? "..." : "");
    std::abort();
}

Catalog msgen(const Catalog& tmpl) {
    Catalog c = tmpl;
    for (Unit& u : c.units()) {
        u.target = u.source;
        u.state = UnitState::translated;
    }
    return c;
}

size_t body_begin_of(std::string_view page, const FrontMatter& front_matter) {
    if (front_matter.syntax != FrontMatterSyntax::none) return front_matter.end;
    return page.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

namespace {

std::string tree_difference(const std::vector<BlockInfo>& got, const std::vector<BlockInfo>& want) {
    size_t k = 0;
    while (k < got.size() && k < want.size() && got[k].signature == want[k].signature) ++k;
    if (k == got.size() && k == want.size()) return {};
    return "block tree differs at block " + std::to_string(k) + ": '" +
           (k < got.size() ? got[k].signature : "end") + "' instead of '" +
           (k < want.size() ? want[k].signature : "end") + "'";
}

} // namespace

std::string structure_difference(std::string_view source, const Skeleton& skeleton,
                                 std::string_view merged, const std::vector<std::string>& keys) {
    FrontMatterResult out = front_matter_parse(merged, "merged", keys);
    if (diagnostics_have_error(out.diagnostics))
        return "front matter does not parse: " + diagnostic_format(out.diagnostics.front());
    const FrontMatter& src = skeleton.front_matter;
    const FrontMatter& got = out.front_matter;
    if (src.syntax != got.syntax) return "front matter syntax changed";
    if (src.scalars.size() != got.scalars.size())
        return "front matter has " + std::to_string(got.scalars.size()) + " scalars instead of " +
               std::to_string(src.scalars.size());
    for (size_t i = 0; i < src.scalars.size(); ++i)
        if (src.scalars[i].path != got.scalars[i].path)
            return "front matter key " + src.scalars[i].path + " became " + got.scalars[i].path;
    return tree_difference(markdown_block_tree(merged.substr(body_begin_of(merged, got))),
                           markdown_block_tree(source.substr(skeleton.body_begin)));
}

void check_read_back(const Catalog& first, const CatalogReadResult& again, std::string_view format,
                     bool (*same)(const Unit&, const Unit&), std::string_view input) {
    const std::string name(format);
    if (!again.catalog)
        violation(name + " written from a read catalog does not read: " +
                      (again.diagnostics.empty() ? std::string()
                                                 : diagnostic_format(again.diagnostics.front())),
                  input);
    const auto& a = first.units();
    const auto& b = again.catalog->units();
    if (a.size() != b.size())
        violation(name + " written back holds " + std::to_string(b.size()) + " units instead of " +
                      std::to_string(a.size()),
                  input);
    for (size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i]))
            violation(name + " written back changed unit " + std::to_string(i), input);
}

} // namespace policyloc::fuzz
