// XLIFF 1.2 and 2.0 over pugixml, private to the catalog: what the reader (xliff_read.cpp,
// with inline content in xliff_read_inline.cpp) and the writer (xliff_write.cpp) share.
//
// Mapping (1.2 / 2.0):
//   msgctxt            context-group with context-type="x-msgctxt" / mda:meta type="msgctxt";
//                      also resname / name (the context, or the unit id when there is none)
//   references         context-group purpose="location" / mda:metaGroup category="location"
//   flags              context-type="x-po-flags" / mda:meta type="flags"
//                      (1.2 context-groups carry no name: names must be unique per file)
//   previous msgid     alt-trans origin="policyloc-previous" with match-quality / the
//                      Translation Candidates module, mtc:match origin="policyloc-previous"
//                      (see xliff_matches.h)
//   previous msgctxt   in that alt-trans / mda:meta type="previous-msgctxt"
//   notes, comments    note from="developer" / from="translator" (2.0: category)
//   inline codes       <ph id="N">TEXT</ph> / <ph id="N" dataRef="dN"/> + originalData
//   plural entries     group restype="x-gettext-plurals" / group type="po:plurals", one unit
//                      per form
//   PO header          <file><header><note from="po-header"> (and "po-header-comment") /
//                      file-level mda:metaGroup category="po-header" ("po-header-comment")
//   states             target state new|needs-translation (untranslated text kept),
//                      needs-review-translation (fuzzy), translated, signed-off (reviewed),
//                      final; approved="yes" on every usable translation / segment state
//                      initial (fuzzy when it has a target), translated, reviewed, final
// Obsolete units are kept in a group marked translate="no" (obsolete12, obsolete20). The
// placeholder list of a unit's notes (see inline_codes.cpp) is written into the developer note
// too, so that CAT tools show what the codes are and the kinds come back on reading.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc::detail {

inline constexpr const char* ns12 = "urn:oasis:names:tc:xliff:document:1.2";
inline constexpr const char* ns20 = "urn:oasis:names:tc:xliff:document:2.0";
inline constexpr const char* ns_mda = "urn:oasis:names:tc:xliff:metadata:2.0";
inline constexpr const char* plurals12 = "x-gettext-plurals"; // restype of a plural <group>
inline constexpr const char* plurals20 = "po:plurals";        // type of a plural <group>
// Units no longer in the page, kept with their translations in a <group> that CAT tools do
// not offer for translation (translate="no"): restype (1.2) and type (2.0) of that group.
inline constexpr const char* obsolete12 = "x-policyloc-obsolete";
inline constexpr const char* obsolete20 = "policyloc:obsolete";
inline constexpr const char* obsolete_group_id = "policyloc-obsolete";

// ---- Reading the DOM (xliff_common.cpp)

// The name without its namespace prefix ("mda:meta" -> "meta").
std::string_view local_name(const char* qualified);
bool is_element(const pugi::xml_node& n, std::string_view local);
// The first child element with that local name, or an empty node.
pugi::xml_node first_child(const pugi::xml_node& n, std::string_view local);
// An attribute's value; empty when absent.
std::string attr(const pugi::xml_node& n, const char* name);
// All character data below a node (element content of <ph>, <bpt>, <sub> ...).
std::string all_text(const pugi::xml_node& n);

// PO flags from "a, b" text; a line number from its digits (0 for anything else).
std::vector<std::string> split_flags(const std::string& s);
int parse_line(const std::string& s);

// How deep elements may nest in a document that is read: real XLIFF nests a few levels of
// groups and inline codes; the reading of groups and inline content recurses.
inline constexpr size_t max_depth = 1000;
// The first element nested deeper than `limit` below `doc`, walked without recursion; an
// empty node when there is none.
pugi::xml_node deeper_than(const pugi::xml_node& doc, size_t limit);

// ---- Inline content (xliff_read_inline.cpp)

// Where one inline code element stands in a <source> or <target>: a standalone code (<ph>,
// <x/> ...) or one end of a pair of policyloc's formatting codes (id "m" + number: <bpt>/<ept>
// in 1.2, <pc> or <sc/>/<ec/> in 2.0), with the bytes of its original text.
struct CodeHit {
    enum class Role { standalone, open, close };
    std::string id; // the element's id (an <ec/>'s startRef)
    Role role = Role::standalone;
    size_t begin = 0;
    size_t end = 0;
    std::string kind; // a pair's markup_kind_name(), from ctype (1.2) or type/subType (2.0)
};

// How a pair of formatting codes names its kind: the ctype of <bpt> (1.2), the type and
// subType of <pc> and <sc/> (2.0).
const char* markup_ctype12(MarkupKind kind);
struct MarkupType20 {
    const char* type;
    const char* sub_type; // "" for none
};
MarkupType20 markup_type20(MarkupKind kind);

// The id of policyloc's pair number `n` (1-based), and the number of such an id (0 for any
// other id).
std::string pair_id(size_t n);
size_t pair_number(std::string_view id);

// Text of a <source> or <target> with its inline codes turned back into their original text.
// `codes` are the standalone codes (and foreign paired codes, as codes of their element's
// name); `hits` every code element, pairs included.
struct InlineText {
    std::string text;
    std::vector<InlineCode> codes;
    std::vector<CodeHit> hits;
};

// Reads the content of `n`. `data`: XLIFF 2.0 originalData (id -> text); `known`: code texts
// by id, filled from the source and used for target codes that carry no text of their own.
// With `record`, the codes are recorded (and their texts added to `known`); without, only the
// text is kept.
InlineText inline_text_read(const pugi::xml_node& n, bool v2,
                            const std::map<std::string, std::string>& data,
                            std::map<std::string, std::string>& known, bool record);

} // namespace policyloc::detail
