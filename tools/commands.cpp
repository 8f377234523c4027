#include "commands.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "policyloc/catalog_io.h"
#include "policyloc/dates.h"
#include "policyloc/extract.h"
#include "policyloc/file_io.h"
#include "policyloc/merge.h"
#include "policyloc/stats.h"
#include "policyloc/update.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

void print(const Diagnostics& ds) {
    for (const auto& d : ds) std::cerr << diagnostic_format(d) << '\n';
}

int usage_error(const std::string& message) {
    std::cerr << "policyloc: error: " << message << '\n';
    return exit_bad_input;
}

CatalogFormat xliff_format(const std::string& version) {
    return version == "2.0" ? CatalogFormat::xliff20 : CatalogFormat::xliff12;
}

// Reads a catalog; prints diagnostics; empty on failure.
std::optional<Catalog> load_catalog(const std::string& path) {
    CatalogReadResult r = catalog_read_file(path);
    print(r.diagnostics);
    if (!r.catalog || diagnostics_have_error(r.diagnostics)) return std::nullopt;
    return std::move(r.catalog);
}

bool write_output(const std::string& path, const std::string& content) {
    FileWriteResult w = file_write_atomic(path, content);
    print(w.diagnostics);
    return w.outcome != WriteOutcome::failed;
}

bool write_catalog(const Catalog& catalog, const std::string& path, CatalogFormat format) {
    CatalogWriteResult w = catalog_write(catalog, format);
    print(w.diagnostics);
    if (!w.text) return false;
    return write_output(path, *w.text);
}

// A template written over an existing catalog keeps that catalog's translations: they are
// carried over to the new units, and those no longer in the page become obsolete (PO keeps
// them as "#~" entries; XLIFF has no such entries, so there the run stops instead).
bool write_template(const Catalog& page_template, const std::string& path, CatalogFormat format) {
    if (path == "-" || !fs::is_regular_file(path))
        return write_catalog(page_template, path, format);
    auto existing = load_catalog(path);
    if (!existing) {
        std::cerr << path << ": error: the existing file is not a readable catalog; not replaced\n";
        return false;
    }
    if (!catalog_has_translations(*existing)) return write_catalog(page_template, path, format);
    UpdateStats stats;
    Catalog updated = catalog_update(*existing, page_template, &stats);
    if (format != CatalogFormat::po && stats.obsoleted > 0) {
        std::cerr << path << ": error: " << stats.obsoleted
                  << " translations are no longer in the page and XLIFF cannot keep them as "
                     "obsolete entries; extract to a PO file, or move the old file away\n";
        return false;
    }
    std::cerr << path << ": note: kept " << stats.kept << " translations, added " << stats.added
              << " units, " << stats.obsoleted << " translations now obsolete\n";
    return write_catalog(updated, path, format);
}

// The last commit date of a file (git), in ms since the epoch.
std::optional<double> git_commit_date(const std::string& page) {
    // git runs without a shell (the path is passed as an argument, never quoted into a
    // command line); its output comes through a pipe and its errors go to /dev/null.
    fs::path p = fs::absolute(page);
    std::string dir = p.parent_path().string(), name = p.filename().string();
    const char* argv[] = {"git",          "-C", dir.c_str(),  "log",  "-1",
                          "--format=%cI", "--", name.c_str(), nullptr};
    int fds[2];
    if (::pipe(fds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int spawned =
        posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string out;
    if (spawned == 0) {
        char buf[128];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
            out.append(buf, static_cast<size_t>(n));
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) out.clear();
    }
    ::close(fds[0]);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out.empty() ? std::nullopt : date_parse_iso(out);
}

std::optional<double> mtime_date(const std::string& page) {
    struct stat st {};
    if (::stat(page.c_str(), &st) != 0) return std::nullopt;
    return static_cast<double>(st.st_mtim.tv_sec) * 1000.0 +
           static_cast<double>(st.st_mtim.tv_nsec / 1000000);
}

// A catalog for `locale` in `dir`: <locale>.po, .xlf, .xliff, in BCP 47 or gettext form.
std::optional<std::string> find_locale_catalog(const fs::path& dir, const std::string& locale) {
    for (const std::string& name : {locale, locale_to_gettext(locale)})
        for (const char* ext : {".po", ".xlf", ".xliff"}) {
            fs::path p = dir / (name + ext);
            if (fs::is_regular_file(p)) return p.string();
        }
    return std::nullopt;
}

} // namespace

int run_extract(const ExtractCommand& c) {
    auto format_for = [&](const std::string& path) -> std::optional<CatalogFormat> {
        if (path == "-") return CatalogFormat::po; // standard output: a PO template
        return catalog_format_for_path(path, xliff_format(c.xliff_version));
    };
    if (!c.per_page && !format_for(c.output))
        return usage_error("cannot tell the catalog format of '" + c.output +
                           "' (use .pot, .po, .xlf or .xliff)");
    Catalog combined;
    std::vector<std::pair<std::string, Catalog>> per_page;
    for (const std::string& page : c.pages) {
        FileReadResult in = file_read(page);
        print(in.diagnostics);
        if (!in.content) return exit_bad_input;
        ExtractOptions options;
        options.file_name = page;
        options.front_matter_keys = c.keys;
        ExtractResult r = extract_page(*in.content, options);
        print(r.diagnostics);
        if (!r.ok()) return exit_bad_input;
        if (c.per_page)
            per_page.emplace_back(page, std::move(r.catalog));
        else
            catalog_append(combined, r.catalog);
    }
    auto finish = [&](Catalog& cat, const std::string& original) {
        cat.source_lang = c.source_lang;
        cat.target_lang = c.target_lang;
        cat.original = original;
        std::string project = original.empty() ? "pages" : fs::path(original).stem().string();
        cat.set_header_field("Project-Id-Version", project);
        // No timestamp unless asked for: the same pages give the same bytes.
        if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
            char buf[32] = "";
            std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
            std::tm tm{};
            if (gmtime_r(&t, &tm) && std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M+0000", &tm))
                cat.set_header_field("POT-Creation-Date", buf);
        }
    };
    if (!c.per_page) {
        finish(combined, c.pages.size() == 1 ? c.pages[0] : std::string());
        auto fmt = format_for(c.output);
        return write_template(combined, c.output, *fmt) ? exit_ok : exit_bad_input;
    }
    std::error_code ec;
    fs::create_directories(c.output, ec);
    for (auto& [page, cat] : per_page) {
        finish(cat, page);
        bool xliff = !c.target_lang.empty();
        fs::path out =
            fs::path(c.output) / (fs::path(page).stem().string() + (xliff ? ".xlf" : ".pot"));
        if (!write_template(cat, out.string(),
                            xliff ? xliff_format(c.xliff_version) : CatalogFormat::po))
            return exit_bad_input;
    }
    return exit_ok;
}

int run_merge(const MergeCommand& c) {
    MergeOptions options;
    options.locale = c.locale;
    options.use_fuzzy = c.use_fuzzy;
    options.dates = c.dates == "keep" ? DateMode::keep : DateMode::render;
    options.time_zone = c.time_zone;
    if (c.date) {
        options.date = date_parse_iso(*c.date);
        if (!options.date) return usage_error("--date '" + *c.date + "' is not YYYY-MM-DD");
    }
    if (c.wrap == "source") {
        options.wrap = WrapMode::source;
    } else if (c.wrap == "none") {
        options.wrap = WrapMode::none;
    } else {
        try {
            size_t used = 0;
            long w = std::stol(c.wrap, &used);
            if (used != c.wrap.size() || w < 10) throw std::invalid_argument("width");
            options.wrap = WrapMode::width;
            options.wrap_width = static_cast<size_t>(w);
        } catch (const std::exception&) {
            return usage_error("--wrap must be 'source', 'none' or a width of at least 10");
        }
    }

    FileReadResult in = file_read(c.page);
    print(in.diagnostics);
    if (!in.content) return exit_bad_input;
    ExtractOptions eo;
    eo.file_name = c.page;
    ExtractResult skeleton = extract_page(*in.content, eo);
    print(skeleton.diagnostics);
    if (!skeleton.ok()) return exit_bad_input;

    // The chain: the catalog itself (or the locale's catalog in a directory), the catalogs
    // named by --fallback, then the CLDR parents of the locale found beside it.
    std::vector<std::string> paths;
    fs::path dir;
    if (fs::is_directory(c.catalog)) {
        dir = c.catalog;
    } else {
        paths.push_back(c.catalog);
        dir = fs::path(c.catalog).parent_path();
        if (dir.empty()) dir = ".";
    }
    auto add_path = [&](const std::string& p) {
        for (const auto& q : paths)
            if (fs::equivalent(q, p)) return;
        paths.push_back(p);
    };
    std::vector<std::string> locales;
    if (fs::is_directory(c.catalog))
        for (const auto& l : locale_parent_chain(c.locale)) locales.push_back(l);
    for (const std::string& f : c.fallback) {
        if (fs::is_regular_file(f)) {
            add_path(f);
        } else if (auto found = find_locale_catalog(dir, f)) {
            add_path(*found);
        } else {
            return usage_error("--fallback '" + f +
                               "': no such catalog file, and no catalog for "
                               "that locale in " +
                               dir.string());
        }
    }
    if (!fs::is_directory(c.catalog))
        for (const auto& l : locale_parent_chain(c.locale)) locales.push_back(l);
    for (const std::string& l : locales)
        if (auto found = find_locale_catalog(dir, l)) add_path(*found);
    if (paths.empty())
        return usage_error("no catalog for locale '" + c.locale + "' in " + dir.string());

    std::vector<Catalog> catalogs;
    catalogs.reserve(paths.size());
    for (const std::string& p : paths) {
        auto cat = load_catalog(p);
        if (!cat) return exit_bad_input;
        catalogs.push_back(std::move(*cat));
    }
    std::vector<CatalogSource> chain;
    for (size_t i = 0; i < catalogs.size(); ++i) chain.push_back({paths[i], &catalogs[i]});

    if (!options.date && options.dates == DateMode::render) {
        options.fallback_date = git_commit_date(c.page);
        if (!options.fallback_date) options.fallback_date = mtime_date(c.page);
    }
    MergeResult r = merge_page(*in.content, skeleton.skeleton, chain, options);
    if (!c.quiet || !r.ok()) print(r.diagnostics);
    if (!r.ok()) return exit_bad_input;

    const MergeStats& s = r.stats;
    // Words, not units, decide the threshold: the share of the source's words that the
    // locale's own catalog translates.
    if (c.min_complete) {
        double words = catalog_stats(catalogs.front()).percent_words_done(c.use_fuzzy);
        if (words + 1e-9 < *c.min_complete) {
            std::cerr << c.page << ": error: locale " << c.locale << " is " << std::fixed;
            std::cerr.precision(1);
            std::cerr << words << "% translated (source words), below --min-complete "
                      << *c.min_complete << "%; " << c.output << " not written\n";
            return exit_check_failed;
        }
    }
    if (!write_output(c.output, r.output)) return exit_bad_input;
    std::string reasons;
    for (const auto& [reason, n] : s.reasons)
        reasons += (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    std::ostream& summary = c.output == "-" ? std::cerr : std::cout;
    summary << c.locale << ": " << s.units << " units, " << s.translated << " translated, "
            << s.from_fallback_catalog << " from fallback catalogs, " << s.source_text
            << " left in the source language" << (reasons.empty() ? "" : " (" + reasons + ")")
            << " -> " << c.output << '\n';
    return exit_ok;
}

int run_convert(const ConvertCommand& c) {
    auto fmt = catalog_format_for_path(c.output, xliff_format(c.xliff_version));
    if (!fmt)
        return usage_error("cannot tell the catalog format of '" + c.output +
                           "' (use .pot, .po, .xlf or .xliff)");
    auto cat = load_catalog(c.input);
    if (!cat) return exit_bad_input;
    if (!c.source_lang.empty()) cat->source_lang = c.source_lang;
    if (!c.target_lang.empty()) cat->target_lang = c.target_lang;
    return write_catalog(*cat, c.output, *fmt) ? exit_ok : exit_bad_input;
}

int run_stats(const StatsCommand& c) {
    nlohmann::json all = nlohmann::json::array();
    int code = exit_ok;
    if (!c.json)
        std::printf("%-32s %15s %15s %15s %15s %9s\n", "file", "translated", "fuzzy",
                    "untranslated", "obsolete", "complete");
    for (const std::string& f : c.files) {
        auto cat = load_catalog(f);
        if (!cat) {
            code = exit_bad_input;
            continue;
        }
        CatalogStats s = catalog_stats(*cat);
        if (c.json) {
            auto count = [](const Count& n) {
                return nlohmann::json{{"units", n.units}, {"words", n.words}};
            };
            all.push_back({{"file", f},
                           {"translated", count(s.translated)},
                           {"fuzzy", count(s.fuzzy)},
                           {"untranslated", count(s.untranslated)},
                           {"obsolete", count(s.obsolete)},
                           {"total", count(s.total())},
                           {"percent_complete", s.percent_complete()}});
        } else {
            auto cell = [](const Count& n) {
                return std::to_string(n.units) + " (" + std::to_string(n.words) + "w)";
            };
            std::printf("%-32s %15s %15s %15s %15s %8.1f%%\n", f.c_str(),
                        cell(s.translated).c_str(), cell(s.fuzzy).c_str(),
                        cell(s.untranslated).c_str(), cell(s.obsolete).c_str(),
                        s.percent_complete());
        }
    }
    if (c.json) std::cout << all.dump(2) << '\n';
    return code;
}

} // namespace policyloc::cli
