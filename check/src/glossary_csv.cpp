// Reading a glossary from CSV (term, locale, translation[, status]), RFC 4180 quoting.
#include <cctype>

#include "policyloc/glossary.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace {

// The fields of each record; quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::pair<int, std::vector<std::string>>> csv_records(std::string_view text) {
    std::vector<std::pair<int, std::vector<std::string>>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    int line = 1;
    int record_line = 1;
    auto end_record = [&] {
        fields.push_back(std::move(field));
        field.clear();
        bool empty = fields.size() == 1 && fields[0].empty();
        if (!empty) records.emplace_back(record_line, std::move(fields));
        fields.clear();
        record_line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') ++line;
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty()) {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            end_record();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !fields.empty()) end_record();
    return records;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

GlossaryReadResult glossary_read_csv(std::string_view text, const std::string& name) {
    GlossaryReadResult r;
    Glossary g;
    auto records = csv_records(text);
    for (size_t i = 0; i < records.size(); ++i) {
        auto& [line, f] = records[i];
        for (std::string& s : f) s = trimmed(s);
        if (i == 0 && lower(f[0]) == "term") continue;
        if (f.size() < 3 || f[0].empty() || f[1].empty() || f[2].empty()) {
            r.diagnostics.push_back({Severity::error, name, line, 1,
                                     _("a glossary row needs term, locale and translation")});
            continue;
        }
        std::string status = f.size() > 3 ? lower(f[3]) : "";
        bool forbidden = status == "forbidden" || status == "deprecated";
        GlossaryEntry e;
        e.term = f[0];
        e.locale = f[1];
        (forbidden ? e.forbidden : e.approved).push_back(f[2]);
        Glossary one;
        one.entries.push_back(std::move(e));
        glossary_merge(g, one);
    }
    if (!diagnostics_have_error(r.diagnostics)) r.glossary = std::move(g);
    return r;
}

GlossaryReadResult glossary_read(std::string_view text, const std::string& name,
                                 const std::string& source_lang) {
    std::string ext = name.size() >= 4 ? lower(name.substr(name.size() - 4)) : "";
    if (ext == ".csv") return glossary_read_csv(text, name);
    return glossary_read_tbx(text, name, source_lang);
}

void glossary_merge(Glossary& into, const Glossary& more) {
    for (const GlossaryEntry& e : more.entries) {
        GlossaryEntry* same = nullptr;
        for (GlossaryEntry& have : into.entries)
            if (have.term == e.term && have.locale == e.locale) same = &have;
        if (!same) {
            into.entries.push_back(e);
            continue;
        }
        for (const std::string& a : e.approved) same->approved.push_back(a);
        for (const std::string& f : e.forbidden) same->forbidden.push_back(f);
    }
}

} // namespace policyloc
