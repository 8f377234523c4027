// whitespace, double-space, identical: the shape of a translation's text; and check_unit, which
// runs every family of unit checks.
#include "policyloc/check_unit.h"
#include "policyloc/i18n.h"
#include "unit_scans.h"

namespace policyloc {

namespace {

// A source of at least this many words (outside protected spans) is "long": a translation
// identical to it is suspect. Shorter ones (names, "Introduction", "Cookies") often are the
// same in the target language.
constexpr size_t kIdenticalMinWords = 5;

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view leading(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && blank(s[n])) ++n;
    return s.substr(0, n);
}

std::string_view trailing(std::string_view s) {
    size_t n = s.size();
    while (n > 0 && blank(s[n - 1])) --n;
    return s.substr(n);
}

// Two or more spaces inside the text, not counting those before a hard line break.
size_t doubled_spaces(std::string_view s) {
    size_t n = 0;
    size_t begin = leading(s).size();
    size_t end = s.size() - trailing(s).size();
    for (size_t i = begin; i + 1 < end; ++i) {
        if (s[i] != ' ' || s[i + 1] != ' ') continue;
        size_t j = i;
        while (j < end && s[j] == ' ') ++j;
        if (j < end && s[j] != '\n') ++n;
        i = j;
    }
    return n;
}

std::string without_codes(const Unit& u) {
    std::string s = u.source;
    for (const InlineCode& c : u.codes)
        if (c.begin < c.end && c.end <= s.size())
            s.replace(c.begin, c.end - c.begin, c.end - c.begin, ' ');
    return s;
}

} // namespace

UnitFindings check_text_shape(const Unit& unit, WordCounter& words) {
    UnitFindings out;
    if (leading(unit.target) != leading(unit.source) ||
        trailing(unit.target) != trailing(unit.source))
        out.push_back(unit_finding(
            "whitespace",
            check_wording(N_("leading or trailing whitespace differs from the source's"))));
    if (doubled_spaces(unit.target) > doubled_spaces(unit.source))
        out.push_back(
            unit_finding("double-space", check_wording(N_("the translation has doubled spaces"))));
    if (unit.target == unit.source) {
        size_t n = words.count(without_codes(unit));
        if (n >= kIdenticalMinWords)
            out.push_back(unit_finding(
                "identical", check_wording(N_("the translation is the source text (%s words) "
                                              "unchanged"),
                                           {std::to_string(n)})));
    }
    return out;
}

UnitFindings check_unit(const Unit& unit, WordCounter& words) {
    UnitFindings out;
    if (unit.obsolete || !unit.has_usable_target()) return out;
    const detail::UnitScans scans = detail::unit_scans(unit.source, unit.target);
    for (UnitFinding& f : check_carried_text(unit)) out.push_back(std::move(f));
    for (UnitFinding& f : check_markup_scanned(unit, scans)) out.push_back(std::move(f));
    for (UnitFinding& f : check_html_scanned(scans)) out.push_back(std::move(f));
    for (UnitFinding& f : check_text_shape(unit, words)) out.push_back(std::move(f));
    return out;
}

} // namespace policyloc
