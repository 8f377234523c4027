// The message-catalog model: units of translatable text and the catalog that holds them.
// Knows nothing of Markdown, PO or XLIFF syntax; the codecs declared in catalog_io.h (PO in
// po.cpp, XLIFF in xliff_read.cpp and xliff_write.cpp) read and write it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policyloc {

// Ordered from least to most finished.
enum class UnitState { untranslated, fuzzy, translated, reviewed, final_state };

const char* unit_state_name(UnitState s); // "untranslated", "fuzzy", ...

// Where a unit comes from: file and the line the unit starts on (gettext's "#: file:line").
struct Reference {
    std::string file;
    int line = 0; // 0 when the catalog gave no line
    bool operator==(const Reference&) const = default;
};

// What an inline code protects. code_kind_name() gives the name translators see, in the
// placeholder list of PO notes ("{N} KIND: TEXT") and of XLIFF developer notes;
// code_kind_from_name() reads it back. `other` is last.
enum class CodeKind {
    code_span,          // "code span": `code`
    html,               // "HTML": a raw inline HTML tag
    autolink,           // "autolink": <https://...> or a bare URL
    link_destination,   // "link destination": (url "title") of an inline link
    image_destination,  // "image destination": the same of an image
    link_reference,     // "link reference": [label] of a reference link
    footnote_reference, // "footnote reference": [^1]
    template_action,    // "template action": {{ ... }}
    date,               // "date, written per locale": a template action that prints a date
    shortcode,          // "shortcode": {{< ... >}} or {{% ... %}}
    attribute,          // "attribute": {#id .class key=value} or a kramdown IAL {: ...}
    liquid_tag,         // "Liquid tag": {% ... %} of a Jekyll site
    other,              // "other": a kind policyloc does not know (see InlineCode)
};

const char* code_kind_name(CodeKind kind);
// The kind with that name; `other` for a name that is none of the known kinds' names.
CodeKind code_kind_from_name(std::string_view name);

// A protected byte range [begin, end) of a unit's source: text translators must keep as it
// is (template action, shortcode, code span, raw HTML, autolink, link destination...).
// In PO these are listed in an extracted comment; in XLIFF they become inline codes.
//
// A catalog may name a kind policyloc does not know: an XLIFF 1.2 ctype or element name
// ("bold", "x", "bpt"), an XLIFF 2.0 element name ("pc"), a name in a placeholder list that
// another tool or a person wrote. Such a code is CodeKind::other and keeps the name in
// `other_name`, so it is written back exactly as it was read. `other_name` is empty for every
// known kind: inline_code_named() keeps that rule.
struct InlineCode {
    size_t begin = 0;
    size_t end = 0;
    CodeKind kind = CodeKind::other;
    std::string other_name; // the name of a CodeKind::other code; empty for known kinds
    bool operator==(const InlineCode&) const = default;
    // The name translators see: code_kind_name(kind), or other_name for CodeKind::other.
    std::string_view kind_name() const;
};

// A code of the kind named `kind_name`, known or not.
InlineCode inline_code_named(size_t begin, size_t end, std::string_view kind_name);

// Inline formatting that XLIFF carries as paired codes: emphasis, strong, strikethrough, links
// and images. markup_kind_name() gives "emphasis", "strong", "strikethrough", "link", "image".
enum class MarkupKind { emphasis, strong, strikethrough, link, image };

const char* markup_kind_name(MarkupKind kind);
// The kind with that name; nullopt for any other name.
std::optional<MarkupKind> markup_kind_from_name(std::string_view name);

// One pair of codes around a run of text: [open_begin, open_end) holds the opening delimiters
// ("**", "[", "![") and [close_begin, close_end) the closing ones with any destination or label
// ("**", "](https://example.com \"Title\")", "][label]"). Pairs of a text nest: an inner pair
// lies between the delimiters of its outer one.
struct MarkupPair {
    size_t open_begin = 0;
    size_t open_end = 0;
    size_t close_begin = 0;
    size_t close_end = 0;
    MarkupKind kind = MarkupKind::emphasis;
    bool operator==(const MarkupPair&) const = default;
};

struct Unit {
    std::optional<std::string> context; // msgctxt
    std::string source;                 // msgid
    std::string target;                 // msgstr
    UnitState state = UnitState::untranslated;
    std::string notes;    // for translators, from the extractor ("#." in PO); lines split by '\n'
    std::string comments; // translator comments ("# " in PO)
    std::vector<Reference> refs;
    std::vector<std::string> flags; // flags other than fuzzy ("c-format", "no-wrap", ...)
    std::optional<std::string> previous_context; // "#| msgctxt" of a fuzzy unit
    std::optional<std::string> previous_source;  // "#| msgid" of a fuzzy unit
    bool obsolete = false;
    std::vector<InlineCode> codes; // sorted by begin, not overlapping
    // The source's inline formatting, written to XLIFF as paired codes (PO keeps the Markdown
    // text as it is): sorted by open_begin. A code of `codes` may lie inside a pair's delimiters
    // (the destination of a link); no code straddles one.
    std::vector<MarkupPair> markup;
    // Where the same pairs are in the target: target_markup[i] is markup[i]'s, in any order
    // (translators move formatting). Empty when not known; then XLIFF writes the target without
    // paired codes.
    std::vector<MarkupPair> target_markup;
    // Line of the unit's entry in the catalog file it was read from (PO: its "msgid" line;
    // XLIFF: its <trans-unit> or <unit> tag); 0 when not read from a file. Never written.
    int catalog_line = 0;
    // The unit's id in the XLIFF file it was read from (trans-unit, unit or plural group id):
    // id() when the file was written from this (context, source), another id when someone
    // edited the source since; empty for PO. Never written.
    std::string catalog_id;

    // Plural entries are never produced by policyloc but kept when a file has them.
    std::optional<std::string> source_plural;
    std::vector<std::string> plural_targets;

    // Stable id derived from (context, source) only: "u" + 16 hex digits.
    std::string id() const;
    // A target that may be used: state translated or better and a non-empty target.
    bool has_usable_target() const;
};

// A catalog: header plus units in document order, indexed by (context, source).
class Catalog {
  public:
    std::string source_lang = "en"; // BCP 47
    std::string target_lang;        // BCP 47; empty for a template
    // PO header fields in order (Project-Id-Version, Language, Plural-Forms, ...).
    std::vector<std::pair<std::string, std::string>> header;
    std::string header_comment; // translator comment above the header entry
    bool header_fuzzy = false;  // a POT's header is fuzzy
    std::string original;       // source document name (XLIFF <file original>)

    const std::vector<Unit>& units() const { return units_; }
    std::vector<Unit>& units() { return units_; } // call reindex() after changing keys
    size_t size() const { return units_.size(); }

    // Adds a unit; if one with the same (context, source) and obsolete flag exists, the
    // references of `u` it lacks are appended to it instead. Returns the unit in the catalog.
    Unit& add(Unit u);
    const Unit* find(const std::optional<std::string>& context, std::string_view source) const;
    Unit* find(const std::optional<std::string>& context, std::string_view source);
    void reindex();

    std::optional<std::string> header_field(std::string_view name) const;
    void set_header_field(const std::string& name, const std::string& value);

  private:
    // Positions of the non-obsolete units by the hash of their key (unit_key_hash): the key
    // itself stays in the unit, so a catalog holds each source text once.
    std::vector<Unit> units_;
    std::unordered_multimap<std::uint64_t, size_t> index_;
    size_t position(const std::optional<std::string>& context, std::string_view source) const;
};

// Key used for indexing: context + '\x04' + source (gettext's convention), or source alone.
std::string unit_key(const std::optional<std::string>& context, std::string_view source);
// A hash of unit_key(context, source), computed without building the key.
std::uint64_t unit_key_hash(const std::optional<std::string>& context, std::string_view source);
// The stable unit id of (context, source), as Unit::id() gives it.
std::string unit_id(const std::optional<std::string>& context, std::string_view source);

// BCP 47 ("pt-BR") <-> gettext ("pt_BR"). gettext names Chinese by region (zh-Hans <-> zh_CN,
// zh-Hant <-> zh_TW) and writes Latin and Cyrillic script subtags as @latin and @cyrillic
// (sr-Latn-RS <-> sr_RS@latin).
std::string locale_to_gettext(std::string_view bcp47);
std::string locale_to_bcp47(std::string_view gettext_locale);

} // namespace policyloc
