// A glossary: for a source term, the approved translations per locale and the forbidden ones.
// Read from TBX-Basic (TBX 2 termEntry/langSet/tig and TBX 3 conceptEntry/langSec/termSec,
// with pugixml) or from a CSV of term, locale, translation[, status]. The glossary check warns
// where a unit's source has a term and its translation none of the approved translations, and
// reports a forbidden term in a translation as an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/check_unit.h"
#include "policyloc/diagnostic.h"

namespace policyloc {

struct GlossaryEntry {
    std::string term;   // in the source language
    std::string locale; // BCP 47
    std::vector<std::string> approved;
    std::vector<std::string> forbidden;
};

struct Glossary {
    std::vector<GlossaryEntry> entries;
};

struct GlossaryReadResult {
    std::optional<Glossary> glossary; // empty when the input cannot be read
    Diagnostics diagnostics;
};

// TBX: the terms of the language set in `source_lang` are the source terms; in the other
// language sets, a term whose administrativeStatus is deprecatedTerm-admn-sts or
// supersededTerm-admn-sts is forbidden, any other term approved.
GlossaryReadResult glossary_read_tbx(std::string_view xml, const std::string& name,
                                     const std::string& source_lang = "en");
// CSV (RFC 4180 quoting): term,locale,translation[,status]; status "forbidden" (or
// "deprecated") makes the translation forbidden, anything else approved. A first row whose
// first field is "term" is a header.
GlossaryReadResult glossary_read_csv(std::string_view text, const std::string& name);
// By the name's extension: .csv is CSV, anything else TBX.
GlossaryReadResult glossary_read(std::string_view text, const std::string& name,
                                 const std::string& source_lang = "en");

// Appends the entries of `more` to `into`, merging entries of the same term and locale.
void glossary_merge(Glossary& into, const Glossary& more);

// glossary (warning) and glossary-forbidden (error) findings for a translated unit in
// `locale`. Source terms match case-insensitively as whole words; an approved translation
// matches case-insensitively anywhere in the target (inflected and compound forms contain
// it); a forbidden term matches as a whole word.
UnitFindings glossary_check(const Glossary& glossary, const Unit& unit, const std::string& locale);

} // namespace policyloc
