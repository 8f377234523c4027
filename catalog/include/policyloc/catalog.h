// The message-catalog model: units of translatable text and the catalog that holds them.
// Knows nothing of Markdown, PO or XLIFF syntax; the codecs in po.h and xliff.h read and
// write it.
#pragma once

#include <cstddef>
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

// A protected byte range [begin, end) of a unit's source: text translators must keep as it
// is (template action, shortcode, code span, raw HTML, autolink, link destination...).
// In PO these are listed in an extracted comment; in XLIFF they become inline codes.
struct InlineCode {
    size_t begin = 0;
    size_t end = 0;
    std::string kind; // human-readable, e.g. "code span", "date, written per locale"
    bool operator==(const InlineCode&) const = default;
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
    // Line of the unit's entry in the catalog file it was read from (PO: its "msgid" line;
    // XLIFF: its <trans-unit> or <unit> tag); 0 when not read from a file. Never written.
    int catalog_line = 0;

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
    // references of `u` are appended to it instead. Returns the unit in the catalog.
    Unit& add(Unit u);
    const Unit* find(const std::optional<std::string>& context, std::string_view source) const;
    Unit* find(const std::optional<std::string>& context, std::string_view source);
    void reindex();

    std::optional<std::string> header_field(std::string_view name) const;
    void set_header_field(const std::string& name, const std::string& value);

  private:
    std::vector<Unit> units_;
    std::unordered_map<std::string, size_t> index_; // key -> position (non-obsolete units)
};

// Key used for indexing: context + '\x04' + source (gettext's convention), or source alone.
std::string unit_key(const std::optional<std::string>& context, std::string_view source);
// The stable unit id of (context, source), as Unit::id() gives it.
std::string unit_id(const std::optional<std::string>& context, std::string_view source);

// BCP 47 ("pt-BR") <-> gettext ("pt_BR"). gettext names Chinese by region (zh-Hans <-> zh_CN,
// zh-Hant <-> zh_TW) and writes Latin and Cyrillic script subtags as @latin and @cyrillic
// (sr-Latn-RS <-> sr_RS@latin).
std::string locale_to_gettext(std::string_view bcp47);
std::string locale_to_bcp47(std::string_view gettext_locale);

} // namespace policyloc
