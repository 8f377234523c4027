// The date a build writes on a page in a locale, as the locale writes it: what the build's
// summary shows beside each page and locale.
#pragma once

#include <optional>
#include <string>

#include "policyloc/dates.h"
#include "policyloc/extract.h"
#include "policyloc/project_config.h"

namespace policyloc {

// Whether the page writes a date (a date action in its body): only then does a build need the
// page's git commit or mtime, which costs a process per page.
bool page_writes_date(const Skeleton& skeleton);

// The first date the page writes (a date action in its body), rendered for `locale` from the
// moment the merge uses: the locale's configured `date`, else the page's front matter (lastmod
// or date, as the action's field asks), else `fallback` (the page's git commit or mtime).
// Empty when the page writes no date; "?" when there is a date to write but no moment for it.
std::string build_date_text(const Skeleton& skeleton, const LocaleSettings& locale,
                            std::optional<double> fallback, DateFormatter& formatter);

} // namespace policyloc
