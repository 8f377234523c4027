#include "policyloc/diagnostic.h"

#include "policyloc/i18n.h"

namespace policyloc {

std::string diagnostic_format(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("policyloc") : d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    switch (d.severity) {
    case Severity::error:
        out += std::string(": ") + _("error") + ": ";
        break;
    case Severity::warning:
        out += std::string(": ") + _("warning") + ": ";
        break;
    case Severity::note:
        out += std::string(": ") + _("note") + ": ";
        break;
    }
    return out + d.message;
}

bool diagnostics_have_error(const Diagnostics& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::error) return true;
    return false;
}

TextPosition text_position(const std::string& text, size_t offset) {
    TextPosition p;
    if (offset > text.size()) offset = text.size();
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

} // namespace policyloc
