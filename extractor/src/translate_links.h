// The "translate-links" directive (private to the extractor): the link destinations of the
// next block are text, so that a translation can point at the page in its own language
// ("/en/terms/" -> "/de/terms/", "hl=en" -> "hl=de").
#pragma once

#include "protected_spans.h"

namespace policyloc {

// The note a unit with translatable link destinations gets.
inline constexpr const char* kTranslateLinksNote =
    "Links: the link destinations (URLs) in this text may be translated: point them at the "
    "pages in your language";

// Drops the protection of the inline links' destinations (and titles) and of autolinks;
// images and reference links keep theirs. True when the scan had such a link.
bool unprotect_link_destinations(SpanScan& scan);

} // namespace policyloc
