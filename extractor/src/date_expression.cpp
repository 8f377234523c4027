// Recognises date expressions in Go template actions. A small tokenizer over the action
// grammar (field chains, identifiers, parenthesised groups, string literals, pipes) and a
// matcher for the few command shapes that print a formatted date.
#include "policyloc/date_expression.h"
#include "policyloc/utf8_text.h"

#include <cstdint>
#include <vector>

namespace policyloc {
namespace {

enum class TokenKind { Operand, String, Pipe };

struct Token {
    TokenKind kind;
    std::string_view text; // source text of the token
    std::string value;     // decoded value of a string literal
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_ident_start(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_ident_char(char c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads `count` hex digits at s[i...]; nullopt unless all are hex digits.
std::optional<std::uint32_t> read_hex(std::string_view s, std::size_t i, std::size_t count) {
    if (i + count > s.size()) return std::nullopt;
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < count; ++k) {
        int h = hex_value(s[i + k]);
        if (h < 0) return std::nullopt;
        v = v * 16 + static_cast<std::uint32_t>(h);
    }
    return v;
}

// A raw string literal starting at s[pos] ('`'): its value without '\r', `end` past it.
std::optional<std::string> scan_raw_string(std::string_view s, std::size_t pos, std::size_t& end) {
    std::size_t close = s.find('`', pos + 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string value;
    for (char c : s.substr(pos + 1, close - pos - 1))
        if (c != '\r') value += c;
    end = close + 1;
    return value;
}

// Appends the value of the escape sequence "\E..." of an interpreted string, where `e` is the
// character after the backslash and s[i] the first one after `e`; moves i past the sequence.
// False when it is not one of Go's escapes.
bool append_escape(std::string_view s, char e, std::size_t& i, std::string& value) {
    switch (e) {
    case 'a':
        value += '\a';
        return true;
    case 'b':
        value += '\b';
        return true;
    case 'f':
        value += '\f';
        return true;
    case 'n':
        value += '\n';
        return true;
    case 'r':
        value += '\r';
        return true;
    case 't':
        value += '\t';
        return true;
    case 'v':
        value += '\v';
        return true;
    case '\\':
        value += '\\';
        return true;
    case '"':
        value += '"';
        return true;
    case 'x': {
        auto v = read_hex(s, i, 2);
        if (!v) return false;
        value += static_cast<char>(*v);
        i += 2;
        return true;
    }
    case 'u':
    case 'U': {
        std::size_t n = e == 'u' ? 4 : 8;
        auto v = read_hex(s, i, n);
        if (!v || *v > 0x10FFFF || (*v >= 0xD800 && *v <= 0xDFFF)) return false;
        utf8_append(value, static_cast<std::int32_t>(*v));
        i += n;
        return true;
    }
    default: {
        // Octal: exactly three digits, value at most 255.
        if (e < '0' || e > '7' || i + 2 > s.size()) return false;
        std::uint32_t v = static_cast<std::uint32_t>(e - '0');
        for (std::size_t k = 0; k < 2; ++k) {
            char d = s[i + k];
            if (d < '0' || d > '7') return false;
            v = v * 8 + static_cast<std::uint32_t>(d - '0');
        }
        if (v > 255) return false;
        value += static_cast<char>(v);
        i += 2;
        return true;
    }
    }
}

// Scans a Go string literal starting at s[pos] ('"' or '`'); sets `end` past its closing quote
// and returns its value. Interpreted strings take Go's escapes; raw strings drop '\r'.
std::optional<std::string> scan_string(std::string_view s, std::size_t pos, std::size_t& end) {
    if (s[pos] == '`') return scan_raw_string(s, pos, end);
    std::string value;
    std::size_t i = pos + 1;
    while (i < s.size()) {
        char c = s[i];
        if (c == '"') {
            end = i + 1;
            return value;
        }
        if (c == '\n') return std::nullopt;
        if (c != '\\') {
            value += c;
            ++i;
            continue;
        }
        if (i + 1 >= s.size()) return std::nullopt;
        char e = s[i + 1];
        i += 2;
        if (!append_escape(s, e, i, value)) return std::nullopt;
    }
    return std::nullopt;
}

// Skips ".Ident" field selectors after an operand.
std::size_t scan_selectors(std::string_view s, std::size_t i) {
    while (i + 1 < s.size() && s[i] == '.' && is_ident_start(s[i + 1])) {
        ++i;
        while (i < s.size() && is_ident_char(s[i])) ++i;
    }
    return i;
}

// Scans a parenthesised group starting at s[pos] == '(' up to its matching ')', skipping
// string literals; returns the position past ')' or npos.
std::size_t scan_group(std::string_view s, std::size_t pos) {
    int depth = 0;
    std::size_t i = pos;
    while (i < s.size()) {
        char c = s[i];
        if (c == '"' || c == '`') {
            std::size_t end = 0;
            if (!scan_string(s, i, end)) return std::string_view::npos;
            i = end;
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i + 1;
        ++i;
    }
    return std::string_view::npos;
}

// Tokenizes the inside of an action; nullopt on anything outside the recognised subset
// (numbers, assignments, comments, keywords are left to the caller as "not a date").
std::optional<std::vector<Token>> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (c == '|') {
            tokens.push_back({TokenKind::Pipe, s.substr(i, 1), {}});
            ++i;
            continue;
        }
        if (c == '"' || c == '`') {
            std::size_t end = 0;
            auto value = scan_string(s, i, end);
            if (!value) return std::nullopt;
            tokens.push_back({TokenKind::String, s.substr(start, end - start), std::move(*value)});
            i = end;
            continue;
        }
        if (c == '$') {
            ++i;
            while (i < s.size() && is_ident_char(s[i])) ++i;
            i = scan_selectors(s, i);
        } else if (c == '.') {
            std::size_t next = scan_selectors(s, i);
            i = next == i ? i + 1 : next; // a lone "." is the dot
        } else if (is_ident_start(c)) {
            while (i < s.size() && is_ident_char(s[i])) ++i;
            i = scan_selectors(s, i);
        } else if (c == '(') {
            i = scan_group(s, i);
            if (i == std::string_view::npos) return std::nullopt;
            i = scan_selectors(s, i);
        } else {
            return std::nullopt;
        }
        // An operand must end at a space, a pipe or the end of the action.
        if (i < s.size() && !is_space(s[i]) && s[i] != '|') return std::nullopt;
        tokens.push_back({TokenKind::Operand, s.substr(start, i - start), {}});
    }
    return tokens;
}

bool is_keyword(std::string_view t) {
    return t == "if" || t == "else" || t == "end" || t == "range" || t == "with" || t == "define" ||
           t == "block" || t == "template" || t == "break" || t == "continue" || t == "nil" ||
           t == "true" || t == "false";
}

// True for an operand that can hold a time value: a field chain, a variable, a group or now.
bool is_value_operand(std::string_view t) {
    if (t.empty() || is_keyword(t)) return false;
    return t[0] == '.' || t[0] == '$' || t[0] == '(' || t == "now" || t.substr(0, 4) == "now.";
}

bool is_format_function(std::string_view t) {
    return t == "dateFormat" || t == "time.Format";
}

// ".Page.Lastmod", "$.Lastmod", ".Lastmod" -> "Lastmod"; "now" -> "now"; else the text.
std::string field_name(std::string_view operand) {
    if (operand == "now") return "now";
    std::string_view f = operand;
    if (f.substr(0, 2) == "$.") f.remove_prefix(1);
    if (f.substr(0, 6) == ".Page.") f.remove_prefix(5);
    if (f == ".Lastmod" || f == ".Date" || f == ".PublishDate" || f == ".ExpiryDate")
        return std::string(f.substr(1));
    return std::string(operand);
}

constexpr std::string_view kFormatSelector = ".Format";

} // namespace

std::optional<DateExpression> date_expression_parse(std::string_view action) {
    if (action.size() < 4 || action.substr(0, 2) != "{{" ||
        action.substr(action.size() - 2) != "}}")
        return std::nullopt;
    std::string_view inner = action.substr(2, action.size() - 4);
    // Trim markers are "{{- " and " -}}": the dash must be followed (preceded) by a space.
    if (inner.size() >= 2 && inner[0] == '-' && is_space(inner[1])) inner.remove_prefix(1);
    if (inner.size() >= 2 && inner.back() == '-' && is_space(inner[inner.size() - 2]))
        inner.remove_suffix(1);

    auto tokens = tokenize(inner);
    if (!tokens) return std::nullopt;
    const std::vector<Token>& t = *tokens;

    // X.Format "LAYOUT"
    if (t.size() == 2 && t[0].kind == TokenKind::Operand && t[1].kind == TokenKind::String) {
        std::string_view chain = t[0].text;
        if (chain.size() > kFormatSelector.size() &&
            chain.substr(chain.size() - kFormatSelector.size()) == kFormatSelector) {
            std::string_view receiver = chain.substr(0, chain.size() - kFormatSelector.size());
            if (is_value_operand(receiver)) return DateExpression{field_name(receiver), t[1].value};
        }
        return std::nullopt;
    }
    // dateFormat "LAYOUT" X, time.Format "LAYOUT" X
    if (t.size() == 3 && t[0].kind == TokenKind::Operand && is_format_function(t[0].text) &&
        t[1].kind == TokenKind::String && t[2].kind == TokenKind::Operand &&
        is_value_operand(t[2].text))
        return DateExpression{field_name(t[2].text), t[1].value};
    // X | dateFormat "LAYOUT", X | time.Format "LAYOUT"
    if (t.size() == 4 && t[0].kind == TokenKind::Operand && is_value_operand(t[0].text) &&
        t[1].kind == TokenKind::Pipe && t[2].kind == TokenKind::Operand &&
        is_format_function(t[2].text) && t[3].kind == TokenKind::String)
        return DateExpression{field_name(t[0].text), t[3].value};
    return std::nullopt;
}

} // namespace policyloc
