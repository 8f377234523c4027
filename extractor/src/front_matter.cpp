// Front matter: detection of the delimited block, parsing with libyaml (events with marks),
// toml++ (nodes with source regions) and nlohmann-json (SAX over a position-counting input),
// and encoding of replacement values in a style that re-parses to exactly the given value.
#include "policyloc/front_matter.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>
#include <unicode/utf8.h>
#include <yaml.h>

#include "line_index.h"

namespace policyloc {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ---------------------------------------------------------------------------------------
// Positions

Diagnostic error_at(const std::string& file, std::string_view page, size_t offset,
                    std::string message) {
    TextPosition p = LineIndex(page.substr(0, std::min(offset, page.size()))).at(offset);
    return Diagnostic{Severity::error, file, p.line, p.column, std::move(message)};
}

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

// ---------------------------------------------------------------------------------------
// YAML (libyaml events)

// Resolution of plain scalars: the regular expressions of YAML 1.1's types (null, bool, int,
// float, timestamp, merge, value) and of the YAML 1.2 core schema, checked character by
// character.
bool yaml_is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The end of the run of characters from `pos` on that satisfy `pred`.
template <typename Pred> size_t yaml_span(std::string_view s, size_t pos, Pred pred) {
    while (pos < s.size() && pred(s[pos])) ++pos;
    return pos;
}

bool yaml_all_of(std::string_view s, std::string_view allowed) {
    return s.find_first_not_of(allowed) == std::string_view::npos;
}

// One to `most` digits at `pos`, as many as there are; npos when there is none or more follow.
size_t yaml_digits(std::string_view s, size_t pos, size_t most) {
    const size_t end = yaml_span(s, pos, yaml_is_digit);
    return end == pos || end - pos > most ? std::string_view::npos : end;
}

// [eE][-+]?[0-9]+ from `pos` to the end of `s`.
bool yaml_exponent_to_end(std::string_view s, size_t pos) {
    if (pos >= s.size() || (s[pos] != 'e' && s[pos] != 'E')) return false;
    ++pos;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) ++pos;
    return pos < s.size() && yaml_span(s, pos, yaml_is_digit) == s.size();
}

// Integers (binary, octal, hexadecimal, decimal, base 60), floats (with a point, an exponent
// or both, base 60), infinities and NaN; digits may be separated by "_".
bool yaml_is_number(std::string_view s) {
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'o' || s[1] == 'x')) {
        const std::string_view digits = s.substr(2);
        if (digits.empty()) return false;
        if (s[1] == 'b') return yaml_all_of(digits, "01_");
        if (s[1] == 'o') return yaml_all_of(digits, "01234567_");
        return yaml_all_of(digits, "0123456789abcdefABCDEF_");
    }
    if (s.empty() || s[0] == '_') return false;
    // [0-9][0-9_]*, or nothing before a point.
    const auto digit_or_underscore = [](char c) { return yaml_is_digit(c) || c == '_'; };
    const size_t integer_end = yaml_span(s, 0, digit_or_underscore);
    const bool has_integer = integer_end > 0;
    if (integer_end == s.size()) return has_integer;
    size_t pos = integer_end;
    switch (s[pos]) {
    case ':': {
        // Base 60: (:[0-5]?[0-9])+, then the end or a fraction.
        if (!has_integer) return false;
        while (pos < s.size() && s[pos] == ':') {
            const size_t end = yaml_digits(s, pos + 1, 2);
            if (end == std::string_view::npos || (end - pos == 3 && s[pos + 1] > '5')) return false;
            pos = end;
        }
        if (pos == s.size()) return true;
        return s[pos] == '.' && yaml_span(s, pos + 1, digit_or_underscore) == s.size();
    }
    case '.':
        pos = yaml_span(s, pos + 1, digit_or_underscore);
        return pos == s.size() || yaml_exponent_to_end(s, pos);
    case 'e':
    case 'E':
        return has_integer && yaml_exponent_to_end(s, pos);
    default:
        return false;
    }
}

// YAML 1.1 timestamps: a date (yyyy-m-d), optionally a time after "T", "t" or blanks, with
// optional fraction and an optional zone ("Z" or an offset, blanks allowed before it).
bool yaml_is_timestamp(std::string_view s) {
    if (s.size() < 8 || yaml_span(s, 0, yaml_is_digit) != 4 || s[4] != '-') return false;
    size_t pos = yaml_digits(s, 5, 2);
    if (pos == std::string_view::npos || pos >= s.size() || s[pos] != '-') return false;
    pos = yaml_digits(s, pos + 1, 2);
    if (pos == std::string_view::npos) return false;
    if (pos == s.size()) return true;
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    if (s[pos] == 'T' || s[pos] == 't') {
        ++pos;
    } else {
        const size_t end = yaml_span(s, pos, blank);
        if (end == pos) return false;
        pos = end;
    }
    pos = yaml_digits(s, pos, 2);
    for (int k = 0; k < 2; ++k) {
        if (pos == std::string_view::npos || pos >= s.size() || s[pos] != ':') return false;
        const size_t end = yaml_span(s, pos + 1, yaml_is_digit);
        if (end - pos != 3) return false;
        pos = end;
    }
    if (pos < s.size() && s[pos] == '.') pos = yaml_span(s, pos + 1, yaml_is_digit);
    if (pos == s.size()) return true;
    pos = yaml_span(s, pos, blank);
    if (pos >= s.size()) return false;
    if (s[pos] == 'Z') return pos + 1 == s.size();
    if (s[pos] != '-' && s[pos] != '+') return false;
    pos = yaml_digits(s, pos + 1, 2);
    if (pos == std::string_view::npos) return false;
    if (pos == s.size()) return true;
    if (s[pos] != ':') return false;
    const size_t end = yaml_span(s, pos + 1, yaml_is_digit);
    return end - pos == 3 && end == s.size();
}

// Whether a plain scalar resolves to a string, or to null, a boolean, a number, a date or
// a merge/value key under YAML 1.1 or the YAML 1.2 core schema (the union: a scalar that
// either reading would not take as a string is not a string here).
bool yaml_plain_is_string(std::string_view s) {
    static constexpr std::string_view kNotStrings[] = {
        "~",  "null", "Null", "NULL", "y",    "Y",    "yes",  "Yes",   "YES",   "n",
        "N",  "no",   "No",   "NO",   "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On",   "ON",   "off",  "Off",  "OFF",  "<<",   "="};
    if (s.empty()) return false;
    for (std::string_view k : kNotStrings)
        if (s == k) return false;
    return !yaml_is_number(s) && !yaml_is_timestamp(s);
}

// Byte offset of every code point of `s` (libyaml's marks count code points), plus s.size().
std::vector<size_t> code_point_offsets(std::string_view s) {
    std::vector<size_t> out;
    out.reserve(s.size() + 1);
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        out.push_back(static_cast<size_t>(i));
        U8_FWD_1(s.data(), i, n);
    }
    out.push_back(s.size());
    return out;
}

// A node's start mark sits on its anchor or tag when it has one; the scalar or collection
// itself starts after those properties (and any blank, line break or comment between).
size_t skip_node_properties(std::string_view page, size_t pos, size_t limit) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (pos < limit) {
        char c = page[pos];
        if (blank(c)) {
            ++pos;
        } else if (c == '#') {
            while (pos < limit && page[pos] != '\n') ++pos;
        } else if (c == '&' || c == '!') {
            while (pos < limit && !blank(page[pos])) ++pos;
        } else {
            break;
        }
    }
    return std::min(pos, limit);
}

// Columns of indentation the content lines of the block scalar [begin, end) have (its
// indentation indicator, else the first non-blank line, as libyaml detects it); without
// content lines, two more than the enclosing block collection.
int block_scalar_indent(std::string_view page, size_t begin, size_t end, long enclosing) {
    const long base = enclosing < 0 ? 0 : enclosing;
    size_t pos = begin + 1;
    for (int k = 0; k < 2 && pos < end; ++k, ++pos) {
        char c = page[pos];
        if (c >= '1' && c <= '9') return static_cast<int>(base + (c - '0'));
        if (c != '+' && c != '-') break;
    }
    size_t line = page.find('\n', begin);
    int blank_max = 0;
    while (line != std::string_view::npos && line + 1 < end) {
        size_t p = line + 1;
        int spaces = 0;
        while (p < end && page[p] == ' ') ++p, ++spaces;
        if (p < end && page[p] != '\n' && page[p] != '\r') return std::max(spaces, blank_max);
        blank_max = std::max(blank_max, spaces);
        line = page.find('\n', p);
    }
    return static_cast<int>(base + 2);
}

struct YamlParser {
    yaml_parser_t parser;
    YamlParser() { yaml_parser_initialize(&parser); }
    ~YamlParser() { yaml_parser_delete(&parser); }
    YamlParser(const YamlParser&) = delete;
    YamlParser& operator=(const YamlParser&) = delete;
};

struct YamlEvent {
    yaml_event_t event{};
    bool live = false;
    ~YamlEvent() {
        if (live) yaml_event_delete(&event);
    }
};

class YamlWalker {
  public:
    YamlWalker(std::string_view page, size_t content_begin, size_t content_end,
               const LineIndex& lines, const std::string& file)
        : page_(page), content_begin_(content_begin),
          content_(page.substr(content_begin, content_end - content_begin)), lines_(lines),
          file_(file), offsets_(code_point_offsets(content_)) {}

    // Every scalar of the front matter, or the parse error.
    std::optional<Diagnostic> run(std::vector<FrontMatterField>& scalars) {
        YamlParser p;
        yaml_parser_set_input_string(
            &p.parser, reinterpret_cast<const unsigned char*>(content_.data()), content_.size());
        for (;;) {
            YamlEvent ev;
            if (!yaml_parser_parse(&p.parser, &ev.event)) return error(p.parser);
            ev.live = true;
            const yaml_event_t& e = ev.event;
            switch (e.type) {
            case YAML_STREAM_END_EVENT:
                return std::nullopt;
            case YAML_DOCUMENT_START_EVENT:
                stack_.clear();
                break;
            case YAML_SCALAR_EVENT:
                if (stack_.empty()) root_is_mapping_ = false;
                scalar(e, scalars);
                break;
            case YAML_ALIAS_EVENT:
                node_done("*");
                break;
            case YAML_MAPPING_START_EVENT:
            case YAML_SEQUENCE_START_EVENT:
                if (stack_.empty() && e.type == YAML_SEQUENCE_START_EVENT) root_is_mapping_ = false;
                start_collection(e);
                break;
            case YAML_MAPPING_END_EVENT:
            case YAML_SEQUENCE_END_EVENT:
                if (!stack_.empty()) stack_.pop_back();
                node_done("?");
                break;
            default:
                break;
            }
        }
    }

    // Front matter is a mapping (or empty); a document that is a scalar or a sequence means
    // the "---" lines were Markdown (thematic breaks, setext underlines).
    bool root_is_mapping() const { return root_is_mapping_; }

  private:
    bool root_is_mapping_ = true;
    struct Frame {
        bool mapping = false;
        bool flow = false;
        long column = -1; // byte column (0-based) of a block collection
        std::string path;
        bool want_key = true;
        std::string key;
        size_t index = 0;
    };

    std::string_view page_;
    size_t content_begin_;
    std::string_view content_;
    const LineIndex& lines_;
    const std::string& file_;
    std::vector<size_t> offsets_;
    std::vector<Frame> stack_;

    size_t page_offset(const yaml_mark_t& m) const {
        return content_begin_ + (m.index < offsets_.size() ? offsets_[m.index] : content_.size());
    }

    std::optional<Diagnostic> error(const yaml_parser_t& p) const {
        size_t offset = p.error == YAML_READER_ERROR ? content_begin_ + p.problem_offset
                                                     : page_offset(p.problem_mark);
        std::string message = "invalid YAML front matter: ";
        message += p.problem ? p.problem : "parse error";
        if (p.context) {
            message += " (";
            message += p.context;
            message += ")";
        }
        return error_at(file_, page_, offset, std::move(message));
    }

    bool next_is_key() const {
        return !stack_.empty() && stack_.back().mapping && stack_.back().want_key;
    }

    std::string next_path() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        if (f.mapping) return f.want_key ? "?" : join_path(f.path, f.key);
        return index_path(f.path, f.index);
    }

    // After a node: a mapping alternates key and value; a sequence counts its items.
    void node_done(std::string_view key_text) {
        if (stack_.empty()) return;
        Frame& f = stack_.back();
        if (f.mapping) {
            if (f.want_key) f.key = std::string(key_text);
            f.want_key = !f.want_key;
        } else {
            ++f.index;
        }
    }

    long enclosing_block_column() const {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (!it->flow) return it->column;
        return -1;
    }

    bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

    void start_collection(const yaml_event_t& e) {
        Frame f;
        f.mapping = e.type == YAML_MAPPING_START_EVENT;
        f.flow = f.mapping ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                           : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        bool properties = f.mapping ? (e.data.mapping_start.anchor || e.data.mapping_start.tag)
                                    : (e.data.sequence_start.anchor || e.data.sequence_start.tag);
        size_t at = page_offset(e.start_mark);
        if (properties) at = skip_node_properties(page_, at, content_begin_ + content_.size());
        f.column = static_cast<long>(at - lines_.line_start_of(at));
        f.path = next_path();
        stack_.push_back(std::move(f));
    }

    void scalar(const yaml_event_t& e, std::vector<FrontMatterField>& scalars) {
        std::string value(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        if (next_is_key()) {
            node_done(value);
            return;
        }
        size_t begin = page_offset(e.start_mark);
        size_t end = page_offset(e.end_mark);
        if (e.data.scalar.anchor || e.data.scalar.tag)
            begin = skip_node_properties(page_, begin, end);

        ScalarStyle style = ScalarStyle::yaml_plain;
        switch (e.data.scalar.style) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            style = ScalarStyle::yaml_single_quoted;
            break;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            style = ScalarStyle::yaml_double_quoted;
            break;
        case YAML_LITERAL_SCALAR_STYLE:
            style = ScalarStyle::yaml_literal;
            break;
        case YAML_FOLDED_SCALAR_STYLE:
            style = ScalarStyle::yaml_folded;
            break;
        default:
            break;
        }

        bool is_string = false;
        if (e.data.scalar.tag) {
            std::string_view tag(reinterpret_cast<const char*>(e.data.scalar.tag));
            is_string = tag == "tag:yaml.org,2002:str" || tag == "!";
        } else {
            is_string = style != ScalarStyle::yaml_plain || yaml_plain_is_string(value);
        }

        const long enclosing = enclosing_block_column();
        int indent = static_cast<int>((enclosing < 0 ? 0 : enclosing) + 2);
        if (style == ScalarStyle::yaml_literal || style == ScalarStyle::yaml_folded) {
            // A block scalar's end mark follows its last line break (and any trailing blank
            // lines), so its range is whole lines and a replacement ends with a line break.
            // Should the mark ever sit inside the next line's indentation, cut it back.
            size_t line_start = lines_.line_start_of(end);
            if (line_start > begin) end = line_start;
            indent = block_scalar_indent(page_, begin, end, enclosing);
        }
        FrontMatterField f =
            make_field(lines_, next_path(), std::move(value), begin, end, style, is_string);
        f.indent = indent;
        f.in_flow = in_flow();
        scalars.push_back(std::move(f));
        node_done("");
    }
};

// ---------------------------------------------------------------------------------------
// TOML (toml++ with source regions)

class TomlWalker {
  public:
    TomlWalker(std::string_view page, size_t content_begin, size_t content_end,
               const LineIndex& lines, const std::string& file)
        : page_(page), content_begin_(content_begin),
          content_(page.substr(content_begin, content_end - content_begin)),
          content_lines_(content_), lines_(lines), file_(file) {}

    std::optional<Diagnostic> run(std::vector<FrontMatterField>& scalars) {
        try {
            toml::table root = toml::parse(content_, file_);
            visit(root, "", scalars);
        } catch (const toml::parse_error& err) {
            return error_at(file_, page_, page_offset(err.source().begin),
                            "invalid TOML front matter: " + std::string(err.description()));
        }
        return std::nullopt;
    }

  private:
    std::string_view page_;
    size_t content_begin_;
    std::string_view content_;
    LineIndex content_lines_;
    const LineIndex& lines_;
    const std::string& file_;

    // toml++ positions are 1-based lines and 1-based columns counted in code points.
    size_t page_offset(const toml::source_position& p) const {
        size_t start = content_lines_.line_begin(static_cast<int>(p.line));
        auto i = static_cast<int32_t>(start);
        const auto n = static_cast<int32_t>(content_.size());
        for (toml::source_index c = 1;
             c < p.column && i < n && content_[static_cast<size_t>(i)] != '\n'; ++c)
            U8_FWD_1(content_.data(), i, n);
        return content_begin_ + static_cast<size_t>(i);
    }

    void visit(const toml::node& node, const std::string& path,
               std::vector<FrontMatterField>& scalars) const {
        if (const toml::table* t = node.as_table()) {
            for (auto&& [key, child] : *t) visit(child, join_path(path, key.str()), scalars);
            return;
        }
        if (const toml::array* a = node.as_array()) {
            for (size_t i = 0; i < a->size(); ++i) visit(*a->get(i), index_path(path, i), scalars);
            return;
        }
        // A value's source region runs from its first character to one past its last: for a
        // string, from the opening to past the closing quotes of whichever of the four kinds,
        // so the extent needs no scan of the string grammar; the opening quotes tell the kind.
        size_t begin = page_offset(node.source().begin);
        size_t end = std::max(begin, page_offset(node.source().end));
        std::string_view written = page_.substr(begin, end - begin);
        if (const auto* s = node.as_string()) {
            ScalarStyle style = ScalarStyle::toml_basic;
            if (written.substr(0, 3) == "\"\"\"")
                style = ScalarStyle::toml_multiline_basic;
            else if (written.substr(0, 3) == "'''")
                style = ScalarStyle::toml_multiline_literal;
            else if (written.substr(0, 1) == "'")
                style = ScalarStyle::toml_literal;
            scalars.push_back(make_field(lines_, path, s->get(), begin, end, style, true));
        } else {
            // Numbers, booleans, dates and times: the value as written.
            scalars.push_back(make_field(lines_, path, std::string(written), begin, end,
                                         ScalarStyle::toml_basic, false));
        }
    }
};

// ---------------------------------------------------------------------------------------
// JSON (nlohmann-json SAX)

// An input iterator over the page that records how far the parser has read. nlohmann's
// lexer reads one byte at a time and reads past a token only for numbers (one byte of
// look-ahead), so when the SAX handler is called for a string, a key or the end of an
// object, the furthest byte read is the last byte of that token.
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char** furthest = nullptr;

    reference operator*() const {
        if (at + 1 > *furthest) *furthest = at + 1;
        return *at;
    }
    CountingIterator& operator++() {
        ++at;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++at;
        return old;
    }
    bool operator==(const CountingIterator& o) const { return at == o.at; }
    bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

class JsonHandler : public nlohmann::json_sax<nlohmann::json> {
  public:
    JsonHandler(std::string_view page, const char** furthest, const LineIndex& lines,
                std::vector<FrontMatterField>& scalars)
        : page_(page), furthest_(furthest), lines_(lines), scalars_(scalars) {}

    std::optional<size_t> error_offset;
    std::string error_message;

    bool null() override { return literal(); }
    bool boolean(bool) override { return literal(); }
    bool number_integer(number_integer_t) override { return literal(); }
    bool number_unsigned(number_unsigned_t) override { return literal(); }
    bool number_float(number_float_t, const string_t&) override { return literal(); }
    bool binary(binary_t&) override { return literal(); }

    bool string(string_t& value) override {
        auto [begin, end] = string_token();
        scalars_.push_back(
            make_field(lines_, next_path(), value, begin, end, ScalarStyle::json_string, true));
        value_done();
        return true;
    }
    bool key(string_t& value) override {
        string_token();
        if (!stack_.empty()) stack_.back().key = value;
        return true;
    }
    bool start_object(std::size_t) override { return start_container(true); }
    bool start_array(std::size_t) override { return start_container(false); }
    bool end_object() override { return end_container(); }
    bool end_array() override { return end_container(); }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        // `position` counts the bytes read, the offending one included.
        error_offset = position > 0 ? position - 1 : 0;
        error_message = e.what();
        return false;
    }

  private:
    struct Frame {
        bool object = false;
        std::string path;
        std::string key;
        size_t index = 0;
    };
    std::string_view page_;
    const char** furthest_;
    const LineIndex& lines_;
    std::vector<FrontMatterField>& scalars_;
    std::vector<Frame> stack_;
    size_t last_ = 0; // end of the previous token the handler saw

    size_t read() const { return static_cast<size_t>(*furthest_ - page_.data()); }

    std::string next_path() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        return f.object ? join_path(f.path, f.key) : index_path(f.path, f.index);
    }
    void value_done() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }

    // The string token just read ends at the furthest byte read. Between the previous token
    // and this one there are only blanks and the structural characters : , [ {, none of them
    // a quote, so the token's opening quote is the first '"' after the previous token.
    std::pair<size_t, size_t> string_token() {
        size_t end = read();
        size_t begin = page_.find('"', last_);
        if (begin == std::string_view::npos || begin >= end) begin = last_;
        last_ = end;
        return {begin, end};
    }

    // true, false, null and numbers: the token starts after the blanks and structural
    // characters that follow the previous token and runs to the next of them (a number is
    // followed by one byte of look-ahead, so the furthest byte read cannot bound it).
    bool literal() {
        auto separator = [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == ',' ||
                   c == '[' || c == ']' || c == '{' || c == '}';
        };
        size_t limit = read();
        size_t begin = last_;
        while (begin < limit && separator(page_[begin])) ++begin;
        size_t end = begin;
        while (end < limit && !separator(page_[end])) ++end;
        scalars_.push_back(make_field(lines_, next_path(),
                                      std::string(page_.substr(begin, end - begin)), begin, end,
                                      ScalarStyle::json_string, false));
        last_ = end;
        value_done();
        return true;
    }

    bool start_container(bool object) {
        Frame f;
        f.object = object;
        f.path = next_path();
        stack_.push_back(std::move(f));
        last_ = read();
        return true;
    }
    bool end_container() {
        if (!stack_.empty()) stack_.pop_back();
        last_ = read();
        value_done();
        return true;
    }
};

// ---------------------------------------------------------------------------------------
// Encoding helpers

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

std::vector<std::string> front_matter_default_keys() {
    return {"title", "linkTitle", "description", "summary"};
}

namespace {

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

} // namespace

FrontMatterResult front_matter_parse(std::string_view page, const std::string& file,
                                     const std::vector<std::string>& keys) {
    FrontMatterResult result;
    FrontMatter& fm = result.front_matter;
    const size_t start = page.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    fm.begin = fm.end = start;

    std::vector<FrontMatterField> scalars;
    std::optional<Diagnostic> problem;
    if (page.substr(start, 1) == "{") {
        fm.syntax = FrontMatterSyntax::json;
        // Hugo's rule: the JSON object ends where its braces balance, i.e. where the parser
        // has read the first complete value (strict=false stops there).
        std::string_view rest = page.substr(start);
        const char* furthest = rest.data();
        LineIndex lines(page);
        JsonHandler handler(page, &furthest, lines, scalars);
        bool ok = false;
        try {
            ok = nlohmann::json::sax_parse(CountingIterator{rest.data(), &furthest},
                                           CountingIterator{rest.data() + rest.size(), &furthest},
                                           &handler, nlohmann::json::input_format_t::json,
                                           /*strict=*/false);
        } catch (const nlohmann::json::exception& e) {
            handler.error_offset = static_cast<size_t>(furthest - rest.data());
            handler.error_message = e.what();
        }
        if (!ok || handler.error_offset) {
            size_t at = start + handler.error_offset.value_or(0);
            problem =
                error_at(file, page, at, "invalid JSON front matter: " + handler.error_message);
        } else {
            size_t close = static_cast<size_t>(furthest - page.data());
            fm.end = close + newline_length(page, close);
        }
    } else {
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
        std::optional<size_t> content_end;
        for (size_t pos = content_begin; pos < page.size();) {
            if (auto after = delimiter_line(page, pos, delim)) {
                content_end = pos;
                fm.end = *after;
                break;
            }
            size_t nl = page.find('\n', pos);
            if (nl == std::string_view::npos) break;
            pos = nl + 1;
        }
        if (!content_end) {
            // Without a closing line, the opening line is front matter only when what follows
            // reads like its entries ("key: value", "key = value", "[table]"); otherwise it is
            // Markdown (a thematic break, a setext underline, text) and the page has none.
            if (!looks_like_front_matter_entry(page.substr(content_begin), fm.syntax)) {
                fm = FrontMatter{};
                return result;
            }
            result.diagnostics.push_back(error_at(file, page, start,
                                                  "front matter opened with \"" +
                                                      std::string(delim) + "\" has no closing \"" +
                                                      std::string(delim) + "\" line"));
            return result;
        }
        LineIndex lines(page.substr(0, fm.end));
        if (fm.syntax == FrontMatterSyntax::yaml) {
            YamlWalker walker(page, content_begin, *content_end, lines, file);
            problem = walker.run(scalars);
            if (!problem && !walker.root_is_mapping()) return FrontMatterResult{};
        } else {
            problem = TomlWalker(page, content_begin, *content_end, lines, file).run(scalars);
        }
    }

    if (problem) {
        result.diagnostics.push_back(std::move(*problem));
        return result;
    }
    std::stable_sort(
        scalars.begin(), scalars.end(),
        [](const FrontMatterField& a, const FrontMatterField& b) { return a.begin < b.begin; });
    for (const FrontMatterField& f : scalars) {
        if (!f.is_string) continue;
        if (std::any_of(keys.begin(), keys.end(),
                        [&](const std::string& k) { return key_selects(f.path, k); }))
            fm.selected.push_back(f);
    }
    fm.scalars = std::move(scalars);
    return result;
}

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
