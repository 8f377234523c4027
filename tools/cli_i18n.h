// The CLI in the user's language: the locale from the environment, the policyloc text domain
// bound to the catalogs beside the program, and CLI11's own words (labels, groups, help flags,
// the hint after a usage error) translated.
#pragma once

#include <CLI/CLI.hpp>

namespace policyloc::cli {

// setlocale(LC_ALL, "") with numbers kept in the C locale (options such as --min-complete 90.5
// and every file read or written keep the '.' decimal point), and the text domain bound to
// <build>/locale or <prefix>/share/locale as seen from /proc/self/exe.
void i18n_init();

// CLI11's labels through the catalogs; call before the subcommands are added.
void localize_app(CLI::App& app);

// CLI11's group names ("Options", "Subcommands") through the catalogs; call after every
// subcommand and option is added.
void localize_groups(CLI::App& app);

// An existing regular file, with the message in the user's language.
CLI::Validator existing_file();

} // namespace policyloc::cli
