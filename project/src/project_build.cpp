#include "policyloc/project_build.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "build_pipeline.h"
#include "parallel_for.h"
#include "policyloc/build_date.h"
#include "policyloc/catalog_io.h"
#include "policyloc/dates.h"
#include "policyloc/merge_plan.h"
#include "policyloc/page_date.h"
#include "policyloc/preview.h"
#include "policyloc/pseudo.h"
#include "policyloc/reflow.h"

namespace policyloc {

namespace fs = std::filesystem;

namespace {

struct Job {
    size_t page = 0;
    const LocaleSettings* locale = nullptr;
    MergePlan plan;
    MergeResult result;
    std::string date; // the date written, in the locale's form
    BuildRow row;     // what became of it
    Diagnostics diagnostics;
    bool settled = false; // written (or kept, or removed) already, in the pipeline
};

// What each thread reuses from one merge to the next: ICU's date formats and line breaks.
struct ThreadTools {
    DateFormatter dates;
    LineBreaker lines;
    DateFinders finders; // for cutting pages
};

struct PageData {
    std::string text;
    Skeleton skeleton;
    Catalog tmpl; // the page's template, kept when a pseudo-locale is built
    std::optional<double> fallback_date;
    Diagnostics diagnostics;
    bool ok = false;
};

class Builder {
  public:
    Builder(const ProjectConfig& config, const BuildOptions& options)
        : config_(config), options_(options) {}

    BuildResult run();

  private:
    const ProjectConfig& config_;
    const BuildOptions& options_;
    BuildResult result_;
    std::vector<ProjectPage> pages_;
    std::vector<PageData> page_data_;
    std::map<std::string, std::optional<Catalog>> catalogs_; // path -> catalog (read once)
    std::vector<Job> jobs_;

    bool wanted(const LocaleSettings& l) const {
        return project_locale_selected(options_.locales, l);
    }
    void read_catalog(const PlannedCatalog& planned); // into its entry of catalogs_
    std::vector<std::string> keys() const;
    bool pseudo_wanted() const {
        return std::any_of(config_.locales.begin(), config_.locales.end(),
                           [&](const LocaleSettings& l) { return l.pseudo && wanted(l); });
    }
    PageData cut_page(size_t i, const std::vector<std::string>& keys, ThreadTools& tools) const;
    // Cuts every page again with `keys`; the pages cut differently are merged again.
    void recut_pages(const std::vector<std::string>& keys, ThreadTools* tools);
    void merge(Job& job, ThreadTools& tools) const;
    void run_pipeline();
    bool may_write_now(const std::vector<std::string>& page_keys);
    std::vector<std::string> read_keys_; // keys(), once every catalog is read (the gate's)
    void settle(Job& job) const;
    void finish(Job& job);
    void write_preview(Job& job) const;
    void write_index();
};

void Builder::write_preview(Job& job) const {
    BuildRow& row = job.row;
    const ProjectPage& page = pages_[job.page];
    fs::path rel = fs::path(row.locale) / (page.id + ".html");
    fs::path path = fs::path(options_.html_dir) / rel;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    FileWriteResult w = file_write_atomic(
        path.string(), preview_page(job.result.output, job.locale->icu_tag(), row.page),
        WriteDurability::regenerable);
    for (Diagnostic& d : w.diagnostics) job.diagnostics.push_back(std::move(d));
    if (w.outcome != WriteOutcome::failed) row.preview = rel.string();
}

void Builder::write_index() {
    std::vector<PreviewEntry> entries;
    for (const BuildRow& row : result_.rows) {
        std::string shown = row.page;
        for (const ProjectPage& p : pages_)
            if (p.path == row.page) shown = p.relative;
        entries.push_back({shown, row.locale, row.preview, row.stats.percent_words_translated(),
                           page_action_name(row.action)});
    }
    std::error_code ec;
    fs::create_directories(options_.html_dir, ec);
    FileWriteResult w = file_write_atomic((fs::path(options_.html_dir) / "index.html").string(),
                                          preview_index(entries), WriteDurability::regenerable);
    for (Diagnostic& d : w.diagnostics) result_.diagnostics.push_back(std::move(d));
}

void Builder::read_catalog(const PlannedCatalog& planned) {
    auto it = catalogs_.find(planned.path);
    {
        CatalogReadResult r = catalog_read_file(planned.path);
        for (Diagnostic& d : r.diagnostics) result_.diagnostics.push_back(std::move(d));
        if (r.catalog && !diagnostics_have_error(r.diagnostics)) {
            Diagnostics lang = merge_plan_check_language(planned, *r.catalog);
            bool fits = !diagnostics_have_error(lang);
            for (Diagnostic& d : lang) result_.diagnostics.push_back(std::move(d));
            if (fits) it->second = std::move(r.catalog);
        }
    }
}

std::vector<std::string> Builder::keys() const {
    std::vector<std::string> extra = config_.keys;
    if (!config_.keys_only)
        for (const auto& [path, cat] : catalogs_)
            if (cat)
                for (std::string& k : front_matter_keys_of_catalog(*cat))
                    extra.push_back(std::move(k));
    return front_matter_keys_with(extra, config_.keys_only);
}

PageData Builder::cut_page(size_t i, const std::vector<std::string>& keys,
                           ThreadTools& tools) const {
    PageData pd;
    FileReadResult in = file_read(pages_[i].path);
    pd.diagnostics = std::move(in.diagnostics);
    if (!in.content) return pd;
    pd.text = std::move(*in.content);
    ExtractOptions eo;
    eo.file_name = pages_[i].path;
    eo.front_matter_keys = keys;
    eo.source_locale = config_.source_language;
    eo.shortcode_params = config_.shortcode_params;
    eo.build_template = pseudo_wanted(); // only a pseudo-locale is made from the template
    eo.date_finders = &tools.finders;
    ExtractResult ex = extract_page(pd.text, eo);
    for (Diagnostic& d : ex.diagnostics) pd.diagnostics.push_back(std::move(d));
    if (!ex.ok()) return pd;
    pd.skeleton = std::move(ex.skeleton);
    if (pseudo_wanted()) pd.tmpl = std::move(ex.catalog);
    skeleton_count_words(pd.skeleton); // once per page, not once per locale
    // The merge reads the page's git commit date or mtime only for a date the page writes.
    if (page_writes_date(pd.skeleton)) pd.fallback_date = page_fallback_date(pages_[i].path);
    pd.ok = true;
    return pd;
}

// The same slots at the same places: the keys that changed name no field of this page.
bool same_cut(const PageData& a, const PageData& b) {
    if (a.ok != b.ok || a.skeleton.slots.size() != b.skeleton.slots.size()) return false;
    for (size_t i = 0; i < a.skeleton.slots.size(); ++i) {
        const SlotSpan &x = slot_span(a.skeleton.slots[i]), &y = slot_span(b.skeleton.slots[i]);
        if (x.begin != y.begin || x.end != y.end) return false;
    }
    return true;
}

// `tools`: one per thread of the pipeline, which has at least as many as these loops.
void Builder::recut_pages(const std::vector<std::string>& keys, ThreadTools* tools) {
    std::vector<PageData> again(pages_.size());
    parallel_for(pages_.size(), options_.jobs,
                 [&](size_t i, unsigned t) { again[i] = cut_page(i, keys, tools[t]); });
    std::vector<bool> changed(pages_.size());
    for (size_t i = 0; i < pages_.size(); ++i)
        if (!same_cut(again[i], page_data_[i])) {
            page_data_[i] = std::move(again[i]);
            changed[i] = true;
        }
    std::vector<size_t> redo;
    for (size_t k = 0; k < jobs_.size(); ++k)
        if (changed[jobs_[k].page]) redo.push_back(k);
    parallel_for(redo.size(), options_.jobs,
                 [&](size_t k, unsigned t) { merge(jobs_[redo[k]], tools[t]); });
}

void Builder::merge(Job& job, ThreadTools& tools) const {
    const PageData& pd = page_data_[job.page];
    std::vector<CatalogSource> chain;
    for (const PlannedCatalog& p : job.plan.chain) {
        auto it = catalogs_.find(p.path);
        if (it != catalogs_.end() && it->second) chain.push_back({p.path, &*it->second});
    }
    // A pseudo-locale's catalog is made from the page, as `policyloc pseudo` makes it.
    std::optional<Catalog> pseudo;
    if (auto pl = pseudo_locale_from_tag(job.locale->tag); pl && job.locale->pseudo) {
        pseudo = pseudo_catalog(pd.tmpl, *pl);
        chain.push_back({"pseudo " + job.locale->tag, &*pseudo});
    }
    MergeOptions mo;
    mo.locale = job.locale->icu_tag();
    mo.use_fuzzy = job.locale->use_fuzzy;
    mo.time_zone = job.locale->time_zone;
    if (job.locale->date) mo.date = date_parse_iso(*job.locale->date);
    mo.fallback_date = pd.fallback_date;
    mo.date_formatter = &tools.dates;
    mo.line_breaker = &tools.lines;
    job.result = merge_page(pd.text, pd.skeleton, chain, mo);
    job.date = build_date_text(pd.skeleton, *job.locale, pd.fallback_date, tools.dates);
}

// Catalogs are read locale by locale while pages are extracted and merged (build_pipeline.h).
// Pages are cut with the keys the configuration names; should the catalogs name more (their
// units' notes say which front-matter fields they come from), every page is cut again once all
// catalogs are read, and those whose front matter holds such a field are merged again.
void Builder::run_pipeline() {
    std::vector<const PlannedCatalog*> reads; // each catalog once, in the order of the locales
    std::map<std::string, size_t> read_index;
    for (const LocaleSettings& l : config_.locales)
        for (const Job& job : jobs_)
            if (job.locale == &l)
                for (const PlannedCatalog& c : job.plan.chain)
                    if (read_index.try_emplace(c.path, reads.size()).second) reads.push_back(&c);
    for (const PlannedCatalog* c : reads) catalogs_.try_emplace(c->path); // no insertion later
    std::vector<size_t> order(jobs_.size());
    PipelineShape shape;
    for (size_t k = 0; k < jobs_.size(); ++k) {
        order[k] = k;
        size_t needs = 0;
        for (const PlannedCatalog& c : jobs_[k].plan.chain)
            needs = std::max(needs, read_index[c.path] + 1);
        shape.needs.push_back(needs);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return shape.needs[a] < shape.needs[b]; });
    std::sort(shape.needs.begin(), shape.needs.end());
    shape.reads = reads.size();
    shape.prepares = pages_.size();
    shape.threads = thread_count(std::max(jobs_.size(), pages_.size()), options_.jobs);
    page_data_.resize(pages_.size());
    const std::vector<std::string> page_keys = keys(); // the configuration's: no catalog read yet
    std::atomic<size_t> done{0};
    std::mutex progress;
    std::unique_ptr<ThreadTools[]> tools(new ThreadTools[shape.threads]);
    pipeline_run(
        shape, [&](size_t r) { read_catalog(*reads[r]); },
        [&](size_t p, unsigned t) { page_data_[p] = cut_page(p, page_keys, tools[t]); },
        [&] { return may_write_now(page_keys); },
        [&](size_t k, unsigned t, bool gated) {
            Job& job = jobs_[order[k]];
            merge(job, tools[t]);
            if (gated) {
                settle(job);
                job.settled = true;
            }
            size_t n = done.fetch_add(1) + 1;
            if (!options_.progress) return;
            std::lock_guard<std::mutex> lock(progress);
            options_.progress(n, jobs_.size());
        });
    if (!result_.ok()) return;
    if (read_keys_ != page_keys) recut_pages(read_keys_, tools.get());
    for (PageData& pd : page_data_)
        for (Diagnostic& d : pd.diagnostics) result_.diagnostics.push_back(std::move(d));
}

// Once every catalog is read and every page cut, pages merged from then on may be written at
// once: when nothing failed (a broken catalog or page stops the build before anything is
// written) and no page is to be cut again.
bool Builder::may_write_now(const std::vector<std::string>& page_keys) {
    read_keys_ = keys();
    if (!result_.ok()) return false;
    for (const PageData& pd : page_data_)
        if (diagnostics_have_error(pd.diagnostics)) return false;
    return read_keys_ == page_keys;
}

// What becomes of a merged page (written, kept, removed), and the writing; on any thread.
void Builder::settle(Job& job) const {
    const LocaleSettings& locale = *job.locale;
    BuildRow& row = job.row;
    row.page = pages_[job.page].path;
    row.locale = locale.tag;
    row.output = project_output_path(config_, pages_[job.page], locale.tag);
    row.stats = job.result.stats;
    row.date = job.date;
    for (const PlannedCatalog& p : job.plan.chain) row.catalogs.push_back(p.path);
    if (locale.pseudo) row.catalogs.push_back("pseudo");
    for (Diagnostic& d : job.result.diagnostics)
        if (d.severity != Severity::note) job.diagnostics.push_back(std::move(d));
    if (!job.result.ok()) {
        row.action = PageAction::skip_and_keep;
        return;
    }
    const bool source = locale.tag == config_.source_language;
    // The source language's page is complete by definition.
    if (source) {
        row.stats.words_translated = row.stats.words;
        row.stats.translated = row.stats.units;
        row.stats.source_text = 0;
        row.stats.reasons.clear();
        row.stats.fallbacks.clear();
    }
    row.action = source ? PageAction::write : project_page_action(row.stats, locale);
    if (row.action == PageAction::write || row.action == PageAction::write_source) {
        std::error_code ec;
        fs::create_directories(fs::path(row.output).parent_path(), ec);
        FileWriteResult w =
            file_write_atomic(row.output, job.result.output, WriteDurability::regenerable);
        for (Diagnostic& d : w.diagnostics) job.diagnostics.push_back(std::move(d));
        row.written = w.outcome;
        if (!options_.html_dir.empty()) write_preview(job);
    } else {
        std::error_code ec;
        if (row.action == PageAction::skip_and_remove && fs::is_regular_file(row.output, ec))
            row.removed = fs::remove(row.output, ec);
    }
}

void Builder::finish(Job& job) {
    for (Diagnostic& d : job.diagnostics) result_.diagnostics.push_back(std::move(d));
    const bool skipped =
        job.row.action != PageAction::write && job.row.action != PageAction::write_source;
    if (skipped && job.result.ok() && job.locale->required) result_.required_skipped = true;
    result_.rows.push_back(std::move(job.row));
}

BuildResult Builder::run() {
    pages_ = project_pages(config_, result_.diagnostics);
    if (!result_.ok()) return std::move(result_);
    for (size_t p = 0; p < pages_.size(); ++p)
        for (const LocaleSettings& l : config_.locales) {
            if (!wanted(l)) continue;
            Job job;
            job.page = p;
            job.locale = &l;
            // The source language's page needs no catalog: its dates are written, nothing else;
            // a pseudo-locale's catalog is made from the page.
            job.plan = project_plan(config_, pages_[p], l);
            // A locale without a catalog yet has nothing translated: the threshold decides.
            for (Diagnostic& d : job.plan.diagnostics)
                result_.diagnostics.push_back(
                    {Severity::warning, d.file, d.line, d.column, d.message});
            jobs_.push_back(std::move(job));
        }
    run_pipeline();
    if (!result_.ok()) return std::move(result_); // nothing written
    std::vector<size_t> unsettled;
    for (size_t k = 0; k < jobs_.size(); ++k)
        if (!jobs_[k].settled) unsettled.push_back(k);
    parallel_for(unsettled.size(), options_.jobs,
                 [&](size_t i, unsigned) { settle(jobs_[unsettled[i]]); });
    for (Job& job : jobs_) finish(job);
    if (!options_.html_dir.empty()) write_index();
    return std::move(result_);
}

} // namespace

BuildResult project_build(const ProjectConfig& config, const BuildOptions& options) {
    return Builder(config, options).run();
}

} // namespace policyloc
