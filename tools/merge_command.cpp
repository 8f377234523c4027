// policyloc merge: a page and its catalogs -> the localized page. The chain of catalogs comes
// from the merge plan (merger library); this file reads, calls and writes.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/dates.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/merge.h"
#include "policyloc/merge_plan.h"
#include "policyloc/page_date.h"
#include "policyloc/shortcode_params.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

std::optional<MergeOptions> merge_options(const MergeCommand& c) {
    MergeOptions options;
    options.locale = c.locale;
    options.use_fuzzy = c.use_fuzzy;
    options.dates = c.dates == "keep" ? DateMode::keep : DateMode::render;
    options.time_zone = c.time_zone;
    if (!date_time_zone_known(c.time_zone)) {
        usage_error(i18n_format(_("--timezone '%s' is not a time zone ICU knows (an IANA id "
                                  "such as Europe/Berlin)"),
                                c.time_zone.c_str()));
        return std::nullopt;
    }
    if (c.date) {
        options.date = date_parse_iso(*c.date);
        if (!options.date) {
            usage_error(i18n_format(_("--date '%s' is not YYYY-MM-DD"), c.date->c_str()));
            return std::nullopt;
        }
    }
    if (c.wrap == "source" || c.wrap == "none") {
        options.wrap = c.wrap == "none" ? WrapMode::none : WrapMode::source;
        return options;
    }
    try {
        size_t used = 0;
        long w = std::stol(c.wrap, &used);
        if (used != c.wrap.size() || w < 10) throw std::invalid_argument("width");
        options.wrap = WrapMode::width;
        options.wrap_width = static_cast<size_t>(w);
    } catch (const std::exception&) {
        usage_error(_("--wrap must be 'source', 'none' or a width of at least 10"));
        return std::nullopt;
    }
    return options;
}

// What the file system holds for the plan: the catalog argument, its directory, the fallbacks.
std::optional<MergePlanInput> plan_input(const MergeCommand& c) {
    MergePlanInput in;
    in.locale = c.locale;
    std::error_code ec;
    if (!fs::exists(c.catalog, ec)) {
        print({{Severity::error, c.catalog, 0, 0, _("no such catalog file or directory")}});
        return std::nullopt;
    }
    if (fs::is_directory(c.catalog, ec)) {
        in.directory.path = c.catalog;
    } else {
        in.catalog_file = c.catalog;
        in.directory.path = fs::path(c.catalog).parent_path().string();
        if (in.directory.path.empty()) in.directory.path = ".";
    }
    in.directory.files = file_list_regular(in.directory.path);
    for (const std::string& f : c.fallback) in.fallbacks.push_back({f, fs::is_regular_file(f, ec)});
    return in;
}

void print_chain(const MergePlan& plan) {
    std::ostringstream s;
    s << i18n_format(_("the chain for %s:"), plan.locale.c_str());
    for (size_t i = 0; i < plan.chain.size(); ++i)
        s << " " << i + 1 << ". " << plan.chain[i].path << " ("
          << chain_role_name(plan.chain[i].role)
          << (plan.chain[i].expected_language.empty() ? "" : ", " + plan.chain[i].expected_language)
          << ");";
    s << " " << _("then the source text");
    print({{Severity::note, "policyloc", 0, 0, s.str()}});
}

// Reads the plan's catalogs and checks each one's language; empty on an error.
std::optional<std::vector<Catalog>> load_chain(const MergePlan& plan) {
    std::vector<Catalog> catalogs;
    bool ok = true;
    for (const PlannedCatalog& p : plan.chain) {
        auto cat = load_catalog(p.path);
        if (!cat) return std::nullopt;
        Diagnostics ds = merge_plan_check_language(p, *cat);
        print(ds);
        ok = ok && !diagnostics_have_error(ds);
        catalogs.push_back(std::move(*cat));
    }
    if (!ok) return std::nullopt;
    return catalogs;
}

std::vector<std::string> merge_keys(const MergeCommand& c, const std::vector<Catalog>& catalogs) {
    std::vector<std::string> extra = c.keys;
    if (!c.keys_only)
        for (const Catalog& cat : catalogs)
            for (std::string& k : front_matter_keys_of_catalog(cat)) extra.push_back(std::move(k));
    return front_matter_keys_with(extra, c.keys_only);
}

// With --strict: the units whose translation was broken (a protected span changed, the
// structure would change, the front matter cannot hold it) make the merge fail.
bool strict_failure(const MergeCommand& c, const MergeStats& s) {
    size_t broken = 0;
    for (const Fallback& fb : s.fallbacks)
        if (fb.reason == FallbackReason::protected_span_changed ||
            fb.reason == FallbackReason::would_change_structure ||
            fb.reason == FallbackReason::front_matter_cannot_hold)
            ++broken;
    if (!c.strict || broken == 0) return false;
    print({{Severity::error, c.page, 0, 0,
            i18n_format(P_("%zu unit fell back because its translation is broken (--strict); "
                           "%s not written",
                           "%zu units fell back because their translation is broken (--strict); "
                           "%s not written",
                           broken),
                        broken, c.output.c_str())}});
    return true;
}

void print_summary(const MergeCommand& c, const MergeStats& s) {
    std::string reasons;
    for (const auto& [reason, n] : s.reasons)
        reasons +=
            (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + fallback_reason_name(reason);
    std::ostream& out = c.output == "-" ? std::cerr : std::cout;
    if (!reasons.empty()) reasons = " (" + reasons + ")";
    // TRANSLATORS: the summary of a merge, e.g. "de: 12 units, 10 translated, 1 from fallback
    // catalogs, 1 left in the source language; 95.0% of the page's words -> privacy.de.md".
    out << i18n_format(P_("%s: %zu unit, %zu translated, %zu from fallback catalogs, %zu left "
                          "in the source language%s; %.1f%% of the page's words -> %s",
                          "%s: %zu units, %zu translated, %zu from fallback catalogs, %zu left "
                          "in the source language%s; %.1f%% of the page's words -> %s",
                          s.units),
                       c.locale.c_str(), s.units, s.translated, s.from_fallback_catalog,
                       s.source_text, reasons.c_str(), s.percent_words_translated(),
                       c.output.c_str())
        << '\n';
}

} // namespace

int run_merge(const MergeCommand& c) {
    std::optional<MergeOptions> options = merge_options(c);
    if (!options) return exit_bad_input;
    FileReadResult in = file_read(c.page);
    print(in.diagnostics);
    if (!in.content) return exit_bad_input;

    std::optional<MergePlanInput> input = plan_input(c);
    if (!input) return exit_bad_input;
    MergePlan plan = merge_plan_build(*input);
    print(plan.diagnostics);
    if (!plan.ok()) return exit_bad_input;
    if (c.verbose) print_chain(plan);
    std::vector<std::string> inputs{c.page};
    for (const auto& link : plan.chain) inputs.push_back(link.path);
    if (!output_apart_from_inputs(c.output, inputs)) return exit_bad_input;
    std::optional<std::vector<Catalog>> catalogs = load_chain(plan);
    if (!catalogs) return exit_bad_input;
    std::vector<CatalogSource> chain;
    for (size_t i = 0; i < catalogs->size(); ++i)
        chain.push_back({plan.chain[i].path, &(*catalogs)[i]});

    ExtractOptions eo;
    eo.file_name = c.page;
    eo.front_matter_keys = merge_keys(c, *catalogs);
    // The page is cut as it was for its catalogs: their source language (written dates) and
    // shortcode parameters.
    bool ok = true;
    eo.build_template = false; // the merge needs the skeleton only
    eo.shortcode_params = shortcode_params_option(c.shortcode_params, ok);
    if (!ok) return exit_bad_input;
    for (const Catalog& cat : *catalogs)
        if (!eo.shortcode_params) eo.shortcode_params = shortcode_params_of_catalog(cat);
    if (!catalogs->empty() && !catalogs->front().source_lang.empty())
        eo.source_locale = catalogs->front().source_lang;
    ExtractResult skeleton = extract_page(*in.content, eo);
    print(skeleton.diagnostics);
    if (!skeleton.ok()) return exit_bad_input;

    if (!options->date && options->dates == DateMode::render)
        options->fallback_date = page_fallback_date(c.page);
    MergeResult r = merge_page(*in.content, skeleton.skeleton, chain, *options);
    print(r.diagnostics, c.quiet);
    if (!r.ok()) return exit_check_failed;
    if (!merge_meets_threshold(r.stats, c.min_complete)) {
        std::ostringstream limit;
        limit << *c.min_complete;
        print({{Severity::error, c.page, 0, 0,
                i18n_format(_("locale %s is %.1f%% translated (the page's source words), below "
                              "--min-complete %s%%; %s not written"),
                            c.locale.c_str(), r.stats.percent_words_translated(),
                            limit.str().c_str(), c.output.c_str())}});
        return exit_check_failed;
    }
    if (strict_failure(c, r.stats)) return exit_check_failed;
    if (!write_output(c.output, r.output, WriteDurability::regenerable)) return exit_bad_input;
    print_summary(c, r.stats);
    return exit_ok;
}

} // namespace policyloc::cli
