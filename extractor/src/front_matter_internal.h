// Front matter internals, private to the extractor: what the detection (front_matter.cpp),
// the readers (one per syntax and library: front_matter_yaml.cpp over libyaml,
// front_matter_toml.cpp over toml++, front_matter_json.cpp over nlohmann-json) and the
// encoders (front_matter_encode.cpp) share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "line_index.h"
#include "policyloc/diagnostic.h"
#include "policyloc/front_matter.h"

namespace policyloc::detail {

// An error at byte `offset` of the page, with that offset's line and column.
Diagnostic error_at(const std::string& file, std::string_view page, size_t offset,
                    std::string message);

// A field whose line and column are those of `begin` in `lines`.
FrontMatterField make_field(const LineIndex& lines, std::string path, std::string value,
                            size_t begin, size_t end, ScalarStyle style, bool is_string);

// Field paths: "params" + "subtitle" -> "params.subtitle", "keywords" + 2 -> "keywords[2]".
std::string join_path(const std::string& parent, std::string_view key);
std::string index_path(const std::string& parent, size_t index);

// The readers give every scalar (strings, numbers, booleans, dates) in the order they meet
// them, or the parse error with the page's line and column.

// YAML between the delimiter lines, page[content_begin, content_end). `root_is_mapping`
// becomes false when the document is a scalar or a sequence: then the "---" lines were
// Markdown (thematic breaks, setext underlines), not front matter.
std::optional<Diagnostic> yaml_read_scalars(std::string_view page, size_t content_begin,
                                            size_t content_end, const LineIndex& lines,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars,
                                            bool& root_is_mapping);

// TOML between the delimiter lines, page[content_begin, content_end).
std::optional<Diagnostic> toml_read_scalars(std::string_view page, size_t content_begin,
                                            size_t content_end, const LineIndex& lines,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars);

// The JSON object that starts at page[start]. `object_end` becomes one past its closing
// brace: Hugo's rule is that the front matter ends where the braces balance.
std::optional<Diagnostic> json_read_scalars(std::string_view page, size_t start,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars,
                                            size_t& object_end);

// Whether a YAML plain scalar resolves to a string, and not to null, a boolean, a number, a
// date or a merge/value key: how the reader types a plain scalar, and when the encoder may
// write a value plain.
bool yaml_plain_is_string(std::string_view s);

} // namespace policyloc::detail
