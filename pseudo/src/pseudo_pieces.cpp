#include "pseudo_pieces.h"

#include <cctype>

namespace policyloc {

namespace {

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_hex(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// Length of a run of `pred` characters at `at`, at most `most`.
template <class Pred> size_t run_of(std::string_view s, size_t at, size_t most, Pred pred) {
    size_t n = 0;
    while (at + n < s.size() && n < most && pred(s[at + n])) ++n;
    return n;
}

// A backslash escape (CommonMark: a backslash before ASCII punctuation) or a hard break
// written as a backslash at the end of a line: 2 bytes, else 0.
size_t escape_length(std::string_view text, size_t at) {
    if (text[at] != '\\' || at + 1 >= text.size()) return 0;
    char next = text[at + 1];
    return is_ascii_punctuation(next) || next == '\n' || next == '\r' ? 2 : 0;
}

bool is_alnum(char c) {
    return is_ascii_alpha(c) || is_ascii_digit(c);
}

bool starts_with_ci(std::string_view s, size_t at, std::string_view prefix) {
    if (s.size() - at < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
    return true;
}

// Trailing punctuation ends a sentence, not an address (as GFM's extended autolinks end).
size_t without_trailing_punctuation(std::string_view s, size_t at, size_t n) {
    while (n > 0 && std::string_view(".,:;!?*_~'\"-").find(s[at + n - 1]) != std::string_view::npos)
        --n;
    return n;
}

// A URL written in the text ("https://...", "www...."), or 0.
size_t url_length(std::string_view text, size_t at) {
    size_t prefix = 0;
    for (std::string_view p : {"https://", "http://", "mailto:", "www."})
        if (starts_with_ci(text, at, p)) prefix = p.size();
    if (prefix == 0) return 0;
    size_t n = prefix;
    while (at + n < text.size() &&
           std::string_view(" \t\r\n<>[]()`\"").find(text[at + n]) == std::string_view::npos)
        ++n;
    n = without_trailing_punctuation(text, at, n);
    return n > prefix ? n : 0;
}

// An e-mail address ("privacy@example.com"), or 0.
size_t email_length(std::string_view text, size_t at) {
    auto local = [](char c) {
        return is_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos;
    };
    auto domain = [](char c) { return is_alnum(c) || c == '.' || c == '-'; };
    size_t n = run_of(text, at, text.size(), local);
    if (n == 0 || at + n >= text.size() || text[at + n] != '@') return 0;
    size_t d = without_trailing_punctuation(text, at + n + 1,
                                            run_of(text, at + n + 1, text.size(), domain));
    std::string_view host = text.substr(at + n + 1, d);
    if (host.find('.') == std::string_view::npos || host.front() == '.') return 0;
    return n + 1 + d;
}

// What running text holds that a translation keeps, at `at`: a backslash escape, a character
// reference, or (at the start of a word) a URL or an e-mail address, such as the text of a
// link to it. Its length, or 0.
size_t kept_length(std::string_view text, size_t at) {
    if (size_t n = escape_length(text, at)) return n;
    if (size_t n = character_reference_length(text, at)) return n;
    if (at > 0 && (is_alnum(text[at - 1]) ||
                   std::string_view("._%+-@/").find(text[at - 1]) != std::string_view::npos))
        return 0;
    if (size_t n = url_length(text, at)) return n;
    return email_length(text, at);
}

} // namespace

size_t character_reference_length(std::string_view text, size_t at) {
    if (at >= text.size() || text[at] != '&') return 0;
    size_t i = at + 1;
    size_t n = 0;
    // The lengths CommonMark allows: 1-7 decimal digits, 1-6 hex digits, names up to 31.
    if (i < text.size() && text[i] == '#') {
        ++i;
        if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) {
            ++i;
            n = run_of(text, i, 6, is_ascii_hex);
        } else {
            n = run_of(text, i, 7, is_ascii_digit);
        }
    } else if (i < text.size() && is_ascii_alpha(text[i])) {
        n = run_of(text, i, 32, [](char c) { return is_ascii_alpha(c) || is_ascii_digit(c); });
    }
    i += n;
    if (n == 0 || i >= text.size() || text[i] != ';') return 0;
    return i + 1 - at;
}

std::vector<PseudoPiece> pseudo_pieces(std::string_view text,
                                       const std::vector<InlineCode>& codes) {
    std::vector<PseudoPiece> pieces;
    auto add = [&](size_t begin, size_t end, bool kept) {
        if (begin >= end) return;
        if (!pieces.empty() && pieces.back().kept == kept && pieces.back().end == begin)
            pieces.back().end = end;
        else
            pieces.push_back({begin, end, kept});
    };
    // Running text between protected spans, with its escapes and references kept.
    auto add_text = [&](size_t begin, size_t end) {
        size_t run = begin;
        for (size_t i = begin; i < end;) {
            size_t n = kept_length(text.substr(0, end), i);
            if (n == 0) {
                ++i;
                continue;
            }
            add(run, i, false);
            add(i, i + n, true);
            i += n;
            run = i;
        }
        add(run, end, false);
    };
    size_t at = 0;
    for (const InlineCode& c : codes) {
        if (c.begin < at || c.end < c.begin || c.end > text.size()) continue;
        add_text(at, c.begin);
        add(c.begin, c.end, true);
        at = c.end;
    }
    add_text(at, text.size());
    return pieces;
}

} // namespace policyloc
