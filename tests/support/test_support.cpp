#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace policyloc::test {

fs::path shared_dir() {
    return fs::path(POLICYLOC_SHARED_DIR);
}
fs::path source_dir() {
    return fs::path(POLICYLOC_SOURCE_DIR);
}
fs::path policyloc_exe() {
    return fs::path(POLICYLOC_EXE);
}

namespace {

std::vector<fs::path>& temp_dirs_made() {
    static std::vector<fs::path> dirs;
    return dirs;
}

void remove_temp_dirs() {
    if (std::getenv("POLICYLOC_KEEP_TMP")) return;
    for (const fs::path& p : temp_dirs_made()) {
        std::error_code ignored;
        fs::remove_all(p, ignored);
    }
}

} // namespace

fs::path temp_dir(const std::string& name) {
    fs::path base = fs::path(POLICYLOC_BINARY_DIR) / "test-tmp";
    std::string safe;
    for (char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    fs::path p = base / (safe + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    temp_dirs_made().push_back(p);
    // Registered after the list exists, so that it runs before the list is destroyed.
    static const bool registered = std::atexit(remove_temp_dirs) == 0;
    (void)registered;
    return p;
}

fs::path example_copy(const std::string& name) {
    fs::path dir = temp_dir(name);
    fs::copy(source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
    fs::remove_all(dir / "locales/site/content");
    fs::remove_all(dir / "locales/site/public");
    return dir / "locales";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& content) {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

std::string sh_quote(const std::string& s) {
    std::string r = "'";
    for (char c : s) {
        if (c == '\'')
            r += "'\\''";
        else
            r += c;
    }
    return r + "'";
}

CommandResult run(const std::string& command_line) {
    static int counter = 0;
    fs::path dir = fs::path(POLICYLOC_BINARY_DIR) / "test-tmp";
    fs::create_directories(dir);
    std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
    fs::path out = dir / ("out-" + tag), err = dir / ("err-" + tag);
    std::string full = "( " + command_line + " ) >" + sh_quote(out.string()) + " 2>" +
                       sh_quote(err.string()) + " </dev/null";
    int status = std::system(full.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

CommandResult run_policyloc(const std::string& args) {
    return run(sh_quote(policyloc_exe().string()) + " " + args);
}

bool have_tool(const std::string& name) {
    return run("command -v " + sh_quote(name)).exit_code == 0;
}

void skip(const std::string& reason) {
    std::cout << "[policyloc skipped] " << reason << std::endl;
}

bool require_shared(const fs::path& relative) {
    if (fs::exists(shared_dir() / relative)) return true;
    skip("shared test data not found: " + (shared_dir() / relative).string());
    return false;
}

bool require_tool(const std::string& name) {
    if (have_tool(name)) return true;
    skip("tool not installed: " + name);
    return false;
}

std::string with_line_endings(const std::string& text, const std::string& newline) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char c : text) {
        if (c == '\n')
            out += newline;
        else
            out += c;
    }
    return out;
}

std::vector<std::string> spec_examples(const fs::path& spec_file) {
    // Examples are fenced by lines of 32 backticks followed by " example"; the Markdown part
    // ends at a line holding a single "."; the arrow character stands for a tab.
    std::vector<std::string> examples;
    std::istringstream in(read_file(spec_file));
    std::string line, current;
    enum { outside, markdown, html } state = outside;
    const std::string fence(32, '`');
    while (std::getline(in, line)) {
        if (state == outside) {
            if (line.rfind(fence + " example", 0) == 0) {
                state = markdown;
                current.clear();
            }
        } else if (state == markdown) {
            if (line == ".") {
                state = html;
                std::string fixed;
                for (size_t i = 0; i < current.size();) {
                    if (current.compare(i, 3, "\xe2\x86\x92") == 0) {
                        fixed += '\t';
                        i += 3;
                    } else {
                        fixed += current[i++];
                    }
                }
                examples.push_back(fixed);
            } else {
                current += line + "\n";
            }
        } else if (line == fence) {
            state = outside;
        }
    }
    return examples;
}

ParsedMarkdown::ParsedMarkdown(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, e);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
}

ParsedMarkdown::~ParsedMarkdown() {
    cmark_node_free(root);
}

void CmarkIterFree::operator()(cmark_iter* it) const {
    cmark_iter_free(it);
}

CmarkIter iterate(cmark_node* n) {
    return CmarkIter(cmark_iter_new(n));
}

std::string_view cstr_view(const char* s) {
    return s ? std::string_view(s) : std::string_view();
}

bool is_text_block(cmark_node* n) {
    cmark_node_type t = cmark_node_get_type(n);
    return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
           cstr_view(cmark_node_get_type_string(n)) == "table_cell";
}

bool is_autolink(cmark_node* link) {
    if (cmark_node_get_type(link) != CMARK_NODE_LINK) return false;
    cmark_node* child = cmark_node_first_child(link);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT)
        return false;
    std::string_view text = cstr_view(cmark_node_get_literal(child));
    std::string_view url = cstr_view(cmark_node_get_url(link));
    for (std::string_view scheme : {"", "mailto:", "http://"})
        if (url.size() == scheme.size() + text.size() && url.substr(0, scheme.size()) == scheme &&
            url.substr(scheme.size()) == text)
            return true;
    return false;
}

std::vector<std::string> words_of(std::string_view text, bool with_marks) {
    auto is_word_char = [with_marks](UChar32 c) {
        if (c < 0) return false;
        if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c)) return true;
        if (!with_marks) return false;
        const int8_t gc = u_charType(c);
        return gc == U_NON_SPACING_MARK || gc == U_COMBINING_SPACING_MARK || gc == U_ENCLOSING_MARK;
    };
    std::vector<std::string> out;
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    int32_t i = 0, begin = -1;
    while (i < n) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (is_word_char(c)) {
            if (begin < 0) begin = at;
        } else if (begin >= 0) {
            out.emplace_back(
                text.substr(static_cast<size_t>(begin), static_cast<size_t>(at - begin)));
            begin = -1;
        }
    }
    if (begin >= 0) out.emplace_back(text.substr(static_cast<size_t>(begin)));
    return out;
}

} // namespace policyloc::test
