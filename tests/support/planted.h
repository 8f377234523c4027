// A page and a French catalog with one planted defect of each kind `policyloc check` knows,
// shared by the CLI test and the interop test against pofilter.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace policyloc::test {

struct PlantedUnit {
    std::string source;
    std::string target;
    std::string id;       // the check id the defect must raise; empty for a clean unit
    std::string comments; // translator comments (a silencing flag)
};

// The units of the planted page, in page order.
const std::vector<PlantedUnit>& planted_units();

struct PlantedProject {
    std::filesystem::path page;     // planted.md
    std::filesystem::path catalog;  // a/fr.po: every defect but the inconsistency
    std::filesystem::path other;    // b/fr.po: "Privacy Policy" translated otherwise
    std::filesystem::path glossary; // terms.csv
};

// Writes the page (extracted with `policyloc extract`), both catalogs and the glossary into
// `dir`.
PlantedProject planted_project(const std::filesystem::path& dir);

// The line of the "msgid" keyword of the entry whose msgid starts with `source` (its first
// line, before any "\n") in PO text; 0 when absent. Independent of the catalog reader.
int po_msgid_line(const std::string& po_text, const std::string& source);

} // namespace policyloc::test
