// en-XA, accented English, as CLDR generates it (unicode-org/cldr,
// tools/java/org/unicode/cldr/tool/CLDRFilePseudolocalizer.java, PseudolocalizerXA): each
// ASCII letter becomes CLDR's accented look-alike, number words ("one two three ...") lengthen
// the text, and the whole message is bracketed. Two departures, both for Markdown: only
// letters are replaced (CLDR also replaces punctuation such as '*', '[' or '\', which is
// syntax here), and the text grows by about 35% instead of CLDR's 50%, the growth the
// pseudo-locale is asked to simulate.
#include <cstdint>

#include <unicode/utf8.h>

#include "policyloc/utf8_text.h"
#include "pseudo_pieces.h"

namespace policyloc {

namespace {

// CLDR's en-XA replacements of A-Z and a-z.
constexpr std::int32_t kUpper[26] = {
    0x00C5, 0x0181, 0x00C7, 0x00D0, 0x00C9, 0x0191, 0x011C, 0x0124, 0x00CE,
    0x0134, 0x0136, 0x013B, 0x1E40, 0x00D1, 0x00D6, 0x00DE, 0x01EA, 0x0154,
    0x0160, 0x0162, 0x00DB, 0x1E7C, 0x0174, 0x1E8A, 0x00DD, 0x017D,
};
constexpr std::int32_t kLower[26] = {
    0x00E5, 0x0180, 0x00E7, 0x00F0, 0x00E9, 0x0192, 0x011D, 0x0125, 0x00EE,
    0x0135, 0x0137, 0x013C, 0x0271, 0x00F1, 0x00F6, 0x00FE, 0x01EB, 0x0155,
    0x0161, 0x0163, 0x00FB, 0x1E7D, 0x0175, 0x1E8B, 0x00FD, 0x017E,
};

// CLDR's expansion words, used in turn.
constexpr const char* kNumbers[] = {
    "one",         "two",         "three",       "four",        "five",        "six",
    "seven",       "eight",       "nine",        "ten",         "eleven",      "twelve",
    "thirteen",    "fourteen",    "fifteen",     "sixteen",     "seventeen",   "eighteen",
    "nineteen",    "twenty",      "twentyone",   "twentytwo",   "twentythree", "twentyfour",
    "twentyfive",  "twentysix",   "twentyseven", "twentyeight", "twentynine",  "thirty",
    "thirtyone",   "thirtytwo",   "thirtythree", "thirtyfour",  "thirtyfive",  "thirtysix",
    "thirtyseven", "thirtyeight", "thirtynine",  "forty",
};

// How much longer the pseudo-translation is than the text around the protected spans.
constexpr double kExpansion = 0.35;

// Appends `text` with its ASCII letters accented; returns the number of its code points.
size_t append_accented(std::string& out, std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int64_t>(text.size());
    size_t code_points = 0;
    for (int64_t i = 0; i < length;) {
        const int64_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        ++code_points;
        if (c >= 'A' && c <= 'Z')
            utf8_append(out, kUpper[c - 'A']);
        else if (c >= 'a' && c <= 'z')
            utf8_append(out, kLower[c - 'a']);
        else // anything else, an invalid byte too, as it is
            out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    return code_points;
}

// Number words that bring `grown` code points (the brackets already) closest to `target`:
// a word is added while it leaves the text no further from the target than it was.
std::string expansion(size_t grown, size_t target) {
    std::string words;
    for (size_t k = 0; grown < target; ++k) {
        std::string_view word = kNumbers[k % std::size(kNumbers)];
        size_t after = grown + 1 + word.size();
        if (after > target && after - target > target - grown) break;
        words += ' ';
        words += word;
        grown = after;
    }
    return words;
}

} // namespace

std::string pseudo_accent(std::string_view text, const std::vector<PseudoPiece>& pieces) {
    std::string out = "[";
    size_t running = 0; // code points of running text: what the expansion is measured on
    for (const PseudoPiece& p : pieces) {
        std::string_view piece = text.substr(p.begin, p.end - p.begin);
        if (p.kept)
            out += piece;
        else
            running += append_accented(out, piece);
    }
    const auto target = static_cast<size_t>(static_cast<double>(running) * kExpansion + 0.5);
    std::string words = expansion(2, target);
    out += words;
    // An odd run of backslashes right before the closing bracket would escape it.
    size_t backslashes = 0;
    while (backslashes < out.size() && out[out.size() - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) out += ' ';
    out += ']';
    return out;
}

} // namespace policyloc
