// Where a page's date comes from when neither --date nor its front matter gives one: the last
// git commit of the page, then the file's modification time.
#pragma once

#include <optional>
#include <string>

namespace policyloc {

// Milliseconds since the epoch, or nothing when the page is not in a git work tree (or git is
// missing) and cannot be stat()ed.
std::optional<double> page_fallback_date(const std::string& page);

} // namespace policyloc
