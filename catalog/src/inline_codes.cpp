// The placeholder list of a unit's notes: "{N} KIND: TEXT" lines after a title line, which
// PO writes as an extracted comment and XLIFF as part of the developer note. A code is the first
// occurrence of TEXT after the previous code, unless KIND ends in " (occurrence N)": then it is
// the N-th occurrence of TEXT in the source.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inline_codes.h"

#include "policyloc/text.h"

namespace policyloc {

namespace {

constexpr const char* code_list_title = "placeholders, keep them as they are:";

// The position of the `n`-th occurrence (1-based) of `text` in `source`, npos if none.
size_t nth_occurrence(const std::string& source, const std::string& text, size_t n) {
    size_t at = source.find(text);
    while (at != std::string::npos && --n > 0) at = source.find(text, at + 1);
    return at;
}

// Which occurrence of its text, counted from the start of the source, a code is.
size_t occurrence_of(const std::string& source, const std::string& text, size_t begin) {
    size_t n = 1;
    for (size_t at = source.find(text); at != std::string::npos && at < begin;
         at = source.find(text, at + 1))
        ++n;
    return n;
}

// A kind that ends in " (occurrence N)": the kind without it and N; else the kind and 0.
std::pair<std::string_view, size_t> kind_and_occurrence(std::string_view kind) {
    constexpr std::string_view mark = " (occurrence ";
    size_t at = kind.rfind(mark);
    if (at == std::string_view::npos || kind.back() != ')') return {kind, 0};
    std::string_view digits = kind.substr(at + mark.size(), kind.size() - 1 - at - mark.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return {kind, 0};
    return {kind.substr(0, at), std::stoul(std::string(digits))};
}

// A kind that ends in " (N" + `tail` (" lines)"): the kind without it and N; else the kind
// and 0.
std::pair<std::string_view, size_t> kind_and_count(std::string_view kind, std::string_view tail) {
    if (!kind.ends_with(tail)) return {kind, 0};
    const size_t digits_end = kind.size() - tail.size();
    size_t at = digits_end;
    while (at > 0 && kind[at - 1] >= '0' && kind[at - 1] <= '9') --at;
    if (at == digits_end || digits_end - at > 6 || at < 2 || kind.substr(at - 2, 2) != " (")
        return {kind, 0};
    return {kind.substr(0, at - 2), std::stoul(std::string(kind.substr(at, digits_end - at)))};
}

} // namespace

namespace detail {

std::string notes_with_codes(const Unit& unit) {
    std::string out = unit.notes;
    if (unit.codes.empty()) return out;
    if (!out.empty()) out += '\n';
    out += code_list_title;
    size_t search_from = 0;
    for (size_t i = 0; i < unit.codes.size(); ++i) {
        const InlineCode& c = unit.codes[i];
        std::string text = c.begin <= c.end && c.end <= unit.source.size()
                               ? unit.source.substr(c.begin, c.end - c.begin)
                               : std::string();
        // A reader looks for the text after the previous code; where the same text comes
        // first ("g" in "Hugo ... [formats](g)"), the line says which occurrence is the code.
        std::string kind(c.kind_name());
        if (!text.empty() && unit.source.find(text, search_from) != c.begin)
            kind +=
                " (occurrence " + std::to_string(occurrence_of(unit.source, text, c.begin)) + ")";
        // A text of several lines (a tag or a hard break across a line end) says how many.
        if (const size_t breaks = std::count(text.begin(), text.end(), '\n'); breaks > 0)
            kind += " (" + std::to_string(breaks + 1) + " lines)";
        search_from = c.end;
        out += "\n{" + std::to_string(i + 1) + "} " + kind + ": " + text;
    }
    return out;
}

bool split_code_list(const std::string& notes, const std::string& source, std::string& notes_out,
                     std::vector<InlineCode>& codes_out) {
    const std::vector<std::string> lines = text_split_lines(notes);
    // The list is the last block of the notes: its title line, then one line per code.
    size_t title = lines.size();
    for (size_t i = lines.size(); i-- > 0;)
        if (lines[i] == code_list_title) {
            title = i;
            break;
        }
    if (title == lines.size() || title + 1 == lines.size()) return false;
    std::vector<InlineCode> codes;
    size_t search_from = 0;
    for (size_t i = title + 1; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const std::string number = "{" + std::to_string(codes.size() + 1) + "} ";
        if (line.rfind(number, 0) != 0) return false;
        // KIND and TEXT are separated by ": "; KIND may itself hold ": ", so take the first split
        // whose TEXT is found in the source after the previous code.
        bool found = false;
        for (size_t sep = line.find(": ", number.size()); sep != std::string::npos;
             sep = line.find(": ", sep + 1)) {
            std::string text = line.substr(sep + 2);
            const auto [kind_lines, count] = kind_and_count(
                std::string_view(line).substr(number.size(), sep - number.size()), " lines)");
            const size_t more = count > 1 ? count - 1 : 0;
            if (i + more >= lines.size()) continue;
            for (size_t k = 1; k <= more; ++k) text += "\n" + lines[i + k];
            if (text.empty()) continue;
            const auto [kind, occurrence] = kind_and_occurrence(kind_lines);
            size_t at = occurrence ? nth_occurrence(source, text, occurrence)
                                   : source.find(text, search_from);
            if (at == std::string::npos || at < search_from) continue;
            codes.push_back(inline_code_named(at, at + text.size(), kind));
            search_from = at + text.size();
            found = true;
            i += more;
            break;
        }
        if (!found) return false;
    }
    std::string kept;
    for (size_t i = 0; i < title; ++i) {
        if (i > 0) kept += '\n';
        kept += lines[i];
    }
    notes_out = std::move(kept);
    codes_out = std::move(codes);
    return true;
}

} // namespace detail

} // namespace policyloc
