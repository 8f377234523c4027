// Encoding of a front matter field's replacement value so that the front matter parses to
// exactly that value: YAML and TOML keep the field's style where it is safe and take another
// safe style where it is not; JSON values are strings written by nlohmann-json.
#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "front_matter_internal.h"
#include "policyloc/front_matter.h"

namespace policyloc {

namespace {

using detail::yaml_plain_is_string;

// Calls f(code point, bytes) for each code point of s; invalid bytes come as (-1, byte).
template <typename F> void for_each_code_point(std::string_view s, F&& f) {
    const auto n = static_cast<int32_t>(s.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    for (int32_t i = 0; i < n;) {
        int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, n, c);
        f(c, s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
}

std::string hex(uint32_t v, int digits) {
    static constexpr char d[] = "0123456789ABCDEF";
    std::string out(static_cast<size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = d[v & 0xF];
    return out;
}

// Characters libyaml accepts raw in a scalar without folding them as a line break:
// its printable set plus tab, without the byte order mark and without U+2028 and U+2029,
// which YAML reads as line breaks.
bool yaml_raw(UChar32 c) {
    if (c == 0x2028 || c == 0x2029) return false;
    return c == 0x09 || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
}

// A character and how a double-quoted string writes it.
struct Escape {
    UChar32 c;
    const char* text;
};

// The short escapes of YAML double-quoted scalars; other characters libyaml does not take raw
// are written as \x, \u or \U escapes.
constexpr Escape yaml_escapes[] = {{'"', "\\\""}, {'\\', "\\\\"},  {'\n', "\\n"},
                                   {'\t', "\\t"}, {'\r', "\\r"},   {0, "\\0"},
                                   {0x85, "\\N"}, {0x2028, "\\L"}, {0x2029, "\\P"}};
// The short escapes of TOML basic strings; other control characters are written as \u escapes.
constexpr Escape toml_escapes[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\b', "\\b"}, {'\t', "\\t"},
                                   {'\n', "\\n"}, {'\f', "\\f"},  {'\r', "\\r"}};

template <size_t N> const char* escape_in(const Escape (&escapes)[N], UChar32 c) {
    for (const Escape& e : escapes)
        if (e.c == c) return e.text;
    return nullptr;
}

std::string yaml_double_quoted(std::string_view value) {
    std::string out = "\"";
    for_each_code_point(value, [&](UChar32 c, std::string_view bytes) {
        if (const char* escape = escape_in(yaml_escapes, c)) {
            out += escape;
        } else if (c < 0 || yaml_raw(c)) {
            out += bytes; // invalid UTF-8 is passed on for the page's UTF-8 check to report
        } else if (c <= 0xFF) {
            out += "\\x" + hex(static_cast<uint32_t>(c), 2);
        } else if (c <= 0xFFFF) {
            out += "\\u" + hex(static_cast<uint32_t>(c), 4);
        } else {
            out += "\\U" + hex(static_cast<uint32_t>(c), 8);
        }
    });
    out += '"';
    return out;
}

bool all_yaml_raw(std::string_view value, bool allow_newline) {
    bool ok = true;
    for_each_code_point(value, [&](UChar32 c, std::string_view) {
        if (!(yaml_raw(c) || (allow_newline && c == '\n'))) ok = false;
    });
    return ok;
}

// A one-line single-quoted scalar: any raw character, quotes doubled.
bool yaml_single_quoted_safe(std::string_view value) {
    return all_yaml_raw(value, false);
}

std::string yaml_single_quoted(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

bool yaml_plain_safe(std::string_view v, bool in_flow) {
    if (v.empty() || !all_yaml_raw(v, false)) return false;
    if (v.find('\t') != std::string_view::npos) return false;
    if (v.front() == ' ' || v.back() == ' ') return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos)
        return false;
    if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos ||
        v.back() == ':' || v.substr(0, 3) == "...")
        return false;
    if (in_flow && v.find_first_of(",[]{}:") != std::string_view::npos) return false;
    return yaml_plain_is_string(v);
}

// A block scalar (| or >) can hold the value when it has content, every character is raw,
// no line ends in a blank (editors strip them), and the first non-empty line does not start
// with a blank (that would need an indentation indicator).
bool yaml_block_safe(std::string_view v) {
    if (v.find_first_not_of('\n') == std::string_view::npos) return false;
    if (!all_yaml_raw(v, true)) return false;
    size_t first = v.find_first_not_of('\n');
    if (v[first] == ' ' || v[first] == '\t') return false;
    for (size_t pos = 0; pos <= v.size();) {
        size_t nl = v.find('\n', pos);
        if (nl == std::string_view::npos) nl = v.size();
        if (nl > pos && (v[nl - 1] == ' ' || v[nl - 1] == '\t')) return false;
        pos = nl + 1;
    }
    return true;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    for (size_t pos = 0;;) {
        size_t nl = s.find('\n', pos);
        if (nl == std::string_view::npos) {
            lines.push_back(s.substr(pos));
            return lines;
        }
        lines.push_back(s.substr(pos, nl - pos));
        pos = nl + 1;
    }
}

// A literal or folded block scalar, header to last line break. The chomping indicator keeps
// the value's trailing line breaks: strip (none), clip (one), keep (more, written as empty
// lines). A folded scalar joins two adjacent non-blank-led lines with a space, so each line
// break between such lines is written as one more empty line; breaks next to a line that
// starts with a blank are kept as they are.
std::string yaml_block(std::string_view value, bool folded, int indent, std::string_view newline) {
    size_t content_end = value.find_last_not_of('\n') + 1;
    std::string_view content = value.substr(0, content_end);
    size_t trailing = value.size() - content_end;
    std::string out(1, folded ? '>' : '|');
    if (trailing == 0) out += '-';
    if (trailing >= 2) out += '+';
    out += newline;
    const std::string pad(static_cast<size_t>(std::max(indent, 1)), ' ');
    std::vector<std::string_view> lines = split_lines(content);
    bool seen_text = false;
    bool previous_blank_led = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (line.empty()) {
            out += newline;
            continue;
        }
        bool blank_led = line.front() == ' ' || line.front() == '\t';
        if (folded && seen_text && !blank_led && !previous_blank_led) out += newline;
        out += pad;
        out += line;
        out += newline;
        seen_text = true;
        previous_blank_led = blank_led;
    }
    for (size_t i = 1; i < trailing; ++i) out += newline;
    return out;
}

std::string encode_yaml(const FrontMatterField& field, std::string_view value,
                        std::string_view newline) {
    switch (field.style) {
    case ScalarStyle::yaml_plain:
        if (yaml_plain_safe(value, field.in_flow)) return std::string(value);
        [[fallthrough]];
    case ScalarStyle::yaml_single_quoted:
        if (yaml_single_quoted_safe(value)) return yaml_single_quoted(value);
        return yaml_double_quoted(value);
    case ScalarStyle::yaml_literal:
    case ScalarStyle::yaml_folded:
        if (yaml_block_safe(value))
            return yaml_block(value, field.style == ScalarStyle::yaml_folded, field.indent,
                              newline);
        // The field's range covers whole lines: the replacement ends the line it starts.
        return yaml_double_quoted(value) + std::string(newline);
    default:
        return yaml_double_quoted(value);
    }
}

bool toml_control(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

void toml_escape(std::string& out, char c) {
    if (const char* escape = escape_in(toml_escapes, static_cast<unsigned char>(c)))
        out += escape;
    else if (toml_control(c))
        out += "\\u" + hex(static_cast<unsigned char>(c), 4);
    else
        out += c;
}

std::string toml_basic(std::string_view value) {
    std::string out = "\"";
    for (char c : value) toml_escape(out, c);
    out += '"';
    return out;
}

// Whether a line of a multi-line string starts at i with "+++", Hugo's TOML delimiter (a
// line of it, maybe followed by blanks, would end the front matter).
bool starts_delimiter_line(std::string_view value, size_t i) {
    return (i == 0 || value[i - 1] == '\n') && value.substr(i, 3) == "+++";
}

// """ + line break (which TOML drops) + the value with its line breaks written as the page's,
// backslashes and control characters escaped, and a quote escaped when another quote follows
// it or it ends the value, so that no three quotes meet and none touches the closing ones.
std::string toml_multiline_basic(std::string_view value, std::string_view newline) {
    std::string out = "\"\"\"";
    out += newline;
    for (size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '\n')
            out += newline;
        else if (starts_delimiter_line(value, i))
            out += "\\u002B"; // a line of "+++" would close the front matter
        else if (c == '"' && i + 1 < value.size() && value[i + 1] != '"')
            out += c;
        else
            toml_escape(out, c);
    }
    out += "\"\"\"";
    return out;
}

bool toml_literal_safe(std::string_view value) {
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return c == '\'' || toml_control(c); });
}

bool toml_multiline_literal_safe(std::string_view value) {
    if (value.find("'''") != std::string_view::npos) return false;
    for (size_t i = 0; i < value.size(); ++i)
        if (starts_delimiter_line(value, i)) return false;
    if (!value.empty() && value.back() == '\'') return false;
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return c != '\n' && c != '\t' && toml_control(c); });
}

std::string encode_toml(const FrontMatterField& field, std::string_view value,
                        std::string_view newline) {
    switch (field.style) {
    case ScalarStyle::toml_literal:
        if (toml_literal_safe(value)) return "'" + std::string(value) + "'";
        return toml_basic(value);
    case ScalarStyle::toml_multiline_literal:
        if (toml_multiline_literal_safe(value)) {
            std::string out = "'''";
            out += newline;
            for (char c : value) {
                if (c == '\n')
                    out += newline;
                else
                    out += c;
            }
            return out + "'''";
        }
        return toml_multiline_basic(value, newline);
    case ScalarStyle::toml_multiline_basic:
        return toml_multiline_basic(value, newline);
    default:
        return toml_basic(value);
    }
}

} // namespace

std::string front_matter_encode(FrontMatterSyntax syntax, const FrontMatterField& field,
                                std::string_view value, std::string_view newline) {
    switch (syntax) {
    case FrontMatterSyntax::yaml:
        return encode_yaml(field, value, newline);
    case FrontMatterSyntax::toml:
        return encode_toml(field, value, newline);
    case FrontMatterSyntax::json:
        return nlohmann::json(std::string(value))
            .dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
    case FrontMatterSyntax::none:
        break;
    }
    return std::string(value);
}

} // namespace policyloc
