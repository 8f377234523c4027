// Helpers shared by the test executables: paths, files, running commands, skipping.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace policyloc::test {

namespace fs = std::filesystem;

fs::path shared_dir();   // ../shared (POLICYLOC_SHARED_DIR)
fs::path source_dir();   // the project root
fs::path policyloc_exe(); // the built CLI

// A fresh, empty directory for one test (removed at exit unless POLICYLOC_KEEP_TMP is set).
fs::path temp_dir(const std::string& name);

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& content);

struct CommandResult {
    int exit_code = -1;
    std::string out; // standard output
    std::string err; // standard error
};
// Runs a shell command line; captures both streams.
CommandResult run(const std::string& command_line);
// Shell-quotes one argument.
std::string sh_quote(const std::string& s);
// Runs the policyloc CLI with the given (already quoted) arguments.
CommandResult run_policyloc(const std::string& args);

bool have_tool(const std::string& name); // on PATH

// Prints "[policyloc skipped] reason" so that ctest reports the test as skipped.
void skip(const std::string& reason);

// True when the shared path exists; otherwise skips with a message naming it.
bool require_shared(const fs::path& relative);
bool require_tool(const std::string& name);

// Splits spec files (CommonMark/GFM spec format) into their Markdown examples.
std::vector<std::string> spec_examples(const fs::path& spec_file);

} // namespace policyloc::test
