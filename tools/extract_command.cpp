// policyloc extract: pages -> a template, or an update of an existing catalog.
#include <filesystem>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"
#include "policyloc/per_page_outputs.h"
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
    if (!c.per_page && !output_apart_from_inputs(c.output, c.pages)) return exit_bad_input;
    if (!c.per_page && !format_for(c.output))
        return usage_error(
            i18n_format(_("cannot tell the catalog format of '%s' (use .pot, .po, .xlf or .xliff)"),
                        c.output.c_str()));
    const std::vector<std::string> keys = front_matter_keys_with(c.keys, c.keys_only);
    bool ok = true;
    const auto params = shortcode_params_option(c.shortcode_params, ok);
    if (!ok) return exit_bad_input;
    if (!c.per_page) {
        std::optional<Catalog> combined =
            page_template_build(c.pages, keys, nullptr, c.source_lang, params);
        if (!combined) return exit_bad_input;
        page_template_header(*combined, c.source_lang, c.target_lang,
                             c.pages.size() == 1 ? c.pages[0] : std::string(), keys, params);
        return write_and_report(*combined, c.output, *format_for(c.output)) ? exit_ok
                                                                            : exit_bad_input;
    }
    const bool xliff = !c.target_lang.empty();
    PerPageOutputs outputs = per_page_outputs(c.pages, c.output, xliff ? "xlf" : "pot");
    print(outputs.diagnostics);
    if (diagnostics_have_error(outputs.diagnostics)) return exit_bad_input;
    std::vector<Catalog> per_page;
    for (const PerPageOutput& o : outputs.outputs) {
        std::optional<Catalog> cat =
            page_template_build({o.page}, keys, nullptr, c.source_lang, params);
        if (!cat) return exit_bad_input;
        page_template_header(*cat, c.source_lang, c.target_lang, o.page, keys, params);
        per_page.push_back(std::move(*cat));
    }
    std::error_code ec;
    fs::create_directories(c.output, ec);
    for (size_t i = 0; i < per_page.size(); ++i)
        if (!write_and_report(per_page[i], outputs.outputs[i].output,
                              xliff ? xliff_format(c.xliff_version) : CatalogFormat::po))
            return exit_bad_input;
    return exit_ok;
}

} // namespace policyloc::cli
