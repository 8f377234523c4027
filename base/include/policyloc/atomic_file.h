// The temporary file an atomic write fills before it is renamed over its destination.
//
// The temporary file lies beside the destination (".NAME.tmp-XXXXXX", on the same file system,
// so the rename is atomic) and holds an flock for as long as it is open: a temporary file of
// ours that nobody holds locked was left by a process that died (kill -9, power loss), and the
// next write to the same destination removes it. A symbolic link is written through: the file
// it points to is replaced, the link stays. An existing destination keeps its owner (when the
// process may give it) and its mode. A destination with other hard links is replaced like any
// other; the other names keep the old content, and commit() says so in a warning.
#pragma once

#include <string>

#include "policyloc/diagnostic.h"
#include "policyloc/file_io.h"

namespace policyloc {

class AtomicFile {
  public:
    AtomicFile() = default;
    ~AtomicFile(); // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Creates the temporary file for `path` (after removing stale ones of ours); false, with
    // the reason in `diagnostics`, when it cannot be created.
    bool open(const std::string& path, Diagnostics& diagnostics);

    const std::string& temp_path() const { return temp_; }
    int fd() const { return fd_; }

    // Renames the temporary file over the destination, unless the destination already holds
    // the same bytes (then `unchanged`, and the temporary file is removed). `known_different`
    // skips that comparison; `durability` says whether the content is flushed to disk first.
    FileWriteResult commit(bool known_different = false,
                           WriteDurability durability = WriteDurability::durable);

  private:
    void discard();

    std::string path_;   // as the caller named it (for diagnostics)
    std::string target_; // the file replaced: `path_`, or what its symbolic links lead to
    std::string temp_;
    int fd_ = -1;
};

// The file a write to `path` replaces: `path` itself, or the end of its chain of symbolic links.
std::string file_write_target(const std::string& path);

// Removes the temporary files of ours beside `path` that no running process holds; how many.
int file_clear_stale_temps(const std::string& path);

// True when both paths name the same existing file (after symbolic links).
bool file_same(const std::string& a, const std::string& b);

} // namespace policyloc
