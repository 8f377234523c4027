// The "msgid" line of each live PO entry (see po_lines.h).
#include "po_lines.h"

#include <vector>

namespace policyloc::detail {

namespace {

bool starts_with(std::string_view line, std::string_view prefix) {
    return line.substr(0, prefix.size()) == prefix;
}

// The lines of the live entries' msgid keywords, the header entry's left out: the first entry,
// without msgctxt, whose msgid is "" on a line of its own followed by its msgstr.
std::vector<int> msgid_lines(std::string_view text) {
    std::vector<int> lines;
    bool context = false; // the keyword line before was msgctxt
    bool pending = false; // the last entry might be the header: msgid "" alone, no msgctxt
    bool first = true;
    int line = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view l = text.substr(start, end - start);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        start = end + 1;
        ++line;
        if (pending && !starts_with(l, "msgstr")) lines.push_back(line - 1);
        pending = false;
        if (starts_with(l, "msgid ")) {
            if (first && !context && l == "msgid \"\"")
                pending = true;
            else
                lines.push_back(line);
            first = false;
        }
        if (starts_with(l, "msgctxt "))
            context = true;
        else if (!l.empty() && l[0] != '"')
            context = false;
    }
    return lines;
}

} // namespace

void po_entry_lines_set(std::string_view po_text, Catalog& catalog) {
    const std::vector<int> lines = msgid_lines(po_text);
    size_t live = 0;
    for (const Unit& u : catalog.units()) live += u.obsolete ? 0 : 1;
    if (live != lines.size()) return;
    size_t i = 0;
    for (Unit& u : catalog.units())
        if (!u.obsolete) u.catalog_line = lines[i++];
}

} // namespace policyloc::detail
