// file_write_atomic: regular files are replaced through a temporary file and a rename, only
// when the content changes; devices and pipes are written in place, never renamed over; a
// failed write leaves the old content and says why.
#include "policyloc/file_io.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

struct stat stat_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st;
}

bool mentions(const Diagnostics& ds, const std::string& path) {
    for (const Diagnostic& d : ds)
        if (d.severity == Severity::error &&
            (d.file == path || d.message.find(path) != d.message.npos))
            return true;
    return false;
}

} // namespace

TEST_CASE("atomic write: a new file, then new content, and nothing else in the directory") {
    fs::path dir = t::temp_dir("file_io-new");
    fs::path file = dir / "out.po";
    FileWriteResult r = file_write_atomic(file.string(), "first\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(r.diagnostics.empty());
    CHECK(t::read_file(file) == "first\n");

    r = file_write_atomic(file.string(), "second, longer\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(t::read_file(file) == "second, longer\n");
    r = file_write_atomic(file.string(), "");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(fs::file_size(file) == 0);
    // No temporary file is left beside it.
    CHECK(names_in(dir) == std::vector<std::string>{"out.po"});
}

TEST_CASE("atomic write: the same content is not written, and the mtime stays") {
    fs::path dir = t::temp_dir("file_io-same");
    fs::path file = dir / "page.md";
    t::write_file(file, "content\n");
    const auto old_time = fs::last_write_time(file) - std::chrono::hours(24);
    fs::last_write_time(file, old_time);
    const ino_t inode = stat_of(file).st_ino;

    FileWriteResult r = file_write_atomic(file.string(), "content\n");
    CHECK(r.outcome == WriteOutcome::unchanged);
    CHECK(r.diagnostics.empty());
    CHECK(fs::last_write_time(file) == old_time);
    CHECK(stat_of(file).st_ino == inode); // not replaced either
    CHECK(names_in(dir) == std::vector<std::string>{"page.md"});

    // Different content is written: a new file takes the old one's place.
    r = file_write_atomic(file.string(), "content changed\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(fs::last_write_time(file) != old_time);
}

TEST_CASE("atomic write: a replaced file keeps its permissions, a new one follows the umask") {
    fs::path dir = t::temp_dir("file_io-mode");
    fs::path file = dir / "private.po";
    t::write_file(file, "old\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(file_write_atomic(file.string(), "new\n").outcome == WriteOutcome::written);
    CHECK((stat_of(file).st_mode & 07777) == 0600);

    mode_t old_mask = ::umask(027);
    REQUIRE(file_write_atomic((dir / "fresh.po").string(), "x\n").outcome == WriteOutcome::written);
    ::umask(old_mask);
    CHECK((stat_of(dir / "fresh.po").st_mode & 07777) == 0640);
}

TEST_CASE("atomic write: a path whose parent is a regular file fails with a diagnostic") {
    fs::path dir = t::temp_dir("file_io-parent");
    fs::path not_a_dir = dir / "file.txt";
    t::write_file(not_a_dir, "a file\n");
    const std::string target = (not_a_dir / "out.po").string();
    FileWriteResult r = file_write_atomic(target, "content\n");
    CHECK(r.outcome == WriteOutcome::failed);
    CHECK_MESSAGE(mentions(r.diagnostics, target), "no error naming " << target);
    CHECK(t::read_file(not_a_dir) == "a file\n");
    CHECK(names_in(dir) == std::vector<std::string>{"file.txt"});
}

TEST_CASE("atomic write: a write that fails half-way keeps the old content") {
    // The file size limit makes the temporary file's write fail (EFBIG), for root too.
    fs::path dir = t::temp_dir("file_io-limit");
    fs::path file = dir / "de.po";
    t::write_file(file, "old content\n");
    struct rlimit old_limit {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = 64;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    FileWriteResult r = file_write_atomic(file.string(), std::string(4096, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);

    CHECK(r.outcome == WriteOutcome::failed);
    CHECK_MESSAGE(mentions(r.diagnostics, file.string()), "no error naming " << file.string());
    CHECK(t::read_file(file) == "old content\n");
    CHECK(names_in(dir) == std::vector<std::string>{"de.po"});
}

TEST_CASE("atomic write: /dev/null is written to, not replaced") {
    REQUIRE(S_ISCHR(stat_of("/dev/null").st_mode));
    const dev_t device = stat_of("/dev/null").st_rdev;
    const std::vector<std::string> dev_before = names_in("/dev");
    FileWriteResult r = file_write_atomic("/dev/null", "discarded\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(r.diagnostics.empty());
    CHECK(S_ISCHR(stat_of("/dev/null").st_mode));
    CHECK(stat_of("/dev/null").st_rdev == device);
    CHECK(names_in("/dev") == dev_before); // no temporary file in /dev
}

TEST_CASE("atomic write: /dev/full fails with a diagnostic and stays a device") {
    if (!fs::exists("/dev/full")) {
        t::skip("/dev/full not present");
        return;
    }
    FileWriteResult r = file_write_atomic("/dev/full", "no space\n");
    CHECK(r.outcome == WriteOutcome::failed);
    CHECK_MESSAGE(mentions(r.diagnostics, "/dev/full"), "no error naming /dev/full");
    CHECK(S_ISCHR(stat_of("/dev/full").st_mode));
}

TEST_CASE("atomic write: a named pipe is written to, not replaced") {
    fs::path dir = t::temp_dir("file_io-fifo");
    fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The reading end is open first, so the write neither blocks nor hangs the test.
    int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    FileWriteResult r = file_write_atomic(fifo.string(), "through the pipe\n");
    std::string received;
    char buf[256];
    for (ssize_t n; (n = ::read(reader, buf, sizeof buf)) > 0;)
        received.append(buf, static_cast<size_t>(n));
    ::close(reader);
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(received == "through the pipe\n");
    CHECK(S_ISFIFO(stat_of(fifo).st_mode));
    CHECK(names_in(dir) == std::vector<std::string>{"pipe"});
}
