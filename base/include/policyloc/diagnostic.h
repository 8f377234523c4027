// Diagnostics shared by every policyloc library: libraries never print, they return these.
#pragma once

#include <string>
#include <vector>

namespace policyloc {

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

// "file:line:col: error: message" (line and column left out when unknown).
std::string diagnostic_format(const Diagnostic& d);

bool diagnostics_have_error(const Diagnostics& ds);

// 1-based line and column (in bytes) of byte offset `offset` inside `text`.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition text_position(const std::string& text, size_t offset);

} // namespace policyloc
