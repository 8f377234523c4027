// Where a unit's inline codes go in XLIFF, and whether a returned target kept them (private to
// the XLIFF codec). Standalone codes (the unit's `codes`) are numbered from 1 in their order, as
// in the placeholder list; pairs of formatting codes (the unit's `markup`) are "m1", "m2"... A
// code that lies inside a pair's closing delimiters (a link's destination) is part of that
// pair's original data and is not written on its own.
#pragma once

#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "xliff_common.h"

namespace policyloc::detail {

struct PlacedCode {
    size_t begin = 0;
    size_t end = 0;
    CodeHit::Role role = CodeHit::Role::standalone;
    size_t number = 0; // standalone: index in codes + 1; pair: index in markup + 1
};

// The unit's pairs lie inside its source, nest, and no code straddles a delimiter.
bool markup_valid(const Unit& u);

// The codes of the source, or of `target`, sorted by position. The target's pairs are
// u.target_markup when it has one for each pair (`with_pairs`); its standalone codes are found
// by their text, each at the same occurrence of that text as in the source when the target has
// it, else at the first free one.
std::vector<PlacedCode> place_source_codes(const Unit& u, bool with_pairs);
std::vector<PlacedCode> place_target_codes(const Unit& u, const std::string& target,
                                           bool with_pairs);

// Whether placed codes nest as elements can (pairs closed in the reverse order of opening).
bool codes_nest(const std::vector<PlacedCode>& codes);

// The pairs of a <source>'s code hits, in pair-number order; false when they are not numbered
// 1..N, not each opened once before being closed once, or do not nest.
bool pairs_from_hits(const std::vector<CodeHit>& hits, std::vector<MarkupPair>& out);

// What is wrong with a target's codes against its source's: "" when the target has each of the
// source's codes exactly once, no other, and its pairs open before they close and nest.
std::string target_code_problem(const std::vector<CodeHit>& source,
                                const std::vector<CodeHit>& target);

// Sets notes and codes from the notes text and the codes found inline: a placeholder list at
// the end of the notes names the codes' kinds and is taken off when its texts are the inline
// codes' (which say where they are). A listed code that is not inline lies inside a pair of
// formatting codes (a link's destination), where the list's position for it stands. Call after
// settle_pairs.
void settle_codes(Unit& u, const std::string& notes, std::vector<InlineCode> inline_codes);

// Sets the unit's pairs from the code hits of its source and (when it has a target) of its
// target; returns what is wrong with the target's codes, "" when nothing is (a target without
// any code is taken as the Markdown text it is).
std::string settle_pairs(Unit& u, const std::vector<CodeHit>& source,
                         const std::vector<CodeHit>* target);

} // namespace policyloc::detail
