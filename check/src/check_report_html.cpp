// The report as one self-contained HTML page: inline style, no script, no external asset.
#include <cstdio>
#include <map>

#include "policyloc/check_output.h"
#include "policyloc/i18n.h"
#include "policyloc/locale_chain.h"
#include "policyloc/text.h"

namespace policyloc {

namespace {

std::string pct(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", p);
    return buf;
}

const char* severity_name(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

constexpr const char* kStyle =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em}"
    "table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left}"
    ".bar{width:14em;height:.9em;background:#e5e5e5;border-radius:3px}"
    ".fill{height:100%;background:#2e7d32;border-radius:3px}.below .fill{background:#c62828}"
    ".error{color:#b71c1c}.warning{color:#8d6e00}.note{color:#455a64}"
    "section.unit{border-top:1px solid #ddd;padding:.4em 0}"
    ".source,.target{white-space:pre-wrap;margin:.2em 0}.target{background:#f6f6f6}"
    "code{font-size:90%}";

std::string bar_row(const std::string& name, const std::string& locale, double percent, bool meets,
                    const char* kind) {
    std::string row =
        "<tr class=\"" + std::string(meets ? "ok" : "below") + "\" data-" + kind + "=\"" +
        html_escape(name) + "\" data-locale=\"" + html_escape(locale) + "\"><td>" +
        html_escape(name) + "</td><td>" + html_escape(locale) + "</td><td class=\"percent\">" +
        pct(percent) +
        "</td><td><div class=\"bar\"><div class=\"fill\" style=\"width:" + pct(percent) +
        "\"></div></div></td></tr>\n";
    return row;
}

std::string anchor(const Problem& p) {
    return "unit-" + html_escape(p.locale) + "-" +
           std::to_string(std::hash<std::string>{}(p.catalog) % 100000) + "-" +
           html_escape(p.unit_id);
}

void completeness(const CheckReport& r, std::string& out) {
    out += "<h2>" + html_escape(_("Completeness")) + "</h2>\n<table class=\"completeness\">\n";
    if (!r.pages.empty()) {
        out += "<tr><th>" + html_escape(_("Page")) + "</th><th>" + html_escape(_("Locale")) +
               "</th><th>" + html_escape(_("Words translated")) + "</th><th></th></tr>\n";
        for (const PageCompleteness& p : r.pages)
            out += bar_row(p.page, p.locale, p.percent_words(), p.meets_threshold, "page");
    }
    out += "<tr><th>" + html_escape(_("Catalog")) + "</th><th>" + html_escape(_("Locale")) +
           "</th><th>" + html_escape(_("Words translated")) + "</th><th></th></tr>\n";
    for (const CatalogCompleteness& c : r.catalogs)
        out += bar_row(c.catalog, c.locale, c.percent_words(), c.meets_threshold, "catalog");
    out += "</table>\n";
}

void problems(const CheckReport& r, std::string& out) {
    out += "<h2>" + html_escape(_("Problems")) + "</h2>\n<ol class=\"problems\">\n";
    for (const Problem& p : r.problems) {
        std::string where = html_escape(p.catalog.empty() ? p.page : p.catalog);
        if (p.line > 0) where += ":" + std::to_string(p.line);
        if (!p.unit_id.empty()) where = "<a href=\"#" + anchor(p) + "\">" + where + "</a>";
        out += "<li dir=\"auto\" class=\"" + std::string(severity_name(p.severity)) +
               "\" data-id=\"" + html_escape(p.id) + "\">" + where + " <b>" +
               html_escape(_(severity_name(p.severity))) + "</b> [" + html_escape(p.id) + "] " +
               html_escape(p.locale) + ": " + html_escape(problem_text(p)) + "</li>\n";
    }
    out += "</ol>\n";
}

void units(const CheckReport& r, std::string& out) {
    out += "<h2>" + html_escape(_("Units")) + "</h2>\n";
    std::map<std::string, const Problem*> seen; // anchor -> first problem of the unit
    for (const Problem& p : r.problems)
        if (!p.unit_id.empty()) seen.try_emplace(anchor(p), &p);
    for (const auto& [id, p] : seen) {
        bool rtl = locale_is_right_to_left(p->locale);
        out += "<section class=\"unit\" id=\"" + id + "\"><h3>" + html_escape(p->unit_id) +
               " <small>" + html_escape(p->catalog) + ":" + std::to_string(p->line) +
               "</small></h3>\n";
        out += "<p class=\"source\" lang=\"en\" dir=\"ltr\">" + html_escape(p->source) + "</p>\n";
        if (!p->target.empty())
            out += "<p class=\"target\" lang=\"" + html_escape(p->locale) + "\" dir=\"" +
                   (rtl ? "rtl" : "ltr") + "\">" + html_escape(p->target) + "</p>\n";
        out += "</section>\n";
    }
}

} // namespace

std::string check_report_html(const CheckReport& report, const ReportOptions& options) {
    // TRANSLATORS: the BCP 47 tag of the language of this translation (de, fr, ...).
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_escape(_("en")) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<title>policyloc check</title>\n<style>" +
                      std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>policyloc check</h1>\n";
    char summary[200];
    std::snprintf(summary, sizeof summary,
                  _("%zu errors, %zu warnings, %zu notes, %zu ignored: %s"),
                  report.count(Severity::error), report.count(Severity::warning),
                  report.count(Severity::note), report.ignored,
                  report.passed(options.strict) ? _("passed") : _("failed"));
    out += "<p class=\"summary\">" + html_escape(summary) + "</p>\n";
    completeness(report, out);
    problems(report, out);
    units(report, out);
    out += "</body>\n</html>\n";
    return out;
}

} // namespace policyloc
