#include "policyloc/escape.h"

#include <algorithm>
#include <cctype>

namespace policyloc {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool blank_at(std::string_view line, size_t i) {
    return i >= line.size() || is_blank(line[i]);
}

// The line holds only `allowed` characters and at least `min_count` of `must`.
bool only_chars(std::string_view line, std::string_view allowed, char must, int min_count) {
    int n = 0;
    for (char c : line) {
        if (c == must)
            ++n;
        else if (allowed.find(c) == std::string_view::npos)
            return false;
    }
    return n >= min_count;
}

// "[label]:" or "[^note]:" at the start of a line: a link reference definition or a footnote
// definition.
bool starts_definition(std::string_view line) {
    if (line.empty() || line[0] != '[') return false;
    for (size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] == '[') return false;
        if (line[i] == ']') return i + 1 < line.size() && line[i + 1] == ':';
    }
    return false;
}

std::optional<size_t> at_start_if(bool applies) {
    return applies ? std::optional<size_t>(0) : std::nullopt;
}

// Setext underlines, thematic breaks and table delimiter rows ("---", ":--|--", "===").
std::optional<size_t> underline_rule(std::string_view line) {
    return at_start_if(only_chars(line, "-:| \t", '-', 1) || only_chars(line, "= \t", '=', 1));
}

std::optional<size_t> atx_heading_rule(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    return at_start_if(n >= 1 && n <= 6 && blank_at(line, n));
}

std::optional<size_t> block_quote_or_pipe_rule(std::string_view line) {
    return at_start_if(!line.empty() && (line[0] == '>' || line[0] == '|'));
}

// Bullet list markers, and thematic breaks of "*" or "_". A first word made of the marker
// alone ("---", "***") may end up alone on the first line once the paragraph is wrapped.
std::optional<size_t> bullet_rule(std::string_view line) {
    if (line.empty() || std::string_view("-+*_=").find(line[0]) == std::string_view::npos)
        return std::nullopt;
    char c = line[0];
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    return at_start_if((c != '_' && c != '=' && blank_at(line, 1)) ||
                       word.find_first_not_of(c) == std::string_view::npos ||
                       only_chars(line, std::string{c, ' ', '\t'}, c, 3));
}

std::optional<size_t> code_fence_rule(std::string_view line) {
    return at_start_if(line.starts_with("```") || line.starts_with("~~~"));
}

std::optional<size_t> html_block_rule(std::string_view line) {
    return at_start_if(line.size() > 1 && line[0] == '<' &&
                       (std::isalpha(static_cast<unsigned char>(line[1])) || line[1] == '/' ||
                        line[1] == '!' || line[1] == '?'));
}

// Link reference and footnote definitions, and task list markers ("[ ]", "[x]").
std::optional<size_t> definition_rule(std::string_view line) {
    bool task = line.size() >= 3 && line[0] == '[' &&
                (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') && line[2] == ']' &&
                blank_at(line, 3);
    return at_start_if(starts_definition(line) || task);
}

// "1." or "1)" followed by a blank: the backslash goes before the delimiter.
std::optional<size_t> ordered_list_rule(std::string_view line) {
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits >= 1 && digits <= 9 && digits < line.size() &&
        (line[digits] == '.' || line[digits] == ')') && blank_at(line, digits + 1))
        return digits;
    return std::nullopt;
}

} // namespace

const std::vector<LineStartRule>& line_start_rules() {
    static const std::vector<LineStartRule> rules = {
        {"setext underline, thematic break or table delimiter row", "---", underline_rule},
        {"ATX heading", "## Title", atx_heading_rule},
        {"block quote or table row", "> quoted", block_quote_or_pipe_rule},
        {"bullet list item or thematic break", "- item", bullet_rule},
        {"fenced code block", "```", code_fence_rule},
        {"HTML block", "<div>", html_block_rule},
        {"reference definition, footnote definition or task marker", "[label]: /url",
         definition_rule},
        {"ordered list item", "1. item", ordered_list_rule},
    };
    return rules;
}

std::string escape_line_start(std::string line,
                              const std::vector<std::string_view>& protected_texts) {
    if (line.empty()) return line;
    if (line[0] == '<' || line[0] == '`')
        for (std::string_view p : protected_texts)
            if (!p.empty() && std::string_view(line).starts_with(p)) return line;
    for (const LineStartRule& rule : line_start_rules()) {
        if (auto at = rule.escape_at(line)) {
            line.insert(*at, "\\");
            return line;
        }
    }
    return line;
}

std::string escape_footnote_references(std::string text,
                                       const std::vector<std::string_view>& protected_texts) {
    if (text.find("[^") == std::string::npos) return text;
    std::vector<std::pair<size_t, size_t>> kept;
    for (std::string_view p : protected_texts)
        for (size_t pos = 0; !p.empty() && (pos = text.find(p, pos)) != std::string::npos;
             pos += p.size())
            kept.emplace_back(pos, pos + p.size());
    std::string out;
    size_t backslashes = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        bool inside = std::any_of(kept.begin(), kept.end(),
                                  [&](const auto& r) { return i >= r.first && i < r.second; });
        if (text[i] == '[' && i + 1 < text.size() && text[i + 1] == '^' && !inside &&
            backslashes % 2 == 0)
            out += '\\';
        out += text[i];
        backslashes = text[i] == '\\' ? backslashes + 1 : 0;
    }
    return out;
}

std::string escape_table_pipes(std::string_view text) {
    std::string out;
    size_t backslashes = 0;
    for (char c : text) {
        if (c == '|' && backslashes % 2 == 0) out += '\\';
        out += c;
        backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    if (!out.empty() && out.back() == '\\') out += ' ';
    return out;
}

std::string escape_page_start(std::string text) {
    if (!text.empty() && text[0] == '{') text.insert(0, "\\");
    return text;
}

std::string escape_heading_end(std::string h) {
    if (!h.empty() && h.back() == '#') {
        size_t hashes = h.find_last_not_of('#');
        if (hashes == std::string::npos || is_blank(h[hashes])) h.insert(h.size() - 1, "\\");
    }
    return h;
}

std::string normalize_lines(std::string_view text, bool keep_breaks) {
    std::string out;
    bool at_line_start = true;
    for (char c : text) {
        if (c == '\r') continue;
        if (c == '\n') {
            if (keep_breaks && !out.empty() && out.back() != '\n')
                out += '\n';
            else if (!keep_breaks && !out.empty() && out.back() != ' ')
                out += ' ';
            at_line_start = true;
            continue;
        }
        if (at_line_start && is_blank(c)) continue;
        at_line_start = false;
        out += c;
    }
    std::string_view s = out;
    auto space = [](char c) { return is_blank(c) || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

} // namespace policyloc
