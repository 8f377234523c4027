#include "policyloc/preview.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "policyloc/extract.h"
#include "policyloc/front_matter.h"
#include "policyloc/locale_chain.h"
#include "policyloc/text.h"

namespace policyloc {

namespace {

const char* kStyle = "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
                     "line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                     "padding:.3em .6em}.bar{background:#eee;width:8em;height:.6em}"
                     ".bar span{display:block;height:100%;background:#2a7}";

std::string document(const std::string& lang, const std::string& dir, const std::string& title,
                     const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"" + html_escape(lang) + "\" dir=\"" + dir +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
           "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body +
           "</body>\n</html>\n";
}

} // namespace

std::string preview_page(const std::string& markdown, const std::string& locale,
                         const std::string& file_name) {
    FrontMatterResult fm = front_matter_parse(markdown, file_name, {"title"});
    std::string title;
    for (const FrontMatterField& f : fm.front_matter.selected) title = f.value;
    size_t body = fm.front_matter.syntax == FrontMatterSyntax::none ? 0 : fm.front_matter.end;
    std::string html = markdown_render_html(std::string_view(markdown).substr(body));
    // The title as a heading, unless the page opens with one of its own.
    std::string head =
        title.empty() || html.starts_with("<h1") ? "" : "<h1>" + html_escape(title) + "</h1>\n";
    return document(locale, locale_is_right_to_left(locale) ? "rtl" : "ltr",
                    title.empty() ? file_name : title, head + html);
}

std::string preview_index(const std::vector<PreviewEntry>& entries) {
    std::vector<std::string> pages, locales;
    std::map<std::pair<std::string, std::string>, const PreviewEntry*> cell;
    for (const PreviewEntry& e : entries) {
        if (std::find(pages.begin(), pages.end(), e.page) == pages.end()) pages.push_back(e.page);
        if (std::find(locales.begin(), locales.end(), e.locale) == locales.end())
            locales.push_back(e.locale);
        cell[{e.page, e.locale}] = &e;
    }
    // One row per locale, one column per page: sites have more locales than policy pages.
    std::string body = "<h1>Localized pages</h1>\n<table>\n<tr><th>locale</th>";
    for (const std::string& p : pages) body += "<th>" + html_escape(p) + "</th>";
    body += "</tr>\n";
    for (const std::string& l : locales) {
        body += "<tr><th>" + html_escape(l) + "</th>";
        for (const std::string& p : pages) {
            auto it = cell.find({p, l});
            if (it == cell.end()) {
                body += "<td></td>";
                continue;
            }
            const PreviewEntry& e = *it->second;
            char pct[16];
            std::snprintf(pct, sizeof pct, "%.1f%%", e.percent);
            std::string label = std::string(pct) + " " + html_escape(e.outcome);
            std::string text = e.href.empty()
                                   ? label
                                   : "<a href=\"" + html_escape(e.href) + "\">" + label + "</a>";
            body += "<td data-locale=\"" + html_escape(l) + "\" data-page=\"" + html_escape(p) +
                    "\" data-percent=\"" + pct +
                    "\"><div class=\"bar\"><span style=\"width:" + std::string(pct) +
                    "\"></span></div>" + text + "</td>";
        }
        body += "</tr>\n";
    }
    body += "</table>\n";
    return document("en", "ltr", "Localized pages", body);
}

} // namespace policyloc
