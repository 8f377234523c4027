// Helpers shared by the test executables: paths, files, running commands, skipping.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;
struct cmark_iter;

namespace policyloc::test {

namespace fs = std::filesystem;

fs::path shared_dir();    // ../shared (POLICYLOC_SHARED_DIR)
fs::path source_dir();    // the project root
fs::path policyloc_exe(); // the built CLI

// A fresh, empty directory for one test (removed at exit unless POLICYLOC_KEEP_TMP is set).
fs::path temp_dir(const std::string& name);
// A copy of the bundled example project (locales/) in temp_dir(name), without built output;
// returns its folder.
fs::path example_copy(const std::string& name);

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
inline std::string sh_quote(const fs::path& p) {
    return sh_quote(p.string());
}
// Runs the policyloc CLI with the given (already quoted) arguments.
CommandResult run_policyloc(const std::string& args);

bool have_tool(const std::string& name); // on PATH

// Prints "[policyloc skipped] reason" so that ctest reports the test as skipped.
void skip(const std::string& reason);

// True when the shared path exists; otherwise skips with a message naming it.
bool require_shared(const fs::path& relative);
bool require_tool(const std::string& name);

// The text with every "\n" written as `newline` ("\r\n", "\r").
std::string with_line_endings(const std::string& text, const std::string& newline);

// Splits spec files (CommonMark/GFM spec format) into their Markdown examples.
std::vector<std::string> spec_examples(const fs::path& spec_file);

// ---- Markdown as a reader sees it (cmark-gfm, ICU)

// A document parsed by cmark-gfm with the extensions and options extraction uses (table,
// strikethrough, autolink, tasklist; footnotes), without source positions.
struct ParsedMarkdown {
    cmark_node* root = nullptr;
    explicit ParsedMarkdown(std::string_view markdown);
    ~ParsedMarkdown();
    ParsedMarkdown(const ParsedMarkdown&) = delete;
    ParsedMarkdown& operator=(const ParsedMarkdown&) = delete;
};

struct CmarkIterFree {
    void operator()(cmark_iter* it) const;
};
using CmarkIter = std::unique_ptr<cmark_iter, CmarkIterFree>;
// An iterator over `n` and the nodes below it.
CmarkIter iterate(cmark_node* n);

// A string that cmark-gfm returns (null for none) as a view.
std::string_view cstr_view(const char* s);

// A paragraph, heading or table cell.
bool is_text_block(cmark_node* n);

// An autolink: a link whose only child is a text equal to its URL (up to the scheme that
// cmark-gfm adds to e-mail addresses and www. links).
bool is_autolink(cmark_node* link);

// The runs of letters and digits in UTF-8 `text`, in order; with `with_marks`, combining marks
// belong to words too.
std::vector<std::string> words_of(std::string_view text, bool with_marks = false);

} // namespace policyloc::test
