#include "cli_i18n.h"

#include <clocale>
#include <filesystem>
#include <system_error>

#include "cli_errors.h"
#include "policyloc/i18n.h"

namespace policyloc::cli {

namespace {

// Where the catalogs were installed, for a program whose own path cannot be read.
#ifndef POLICYLOC_LOCALEDIR
#define POLICYLOC_LOCALEDIR "/usr/local/share/locale"
#endif

void localize_options(CLI::App& app, const std::string& options) {
    for (CLI::Option* o : app.get_options())
        if (o->get_group() == "Options") o->group(options);
    for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group() == "Subcommands") sub->group(_("Subcommands"));
        localize_options(*sub, options);
    }
}

} // namespace

void i18n_init() {
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C");
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::string dir = ec ? std::string(POLICYLOC_LOCALEDIR) : i18n_locale_dir(exe.string());
    bindtextdomain(i18n_domain, dir.c_str());
}

void localize_app(CLI::App& app) {
    auto formatter = std::make_shared<CLI::Formatter>();
    for (const char* label :
         {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
          N_("REQUIRED"), N_("Env"), N_("Needs"), N_("Excludes")})
        formatter->label(label, _(label));
    app.formatter(formatter);
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return cli_error_text(e) + "\n" +
               i18n_format(_("Run with %s for more information."), "--help") + "\n";
    });
}

void localize_groups(CLI::App& app) {
    localize_options(app, _("Options"));
}

CLI::Validator existing_file() {
    return CLI::Validator(
        [](std::string& path) {
            std::error_code ec;
            if (std::filesystem::is_regular_file(path, ec)) return std::string();
            if (std::filesystem::exists(path, ec))
                return i18n_format(_("%s: not a regular file"), path.c_str());
            return i18n_format(_("%s: no such file"), path.c_str());
        },
        "FILE");
}

} // namespace policyloc::cli
