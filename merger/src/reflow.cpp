// Greedy filling of translated paragraphs: ICU says where a line may break, the text says
// whether that break can be written as a newline (only where it already has whitespace), and
// Markdown says whether the next line would still be paragraph text.
#include "policyloc/reflow.h"
#include "policyloc/utf8_text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace policyloc {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The code point that ends at byte `end` of `s` (U_SENTINEL at the start or on invalid bytes);
// `begin` receives its first byte.
UChar32 code_point_before(std::string_view s, size_t end, size_t& begin) {
    begin = end;
    if (end == 0) return U_SENTINEL;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto i = static_cast<int32_t>(end);
    UChar32 c = 0;
    U8_PREV(bytes, 0, i, c);
    begin = static_cast<size_t>(i);
    return c;
}

// The code point that starts at byte `begin` of `s` (U_SENTINEL at the end or on invalid
// bytes); `end` receives the byte after it.
UChar32 code_point_at(std::string_view s, size_t begin, size_t& end) {
    end = begin;
    if (begin >= s.size()) return U_SENTINEL;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto i = static_cast<int32_t>(begin);
    const auto length = static_cast<int32_t>(s.size());
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    end = static_cast<size_t>(i);
    return c;
}

int line_break_class(UChar32 c) {
    return u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
}

bool is_quotation(UChar32 c, UCharCategory category) {
    return c >= 0 && u_charType(c) == category && line_break_class(c) == U_LB_QUOTATION;
}

// Unicode 15.1 rules LB15a and LB15b, which ICU applies only from version 74 on: an opening
// quotation mark keeps the spaces after it ("« texte"), a closing one stays with the text
// before it ("texte »"). `blank_begin`/`blank_end` delimit a whitespace run in `segment`.
bool quotation_holds(std::string_view segment, size_t blank_begin, size_t blank_end) {
    size_t quote_begin = 0;
    const UChar32 before = code_point_before(segment, blank_begin, quote_begin);
    if (is_quotation(before, U_INITIAL_PUNCTUATION)) {
        if (quote_begin == 0) return true;
        size_t unused = 0;
        const UChar32 previous = code_point_before(segment, quote_begin, unused);
        if (previous == '\t') return true;
        if (previous >= 0) {
            switch (line_break_class(previous)) {
            case U_LB_MANDATORY_BREAK:
            case U_LB_CARRIAGE_RETURN:
            case U_LB_LINE_FEED:
            case U_LB_NEXT_LINE:
            case U_LB_OPEN_PUNCTUATION:
            case U_LB_QUOTATION:
            case U_LB_GLUE:
            case U_LB_SPACE:
            case U_LB_ZWSPACE:
                return true;
            default:
                break;
            }
        }
    }
    size_t quote_end = 0;
    const UChar32 after = code_point_at(segment, blank_end, quote_end);
    if (is_quotation(after, U_FINAL_PUNCTUATION)) {
        if (quote_end >= segment.size()) return true;
        size_t unused = 0;
        const UChar32 next = code_point_at(segment, quote_end, unused);
        if (next == '\t') return true;
        if (next >= 0) {
            switch (line_break_class(next)) {
            case U_LB_SPACE:
            case U_LB_GLUE:
            case U_LB_WORD_JOINER:
            case U_LB_CLOSE_PUNCTUATION:
            case U_LB_QUOTATION:
            case U_LB_CLOSE_PARENTHESIS:
            case U_LB_EXCLAMATION:
            case U_LB_INFIX_NUMERIC:
            case U_LB_BREAK_SYMBOLS:
            case U_LB_MANDATORY_BREAK:
            case U_LB_CARRIAGE_RETURN:
            case U_LB_LINE_FEED:
            case U_LB_NEXT_LINE:
            case U_LB_ZWSPACE:
                return true;
            default:
                break;
            }
        }
    }
    return false;
}

bool all_of(std::string_view s, std::string_view allowed) {
    return s.find_first_not_of(allowed) == std::string_view::npos;
}

// True when a line whose text begins with `rest` could be read by CommonMark/GFM as something
// other than paragraph continuation: a heading, block quote, list item, thematic break, setext
// underline, code fence, HTML block, table row or delimiter row, or footnote definition.
bool may_open_block(std::string_view rest) {
    if (rest.empty()) return false;
    const char first = rest[0];
    if (first == '>' || first == '|') return true;
    if (first == '<' && rest.size() > 1 &&
        (is_ascii_alpha(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?'))
        return true;
    size_t token_end = 0;
    while (token_end < rest.size() && !is_blank(rest[token_end])) ++token_end;
    const std::string_view token = rest.substr(0, token_end);
    if (token.size() <= 6 && all_of(token, "#")) return true; // ATX heading
    // Bullets ("-", "+", "*" alone), thematic breaks and setext underlines ("---", "===").
    if (token == "+") return true;
    for (const char mark : {'-', '=', '_', '*'})
        if (token.find_first_not_of(mark) == std::string_view::npos) return true;
    // A table delimiter row ("---|:--:").
    if (all_of(token, "-:|") && token.find('-') != std::string_view::npos) return true;
    if (token.starts_with("```") || token.starts_with("~~~")) return true;
    size_t digits = 0;
    while (digits < token.size() && is_digit(token[digits])) ++digits;
    if (digits >= 1 && digits <= 9 && token.size() == digits + 1 &&
        (token[digits] == '.' || token[digits] == ')'))
        return true;
    if (token.starts_with("[^") && token.find("]:") != std::string_view::npos) return true;
    return false;
}

struct Candidate {
    size_t begin; // first byte of the whitespace run (in `text`)
    size_t end;   // byte after it: where the next line starts
};

class Filler {
  public:
    Filler(std::string_view text, const ReflowOptions& options, icu::BreakIterator* lines)
        : text_(text), options_(options), lines_(lines),
          prefix_columns_(display_width(options.continuation_prefix)) {}

    // Appends the segment [begin, end) of the text, filled, to `out`; the first line already
    // holds `first_columns` columns.
    void fill(size_t begin, size_t end, size_t first_columns, std::string& out) const {
        const std::vector<Candidate> candidates = break_candidates(begin, end);
        constexpr size_t none = static_cast<size_t>(-1);
        size_t line_begin = begin;
        size_t columns = first_columns;
        size_t last_fitting = none; // index of the last candidate that still fits the line
        // The line's text [line_begin, measured_end) is measured_columns wide. Candidates only
        // move forward, so each byte is measured once; the pieces are cut at ASCII blanks or
        // line ends, where widths add up.
        size_t measured_end = line_begin;
        size_t measured_columns = 0;
        const auto fits = [&](size_t line_end) {
            if (line_end < measured_end) {
                measured_end = line_begin;
                measured_columns = 0;
            }
            measured_columns += display_width(text_.substr(measured_end, line_end - measured_end));
            measured_end = line_end;
            return columns + measured_columns <= options_.width;
        };
        const auto break_at = [&](size_t index) {
            const Candidate& c = candidates[index];
            out.append(text_.substr(line_begin, c.begin - line_begin));
            out += options_.newline;
            out += options_.continuation_prefix;
            line_begin = c.end;
            measured_end = line_begin;
            measured_columns = 0;
            columns = prefix_columns_;
            last_fitting = none;
        };
        for (size_t i = 0; i < candidates.size(); ++i) {
            if (fits(candidates[i].begin)) {
                last_fitting = i;
                continue;
            }
            if (last_fitting != none) {
                break_at(last_fitting);
                if (fits(candidates[i].begin)) {
                    last_fitting = i;
                    continue;
                }
            }
            // The text before this candidate cannot be broken and is wider than a line: it
            // stays whole on a line of its own.
            break_at(i);
        }
        if (last_fitting != none && !fits(end)) break_at(last_fitting);
        out.append(text_.substr(line_begin, end - line_begin));
    }

  private:
    std::vector<Candidate> break_candidates(size_t begin, size_t end) const {
        std::vector<Candidate> candidates;
        if (lines_ == nullptr) return candidates;
        const std::string_view segment = text_.substr(begin, end - begin);
        UErrorCode status = U_ZERO_ERROR;
        UText* utext =
            utext_openUTF8(nullptr, segment.data(), static_cast<int64_t>(segment.size()), &status);
        if (U_FAILURE(status)) return candidates;
        lines_->setText(utext, status);
        if (U_SUCCESS(status)) {
            // The boundaries are walked once, in order, beside the blanks: asking isBoundary
            // at each blank makes ICU re-seek its cache from a safe point every time.
            int32_t boundary = lines_->first();
            size_t i = 0;
            while (i < segment.size()) {
                if (!is_blank(segment[i])) {
                    ++i;
                    continue;
                }
                const size_t run_begin = i;
                while (i < segment.size() && is_blank(segment[i])) ++i;
                if (run_begin == 0 || i == segment.size()) continue;
                while (boundary != icu::BreakIterator::DONE && boundary < static_cast<int32_t>(i))
                    boundary = lines_->next();
                if (boundary != static_cast<int32_t>(i)) continue;
                if (segment[run_begin - 1] == '\\') continue; // would become a hard line break
                if (quotation_holds(segment, run_begin, i)) continue;
                if (may_open_block(segment.substr(i))) continue;
                const Candidate c{begin + run_begin, begin + i};
                if (protected_at(c)) continue;
                candidates.push_back(c);
            }
        }
        // The iterator works on its own shallow clone, which refers only to `text_`.
        utext_close(utext);
        return candidates;
    }

    bool protected_at(const Candidate& c) const {
        for (const auto& [first, last] : options_.keep_together)
            if (c.begin < last && first < c.end) return true;
        return false;
    }

    std::string_view text_;
    const ReflowOptions& options_;
    icu::BreakIterator* lines_;
    size_t prefix_columns_;
};

std::unique_ptr<icu::BreakIterator> create_line_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> lines(
        icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) lines.reset();
    return lines;
}

} // namespace

struct LineBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
    bool created = false;
    // The iterator, or nullptr when ICU has no line breaking data.
    icu::BreakIterator* get() {
        if (!created) {
            iterator = create_line_iterator();
            created = true;
        }
        return iterator.get();
    }
};

LineBreaker::LineBreaker() : impl_(std::make_unique<Impl>()) {}
LineBreaker::~LineBreaker() = default;

std::string reflow(std::string_view text, const ReflowOptions& options, LineBreaker* breaker) {
    if (text.find('\n') == std::string_view::npos && options.first_line_columns <= options.width &&
        display_width_up_to(text, options.width - options.first_line_columns) <=
            options.width - options.first_line_columns)
        return std::string(text);

    // Without ICU's line breaking data no soft break is inserted; hard breaks still are.
    std::unique_ptr<icu::BreakIterator> own_lines;
    icu::BreakIterator* lines = nullptr;
    if (breaker != nullptr) {
        lines = breaker->impl().get();
    } else {
        own_lines = create_line_iterator();
        lines = own_lines.get();
    }

    const Filler filler(text, options, lines);
    std::string_view blank_line_prefix = options.continuation_prefix;
    while (!blank_line_prefix.empty() && is_blank(blank_line_prefix.back()))
        blank_line_prefix.remove_suffix(1);

    std::string out;
    out.reserve(text.size() + text.size() / 16 + 16);
    const size_t prefix_columns = display_width(options.continuation_prefix);
    size_t begin = 0;
    size_t first_columns = options.first_line_columns;
    for (;;) {
        const size_t newline = text.find('\n', begin);
        size_t end = newline == std::string_view::npos ? text.size() : newline;
        if (newline != std::string_view::npos && end > begin && text[end - 1] == '\r') --end;
        filler.fill(begin, end, first_columns, out);
        if (newline == std::string_view::npos) break;
        out += options.newline;
        begin = newline + 1;
        first_columns = prefix_columns;
        // No prefix after a final newline, and a blank line gets it without trailing blanks.
        const size_t next = text.find('\n', begin);
        const std::string_view line =
            text.substr(begin, (next == std::string_view::npos ? text.size() : next) - begin);
        if (line.empty() || line == "\r") {
            if (next != std::string_view::npos) out += blank_line_prefix;
        } else {
            out += options.continuation_prefix;
        }
    }
    return out;
}

} // namespace policyloc
