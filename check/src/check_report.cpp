#include "policyloc/check_report.h"

#include <algorithm>

namespace policyloc {

namespace {

constexpr CheckInfo catalogue[] = {
    {"catalog-language", Severity::error, "the catalog's language is not the locale checked"},
    {"catalog-language-unsure", Severity::warning,
     "the catalog names no language, or a regional variant of the locale checked"},
    {"below-threshold", Severity::error,
     "a page (or, without pages, a catalog) has fewer translated source words than "
     "--min-complete asks"},
    {"unit-missing", Severity::warning, "a unit of the page is not in the catalog (stale catalog)"},
    {"unit-extra", Severity::note, "a unit of the catalog is on none of the pages checked"},
    {"protected-span", Severity::error,
     "a protected span of the source (template action, shortcode, code, raw HTML, link "
     "destination) is missing or changed"},
    {"email", Severity::error, "an e-mail address of the source is missing from the translation"},
    {"url", Severity::error, "a URL of the source is missing from the translation"},
    {"number", Severity::warning,
     "a number of the source is missing from the translation (in any numbering system)"},
    {"link-added", Severity::error, "the translation links to a host the source does not link to"},
    {"link-changed", Severity::warning,
     "the translation's links or images differ from the source's (same hosts)"},
    {"markup-unbalanced", Severity::error,
     "emphasis, strong, strikethrough or code delimiters of the translation are unbalanced and "
     "would show as literal characters"},
    {"link-space", Severity::error,
     "a space between ']' and '(' breaks a link: it would show as text"},
    {"hard-break", Severity::error,
     "the translation does not keep the hard line breaks of the source"},
    {"html-unsafe", Severity::error,
     "the translation adds <script>, <iframe>, <object>, <embed>, an on...= attribute or a "
     "javascript:/data: URL: it would be published on the site"},
    {"html-new-tag", Severity::warning,
     "the translation adds an HTML tag the source does not have"},
    {"structure", Severity::error,
     "the translation would change the page's block structure (the merge's structure guard "
     "rejects it)"},
    {"whitespace", Severity::warning,
     "leading or trailing whitespace of the translation differs from the source's"},
    {"double-space", Severity::warning, "the translation has doubled spaces the source does not"},
    {"identical", Severity::warning, "the translation is identical to a long source text"},
    {"inconsistent", Severity::warning,
     "the same source is translated differently in two units or pages of one locale"},
    {"glossary", Severity::warning,
     "a glossary term of the source is not translated with an approved translation"},
    {"glossary-forbidden", Severity::error, "the translation uses a forbidden glossary term"},
};

} // namespace

std::span<const CheckInfo> check_catalogue() {
    return catalogue;
}

const CheckInfo* check_info(std::string_view id) {
    for (const CheckInfo& c : catalogue)
        if (c.id == id) return &c;
    return nullptr;
}

const std::string& problem_text(const Problem& p) {
    return p.text.empty() ? p.message : p.text;
}

Problem problem_for_unit(std::string_view id, const Unit& unit, const std::string& catalog,
                         const std::string& locale, std::string message, std::string text) {
    Problem p;
    p.id = std::string(id);
    const CheckInfo* info = check_info(id);
    p.severity = info ? info->severity : Severity::error;
    p.locale = locale;
    p.catalog = catalog;
    p.line = unit.catalog_line;
    p.unit_id = unit.id();
    p.message = std::move(message);
    p.text = std::move(text);
    p.source = unit.source;
    p.target = unit.target;
    return p;
}

std::vector<std::string> unit_ignored_checks(const Unit& unit) {
    static constexpr std::string_view flag = "policyloc-ignore:";
    std::vector<std::string> ids;
    size_t at = 0;
    while ((at = unit.comments.find(flag, at)) != std::string::npos) {
        at += flag.size();
        size_t end = unit.comments.find('\n', at);
        std::string_view list(unit.comments);
        list = list.substr(at, end == std::string::npos ? std::string::npos : end - at);
        std::string id;
        for (char c : list) {
            if (c == ',' || c == ' ' || c == '\t') {
                if (!id.empty()) ids.push_back(std::move(id));
                id.clear();
            } else {
                id += c;
            }
        }
        if (!id.empty()) ids.push_back(std::move(id));
    }
    return ids;
}

Count PageCompleteness::total() const {
    return {translated.units + fuzzy.units + untranslated.units + missing.units,
            translated.words + fuzzy.words + untranslated.words + missing.words};
}

double PageCompleteness::percent_words() const {
    Count t = total();
    if (t.words == 0) return 100.0;
    return 100.0 * static_cast<double>(translated.words) / static_cast<double>(t.words);
}

double PageCompleteness::percent_units() const {
    Count t = total();
    if (t.units == 0) return 100.0;
    return 100.0 * static_cast<double>(translated.units) / static_cast<double>(t.units);
}

double CatalogCompleteness::percent_units() const {
    Count t = stats.total();
    if (t.units == 0) return 100.0;
    return 100.0 * static_cast<double>(stats.translated.units) / static_cast<double>(t.units);
}

size_t CheckReport::count(Severity severity) const {
    return static_cast<size_t>(
        std::count_if(problems.begin(), problems.end(),
                      [&](const Problem& p) { return p.severity == severity; }));
}

bool CheckReport::passed(bool strict) const {
    return count(Severity::error) == 0 && (!strict || count(Severity::warning) == 0);
}

} // namespace policyloc
