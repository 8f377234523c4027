// link-added, link-changed, markup-unbalanced, link-space, hard-break: the translation's
// Markdown as cmark-gfm reads it, compared with the source's.
#include <algorithm>
#include <set>

#include "policyloc/check_unit.h"
#include "policyloc/i18n.h"
#include "unit_scans.h"

namespace policyloc {

namespace {

bool unsafe_scheme(const std::string& url) {
    std::string s = detail::url_scheme(url);
    return s == "javascript" || s == "data" || s == "vbscript";
}

// A link of the source whose destination is (in) a protected span: protected-span reports it.
bool protected_destination(const Unit& u, const std::string& url) {
    std::string bare = url.starts_with("mailto:") ? url.substr(7) : url;
    for (const InlineCode& c : u.codes) {
        if (c.end > u.source.size() || c.begin >= c.end) continue;
        std::string_view text(u.source.data() + c.begin, c.end - c.begin);
        if (text.find(url) != std::string_view::npos || text.find(bare) != std::string_view::npos)
            return true;
    }
    return false;
}

void check_links(const Unit& u, const detail::MarkdownScan& src, const detail::MarkdownScan& tgt,
                 UnitFindings& out) {
    std::multiset<std::string> unmatched;
    std::set<std::string> hosts;
    for (const auto& l : src.links) {
        unmatched.insert(l.url);
        hosts.insert(detail::url_host(l.url));
    }
    std::vector<const detail::MarkdownLink*> added;
    for (const auto& l : tgt.links) {
        if (auto it = unmatched.find(l.url); it != unmatched.end())
            unmatched.erase(it);
        else if (!unsafe_scheme(l.url)) // html-unsafe reports those
            added.push_back(&l);
    }
    // A source link whose protected destination the translation altered: protected-span
    // reports it, and the altered link of the translation is the same defect.
    size_t altered = 0;
    for (const std::string& url : unmatched) {
        if (protected_destination(u, url))
            ++altered;
        else
            out.push_back(
                unit_finding("link-changed",
                             check_wording(N_("the translation drops the link to '%s'"), {url})));
    }
    for (const detail::MarkdownLink* l : added) {
        std::string host = detail::url_host(l->url);
        if (!host.empty() && !hosts.count(host)) {
            out.push_back(unit_finding(
                "link-added",
                check_wording(l->image ? N_("the translation adds an image from '%s', a host the "
                                            "source does not link to")
                                       : N_("the translation adds a link to '%s', a host the "
                                            "source does not link to"),
                              {l->url})));
        } else if (altered > 0) {
            --altered;
        } else {
            out.push_back(unit_finding(
                "link-changed",
                check_wording(l->image ? N_("the translation adds an image from '%s', which the "
                                            "source does not have")
                                       : N_("the translation adds a link to '%s', which the "
                                            "source does not have"),
                              {l->url})));
        }
    }
}

// "]" followed by blanks and "(": a link written "[text] (url)", which Markdown reads as text.
size_t spaced_links(std::string_view s) {
    size_t n = 0;
    for (size_t i = s.find(']'); i != std::string_view::npos; i = s.find(']', i + 1)) {
        size_t j = i + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
        if (j > i + 1 && j < s.size() && s[j] == '(') ++n;
    }
    return n;
}

} // namespace

UnitFindings check_markup(const Unit& unit) {
    return check_markup_scanned(unit, detail::unit_scans(unit.source, unit.target));
}

UnitFindings check_markup_scanned(const Unit& unit, const detail::UnitScans& scans) {
    UnitFindings out;
    const detail::MarkdownScan& src = scans.source;
    const detail::MarkdownScan& tgt = scans.target;
    check_links(unit, src, tgt, out);
    if (tgt.literal_delimiters > src.literal_delimiters)
        out.push_back(unit_finding(
            "markup-unbalanced",
            check_wording(N_("%s emphasis, strong, strikethrough or code delimiter(s) ('*', '_', "
                             "'~', '`') have no partner and would show as text"),
                          {std::to_string(tgt.literal_delimiters - src.literal_delimiters)})));
    if (spaced_links(unit.target) > spaced_links(unit.source))
        out.push_back(unit_finding(
            "link-space",
            check_wording(N_("a space between ']' and '(' breaks a link: it would show as text"))));
    auto breaks = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    if (breaks(unit.target) != breaks(unit.source))
        out.push_back(unit_finding(
            "hard-break",
            check_wording(
                N_("the source has %s hard line break(s), the translation %s"),
                {std::to_string(breaks(unit.source)), std::to_string(breaks(unit.target))})));
    return out;
}

} // namespace policyloc
