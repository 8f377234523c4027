#include "policyloc/project_check.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/project.h"

#include "parallel_for.h"

namespace policyloc {

namespace {

// Pages of one locale whose merges take their translations from the same catalog. Only the
// chain's first catalog counts towards a page's threshold in a build, so it alone is checked.
struct Group {
    PlannedCatalog catalog;
    std::vector<size_t> pages;
};

// A group of a locale, checked on any thread; its outcome is taken in the project's order.
struct Task {
    const LocaleSettings* locale = nullptr;
    Group group;
    Diagnostics planning;       // the locale's warnings from planning, with its first group
    Catalog* catalog = nullptr; // nothing: it could not be read
    std::optional<CheckRunResult> result;
    bool sole = false; // the only group of its catalog: the check may take the catalog
};

// A catalog read once, by path; its diagnostics are reported with the first group that uses it.
struct ReadCatalog {
    std::optional<Catalog> catalog;
    Diagnostics diagnostics;
    bool reported = false;
};

class ProjectChecker {
  public:
    ProjectChecker(const ProjectConfig& config, const ProjectCheckOptions& options)
        : config_(config), options_(options) {}

    // The groups are checked on options_.jobs threads (catalogs are read one at a time:
    // libgettextpo cannot read on two threads); their outcomes are taken in the project's order,
    // up to the first that cannot be read, as if checked one after another.
    ProjectCheckResult run() {
        pages_ = project_pages(config_, result_.diagnostics);
        if (!result_.ok() || !read_pages()) return std::move(result_);
        std::vector<Task> tasks;
        for (const LocaleSettings& l : config_.locales) {
            if (l.tag == config_.source_language || l.pseudo || !wanted(l)) continue;
            Diagnostics planning;
            for (Group& g : groups(l, planning)) {
                tasks.push_back({&l, std::move(g), std::move(planning), nullptr, std::nullopt});
                planning.clear();
            }
        }
        std::map<std::string, size_t> uses;
        for (const Task& t : tasks) ++uses[t.group.catalog.path];
        for (Task& t : tasks) t.sole = uses[t.group.catalog.path] == 1;
        std::mutex reading;
        parallel_for(tasks.size(), options_.jobs, [&](size_t i, unsigned) {
            {
                std::lock_guard<std::mutex> lock(reading);
                tasks[i].catalog = catalog(tasks[i].group.catalog.path);
            }
            if (tasks[i].catalog) tasks[i].result = check_group(*tasks[i].locale, tasks[i]);
        });
        for (size_t i = 0; i < tasks.size(); ++i) {
            const LocaleSettings& l = *tasks[i].locale;
            for (Diagnostic& d : tasks[i].planning) result_.diagnostics.push_back(std::move(d));
            ReadCatalog& read = catalogs_.at(tasks[i].group.catalog.path);
            if (!read.reported) {
                read.reported = true;
                for (Diagnostic& d : read.diagnostics) result_.diagnostics.push_back(d);
            }
            if (!tasks[i].result) return std::move(result_);
            CheckRunResult& r = *tasks[i].result;
            for (Diagnostic& d : r.diagnostics) result_.diagnostics.push_back(std::move(d));
            if (diagnostics_have_error(r.diagnostics)) return std::move(result_);
            // A locale's report has an error: counted after its last group.
            if (i == 0 || tasks[i - 1].locale != &l) errors_before_ = count_errors();
            add(r.report, l);
            if ((i + 1 == tasks.size() || tasks[i + 1].locale != &l) &&
                count_errors() > errors_before_)
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
    std::map<std::string, ReadCatalog> catalogs_; // read once each, by path
    // Pages cut once for all locales whose catalogs call for the same extraction options: by
    // page and options, each made by the first thread that asks for it while the others wait.
    struct Cut {
        std::once_flag made;
        std::shared_ptr<const CheckPageCut> cut;
    };
    std::map<std::pair<size_t, std::string>, std::unique_ptr<Cut>> cuts_;
    std::mutex cutting_;
    size_t errors_before_ = 0; // the report's errors before a locale's

    size_t count_errors() const { return result_.report.count(Severity::error); }

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

    std::vector<Group> groups(const LocaleSettings& l, Diagnostics& diagnostics) {
        std::vector<Group> out;
        for (size_t i = 0; i < pages_.size(); ++i) {
            MergePlan plan = project_plan(config_, pages_[i], l);
            if (!plan.ok() || plan.chain.empty()) {
                // No catalog yet: the page is checked against an empty one where it belongs.
                std::string path = project_catalog_path(config_, pages_[i], l.tag);
                diagnostics.push_back(
                    {Severity::warning, path, 0, 0,
                     i18n_format(_("no catalog for %s yet (policyloc update makes it)"),
                                 l.tag.c_str())});
                plan.chain = {{path, ChainRole::locale, l.tag}};
                ReadCatalog& empty = catalogs_.try_emplace(path).first->second;
                if (!empty.catalog) empty.catalog.emplace().target_lang = l.tag;
            }
            const PlannedCatalog& first = plan.chain.front();
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const Group& g) { return g.catalog.path == first.path; });
            if (it == out.end()) it = out.insert(out.end(), {first, {}});
            it->pages.push_back(i);
        }
        return out;
    }

    // The catalog at `path`, read the first time it is asked for (under the caller's lock);
    // nothing when it cannot be read.
    Catalog* catalog(const std::string& path) {
        auto [it, first] = catalogs_.try_emplace(path);
        ReadCatalog& read = it->second;
        if (first) {
            CatalogReadResult r = catalog_read_file(path);
            read.diagnostics = std::move(r.diagnostics);
            if (r.catalog && !diagnostics_have_error(read.diagnostics))
                read.catalog = std::move(r.catalog);
        }
        return read.catalog ? &*read.catalog : nullptr;
    }

    std::shared_ptr<const CheckPageCut> cut(size_t page, const ExtractOptions& eo) {
        Cut* c = nullptr;
        {
            std::lock_guard<std::mutex> lock(cutting_);
            std::unique_ptr<Cut>& slot = cuts_[{page, extract_options_key(eo)}];
            if (!slot) slot = std::make_unique<Cut>();
            c = slot.get();
        }
        std::call_once(c->made, [&] { c->cut = check_cut_page(texts_[page], eo); });
        return c->cut;
    }

    CheckRunResult check_group(const LocaleSettings& l, const Task& t) {
        std::vector<CheckCatalog> cats;
        cats.push_back({{l.tag, t.group.catalog}, t.sole ? std::move(*t.catalog) : *t.catalog});
        std::vector<CheckPage> pages;
        for (size_t i : t.group.pages) pages.push_back(texts_[i]);
        CheckOptions o;
        o.min_complete = l.min_complete;
        o.ignore = options_.ignore;
        o.glossary = options_.glossary;
        o.cut_page = [&](size_t i, const ExtractOptions& eo) { return cut(t.group.pages[i], eo); };
        return check_run(pages, cats, o);
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
