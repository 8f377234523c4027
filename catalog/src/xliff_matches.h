// The previous source of a fuzzy unit, shown to CAT tools the way they show translation memory
// matches, and read back as the unit's previous source. Private to the XLIFF codec.
//
//   1.2  <alt-trans match-quality="NN" origin="policyloc-previous">
//          <source>previous source</source><target>the old translation</target>
//          [<context-group purpose="information"><context context-type="x-msgctxt">...]
//        </alt-trans>
//        Read back from that origin, and from alttranstype="previous-version" (what earlier
//        versions wrote).
//   2.0  the Translation Candidates module, before the unit's notes:
//        <mtc:matches><mtc:match ref="#s1" similarity="NN" origin="policyloc-previous"
//          type="tm"><source>previous source</source><target>old translation</target>
//        </mtc:match></mtc:matches>, and the segment gets the id "s1" it points at.
//        The previous context stays in the unit's mda:metaGroup "po" ("previous-msgctxt");
//        a "previous-msgid" there (what earlier versions wrote) is read too.
// NN is how alike the previous and the current source are, in percent, with protected spans
// masked (text_similarity over masked_source), rounded down.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "policyloc/catalog.h"
#include "xliff_builder.h"

namespace policyloc::detail {

inline constexpr const char* ns_mtc = "urn:oasis:names:tc:xliff:matches:2.0";
inline constexpr const char* previous_origin = "policyloc-previous";
inline constexpr const char* match_segment_id = "s1"; // the segment a 2.0 match points at

// 0..100: the similarity of the previous source to the current one, protected spans masked.
// The previous source's spans are the current source's code texts found in it, in order.
int previous_match_quality(const Unit& u);

// Writes the 1.2 <alt-trans> of a unit with a previous source or context; nothing otherwise.
void alt_trans_write(Builder& b, pugi::xml_node trans_unit, const Unit& u, const std::string& id,
                     int depth);
// Writes the 2.0 <mtc:matches> of a unit with a previous source; nothing otherwise.
void matches_write(Builder& b, pugi::xml_node unit, const Unit& u, const std::string& id,
                   int depth);

// Sets the previous source and context from a 1.2 <alt-trans> of ours; other alt-trans (a CAT
// tool's own proposals) are left alone. True when it was ours.
bool alt_trans_read(const pugi::xml_node& alt, Unit& u);
// Sets the previous source from the 2.0 <mtc:matches> match of ours, if there is one.
void matches_read(const pugi::xml_node& matches, Unit& u);

} // namespace policyloc::detail
