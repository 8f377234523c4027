// protected-span, email, url, number: text of the source that the translation must carry over.
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "policyloc/check_unit.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace {

struct Range {
    size_t begin = 0;
    size_t end = 0;
};

bool inside_code(const Unit& u, size_t pos) {
    return std::any_of(u.codes.begin(), u.codes.end(),
                       [&](const InlineCode& c) { return pos >= c.begin && pos < c.end; });
}

size_t occurrences(std::string_view text, std::string_view what) {
    size_t n = 0;
    for (size_t pos = 0; !what.empty() && (pos = text.find(what, pos)) != std::string_view::npos;
         pos += what.size())
        ++n;
    return n;
}

bool email_local_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}
bool domain_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

// E-mail addresses: local@domain.tld.
std::vector<Range> find_emails(std::string_view s) {
    std::vector<Range> out;
    for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        size_t b = at;
        while (b > 0 && email_local_char(s[b - 1])) --b;
        size_t e = at + 1;
        while (e < s.size() && domain_char(s[e])) ++e;
        while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
        std::string_view domain = s.substr(at + 1, e - at - 1);
        size_t dot = domain.rfind('.');
        if (b == at || dot == std::string_view::npos || dot + 3 > domain.size()) continue;
        out.push_back({b, e});
    }
    return out;
}

// URLs: scheme://... or www.... up to a blank, a quote, an angle bracket or a closing
// parenthesis or bracket; trailing punctuation is not part of them.
std::vector<Range> find_urls(std::string_view s) {
    std::vector<Range> out;
    for (size_t i = 0; i < s.size(); ++i) {
        bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
        bool scheme = s.substr(i).starts_with("http://") || s.substr(i).starts_with("https://") ||
                      s.substr(i).starts_with("ftp://");
        if (!word_start || !(scheme || s.substr(i).starts_with("www."))) continue;
        size_t e = i;
        while (e < s.size() &&
               std::string_view(" \t\n<>\"'()[]`").find(s[e]) == std::string_view::npos)
            ++e;
        while (e > i && std::string_view(".,;:!?*_").find(s[e - 1]) != std::string_view::npos) --e;
        if (e - i > 8) out.push_back({i, e});
        i = e;
    }
    return out;
}

// Runs of decimal digits of any script, as ASCII digits without leading zeros, with where each
// starts.
std::vector<std::pair<size_t, std::string>> find_numbers(std::string_view s) {
    std::vector<std::pair<size_t, std::string>> out;
    std::string run;
    size_t run_start = 0;
    const auto flush = [&] {
        if (run.empty()) return;
        size_t nz = run.find_first_not_of('0');
        out.emplace_back(run_start, nz == std::string::npos ? "0" : run.substr(nz));
        run.clear();
    };
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    const auto length = static_cast<int32_t>(s.size());
    while (i < length) {
        int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && u_isdigit(c)) {
            if (run.empty()) run_start = static_cast<size_t>(start);
            run += static_cast<char>('0' + u_charDigitValue(c));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

void check_codes(const Unit& u, UnitFindings& out) {
    std::map<std::string, size_t> need;
    for (const InlineCode& c : u.codes)
        if (c.begin < c.end && c.end <= u.source.size())
            ++need[u.source.substr(c.begin, c.end - c.begin)];
    for (const auto& [text, n] : need)
        if (occurrences(u.target, text) < n)
            out.push_back(unit_finding(
                "protected-span",
                check_wording(N_("the protected text '%s' (%sx in the source) is missing or "
                                 "changed"),
                              {text, std::to_string(n)})));
}

// Addresses outside protected spans that the target does not hold as often as the source. An
// address inside a protected span the target keeps is in the target too: those occurrences
// do not count for the text around the spans.
void check_addresses(const Unit& u, const std::vector<Range>& found, const char* id,
                     const char* format, UnitFindings& out) {
    std::map<std::string, size_t> need;
    for (const Range& r : found)
        if (!inside_code(u, r.begin)) ++need[u.source.substr(r.begin, r.end - r.begin)];
    for (const auto& [text, n] : need) {
        size_t in_kept_codes = 0;
        for (const InlineCode& c : u.codes) {
            if (c.begin >= c.end || c.end > u.source.size()) continue;
            std::string_view code(u.source.data() + c.begin, c.end - c.begin);
            if (u.target.find(code) != std::string::npos) in_kept_codes += occurrences(code, text);
        }
        size_t have = occurrences(u.target, text);
        if (have < n + in_kept_codes)
            out.push_back(unit_finding(id, check_wording(format, {text})));
    }
}

void check_numbers(const Unit& u, const std::vector<Range>& addresses, UnitFindings& out) {
    std::map<std::string, long> balance;
    for (const auto& [at, value] : find_numbers(u.source)) {
        bool in_address = std::any_of(addresses.begin(), addresses.end(),
                                      [&](const Range& r) { return at >= r.begin && at < r.end; });
        if (!inside_code(u, at) && !in_address) ++balance[value];
    }
    if (balance.empty()) return;
    for (const auto& [at, value] : find_numbers(u.target)) --balance[value];
    for (const auto& [value, n] : balance)
        if (n > 0)
            out.push_back(
                unit_finding("number", check_wording(N_("the number %s of the source is not in the "
                                                        "translation (in any numbering system)"),
                                                     {value})));
}

} // namespace

UnitFindings check_carried_text(const Unit& unit) {
    UnitFindings out;
    check_codes(unit, out);
    std::vector<Range> emails = find_emails(unit.source);
    std::vector<Range> urls = find_urls(unit.source);
    check_addresses(unit, emails, "email",
                    N_("the e-mail address '%s' of the source is missing or changed"), out);
    check_addresses(unit, urls, "url", N_("the URL '%s' of the source is missing or changed"), out);
    std::vector<Range> addresses = emails;
    addresses.insert(addresses.end(), urls.begin(), urls.end());
    check_numbers(unit, addresses, out);
    return out;
}

} // namespace policyloc
