// Extraction: a Markdown page -> its skeleton (literal byte ranges and slots) and a template
// catalog of translatable units. The skeleton is rebuilt from the source whenever it is
// needed (merge), never stored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/date_expression.h"
#include "policyloc/diagnostic.h"
#include "policyloc/front_matter.h"

namespace policyloc {

struct ExtractOptions {
    std::string file_name;                      // used in references and diagnostics
    std::vector<std::string> front_matter_keys; // empty: front_matter_default_keys()
};

// A template action inside a unit (or inside a text block that has no unit) that writes a
// date: the merge renders it per locale.
struct DateSlot {
    std::string text; // the action as written, "{{ .Lastmod.Format "January 2, 2006" }}"
    DateExpression expression;
};

enum class SlotKind { unit, field, date };

// A part of the page the merge fills; everything between slots is copied byte for byte.
struct Slot {
    SlotKind kind = SlotKind::unit;
    size_t begin = 0; // byte range of the page the slot replaces
    size_t end = 0;
    int line = 0; // 1-based line and column of begin in the page
    int column = 0;

    // unit and field slots: the catalog key
    std::optional<std::string> context;
    std::string source;
    std::string block_kind; // "paragraph", "heading", "list item", "table cell", ...

    // unit slots
    std::vector<InlineCode> codes; // protected spans of `source`
    std::vector<DateSlot> dates;   // date actions inside the unit
    std::string prefix;            // written before each continuation line ("  ", "> ")
    size_t first_line_columns = 0; // display columns before the unit on its first line
    size_t wrap_width = 0;         // 0: the source was one line; else wrap at this width
    bool hard_breaks = false;      // the source has hard line breaks ("\n" in `source`)
    bool starts_line = true;       // the unit is the first thing on its line
    bool table_cell = false;
    bool heading = false;
    bool setext_heading = false;

    // field slots
    FrontMatterField field;

    // date slots outside units
    DateSlot date;
};

// One block of a parsed page, for comparing block trees: its nesting depth, node kind and the
// attributes that make structure (heading level, list kind and tightness, table columns).
struct BlockInfo {
    std::string signature;
    int line = 0; // 1-based line in the page
};

// The block tree of Markdown text, parsed with the same cmark-gfm extensions as extraction.
// `first_line` is the page line of the text's first line.
std::vector<BlockInfo> markdown_block_tree(std::string_view markdown, int first_line = 1);

struct Skeleton {
    std::string file;
    std::string newline = "\n"; // the page's line ending
    FrontMatter front_matter;
    std::vector<Slot> slots;       // in page order, not overlapping
    size_t body_begin = 0;         // first byte of the Markdown body (after front matter)
    std::vector<BlockInfo> blocks; // the source's block tree
};

struct ExtractResult {
    Skeleton skeleton;
    Catalog catalog; // template: units without targets, in page order
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

ExtractResult extract_page(std::string_view page, const ExtractOptions& options);

// Adds the units of `page_template` to `into` (one template for several pages): identical
// (context, source) pairs become one unit with the references of both.
void catalog_append(Catalog& into, const Catalog& page_template);

} // namespace policyloc
