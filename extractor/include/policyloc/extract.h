// Extraction: a Markdown page -> its skeleton (literal byte ranges and slots) and a template
// catalog of translatable units. The skeleton is rebuilt from the source whenever it is
// needed (merge), never stored.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/date_expression.h"
#include "policyloc/diagnostic.h"
#include "policyloc/front_matter.h"

namespace policyloc {

class TextDateFinder;

// ICU's date patterns of each source locale, made on first need and reused by every extraction
// given them (a build's worker, one thread at a time): making them costs more than cutting a
// small page.
class DateFinders {
  public:
    DateFinders();
    ~DateFinders();
    DateFinders(const DateFinders&) = delete;
    DateFinders& operator=(const DateFinders&) = delete;
    TextDateFinder& of(const std::string& source_locale);

  private:
    std::map<std::string, std::unique_ptr<TextDateFinder>> finders_;
};

struct ExtractOptions {
    std::string file_name;                      // used in references and diagnostics
    std::vector<std::string> front_matter_keys; // empty: front_matter_default_keys()
    // BCP 47: the language the page is written in; its written dates become date slots.
    std::string source_locale = "en";
    // The shortcode parameters whose values are translatable ("alert.text", "*.title");
    // nothing: shortcode_params_default().
    std::optional<std::vector<std::string>> shortcode_params;
    // false: only the skeleton is wanted (a merge); ExtractResult::catalog stays empty, which
    // spares the memory and time of a template the caller would throw away.
    bool build_template = true;
    // Null: the extraction makes its own (see DateFinders).
    DateFinders* date_finders = nullptr;
};

// What of `options` decides how a page is cut (its source locale, front-matter keys and
// shortcode parameters), as a string: options with equal keys cut a page into the same
// skeleton. The file name, the template and the date finders are left out.
std::string extract_options_key(const ExtractOptions& options);

// The front-matter keys a catalog's units came from: the paths their notes name ("Front
// matter: params.lead", array elements as their array) and the X-Policyloc-Keys header field.
// A merge adds these to the defaults so that what was extracted is what is merged.
std::vector<std::string> front_matter_keys_of_catalog(const Catalog& catalog);

// `extra` added to the defaults (--keys), or `extra` alone when `only` (--keys-only). Keys select
// fields without regard to case, so each is listed once ("linktitle" adds nothing to
// "linkTitle").
std::vector<std::string> front_matter_keys_with(const std::vector<std::string>& extra, bool only);

// The header field that records non-default keys in a template ("title,description,lead").
inline constexpr const char* kKeysHeaderField = "X-Policyloc-Keys";

// A template action that writes a date ("{{ .Lastmod.Format "January 2, 2006" }}"): the merge
// renders it per locale.
// A date written as text in the source language ("July 31, 2025") has a placeholder instead
// ("{date}"): `text` is the placeholder and `written` the date.
struct WrittenDate {
    double when = 0;  // ms since the epoch: midnight UTC of the day
    std::string text; // as the page writes it
};

struct DateAction {
    std::string text; // the action as written, or the placeholder of a written date
    DateExpression expression;
    std::optional<WrittenDate> written;
};

// The byte range of the page a slot replaces, and where it starts.
struct SlotSpan {
    size_t begin = 0;
    size_t end = 0;
    int line = 0; // 1-based line and column of begin in the page
    int column = 0;
};

// A translatable block of the body (heading, paragraph, list item, table cell, ...).
struct UnitSlot {
    SlotSpan span;
    std::optional<std::string> context; // the catalog key: (context, source)
    std::string source;
    std::string block_kind;         // "paragraph", "heading 2", "list item", "table cell", ...
    std::vector<InlineCode> codes;  // protected spans of `source`
    std::vector<MarkupPair> markup; // its inline formatting, for XLIFF's paired codes
    std::vector<DateAction> dates;  // date actions inside the unit
    std::string prefix;             // written before each continuation line ("  ", "> ")
    size_t first_line_columns = 0;  // display columns before the unit on its first line
    size_t wrap_width = 0;          // 0: the source was one line; else wrap at this width
    bool hard_breaks = false;       // the source has hard line breaks ("\n" in `source`)
    bool starts_line = true;        // the unit is the first thing on its line
    bool table_cell = false;
    bool heading = false;
    bool setext_heading = false;
    bool one_line = false; // a definition term: a second line would make it two terms
};

// A translatable front-matter value.
struct FieldSlot {
    SlotSpan span;
    std::optional<std::string> context;
    std::string source;
    FrontMatterField field;
};

// A date action outside any unit (in a block with nothing else to translate).
struct DateSlot {
    SlotSpan span;
    DateAction date;
};

// A part of the page the merge fills; everything between slots is copied byte for byte.
using Slot = std::variant<UnitSlot, FieldSlot, DateSlot>;

inline const SlotSpan& slot_span(const Slot& slot) {
    return std::visit([](const auto& s) -> const SlotSpan& { return s.span; }, slot);
}

// One block of a parsed page, for comparing block trees: its nesting depth, node kind and the
// attributes that make structure (heading level, list kind and tightness, table columns).
struct BlockInfo {
    std::string signature;
    int line = 0;     // 1-based line in the page
    int end_line = 0; // its last line (0: cmark-gfm gave none)
};

// The block tree of Markdown text, parsed with the same cmark-gfm extensions as extraction.
// `first_line` is the page line of the text's first line.
std::vector<BlockInfo> markdown_block_tree(std::string_view markdown, int first_line = 1);

// Markdown rendered as HTML by cmark-gfm with the same extensions (for previews).
std::string markdown_render_html(std::string_view markdown);

struct Skeleton {
    std::string file;
    std::string newline = "\n"; // the page's line ending
    std::string source_locale;  // ExtractOptions::source_locale: the language of written dates
    FrontMatter front_matter;
    std::vector<Slot> slots;       // in page order, not overlapping
    size_t body_begin = 0;         // first byte of the Markdown body (after front matter)
    std::vector<BlockInfo> blocks; // the source's block tree
    // Per slot, the source words (ICU word breaks) of a unit or field slot, when a caller that
    // merges the page into many locales counted them once (skeleton_count_words in merge.h);
    // empty: each merge counts them.
    std::vector<size_t> source_words;
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
// The same, taking the units' texts over instead of copying them.
void catalog_append(Catalog& into, Catalog&& page_template);

} // namespace policyloc
