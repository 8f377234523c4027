// Line starts of a text, for turning byte offsets into lines and columns and back
// (private to the extractor). Line endings are CommonMark's: "\n", "\r\n" and a lone "\r".
#pragma once

#include <string_view>
#include <vector>

#include "policyloc/diagnostic.h"

namespace policyloc {

// Lines are 1-based; line ends exclude the line ending.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    int line_of(size_t offset) const;
    size_t line_begin(int line) const; // clamped: 0 before the first line, the size after the last
    size_t line_end(int line) const;
    // Start of the line that holds `offset`.
    size_t line_start_of(size_t offset) const { return line_begin(line_of(offset)); }
    // Byte offset of a 1-based (line, byte column), clamped to the line's end.
    size_t offset(int line, int column) const;
    // 1-based line and byte column of an offset (clamped to the text).
    TextPosition at(size_t offset) const;
    int line_count() const { return static_cast<int>(starts_.size()); }

  private:
    std::string_view text_;
    std::vector<size_t> starts_;
};

} // namespace policyloc
