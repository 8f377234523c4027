// The placeholder list of a unit's notes: "{N} KIND: TEXT" lines after a title line, which
// PO writes as an extracted comment and XLIFF as part of the developer note.
#include <string>
#include <string_view>
#include <vector>

#include "inline_codes.h"

namespace policyloc {

namespace {

constexpr const char* code_list_title = "placeholders, keep them as they are:";

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

} // namespace

namespace detail {

std::string notes_with_codes(const Unit& unit) {
    std::string out = unit.notes;
    if (unit.codes.empty()) return out;
    if (!out.empty()) out += '\n';
    out += code_list_title;
    for (size_t i = 0; i < unit.codes.size(); ++i) {
        const InlineCode& c = unit.codes[i];
        std::string text = c.begin <= c.end && c.end <= unit.source.size()
                               ? unit.source.substr(c.begin, c.end - c.begin)
                               : std::string();
        out += "\n{" + std::to_string(i + 1) + "} " + std::string(c.kind_name()) + ": " + text;
    }
    return out;
}

bool split_code_list(const std::string& notes, const std::string& source, std::string& notes_out,
                     std::vector<InlineCode>& codes_out) {
    const std::vector<std::string> lines = split_lines(notes);
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
            if (text.empty()) continue;
            size_t at = source.find(text, search_from);
            if (at == std::string::npos) continue;
            const std::string_view kind =
                std::string_view(line).substr(number.size(), sep - number.size());
            codes.push_back(inline_code_named(at, at + text.size(), kind));
            search_from = at + text.size();
            found = true;
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
