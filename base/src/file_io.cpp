#include "policyloc/file_io.h"
#include "policyloc/i18n.h"

#include "policyloc/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <unicode/utf8.h>

namespace policyloc {

namespace {

Diagnostic io_error(const std::string& path, const std::string& what) {
    return Diagnostic{Severity::error, path, 0, 0, what + ": " + std::strerror(errno)};
}

bool read_fd(int fd, std::string& out) {
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        out.append(buf, static_cast<size_t>(n));
    }
}

bool write_fd(int fd, std::string_view content) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        content.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

} // namespace

std::vector<std::string> file_list_regular(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path().filename().string());
    return files;
}

FileReadResult file_read(const std::string& path) {
    FileReadResult r;
    int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        r.diagnostics.push_back(io_error(path, _("cannot open file")));
        return r;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        r.diagnostics.push_back(io_error(path, _("cannot read file")));
        if (fd != STDIN_FILENO) ::close(fd);
        return r;
    }
    std::string content;
    // One allocation of the file's size, not a doubling string (which holds up to twice the
    // page at its peak); the read still goes to the end, should the file have grown.
    if (S_ISREG(st.st_mode) && st.st_size > 0) content.reserve(static_cast<size_t>(st.st_size) + 1);
    bool ok = read_fd(fd, content);
    if (!ok) r.diagnostics.push_back(io_error(path, _("cannot read file")));
    if (fd != STDIN_FILENO) ::close(fd);
    if (ok) r.content = std::move(content);
    return r;
}

FileWriteResult file_write_atomic(const std::string& path, std::string_view content,
                                  WriteDurability durability) {
    FileWriteResult r;
    if (path == "-") {
        if (!write_fd(STDOUT_FILENO, content)) {
            r.diagnostics.push_back(io_error("<stdout>", _("cannot write")));
            return r;
        }
        r.outcome = WriteOutcome::written;
        return r;
    }
    const std::string target = file_write_target(path);
    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        // A device, pipe or socket: write in place, never rename over it.
        int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            r.diagnostics.push_back(io_error(path, _("cannot open for writing")));
            return r;
        }
        bool ok = write_fd(fd, content);
        ok = (::close(fd) == 0) && ok;
        if (!ok) {
            r.diagnostics.push_back(io_error(path, _("cannot write")));
            return r;
        }
        r.outcome = WriteOutcome::written;
        return r;
    }
    if (exists) {
        FileReadResult old = file_read(target);
        if (old.content && *old.content == content) {
            r.outcome = WriteOutcome::unchanged;
            return r;
        }
    }
    AtomicFile file;
    if (!file.open(path, r.diagnostics)) return r;
    if (!write_fd(file.fd(), content)) {
        r.diagnostics.push_back(io_error(path, _("cannot write")));
        return r;
    }
    return file.commit(true, durability);
}

std::optional<Diagnostic> utf8_check(std::string_view text, const std::string& file) {
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    while (i < n) {
        // Eight ASCII bytes at a time (most of a page or catalog): nothing to decode.
        if (uint64_t word; i + 8 <= n) {
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            // Line and column (in bytes) only for the error's message.
            std::string_view before = text.substr(0, static_cast<size_t>(start));
            size_t line_start = before.rfind('\n');
            line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
            int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
            int column = 1 + static_cast<int>(before.size() - line_start);
            return Diagnostic{
                Severity::error, file, line, column,
                i18n_format(_("invalid UTF-8 byte 0x%02x"), static_cast<unsigned>(s[start]))};
        }
    }
    return std::nullopt;
}

} // namespace policyloc
