#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace policyloc::test {

fs::path shared_dir() { return fs::path(POLICYLOC_SHARED_DIR); }
fs::path source_dir() { return fs::path(POLICYLOC_SOURCE_DIR); }
fs::path policyloc_exe() { return fs::path(POLICYLOC_EXE); }

fs::path temp_dir(const std::string& name) {
    fs::path base = fs::path(POLICYLOC_BINARY_DIR) / "test-tmp";
    std::string safe;
    for (char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    fs::path p = base / (safe + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
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
        if (c == '\'') r += "'\\''";
        else r += c;
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

} // namespace policyloc::test
