// html-unsafe, html-new-tag: raw HTML of the translation that its source did not have.
// Everything in raw HTML is published as it is, so a script, a frame, an event handler or a
// javascript: URL a translation brings in would run on the site.
#include <algorithm>
#include <cctype>
#include <set>

#include "policyloc/check_unit.h"
#include "policyloc/i18n.h"
#include "unit_scans.h"

namespace policyloc {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool unsafe_scheme(std::string_view url) {
    std::string s = detail::url_scheme(url);
    return s == "javascript" || s == "data" || s == "vbscript";
}

bool unsafe_tag(const std::string& name) {
    return name == "script" || name == "iframe" || name == "object" || name == "embed" ||
           name == "frame" || name == "frameset" || name == "applet";
}

struct HtmlFacts {
    std::multiset<std::string> tags;   // opening tag names, lower-cased
    std::multiset<std::string> unsafe; // "<script>", "onclick=", "javascript: URL", ...
};

// Reads the attributes of a tag from `i` (after its name) to its '>'.
size_t read_attributes(std::string_view s, size_t i, HtmlFacts& facts) {
    while (i < s.size() && s[i] != '>') {
        if (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '/') {
            ++i;
            continue;
        }
        size_t name_begin = i;
        while (i < s.size() && s[i] != '=' && s[i] != '>' && s[i] != '/' &&
               !std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        std::string name = lower(s.substr(name_begin, i - name_begin));
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::string value;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            char quote = i < s.size() && (s[i] == '"' || s[i] == '\'') ? s[i] : 0;
            size_t vb = quote ? i + 1 : i;
            size_t ve = quote ? s.find(quote, vb) : s.find_first_of(" \t\n>", vb);
            if (ve == std::string_view::npos) ve = s.size();
            value = std::string(s.substr(vb, ve - vb));
            i = quote && ve < s.size() ? ve + 1 : ve;
        }
        if (name.size() > 2 && name.starts_with("on")) facts.unsafe.insert(name + "=");
        if (unsafe_scheme(value)) facts.unsafe.insert(detail::url_scheme(value) + ": URL");
        if (name.empty()) ++i;
    }
    return i;
}

void read_tags(std::string_view s, HtmlFacts& facts) {
    for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
        size_t j = i + 1;
        bool closing = j < s.size() && s[j] == '/';
        if (closing) ++j;
        size_t name_begin = j;
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-')) ++j;
        if (j == name_begin || !std::isalpha(static_cast<unsigned char>(s[name_begin]))) continue;
        if (closing) continue;
        std::string name = lower(s.substr(name_begin, j - name_begin));
        facts.tags.insert(name);
        if (unsafe_tag(name)) facts.unsafe.insert("<" + name + ">");
        i = read_attributes(s, j, facts);
        if (i >= s.size()) break;
    }
}

HtmlFacts facts_of(const detail::MarkdownScan& scan) {
    HtmlFacts facts;
    for (const std::string& html : scan.html) read_tags(html, facts);
    for (const auto& link : scan.links)
        if (unsafe_scheme(link.url)) facts.unsafe.insert(detail::url_scheme(link.url) + ": URL");
    return facts;
}

} // namespace

UnitFindings check_html(const Unit& unit) {
    return check_html_scanned(detail::unit_scans(unit.source, unit.target));
}

UnitFindings check_html_scanned(const detail::UnitScans& scans) {
    UnitFindings out;
    HtmlFacts src = facts_of(scans.source);
    HtmlFacts tgt = facts_of(scans.target);
    std::set<std::string> reported;
    for (const std::string& item : tgt.unsafe) {
        if (tgt.unsafe.count(item) <= src.unsafe.count(item) || !reported.insert(item).second)
            continue;
        out.push_back(unit_finding(
            "html-unsafe", check_wording(N_("the translation adds %s, which the source does not "
                                            "have: it would be published on the site"),
                                         {item})));
    }
    for (const std::string& tag : tgt.tags) {
        if (src.tags.count(tag) || unsafe_tag(tag) || !reported.insert(tag).second) continue;
        out.push_back(unit_finding(
            "html-new-tag", check_wording(N_("the translation adds the HTML tag <%s>, which the "
                                             "source does not have"),
                                          {tag})));
    }
    return out;
}

} // namespace policyloc
