// policyloc update: carry every catalog over to the pages as they are now.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"
#include "policyloc/project.h"
#include "policyloc/shortcode_params.h"
#include "project_io.h"
#include "template_writer.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

bool is_page(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return ext == ".md" || ext == ".markdown" || ext == ".mdown";
}

// One catalog of the project: the pages it holds and the locale it is for.
struct ProjectCatalog {
    std::string path;
    std::string locale;
    std::vector<std::string> pages;
    std::vector<std::string> names; // the pages relative to the project's directory
};

std::vector<ProjectCatalog> project_catalogs(const ProjectConfig& config, Diagnostics& ds) {
    std::vector<ProjectCatalog> out;
    for (const ProjectPage& page : project_pages(config, ds))
        for (const LocaleSettings& l : config.locales) {
            // The source needs no catalog; a pseudo-locale's is made from the pages by build.
            if (l.tag == config.source_language || l.pseudo) continue;
            std::string path = project_find_catalog(config, page, l.tag);
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const ProjectCatalog& c) { return c.path == path; });
            if (it == out.end()) it = out.insert(out.end(), {path, l.tag, {}, {}});
            it->pages.push_back(page.path);
            it->names.push_back(page.relative);
        }
    return out;
}

// Updates one catalog from its pages; a catalog that does not exist yet is made for its locale.
bool update_one(const UpdateCommand& c, const std::string& path, const std::string& locale,
                const std::vector<std::string>& pages, const UpdateOptions& options,
                const std::string& xliff_version, PageTemplates& templates,
                const std::vector<std::string>* names = nullptr) {
    auto format = catalog_format_for_path(path, xliff_format(xliff_version));
    if (!format) {
        usage_error(i18n_format(_("cannot tell the catalog format of '%s'"), path.c_str()));
        return false;
    }
    // The keys the catalog was extracted with stay, so that its field units stay live.
    const ExistingCatalog existing = existing_catalog_read(path);
    std::vector<std::string> extra = c.keys;
    if (!c.keys_only && existing.catalog)
        for (std::string& k : front_matter_keys_of_catalog(*existing.catalog))
            extra.push_back(std::move(k));
    std::vector<std::string> keys = front_matter_keys_with(extra, c.keys_only);
    // The shortcode parameters given, else those the catalog was extracted with.
    bool ok = true;
    auto params = shortcode_params_option(c.shortcode_params, ok);
    if (!ok) return false;
    if (!params && existing.catalog) params = shortcode_params_of_catalog(*existing.catalog);
    std::optional<Catalog> tmpl = templates.build(pages, keys, names, c.source_lang, params);
    if (!tmpl) return false;
    const std::vector<std::string>& shown = names ? *names : pages;
    page_template_header(*tmpl, c.source_lang, locale, shown.size() == 1 ? shown[0] : "", keys,
                         params);
    if (!fs::exists(path)) fs::create_directories(fs::path(path).parent_path());
    TemplateWrite w = write_template(*tmpl, path, *format, options, existing);
    if (!w.ok) return false;
    std::cout << (w.updated ? update_summary(path, w.stats)
                            : path + ": " + _("written from the pages (no translations yet)"))
              << '\n';
    return true;
}

int update_project(const UpdateCommand& c, const UpdateOptions& options) {
    std::optional<ProjectConfig> config = load_project(c.config);
    if (!config) return exit_bad_input;
    Diagnostics ds;
    std::vector<ProjectCatalog> catalogs = project_catalogs(*config, ds);
    print(ds);
    if (diagnostics_have_error(ds)) return exit_bad_input;
    UpdateCommand with_keys = c;
    with_keys.source_lang = config->source_language;
    for (const std::string& k : config->keys) with_keys.keys.push_back(k);
    with_keys.keys_only = c.keys_only || config->keys_only;
    if (!c.shortcode_params && config->shortcode_params) {
        std::string list;
        for (const std::string& p : *config->shortcode_params)
            list += (list.empty() ? "" : ",") + p;
        with_keys.shortcode_params = list.empty() ? "none" : list;
    }
    int code = exit_ok;
    PageTemplates templates;
    for (const ProjectCatalog& pc : catalogs)
        if (!update_one(with_keys, pc.path, pc.locale, pc.pages, options,
                        project_xliff_version(*config, pc.locale), templates, &pc.names))
            code = exit_bad_input;
    return code;
}

} // namespace

int run_update(const UpdateCommand& c) {
    std::vector<Catalog> compendia;
    for (const std::string& f : c.compendia) {
        auto cat = load_catalog(f);
        if (!cat) return exit_bad_input;
        compendia.push_back(std::move(*cat));
    }
    UpdateOptions options;
    for (const Catalog& cat : compendia) options.compendia.push_back(&cat);
    options.fuzzy_matching = !c.no_fuzzy;
    options.drop_obsolete = c.drop_obsolete;
    if (c.files.empty()) return update_project(c, options);

    std::vector<std::string> pages, catalogs;
    for (const std::string& f : c.files) (is_page(f) ? pages : catalogs).push_back(f);
    if (pages.empty() || catalogs.empty())
        return usage_error(_("update needs pages (.md) and catalogs (.po, .pot, .xlf, .xliff)"));
    int code = exit_ok;
    PageTemplates templates;
    for (const std::string& path : catalogs)
        if (!update_one(c, path, "", pages, options, c.xliff_version, templates))
            code = exit_bad_input;
    return code;
}

} // namespace policyloc::cli
