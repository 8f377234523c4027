// policyloc update: carry every catalog over to the pages as they are now.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/extract.h"
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

} // namespace

int run_update(const UpdateCommand& c) {
    std::vector<std::string> pages, catalogs;
    for (const std::string& f : c.files) (is_page(f) ? pages : catalogs).push_back(f);
    if (pages.empty() || catalogs.empty())
        return usage_error("update needs pages (.md) and catalogs (.po, .pot, .xlf, .xliff)");
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
    int code = exit_ok;
    for (const std::string& path : catalogs) {
        auto format = catalog_format_for_path(path, xliff_format(c.xliff_version));
        if (!format) return usage_error("cannot tell the catalog format of '" + path + "'");
        // The keys the catalog was extracted with stay, so that its field units stay live.
        std::vector<std::string> extra = c.keys;
        if (!c.keys_only && fs::is_regular_file(path))
            if (auto existing = load_catalog(path))
                for (std::string& k : front_matter_keys_of_catalog(*existing))
                    extra.push_back(std::move(k));
        std::vector<std::string> keys = front_matter_keys_with(extra, c.keys_only);
        std::optional<Catalog> tmpl = page_template_build(pages, keys);
        if (!tmpl) return exit_bad_input;
        page_template_header(*tmpl, c.source_lang, "", pages.size() == 1 ? pages[0] : "", keys);
        TemplateWrite w = write_template(*tmpl, path, *format, options);
        if (!w.ok) {
            code = exit_bad_input;
            continue;
        }
        std::cout << (w.updated ? update_summary(path, w.stats)
                                : path + ": written from the pages (no translations yet)")
                  << '\n';
    }
    return code;
}

} // namespace policyloc::cli
