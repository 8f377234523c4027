#include "entry_lines.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace policyloc::detail {

LineStarts::LineStarts(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

int LineStarts::line_of(size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(it - starts_.begin());
}

namespace {

// The C escapes a PO string may hold.
char unescaped(char c) {
    switch (c) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'r':
        return '\r';
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'v':
        return '\v';
    default:
        return c;
    }
}

// Appends the content of the quoted string that starts at `line[pos]` ('"').
void append_quoted(std::string_view line, size_t pos, std::string& out) {
    for (size_t i = pos + 1; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size())
            out += unescaped(line[++i]);
        else
            out += line[i];
    }
}

// Reads the PO text line by line: which keyword a string continuation belongs to, and the
// msgctxt and msgid of the entry being read.
class EntryScanner {
  public:
    std::unordered_map<std::string, int> lines[2]; // [obsolete] key -> msgid line

    void line(std::string_view text, int number) {
        bool obsolete = text.starts_with("#~");
        if (obsolete) {
            text.remove_prefix(2);
            while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        } else if (text.starts_with("#")) {
            return;
        }
        size_t quote = text.find('"');
        if (text.starts_with("msgctxt ")) {
            finish();
            context_.clear();
            has_context_ = true;
            target_ = &context_;
        } else if (text.starts_with("msgid ")) {
            if (!has_context_ || have_id_) finish_keep_context();
            id_.clear();
            have_id_ = true;
            id_line_ = number;
            obsolete_ = obsolete;
            target_ = &id_;
        } else if (text.starts_with("msgstr") || text.starts_with("msgid_plural")) {
            finish();
            return;
        } else if (!text.starts_with("\"")) {
            return;
        }
        if (target_ && quote != std::string_view::npos) append_quoted(text, quote, *target_);
    }

    void finish() {
        if (have_id_) {
            std::string key = has_context_ ? unit_key(context_, id_) : unit_key(std::nullopt, id_);
            lines[obsolete_ ? 1 : 0].try_emplace(std::move(key), id_line_);
        }
        finish_keep_context();
        has_context_ = false;
    }

  private:
    std::string context_;
    bool has_context_ = false;
    std::string id_;
    bool have_id_ = false;
    bool obsolete_ = false;
    int id_line_ = 0;
    std::string* target_ = nullptr;

    void finish_keep_context() {
        have_id_ = false;
        target_ = nullptr;
    }
};

} // namespace

void po_set_entry_lines(std::string_view po_text, Catalog& catalog) {
    EntryScanner scan;
    int number = 1;
    for (size_t pos = 0; pos < po_text.size(); ++number) {
        size_t nl = po_text.find('\n', pos);
        if (nl == std::string_view::npos) nl = po_text.size();
        std::string_view line = po_text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        scan.line(line, number);
        pos = nl + 1;
    }
    scan.finish();
    for (Unit& u : catalog.units()) {
        const auto& map = scan.lines[u.obsolete ? 1 : 0];
        auto it = map.find(unit_key(u.context, u.source));
        if (it != map.end()) u.catalog_line = it->second;
    }
}

} // namespace policyloc::detail
