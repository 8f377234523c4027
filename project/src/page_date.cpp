#include "policyloc/page_date.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "policyloc/dates.h"

namespace policyloc {

namespace fs = std::filesystem;

namespace {

// The last commit date of a file (git), in ms since the epoch.
std::optional<double> git_commit_date(const std::string& page) {
    // git runs without a shell (the path is passed as an argument, never quoted into a
    // command line); its output comes through a pipe and its errors go to /dev/null.
    fs::path p = fs::absolute(page);
    std::string dir = p.parent_path().string(), name = p.filename().string();
    const char* argv[] = {"git",          "-C", dir.c_str(),  "log",  "-1",
                          "--format=%cI", "--", name.c_str(), nullptr};
    int fds[2];
    if (::pipe(fds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int spawned =
        posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string out;
    if (spawned == 0) {
        char buf[128];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
            out.append(buf, static_cast<size_t>(n));
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) out.clear();
    }
    ::close(fds[0]);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out.empty() ? std::nullopt : date_parse_iso(out);
}

std::optional<double> mtime_date(const std::string& page) {
    struct stat st {};
    if (::stat(page.c_str(), &st) != 0) return std::nullopt;
    return static_cast<double>(st.st_mtim.tv_sec) * 1000.0 +
           static_cast<double>(st.st_mtim.tv_nsec / 1000000);
}

} // namespace

std::optional<double> page_fallback_date(const std::string& page) {
    if (auto d = git_commit_date(page)) return d;
    return mtime_date(page);
}

} // namespace policyloc
