// YAML front matter over libyaml: the parser's events and their marks give each scalar's
// exact byte range, style and path, and the indentation a replacement needs; plain scalars are
// typed by the resolution rules of YAML 1.1 and the YAML 1.2 core schema.
#include <algorithm>
#include <cstdint>

#include <unicode/utf8.h>
#include <yaml.h>

#include "front_matter_internal.h"
#include "policyloc/i18n.h"

namespace policyloc::detail {

namespace {

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

} // namespace

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

namespace {

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
        std::string message = _("invalid YAML front matter: ");
        message += p.problem ? p.problem : _("parse error");
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

} // namespace

std::optional<Diagnostic> yaml_read_scalars(std::string_view page, size_t content_begin,
                                            size_t content_end, const LineIndex& lines,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars,
                                            bool& root_is_mapping) {
    YamlWalker walker(page, content_begin, content_end, lines, file);
    std::optional<Diagnostic> problem = walker.run(scalars);
    root_is_mapping = walker.root_is_mapping();
    return problem;
}

} // namespace policyloc::detail
