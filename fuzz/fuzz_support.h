// What the fuzz targets share: splitting the input into fields, failing loudly on a property
// violation, and the block-tree and front-matter comparison of a merged page with its source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"

namespace policyloc::fuzz {

// The input as text.
inline std::string_view as_text(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The input cut at every `separator` byte (a field may be empty).
std::vector<std::string_view> split_fields(std::string_view input, char separator);

// `text` with every byte that does not start a valid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF included) replaced by U+FFFD: the catalog readers accept
// valid UTF-8 only, so a catalog built for a round trip holds only that.
std::string valid_utf8(std::string_view text);

// Prints what property broke (and the input's first bytes) to stderr and aborts, which
// libFuzzer reports as a crash and the regression driver as a failed test.
[[noreturn]] void violation(std::string_view what, std::string_view input);

// A catalog read from `input`, written as `format` ("PO", "XLIFF") and read again (`again`)
// must read, and hold as many units, each the same by `same`; otherwise a violation.
void check_read_back(const Catalog& first, const CatalogReadResult& again, std::string_view format,
                     bool (*same)(const Unit&, const Unit&), std::string_view input);

// Every unit's target set to its source, translated (what gettext's msgen does).
Catalog msgen(const Catalog& tmpl);

// Where the Markdown body of `page` starts, given its parsed front matter.
size_t body_begin_of(std::string_view page, const FrontMatter& front_matter);

// Empty when `merged` has the block tree of `source`'s body and front matter of the same
// syntax with the same keys in the same order; otherwise what differs.
std::string structure_difference(std::string_view source, const Skeleton& skeleton,
                                 std::string_view merged, const std::vector<std::string>& keys);

} // namespace policyloc::fuzz
