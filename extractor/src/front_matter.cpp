// Front matter detection: a JSON object, or a block between "---" (YAML) or "+++" (TOML)
// lines, after an optional byte order mark; the reader for its syntax gives the scalars
// (front_matter_yaml.cpp, front_matter_toml.cpp, front_matter_json.cpp) and the keys select
// among them. Replacement values are encoded in front_matter_encode.cpp.
#include "policyloc/front_matter.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "front_matter_internal.h"
#include "line_index.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace detail {

Diagnostic error_at(const std::string& file, std::string_view page, size_t offset,
                    std::string message) {
    TextPosition p = LineIndex(page.substr(0, std::min(offset, page.size()))).at(offset);
    return Diagnostic{Severity::error, file, p.line, p.column, std::move(message)};
}

FrontMatterField make_field(const LineIndex& lines, std::string path, std::string value,
                            size_t begin, size_t end, ScalarStyle style, bool is_string) {
    FrontMatterField f;
    f.path = std::move(path);
    f.value = std::move(value);
    f.begin = begin;
    f.end = end;
    f.style = style;
    f.is_string = is_string;
    TextPosition p = lines.at(begin);
    f.line = p.line;
    f.column = p.column;
    return f;
}

std::string join_path(const std::string& parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    std::string out = parent;
    out += '.';
    out += key;
    return out;
}

std::string index_path(const std::string& parent, size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

} // namespace detail

namespace {

using detail::error_at;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the line ending at `pos` ("\n" or "\r\n"); 0 when there is none.
size_t newline_length(std::string_view s, size_t pos) {
    if (pos < s.size() && s[pos] == '\n') return 1;
    if (pos + 1 < s.size() && s[pos] == '\r' && s[pos + 1] == '\n') return 2;
    return 0;
}

// When the line starting at `pos` is the delimiter `delim` (trailing blanks allowed) ending
// in a line ending or the end of the text: the offset past that line.
std::optional<size_t> delimiter_line(std::string_view s, size_t pos, std::string_view delim) {
    if (s.substr(pos, delim.size()) != delim) return std::nullopt;
    size_t i = pos + delim.size();
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i == s.size()) return i;
    size_t nl = newline_length(s, i);
    if (nl == 0) return std::nullopt;
    return i + nl;
}

bool iequal_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Hugo matches front matter keys without regard to case, so selection does too: "title"
// selects "title" and "Title"; "keywords" selects "keywords[0]", "keywords[1]", ...
bool key_selects(std::string_view path, std::string_view key) {
    if (iequal_ascii(path, key)) return true;
    if (path.size() < key.size() + 3 || !iequal_ascii(path.substr(0, key.size()), key) ||
        path[key.size()] != '[' || path.back() != ']')
        return false;
    std::string_view digits = path.substr(key.size() + 1, path.size() - key.size() - 2);
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The first non-blank line of `rest` starts like a YAML mapping entry or a TOML key/table.
bool looks_like_front_matter_entry(std::string_view rest, FrontMatterSyntax syntax) {
    size_t pos = 0;
    while (pos < rest.size()) {
        size_t nl = rest.find('\n', pos);
        std::string_view line =
            rest.substr(pos, nl == std::string_view::npos ? rest.size() - pos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        size_t b = line.find_first_not_of(" \t");
        if (b != std::string_view::npos) {
            line.remove_prefix(b);
            auto is_key_char = [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
                       c == '.' || c == '"' || c == '\'';
            };
            size_t k = 0;
            while (k < line.size() && is_key_char(line[k])) ++k;
            if (syntax == FrontMatterSyntax::toml) {
                if (line.front() == '[' || line.front() == '#') return true;
                size_t e = line.find_first_not_of(" \t", k);
                return k > 0 && e != std::string_view::npos && line[e] == '=';
            }
            if (line.front() == '#') return true;
            return k > 0 && k < line.size() && line[k] == ':';
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return false;
}

// A line that closes the block: where it starts, and where the line after it starts.
struct DelimiterLine {
    size_t begin = 0;
    size_t end = 0;
};

// The first line from `pos` on that is the delimiter `delim`, if any.
std::optional<DelimiterLine> closing_delimiter_line(std::string_view page, size_t pos,
                                                    std::string_view delim) {
    while (pos < page.size()) {
        if (auto after = delimiter_line(page, pos, delim)) return DelimiterLine{pos, *after};
        size_t nl = page.find('\n', pos);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return std::nullopt;
}

// JSON front matter: the object that starts at `start`, and the line ending after it.
FrontMatterResult parse_json(std::string_view page, size_t start, const std::string& file) {
    FrontMatterResult result;
    FrontMatter& fm = result.front_matter;
    fm.syntax = FrontMatterSyntax::json;
    fm.begin = fm.end = start;
    std::vector<FrontMatterField> scalars;
    size_t close = 0;
    if (auto problem = detail::json_read_scalars(page, start, file, scalars, close)) {
        result.diagnostics.push_back(std::move(*problem));
        return result;
    }
    fm.end = close + newline_length(page, close);
    fm.scalars = std::move(scalars);
    return result;
}

// YAML or TOML front matter: the lines between a "---" or "+++" line at `start` and the next
// such line. A page that does not start with one, or whose first such line is Markdown, has
// no front matter.
FrontMatterResult parse_delimited(std::string_view page, size_t start, const std::string& file) {
    FrontMatterResult result;
    FrontMatter& fm = result.front_matter;
    fm.begin = fm.end = start;
    std::string_view delim;
    if (delimiter_line(page, start, "---")) {
        fm.syntax = FrontMatterSyntax::yaml;
        delim = "---";
    } else if (delimiter_line(page, start, "+++")) {
        fm.syntax = FrontMatterSyntax::toml;
        delim = "+++";
    } else {
        return result;
    }
    const size_t content_begin = *delimiter_line(page, start, delim);
    const std::optional<DelimiterLine> closing = closing_delimiter_line(page, content_begin, delim);
    if (!closing) {
        // Without a closing line, the opening line is front matter only when what follows
        // reads like its entries ("key: value", "key = value", "[table]"); otherwise it is
        // Markdown (a thematic break, a setext underline, text) and the page has none.
        if (!looks_like_front_matter_entry(page.substr(content_begin), fm.syntax))
            return FrontMatterResult{};
        result.diagnostics.push_back(
            error_at(file, page, start,
                     i18n_format(_("front matter opened with \"%s\" has "
                                   "no closing \"%s\" line"),
                                 std::string(delim).c_str(), std::string(delim).c_str())));
        return result;
    }
    fm.end = closing->end;
    LineIndex lines(page.substr(0, fm.end));
    std::vector<FrontMatterField> scalars;
    std::optional<Diagnostic> problem;
    if (fm.syntax == FrontMatterSyntax::yaml) {
        bool root_is_mapping = true;
        problem = detail::yaml_read_scalars(page, content_begin, closing->begin, lines, file,
                                            scalars, root_is_mapping);
        if (!problem && !root_is_mapping) return FrontMatterResult{};
    } else {
        problem =
            detail::toml_read_scalars(page, content_begin, closing->begin, lines, file, scalars);
    }
    if (problem) {
        result.diagnostics.push_back(std::move(*problem));
        return result;
    }
    fm.scalars = std::move(scalars);
    return result;
}

// Puts the scalars in page order and selects the strings that the keys name.
void select_fields(FrontMatter& fm, const std::vector<std::string>& keys) {
    std::stable_sort(
        fm.scalars.begin(), fm.scalars.end(),
        [](const FrontMatterField& a, const FrontMatterField& b) { return a.begin < b.begin; });
    for (const FrontMatterField& f : fm.scalars) {
        if (!f.is_string) continue;
        if (std::any_of(keys.begin(), keys.end(),
                        [&](const std::string& k) { return key_selects(f.path, k); }))
            fm.selected.push_back(f);
    }
}

} // namespace

std::vector<std::string> front_matter_default_keys() {
    return {"title", "linkTitle", "description", "summary"};
}

FrontMatterResult front_matter_parse(std::string_view page, const std::string& file,
                                     const std::vector<std::string>& keys) {
    const size_t start = page.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    // "{%" opens a Liquid tag of a Jekyll page (whose front matter is YAML), never a JSON
    // object. "{{" is read as JSON, as Hugo reads it.
    const bool json = page.substr(start, 1) == "{" && page.substr(start, 2) != "{%";
    FrontMatterResult result =
        json ? parse_json(page, start, file) : parse_delimited(page, start, file);
    if (result.diagnostics.empty()) select_fields(result.front_matter, keys);
    return result;
}

} // namespace policyloc
