// The report as a table for people; colours only when asked (a terminal).
#include <cstdio>

#include "policyloc/check_output.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace {

const char* severity_name(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

class Painter {
  public:
    explicit Painter(bool on) : on_(on) {}
    std::string operator()(const std::string& text, const char* code) const {
        return on_ ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
    }
    std::string severity(Severity s) const {
        return (*this)(_(severity_name(s)), s == Severity::error     ? "1;31"
                                            : s == Severity::warning ? "1;33"
                                                                     : "36");
    }

  private:
    bool on_;
};

std::string format(const char* fmt, auto... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, args...);
    return buf;
}

std::string cell(const Count& c) {
    return std::to_string(c.units) + " (" + std::to_string(c.words) + "w)";
}

std::string percent(double p, bool meets, const Painter& paint) {
    std::string s = format("%6.1f%%", p);
    return meets ? s : paint(s, "1;31");
}

void pages_table(const CheckReport& r, const Painter& paint, std::string& out) {
    out += format("%-32s %-8s %13s %13s %13s %13s %8s\n", _("page"), _("locale"), _("translated"),
                  _("fuzzy"), _("untranslated"), _("missing"), _("words"));
    for (const PageCompleteness& p : r.pages)
        out += format("%-32s %-8s %13s %13s %13s %13s ", p.page.c_str(), p.locale.c_str(),
                      cell(p.translated).c_str(), cell(p.fuzzy).c_str(),
                      cell(p.untranslated).c_str(), cell(p.missing).c_str()) +
               percent(p.percent_words(), p.meets_threshold, paint) + "\n";
}

void catalogs_table(const CheckReport& r, const Painter& paint, std::string& out) {
    out += format("%-32s %-8s %13s %13s %13s %13s %8s\n", _("catalog"), _("locale"),
                  _("translated"), _("fuzzy"), _("untranslated"), _("obsolete"), _("words"));
    for (const CatalogCompleteness& c : r.catalogs)
        out += format("%-32s %-8s %13s %13s %13s %13s ", c.catalog.c_str(), c.locale.c_str(),
                      cell(c.stats.translated).c_str(), cell(c.stats.fuzzy).c_str(),
                      cell(c.stats.untranslated).c_str(), cell(c.stats.obsolete).c_str()) +
               percent(c.percent_words(), c.meets_threshold, paint) + "\n";
}

} // namespace

std::string check_report_table(const CheckReport& report, const ReportOptions& options) {
    Painter paint(options.colour);
    std::string out;
    if (!report.pages.empty()) {
        pages_table(report, paint, out);
        out += "\n";
    }
    catalogs_table(report, paint, out);
    if (!report.problems.empty()) out += "\n";
    for (const Problem& p : report.problems) {
        std::string where = p.catalog.empty() ? p.page : p.catalog;
        if (p.line > 0) where += ":" + std::to_string(p.line);
        out +=
            where + ": " + paint.severity(p.severity) + ": " + problem_text(p) + " [" + p.id + "]";
        if (!p.unit_id.empty())
            out += " (" + p.locale + ", " + i18n_format(_("unit %s"), p.unit_id.c_str()) + ")";
        else
            out += " (" + p.locale + (p.page.empty() ? "" : ", " + p.page) + ")";
        if (!p.page.empty() && p.page_line > 0)
            out += " " + p.page + ":" + std::to_string(p.page_line);
        out += "\n";
    }
    bool passed = report.passed(options.strict);
    out += "\n" +
           format(_("%zu errors, %zu warnings, %zu notes, %zu ignored: %s"),
                  report.count(Severity::error), report.count(Severity::warning),
                  report.count(Severity::note), report.ignored,
                  (passed ? paint(_("passed"), "1;32") : paint(_("failed"), "1;31")).c_str()) +
           "\n";
    return out;
}

} // namespace policyloc
