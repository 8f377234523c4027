// policyloc pseudo: a template or pages -> an en-XA or ar-XB catalog (pseudo library).
#include <filesystem>

#include "cli_io.h"
#include "commands.h"
#include "page_template.h"
#include "policyloc/extract.h"
#include "policyloc/i18n.h"
#include "policyloc/pseudo.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

bool is_page(const std::string& path) {
    return fs::path(path).extension() == ".md";
}

// The template: the pages extracted as `extract` does, or the catalogs read and joined.
std::optional<Catalog> pseudo_template(const PseudoCommand& c) {
    const bool pages = is_page(c.inputs.front());
    for (const std::string& in : c.inputs)
        if (is_page(in) != pages) {
            usage_error(_("give either pages (.md) or template catalogs, not both"));
            return std::nullopt;
        }
    if (pages) {
        const std::vector<std::string> keys = front_matter_keys_with(c.keys, c.keys_only);
        std::optional<Catalog> cat = page_template_build(c.inputs, keys, nullptr, c.source_lang);
        if (cat)
            page_template_header(*cat, c.source_lang, {},
                                 c.inputs.size() == 1 ? c.inputs[0] : std::string(), keys);
        return cat;
    }
    std::optional<Catalog> joined;
    for (const std::string& in : c.inputs) {
        std::optional<Catalog> cat = load_catalog(in);
        if (!cat) return std::nullopt;
        if (!joined)
            joined = std::move(cat);
        else
            catalog_append(*joined, std::move(*cat));
    }
    return joined;
}

} // namespace

int run_pseudo(const PseudoCommand& c) {
    std::optional<PseudoLocale> locale = pseudo_locale_from_tag(c.locale);
    if (!locale)
        return usage_error(i18n_format(_("--locale '%s' is not a pseudo-locale (en-XA or ar-XB)"),
                                       c.locale.c_str()));
    auto format = c.output == "-"
                      ? std::optional(CatalogFormat::po)
                      : catalog_format_for_path(c.output, xliff_format(c.xliff_version));
    if (!format)
        return usage_error(
            i18n_format(_("cannot tell the catalog format of '%s' (use .po, .xlf or .xliff)"),
                        c.output.c_str()));
    std::optional<Catalog> tmpl = pseudo_template(c);
    if (!tmpl) return exit_bad_input;
    return write_catalog(pseudo_catalog(*tmpl, *locale), c.output, *format) ? exit_ok
                                                                            : exit_bad_input;
}

} // namespace policyloc::cli
