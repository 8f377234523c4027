// policyloc extract: pages -> a template, or an update of an existing catalog.
#include <filesystem>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"
#include "template_writer.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

// Extracting over an existing catalog updates it, as `update` does.
bool write_and_report(const Catalog& page_template, const std::string& path, CatalogFormat format) {
    TemplateWrite w =
        write_template(page_template, path, format, UpdateOptions{}, existing_catalog_read(path));
    if (w.ok && w.updated)
        print({{Severity::note, "policyloc", 0, 0, update_summary(path, w.stats)}});
    return w.ok;
}

} // namespace

int run_extract(const ExtractCommand& c) {
    auto format_for = [&](const std::string& path) -> std::optional<CatalogFormat> {
        if (path == "-") return CatalogFormat::po; // standard output: a PO template
        return catalog_format_for_path(path, xliff_format(c.xliff_version));
    };
    if (!c.per_page && !format_for(c.output))
        return usage_error(
            i18n_format(_("cannot tell the catalog format of '%s' (use .pot, .po, .xlf or .xliff)"),
                        c.output.c_str()));
    const std::vector<std::string> keys = front_matter_keys_with(c.keys, c.keys_only);
    if (!c.per_page) {
        std::optional<Catalog> combined = page_template_build(c.pages, keys);
        if (!combined) return exit_bad_input;
        page_template_header(*combined, c.source_lang, c.target_lang,
                             c.pages.size() == 1 ? c.pages[0] : std::string(), keys);
        return write_and_report(*combined, c.output, *format_for(c.output)) ? exit_ok
                                                                            : exit_bad_input;
    }
    std::vector<std::pair<std::string, Catalog>> per_page;
    for (const std::string& page : c.pages) {
        std::optional<Catalog> cat = page_template_build({page}, keys);
        if (!cat) return exit_bad_input;
        page_template_header(*cat, c.source_lang, c.target_lang, page, keys);
        per_page.emplace_back(page, std::move(*cat));
    }
    std::error_code ec;
    fs::create_directories(c.output, ec);
    for (auto& [page, cat] : per_page) {
        bool xliff = !c.target_lang.empty();
        fs::path out =
            fs::path(c.output) / (fs::path(page).stem().string() + (xliff ? ".xlf" : ".pot"));
        if (!write_and_report(cat, out.string(),
                              xliff ? xliff_format(c.xliff_version) : CatalogFormat::po))
            return exit_bad_input;
    }
    return exit_ok;
}

} // namespace policyloc::cli
