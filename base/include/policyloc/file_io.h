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

// Regular files: written to a temporary file in the same directory and renamed over the
// target, only when the content differs (AtomicFile in atomic_file.h: symbolic links written
// through, owner and mode kept, stale temporary files removed). "-" writes standard output;
// devices and pipes are written directly and never renamed over.
FileWriteResult file_write_atomic(const std::string& path, std::string_view content);

// The names of the regular files in a directory (empty when it cannot be read).
std::vector<std::string> file_list_regular(const std::string& dir);

// Checks that text is valid UTF-8; on error gives the 1-based line and column (bytes).
std::optional<Diagnostic> utf8_check(std::string_view text, const std::string& file);

} // namespace policyloc
