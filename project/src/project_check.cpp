#include "policyloc/project_check.h"

#include <algorithm>
#include <map>

#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/project.h"

namespace policyloc {

namespace {

// Pages of one locale whose merges take their translations from the same catalog. Only the
// chain's first catalog counts towards a page's threshold in a build, so it alone is checked.
struct Group {
    PlannedCatalog catalog;
    std::vector<size_t> pages;
};

class ProjectChecker {
  public:
    ProjectChecker(const ProjectConfig& config, const ProjectCheckOptions& options)
        : config_(config), options_(options) {}

    ProjectCheckResult run() {
        pages_ = project_pages(config_, result_.diagnostics);
        if (!result_.ok() || !read_pages()) return std::move(result_);
        for (const LocaleSettings& l : config_.locales) {
            if (l.tag == config_.source_language || l.pseudo || !wanted(l)) continue;
            size_t errors = result_.report.count(Severity::error);
            for (const Group& g : groups(l))
                if (!check_group(l, g)) return std::move(result_);
            if (result_.report.count(Severity::error) > errors)
                result_.failed_locales.push_back(l.tag);
        }
        return std::move(result_);
    }

  private:
    const ProjectConfig& config_;
    const ProjectCheckOptions& options_;
    ProjectCheckResult result_;
    std::vector<ProjectPage> pages_;
    std::vector<CheckPage> texts_;
    std::map<std::string, Catalog> catalogs_; // read once each, by path

    bool wanted(const LocaleSettings& l) const {
        return project_locale_selected(options_.locales, l);
    }

    bool read_pages() {
        for (const ProjectPage& p : pages_) {
            FileReadResult in = file_read(p.path);
            for (Diagnostic& d : in.diagnostics) result_.diagnostics.push_back(std::move(d));
            if (!in.content) return false;
            texts_.push_back({p.path, std::move(*in.content)});
        }
        return true;
    }

    std::vector<Group> groups(const LocaleSettings& l) {
        std::vector<Group> out;
        for (size_t i = 0; i < pages_.size(); ++i) {
            MergePlan plan = project_plan(config_, pages_[i], l);
            if (!plan.ok() || plan.chain.empty()) {
                // No catalog yet: the page is checked against an empty one where it belongs.
                std::string path = project_catalog_path(config_, pages_[i], l.tag);
                result_.diagnostics.push_back(
                    {Severity::warning, path, 0, 0,
                     i18n_format(_("no catalog for %s yet (policyloc update makes it)"),
                                 l.tag.c_str())});
                plan.chain = {{path, ChainRole::locale, l.tag}};
                catalogs_.try_emplace(path).first->second.target_lang = l.tag;
            }
            const PlannedCatalog& first = plan.chain.front();
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const Group& g) { return g.catalog.path == first.path; });
            if (it == out.end()) it = out.insert(out.end(), {first, {}});
            it->pages.push_back(i);
        }
        return out;
    }

    const Catalog* catalog(const std::string& path) {
        auto it = catalogs_.find(path);
        if (it != catalogs_.end()) return &it->second;
        CatalogReadResult r = catalog_read_file(path);
        bool ok = r.catalog && !diagnostics_have_error(r.diagnostics);
        for (Diagnostic& d : r.diagnostics) result_.diagnostics.push_back(std::move(d));
        if (!ok) return nullptr;
        return &catalogs_.emplace(path, std::move(*r.catalog)).first->second;
    }

    bool check_group(const LocaleSettings& l, const Group& g) {
        const Catalog* c = catalog(g.catalog.path);
        if (!c) return false;
        std::vector<CheckCatalog> cats = {{{l.tag, g.catalog}, *c}};
        std::vector<CheckPage> pages;
        for (size_t i : g.pages) pages.push_back(texts_[i]);
        CheckOptions o;
        o.min_complete = l.min_complete;
        o.ignore = options_.ignore;
        o.glossary = options_.glossary;
        CheckRunResult r = check_run(pages, cats, o);
        for (Diagnostic& d : r.diagnostics) result_.diagnostics.push_back(std::move(d));
        if (diagnostics_have_error(r.diagnostics)) return false;
        add(r.report, l);
        return true;
    }

    void add(CheckReport& r, const LocaleSettings& l) {
        CheckReport& into = result_.report;
        for (PageCompleteness& p : r.pages) into.pages.push_back(std::move(p));
        for (CatalogCompleteness& c : r.catalogs) into.catalogs.push_back(std::move(c));
        for (Problem& p : r.problems) {
            if (p.id == "below-threshold") {
                p.severity = project_threshold_severity(l);
                if (p.severity != Severity::error) {
                    if (!p.text.empty()) p.text += _(" (not a required locale)");
                    p.message += " (not a required locale)";
                }
            }
            into.problems.push_back(std::move(p));
        }
        into.ignored += r.ignored;
    }
};

} // namespace

Severity project_threshold_severity(const LocaleSettings& locale) {
    return locale.required ? Severity::error : Severity::warning;
}

ProjectCheckResult project_check(const ProjectConfig& config, const ProjectCheckOptions& options) {
    return ProjectChecker(config, options).run();
}

} // namespace policyloc
