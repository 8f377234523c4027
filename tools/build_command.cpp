// policyloc build: every page of the project in every locale, from policyloc.toml.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/i18n.h"
#include "policyloc/project_build.h"
#include "policyloc/utf8_text.h"
#include "project_io.h"

namespace policyloc::cli {

namespace {

std::string outcome(const BuildRow& row) {
    switch (row.action) {
    case PageAction::write:
    case PageAction::write_source: {
        std::string s = row.written == WriteOutcome::written     ? _("written")
                        : row.written == WriteOutcome::unchanged ? _("unchanged")
                                                                 : _("failed");
        return row.action == PageAction::write_source ? s + " " + _("(below threshold)") : s;
    }
    case PageAction::skip_and_keep:
        return _("skipped");
    case PageAction::skip_and_remove:
        return row.removed ? _("skipped, removed") : _("skipped");
    }
    return "";
}

std::string fell_back(const MergeStats& s) {
    std::string out;
    for (const auto& [reason, n] : s.reasons)
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + fallback_reason_name(reason);
    return out.empty() ? "-" : out;
}

// `text` padded with spaces to `columns` display columns (dates in CJK scripts are wider).
std::string padded(const std::string& text, size_t columns) {
    size_t width = display_width(text);
    return width >= columns ? text : text + std::string(columns - width, ' ');
}

void print_table(const BuildResult& r) {
    std::printf("%-36s %-8s %7s  %-18s %s %s\n", _("page"), _("locale"), _("words"), _("output"),
                padded(_("date"), 24).c_str(), _("fell back"));
    for (const BuildRow& row : r.rows)
        std::printf("%-36s %-8s %6.1f%%  %-18s %s %s\n", row.page.c_str(), row.locale.c_str(),
                    row.stats.percent_words_translated(), outcome(row).c_str(),
                    padded(row.date.empty() ? "-" : row.date, 24).c_str(),
                    fell_back(row.stats).c_str());
    size_t written = 0, unchanged = 0, skipped = 0;
    for (const BuildRow& row : r.rows) {
        bool wrote = row.action == PageAction::write || row.action == PageAction::write_source;
        written += wrote && row.written == WriteOutcome::written;
        unchanged += wrote && row.written == WriteOutcome::unchanged;
        skipped += !wrote;
    }
    std::printf(P_("%zu page written, %zu unchanged, %zu skipped\n",
                   "%zu pages written, %zu unchanged, %zu skipped\n", written),
                written, unchanged, skipped);
}

// A progress bar on standard error, redrawn in place: "[#####.....] 120/642 merges".
void draw_progress(size_t done, size_t total) {
    constexpr size_t width = 30;
    size_t filled = total ? done * width / total : width;
    std::fputc('\r', stderr);
    std::fprintf(stderr, P_("[%s%s] %zu/%zu merge", "[%s%s] %zu/%zu merges", total),
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done,
                 total);
    if (done == total) std::fputs("\r\033[K", stderr); // cleared when done
    std::fflush(stderr);
}

} // namespace

int run_build(const BuildCommand& c) {
    std::optional<ProjectConfig> config = load_project(c.config);
    if (!config) return exit_bad_input;
    BuildOptions options;
    options.jobs = c.jobs;
    options.locales = c.locales;
    options.html_dir = c.html;
    // Only a person at a terminal sees a bar; CI logs and pipes get none of it.
    if (::isatty(STDERR_FILENO)) options.progress = draw_progress;
    BuildResult r = project_build(*config, options);
    print(r.diagnostics);
    if (!r.ok()) return r.rows.empty() ? exit_bad_input : exit_check_failed;
    print_table(r);
    std::fflush(stdout);
    if (r.required_skipped) {
        print({{Severity::error, c.config, 0, 0,
                _("a required locale is below its threshold; its pages were not written")}});
        return exit_check_failed;
    }
    return exit_ok;
}

} // namespace policyloc::cli
