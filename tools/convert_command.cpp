// policyloc convert: PO <-> XLIFF 1.2 / 2.0.
#include <utility>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/i18n.h"

namespace policyloc::cli {

int run_convert(const ConvertCommand& c) {
    auto fmt = catalog_format_for_path(c.output, xliff_format(c.xliff_version));
    if (!fmt)
        return usage_error(
            i18n_format(_("cannot tell the catalog format of '%s' (use .pot, .po, .xlf or .xliff)"),
                        c.output.c_str()));
    auto cat = load_catalog(c.input);
    if (!cat) return exit_bad_input;
    if (!c.source_lang.empty()) cat->source_lang = c.source_lang;
    if (!c.target_lang.empty()) cat->target_lang = c.target_lang;
    return write_catalog(std::move(*cat), c.output, *fmt) ? exit_ok : exit_bad_input;
}

} // namespace policyloc::cli
