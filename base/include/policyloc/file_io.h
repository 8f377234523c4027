// Whole-file reads and atomic, write-only-when-changed writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/diagnostic.h"

namespace policyloc {

struct FileReadResult {
    std::optional<std::string> content;
    Diagnostics diagnostics;
};

// Reads a whole file ("-" reads standard input).
FileReadResult file_read(const std::string& path);

enum class WriteOutcome { written, unchanged, failed };

struct FileWriteResult {
    WriteOutcome outcome = WriteOutcome::failed;
    Diagnostics diagnostics;
};

// What a write must survive. Either way the rename is atomic: a process killed at any point
// leaves the old file or the new one, never a mix. `durable` also flushes the content to disk
// before the rename, so that a power loss cannot leave an empty file where a catalog (the
// translators' work) was; `regenerable` leaves the flush to the kernel, for what the next run
// makes again (built pages, previews, reports), where a site's thousands of flushes would cost
// more than the build itself.
enum class WriteDurability { durable, regenerable };

// Regular files: written to a temporary file in the same directory and renamed over the
// target, only when the content differs (AtomicFile in atomic_file.h: symbolic links written
// through, owner and mode kept, stale temporary files removed). "-" writes standard output;
// devices and pipes are written directly and never renamed over.
FileWriteResult file_write_atomic(const std::string& path, std::string_view content,
                                  WriteDurability durability = WriteDurability::durable);

// The names of the regular files in a directory (empty when it cannot be read).
std::vector<std::string> file_list_regular(const std::string& dir);

// Checks that text is valid UTF-8; on error gives the 1-based line and column (bytes).
std::optional<Diagnostic> utf8_check(std::string_view text, const std::string& file);

} // namespace policyloc
