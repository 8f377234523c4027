// Front matter of a page (YAML "---", TOML "+++", JSON "{ }"): where it is, which scalar
// values the configured keys select, and how to write a translated value back in place.
// Parsed with libyaml, toml++ and nlohmann-json; positions are byte offsets into the page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/diagnostic.h"

namespace policyloc {

enum class FrontMatterSyntax { none, yaml, toml, json };

enum class ScalarStyle {
    yaml_plain,
    yaml_single_quoted,
    yaml_double_quoted,
    yaml_literal, // |
    yaml_folded,  // >
    toml_basic,   // "..."
    toml_literal, // '...'
    toml_multiline_basic,
    toml_multiline_literal,
    json_string,
};

// A scalar of the front matter (selected fields are always strings).
struct FrontMatterField {
    std::string path;  // "title", "params.subtitle", "keywords[2]"
    std::string value; // decoded value
    size_t begin = 0;  // byte range of the scalar as written in the page (quotes and block
    size_t end = 0;    //   indicators included), so that [begin, end) can be replaced
    ScalarStyle style = ScalarStyle::yaml_plain;
    int line = 0; // 1-based line and column of `begin` in the page
    int column = 0;
    int indent = 0;        // columns of indentation the value's continuation lines need
    bool is_string = true; // false for numbers, booleans, null, dates (value as written;
                           //   style then says only which syntax: yaml_*, toml_basic, json_string)
    bool in_flow = false;  // YAML: inside [ ] or { }, where , [ ] { } : end a plain scalar
};

struct FrontMatter {
    FrontMatterSyntax syntax = FrontMatterSyntax::none;
    size_t begin = 0;                       // first byte of the opening delimiter (after a BOM)
    size_t end = 0;                         // one past the closing delimiter's line ending
    std::vector<FrontMatterField> selected; // fields selected by the keys, in page order
    std::vector<FrontMatterField> scalars;  // every scalar (strings, numbers, booleans,
                                            // dates as written), for checks and date lookup
};

struct FrontMatterResult {
    FrontMatter front_matter;
    Diagnostics diagnostics; // errors carry the page's line and column
};

// Default keys: title, linkTitle, description, summary. A key selects a string at that path
// ("params.subtitle"), or every string element of an array at that path ("keywords").
std::vector<std::string> front_matter_default_keys();

FrontMatterResult front_matter_parse(std::string_view page, const std::string& file,
                                     const std::vector<std::string>& keys);

// Text to put in place of field.[begin, end) so that the front matter parses to exactly
// `value`: the source style where that is safe, another safe style where it is not.
// `newline` is the page's line ending ("\n" or "\r\n").
std::string front_matter_encode(FrontMatterSyntax syntax, const FrontMatterField& field,
                                std::string_view value, std::string_view newline);

} // namespace policyloc
