// HTML previews of localized pages: each page rendered by cmark-gfm as a standalone document
// with the locale's language and direction, and an index of every page and locale.
#pragma once

#include <string>
#include <vector>

namespace policyloc {

// A standalone HTML page for a localized Markdown page: <html lang dir> (direction from ICU),
// its front matter's title as <title> and <h1>, the body rendered by cmark-gfm. No external
// assets.
std::string preview_page(const std::string& markdown, const std::string& locale,
                         const std::string& file_name);

struct PreviewEntry {
    std::string page; // the source page
    std::string locale;
    std::string href;    // the preview, relative to the index; empty when there is none
    double percent = 0;  // of the page's words translated
    std::string outcome; // written, skipped, ...
};

// The index: one row per page, one column per locale, each cell its completeness and a link.
std::string preview_index(const std::vector<PreviewEntry>& entries);

} // namespace policyloc
