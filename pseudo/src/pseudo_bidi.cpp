// ar-XB, fake right-to-left, as CLDR generates it (unicode-org/cldr,
// tools/java/org/unicode/cldr/tool/CLDRFilePseudolocalizer.java, PseudolocalizerXB): every
// maximal run of strong left-to-right characters is wrapped in RLM RLO ... PDF RLM (U+200F
// U+202E ... U+202C U+200F), the prefix and suffix Android's pseudolocalizer also puts around
// each word (frameworks/base tools/aapt2/compile/Pseudolocalizer.cpp, PseudoMethodBidi). The
// override shows the run's letters mirrored; the marks make the runs right-to-left text, so
// the words read from right to left. The bytes of the text are not reordered.
//
// CLDR's runs suit Markdown better than Android's whitespace-delimited words: delimiters
// ('*', '_', '[', ...), digits and protected spans are not strong left-to-right characters, so
// they stay outside every override. Combining marks and boundary neutrals stay in the run of
// the letter before them.
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "pseudo_pieces.h"

namespace policyloc {

namespace {

constexpr std::string_view kOpen = "\u200F\u202E";  // RLM RLO
constexpr std::string_view kClose = "\u202C\u200F"; // PDF RLM

void append_mirrored(std::string& out, std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int64_t>(text.size());
    bool open = false;
    for (int64_t i = 0; i < length;) {
        const int64_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        const UCharDirection dir = c < 0 ? U_OTHER_NEUTRAL : u_charDirection(c);
        const bool in_run = dir == U_LEFT_TO_RIGHT ||
                            (open && (dir == U_DIR_NON_SPACING_MARK || dir == U_BOUNDARY_NEUTRAL));
        if (in_run != open) {
            out += in_run ? kOpen : kClose;
            open = in_run;
        }
        out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    if (open) out += kClose;
}

} // namespace

std::string pseudo_bidi(std::string_view text, const std::vector<PseudoPiece>& pieces) {
    std::string out;
    for (const PseudoPiece& p : pieces) {
        std::string_view piece = text.substr(p.begin, p.end - p.begin);
        if (p.kept)
            out += piece;
        else
            append_mirrored(out, piece);
    }
    return out;
}

} // namespace policyloc
