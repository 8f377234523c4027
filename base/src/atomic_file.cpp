#include "policyloc/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "policyloc/i18n.h"

namespace policyloc {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempInfix = ".tmp-";
constexpr size_t kTempRandom = 6; // mkstemp's XXXXXX

Diagnostic io_error(const std::string& path, const std::string& what) {
    return Diagnostic{Severity::error, path, 0, 0, what + ": " + std::strerror(errno)};
}

fs::path parent_or_dot(const fs::path& p) {
    return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// Whether an open file and a path are the same inode (the path was not replaced meanwhile).
bool same_inode(int fd, const std::string& path) {
    struct stat a {
    }, b{};
    return ::fstat(fd, &a) == 0 && ::lstat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

// Both files hold the same bytes.
bool same_content(int fd, const std::string& other) {
    int ofd = ::open(other.c_str(), O_RDONLY | O_CLOEXEC);
    if (ofd < 0) return false;
    struct stat a {
    }, b{};
    bool same = ::fstat(fd, &a) == 0 && ::fstat(ofd, &b) == 0 && a.st_size == b.st_size;
    std::vector<char> x(65536), y(65536);
    off_t offset = 0;
    while (same) {
        ssize_t n = ::pread(fd, x.data(), x.size(), offset);
        if (n <= 0) {
            same = n == 0;
            break;
        }
        ssize_t m = ::pread(ofd, y.data(), static_cast<size_t>(n), offset);
        same = m == n && std::memcmp(x.data(), y.data(), static_cast<size_t>(n)) == 0;
        offset += n;
    }
    ::close(ofd);
    return same;
}

// Gives the new file the old one's owner and mode (chown first: it clears set-id bits).
void keep_owner_and_mode(int fd, const struct stat* old) {
    mode_t mode;
    if (old != nullptr) {
        if (::fchown(fd, old->st_uid, old->st_gid) != 0)
            (void)::fchown(fd, static_cast<uid_t>(-1), old->st_gid);
        mode = old->st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = static_cast<mode_t>(0666 & ~mask);
    }
    (void)::fchmod(fd, mode);
}

} // namespace

std::string file_write_target(const std::string& path) {
    fs::path p(path);
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec))) break;
        fs::path next = fs::read_symlink(p, ec);
        if (ec) break;
        p = next.is_absolute() ? next : parent_or_dot(p) / next;
    }
    return p.string();
}

int file_clear_stale_temps(const std::string& path) {
    fs::path target(path);
    fs::path dir = parent_or_dot(target);
    const std::string prefix = "." + target.filename().string() + kTempInfix;
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != prefix.size() + kTempRandom || name.compare(0, prefix.size(), prefix))
            continue;
        const std::string full = entry.path().string();
        int fd = ::open(full.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat st {};
        // Held by nobody: its writer is gone. Still the same file: not renamed meanwhile.
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
            same_inode(fd, full) && ::unlink(full.c_str()) == 0)
            ++removed;
        ::close(fd);
    }
    return removed;
}

bool file_same(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::discard() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
    fd_ = -1;
    temp_.clear();
}

bool AtomicFile::open(const std::string& path, Diagnostics& diagnostics) {
    discard();
    path_ = path;
    target_ = file_write_target(path);
    file_clear_stale_temps(target_);
    fs::path target(target_);
    const std::string pattern =
        (parent_or_dot(target) / ("." + target.filename().string() + kTempInfix + "XXXXXX"))
            .string();
    // A cleaner may take a fresh file for a stale one between mkstemp and flock; then the name
    // no longer leads to our file, and we try again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        std::string name = pattern;
        int fd = ::mkstemp(name.data());
        if (fd < 0) {
            diagnostics.push_back(io_error(path, _("cannot create a temporary file beside")));
            return false;
        }
        if (::flock(fd, LOCK_EX) == 0 && same_inode(fd, name)) {
            fd_ = fd;
            temp_ = std::move(name);
            return true;
        }
        ::close(fd);
    }
    errno = EAGAIN;
    diagnostics.push_back(io_error(path, _("cannot create a temporary file beside")));
    return false;
}

FileWriteResult AtomicFile::commit(bool known_different, WriteDurability durability) {
    FileWriteResult r;
    if (fd_ < 0) {
        errno = EBADF;
        r.diagnostics.push_back(io_error(path_, _("cannot write")));
        return r;
    }
    struct stat old {};
    const bool exists = ::stat(target_.c_str(), &old) == 0 && S_ISREG(old.st_mode);
    if (exists && !known_different && same_content(fd_, target_)) {
        discard();
        r.outcome = WriteOutcome::unchanged;
        return r;
    }
    keep_owner_and_mode(fd_, exists ? &old : nullptr);
    bool ok = durability == WriteDurability::regenerable || ::fsync(fd_) == 0;
    int saved = errno;
    if (ok && ::rename(temp_.c_str(), target_.c_str()) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        discard();
        errno = saved;
        r.diagnostics.push_back(io_error(path_, _("cannot write")));
        return r;
    }
    temp_.clear(); // renamed: nothing to remove
    discard();
    if (exists && old.st_nlink > 1)
        r.diagnostics.push_back(
            {Severity::warning, path_, 0, 0,
             i18n_format(P_("had %lu other hard link; it was replaced, and the other name "
                            "keeps the old content",
                            "had %lu other hard links; it was replaced, and the other names "
                            "keep the old content",
                            old.st_nlink - 1),
                         static_cast<unsigned long>(old.st_nlink - 1))});
    r.outcome = WriteOutcome::written;
    return r;
}

} // namespace policyloc
