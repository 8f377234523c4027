#include "policyloc/project.h"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>

#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/merge_plan.h"

namespace policyloc {

namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
    for (size_t pos = 0; (pos = s.find(what, pos)) != std::string::npos; pos += with.size())
        s.replace(pos, what.size(), with);
    return s;
}

std::string joined(const std::string& root, const std::string& path) {
    if (root.empty() || root == "." || fs::path(path).is_absolute()) return path;
    return (fs::path(root) / path).lexically_normal().string();
}

// Files matching a glob; "**" matches any number of directories ("content/**/*.md").
std::vector<std::string> glob_files(const std::string& pattern) {
    std::vector<std::string> out;
    size_t star = pattern.find("**");
    if (star == std::string::npos) {
        glob_t g{};
        if (::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &g) == 0)
            for (size_t i = 0; i < g.gl_pathc; ++i)
                if (fs::is_regular_file(g.gl_pathv[i])) out.emplace_back(g.gl_pathv[i]);
        ::globfree(&g);
        return out;
    }
    fs::path base = pattern.substr(0, star);
    std::string rest = pattern.substr(star + 2);
    if (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
    std::error_code ec;
    if (base.empty()) base = ".";
    for (auto it = fs::recursive_directory_iterator(base, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec || !it->is_regular_file(ec)) continue;
        std::string rel = it->path().lexically_relative(base).string();
        // The rest matches the file's path below the base, or its name ("**/*.md").
        if (::fnmatch(rest.c_str(), rel.c_str(), 0) == 0 ||
            ::fnmatch(rest.c_str(), it->path().filename().c_str(), 0) == 0)
            out.push_back(it->path().string());
    }
    return out;
}

} // namespace

std::vector<ProjectPage> project_pages(const ProjectConfig& config, Diagnostics& diagnostics) {
    std::vector<std::string> found;
    for (const std::string& pattern : config.pages) {
        std::string full = joined(config.root, pattern);
        size_t before = found.size();
        for (std::string& f : glob_files(full)) found.push_back(std::move(f));
        if (found.size() == before)
            diagnostics.push_back({Severity::error, config.file, 0, 0,
                                   i18n_format(_("pages: '%s' matches no file"), pattern.c_str())});
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<ProjectPage> pages;
    fs::path base = joined(config.root, config.pages_base.empty() ? "." : config.pages_base);
    for (const std::string& path : found) {
        ProjectPage p;
        p.path = path;
        fs::path from_root = fs::path(path).lexically_normal().lexically_relative(
            fs::path(config.root.empty() ? "." : config.root).lexically_normal());
        p.relative = from_root.empty() ? path : from_root.string();
        fs::path rel =
            fs::path(path).lexically_normal().lexically_relative(base.lexically_normal());
        if (rel.empty() || rel.string().starts_with("..")) rel = fs::path(path).filename();
        p.id = (rel.parent_path() / rel.stem()).string();
        p.name = fs::path(path).stem().string();
        pages.push_back(std::move(p));
    }
    return pages;
}

std::string project_expand(const ProjectConfig& config, const std::string& pattern,
                           const ProjectPage& page, const std::string& locale) {
    std::string s = replace_all(pattern, "{locale}", locale);
    s = replace_all(s, "{page}", page.id);
    s = replace_all(s, "{name}", page.name);
    return joined(config.root, s);
}

std::string project_catalog_path(const ProjectConfig& config, const ProjectPage& page,
                                 const std::string& locale) {
    std::string path = project_expand(config, config.catalog_path, page, locale);
    const LocaleSettings* l = project_locale(config, locale);
    if (!l || l->format.empty()) return path;
    return fs::path(path).replace_extension(l->format == "po" ? ".po" : ".xlf").string();
}

std::string project_find_catalog(const ProjectConfig& config, const ProjectPage& page,
                                 const std::string& locale) {
    std::string path = project_catalog_path(config, page, locale);
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    fs::path dir = fs::path(path).parent_path();
    std::vector<std::string> files = file_list_regular(dir.empty() ? "." : dir.string());
    if (auto name = catalog_file_for_locale(files, locale)) return (dir / *name).string();
    return path;
}

MergePlan project_plan(const ProjectConfig& config, const ProjectPage& page,
                       const LocaleSettings& locale) {
    MergePlanInput in;
    in.locale = locale.tag;
    if (locale.pseudo || locale.tag == config.source_language) {
        MergePlan plan;
        plan.locale = plan.lookup_locale = locale.tag;
        return plan;
    }
    std::string path = project_catalog_path(config, page, locale.tag);
    in.directory.path = fs::path(path).parent_path().string();
    if (in.directory.path.empty()) in.directory.path = ".";
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) in.catalog_file = path;
    in.directory.files = file_list_regular(in.directory.path);
    for (const std::string& f : locale.fallbacks) in.fallbacks.push_back({f, false});
    return merge_plan_build(in);
}

std::string project_output_path(const ProjectConfig& config, const ProjectPage& page,
                                const std::string& locale) {
    std::string lower = locale;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    switch (config.layout) {
    case OutputLayout::hugo_dirs:
        return project_expand(config, config.output_root + "/{locale}/{page}.md", page, lower);
    case OutputLayout::jekyll:
        return project_expand(config, config.output_root + "/{locale}/{page}.md", page, locale);
    case OutputLayout::hugo_suffix:
        return project_expand(config, config.output_root + "/{page}.{locale}.md", page, lower);
    case OutputLayout::pattern:
        break;
    }
    return project_expand(config, config.output_path, page, locale);
}

bool project_locale_selected(const std::vector<std::string>& only, const LocaleSettings& locale) {
    return only.empty() || std::find(only.begin(), only.end(), locale.tag) != only.end();
}

PageAction project_page_action(const MergeStats& stats, const LocaleSettings& locale) {
    if (merge_meets_threshold(stats, locale.min_complete)) return PageAction::write;
    switch (locale.below) {
    case BelowThreshold::source:
        return PageAction::write_source;
    case BelowThreshold::keep:
        return PageAction::skip_and_keep;
    case BelowThreshold::remove:
        break;
    }
    return PageAction::skip_and_remove;
}

const char* page_action_name(PageAction action) {
    switch (action) {
    case PageAction::write:
        return "written";
    case PageAction::write_source:
        return "written, below threshold";
    case PageAction::skip_and_keep:
        return "skipped, earlier page kept";
    case PageAction::skip_and_remove:
        return "skipped, earlier page removed";
    }
    return "written";
}

} // namespace policyloc
