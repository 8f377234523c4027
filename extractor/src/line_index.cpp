#include "line_index.h"

#include <algorithm>

namespace policyloc {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    // CommonMark's line endings: "\n", "\r\n" and a "\r" alone.
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            starts_.push_back(i + 1);
}

int LineIndex::line_of(size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(it - starts_.begin());
}

size_t LineIndex::line_begin(int line) const {
    if (line < 1) return 0;
    if (line > line_count()) return text_.size();
    return starts_[static_cast<size_t>(line - 1)];
}

size_t LineIndex::line_end(int line) const {
    if (line < 1) return 0;
    if (line >= line_count()) return text_.size();
    size_t e = starts_[static_cast<size_t>(line)] - 1; // the '\n' or a lone '\r'
    if (text_[e] == '\n' && e > line_begin(line) && text_[e - 1] == '\r') --e;
    return e;
}

size_t LineIndex::offset(int line, int column) const {
    size_t b = line_begin(line);
    size_t e = line_end(line);
    return std::min(b + static_cast<size_t>(std::max(column, 1) - 1), e);
}

TextPosition LineIndex::at(size_t offset) const {
    offset = std::min(offset, text_.size());
    int line = line_of(offset);
    return {line, static_cast<int>(offset - line_begin(line)) + 1};
}

} // namespace policyloc
