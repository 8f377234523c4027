// CLI11's usage errors in the user's language. CLI11 builds each error's message in English
// inside its headers, with a fixed wording per error class; the names and values are recovered
// from that wording and put into a translated sentence. A message of a form not known here
// stays as CLI11 wrote it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace policyloc::cli {

// The message of a CLI11 error (a usage error, or an option looked up that does not exist) in
// the user's language.
std::string cli_error_text(const CLI::Error& e);

} // namespace policyloc::cli
