#include "cli_i18n.h"

#include <clocale>
#include <filesystem>
#include <regex>
#include <system_error>

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

// CLI11's own error messages (English, built in its headers) in the user's language; a message
// of a form not listed here stays as CLI11 wrote it.
std::string cli_error_text(const std::string& what) {
    static const std::regex required("(.+) is required"), excludes("(.+) excludes (.+)"),
        member("(.+): (.+) not in \\{(.*)\\}"), range("(.+): Value (.+) not in range (.+) to (.+)"),
        convert("Could not convert: (.+)"),
        extras("The following (argument was|arguments were) not expected: (.+)");
    std::smatch m;
    auto arg = [&](size_t i) { return m[i].str(); };
    if (what == "A subcommand is required") return _("A subcommand is required");
    if (std::regex_match(what, m, extras))
        return i18n_format(P_("The following argument was not expected: %s",
                              "The following arguments were not expected: %s",
                              arg(1) == "argument was" ? 1 : 2),
                           arg(2).c_str());
    if (std::regex_match(what, m, range))
        return i18n_format(_("%s: Value %s not in range %s to %s"), arg(1).c_str(), arg(2).c_str(),
                           arg(3).c_str(), arg(4).c_str());
    if (std::regex_match(what, m, member))
        return i18n_format(_("%s: %s not in {%s}"), arg(1).c_str(), arg(2).c_str(), arg(3).c_str());
    if (std::regex_match(what, m, convert))
        return i18n_format(_("Could not convert: %s"), arg(1).c_str());
    if (std::regex_match(what, m, excludes))
        return i18n_format(_("%s excludes %s"), arg(1).c_str(), arg(2).c_str());
    if (std::regex_match(what, m, required))
        return i18n_format(_("%s is required"), arg(1).c_str());
    return what;
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
        return cli_error_text(e.what()) + "\n" +
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
