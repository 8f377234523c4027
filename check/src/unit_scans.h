// A unit's source and target scanned once (markdown_scan) for every check that reads their
// Markdown: check_unit scans a unit once for check_markup and check_html (private to the check
// library).
#pragma once

#include <string_view>

#include "markdown_scan.h"
#include "policyloc/check_unit.h"

namespace policyloc {

namespace detail {

struct UnitScans {
    MarkdownScan source;
    MarkdownScan target;
};

inline UnitScans unit_scans(std::string_view source, std::string_view target) {
    return {markdown_scan(source), markdown_scan(target)};
}

} // namespace detail

// check_markup and check_html over scans already made.
UnitFindings check_markup_scanned(const Unit& unit, const detail::UnitScans& scans);
UnitFindings check_html_scanned(const detail::UnitScans& scans);

} // namespace policyloc
