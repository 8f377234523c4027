// Markdown segmentation: cmark-gfm finds the blocks; unit text is cut from the source bytes at
// the block positions cmark-gfm reports, and protected spans are located in those bytes in the
// order cmark-gfm's inline tree lists them.
#include "policyloc/extract.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include <cmark-gfm-core-extensions.h>

#include "attributes.h"
#include "definition_list.h"
#include "directives.h"
#include "liquid.h"
#include "markdown_util.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/shortcode_params.h"
#include "protected_spans.h"
#include "table_columns.h"
#include "text_dates.h"
#include "translate_links.h"
#include "verbatim_regions.h"

namespace policyloc {

namespace {

class Extractor {
  public:
    Extractor(std::string_view page, const ExtractOptions& options)
        : page_(page), options_(options), lines_(page), own_dates_(options.source_locale),
          dates_(options.date_finders ? options.date_finders->of(options.source_locale)
                                      : own_dates_),
          shortcode_params_(options.shortcode_params.value_or(shortcode_params_default())) {}

    ExtractResult run();

  private:
    std::string_view page_;
    const ExtractOptions& options_;
    LineIndex lines_;
    ExtractResult result_;
    int body_first_line_ = 1; // page line of the body's first line
    size_t body_begin_ = 0;
    std::optional<VerbatimRegions> verbatim_regions_;

    std::vector<std::pair<int, std::string>> headings_; // (level, text)
    std::optional<std::string> pending_context_;
    std::string pending_note_;
    bool pending_skip_ = false;
    bool skip_region_ = false;
    std::optional<std::string> pending_skip_column_; // "skip-column N" for the next table
    int pending_skip_column_line_ = 0;
    cmark_node* skip_table_ = nullptr;
    int skip_column_ = 0;
    cmark_node* skipping_node_ = nullptr;
    NextBlockScope skip_dates_;      // "skip-dates": no written dates in the next block
    NextBlockScope translate_links_; // "translate-links": its link destinations are text
    TextDateFinder own_dates_;
    TextDateFinder& dates_; // own_dates_, or the options' finder of the source locale
    std::vector<std::string> shortcode_params_;

    // A unit's references stop at kMaxReferences (gettext's tools compare each new reference
    // with every earlier one: a text repeated 100,000 times would take minutes); the unit's
    // index -> how many more times the page repeats it, said in its notes.
    static constexpr size_t kMaxReferences = 100;
    std::map<size_t, size_t> unreferenced_;

    // Multi-line paragraph slots whose wrap width is set once the page width is known.
    std::vector<size_t> wrapped_slots_;
    size_t page_wrap_width_ = 0;

    // cmark-gfm counts the columns of the body's first line from the body's first byte, which
    // lies after a byte order mark when the page has one and no front matter.
    int first_line_shift(int cmark_line) const {
        if (cmark_line != 1) return 0;
        return static_cast<int>(body_begin_ - lines_.line_begin(body_first_line_));
    }
    size_t offset(int cmark_line, int cmark_column) const {
        return lines_.offset(body_first_line_ + cmark_line - 1,
                             cmark_column + first_line_shift(cmark_line));
    }
    size_t raw_offset(int cmark_line, int cmark_column) const {
        return std::min(
            lines_.line_begin(body_first_line_ + cmark_line - 1) +
                static_cast<size_t>(std::max(cmark_column, 1) - 1 + first_line_shift(cmark_line)),
            page_.size());
    }
    std::string file() const { return options_.file_name; }

    void extract_front_matter(const FrontMatter& fm);
    bool in_verbatim_region(size_t pos) const { return verbatim_regions_->contains(pos); }
    void walk(cmark_node* document);
    void handle_directive(cmark_node* html_block);
    void take_skip_column(cmark_node* node);
    void text_block(cmark_node* node);
    bool definition_list(cmark_node* node);
    void block_unit(cmark_node* node, UnitSlot slot, BlockText bt, bool cell);
    std::optional<BlockText> cut_block(cmark_node* node, UnitSlot& slot);
    int last_text_line(int first, int last, int quote_depth) const;
    bool table_interrupted_position(cmark_node* node, int& start_line, int& start_col,
                                    int& end_line) const;
    void add_date_slots(const BlockText& bt, const std::vector<DateAction>& dates);
    void reset_pending();
    std::string heading_path(int below_level) const;
    // `below_level`: the slot's section is the headings above this level (heading_path).
    void add_unit_slot(UnitSlot slot, int below_level);
    void template_add(const UnitSlot& slot, int below_level);
    SlotSpan span_at(size_t begin, size_t end) const {
        SlotSpan s;
        s.begin = begin;
        s.end = end;
        s.line = lines_.line_of(begin);
        s.column = static_cast<int>(begin - lines_.line_begin(s.line)) + 1;
        return s;
    }
};

ExtractResult Extractor::run() {
    result_.skeleton.file = options_.file_name;
    result_.skeleton.newline = detect_newline(page_);
    result_.skeleton.source_locale = options_.source_locale;
    if (auto bad = utf8_check(page_, options_.file_name)) {
        result_.diagnostics.push_back(*bad);
        return std::move(result_);
    }
    // A catalog's strings end at a NUL byte: the unit would be cut short there.
    if (size_t nul = page_.find('\0'); nul != std::string_view::npos) {
        TextPosition at = lines_.at(nul);
        result_.diagnostics.push_back({Severity::error, options_.file_name, at.line, at.column,
                                       _("NUL byte in the page (a catalog cannot hold it)")});
        return std::move(result_);
    }
    std::vector<std::string> keys = options_.front_matter_keys.empty() ? front_matter_default_keys()
                                                                       : options_.front_matter_keys;
    FrontMatterResult fm = front_matter_parse(page_, options_.file_name, keys);
    for (auto& d : fm.diagnostics) result_.diagnostics.push_back(d);
    if (diagnostics_have_error(fm.diagnostics)) return std::move(result_);
    result_.skeleton.front_matter = fm.front_matter;
    body_begin_ =
        fm.front_matter.syntax == FrontMatterSyntax::none ? bom_length(page_) : fm.front_matter.end;
    body_first_line_ = lines_.line_of(body_begin_);
    extract_front_matter(fm.front_matter);
    std::string_view body = page_.substr(body_begin_);
    verbatim_regions_.emplace(body, body_begin_);
    CmarkDocument doc(body);
    // About one slot and one unit per text block: reserved at once, not doubled while the
    // page's largest structures are alive.
    size_t blocks = text_block_count(doc.root);
    result_.skeleton.slots.reserve(result_.skeleton.slots.size() + blocks);
    if (options_.build_template) result_.catalog.units().reserve(result_.catalog.size() + blocks);
    walk(doc.root);
    result_.skeleton.body_begin = body_begin_;
    result_.skeleton.blocks = block_tree_of(doc.root, body_first_line_, body);

    for (const auto& [unit, more] : unreferenced_)
        result_.catalog.units()[unit].notes +=
            "\nRepeated " + std::to_string(more) + " more times in " + options_.file_name +
            " (references list the first " + std::to_string(kMaxReferences) + ")";
    for (size_t i : wrapped_slots_)
        std::get<UnitSlot>(result_.skeleton.slots[i]).wrap_width = page_wrap_width_;
    auto by_begin = [](const Slot& a, const Slot& b) {
        return slot_span(a).begin < slot_span(b).begin;
    };
    // Mostly in order already; stable_sort would copy half the slots to sort nothing.
    if (!std::is_sorted(result_.skeleton.slots.begin(), result_.skeleton.slots.end(), by_begin))
        std::stable_sort(result_.skeleton.slots.begin(), result_.skeleton.slots.end(), by_begin);
    return std::move(result_);
}

void Extractor::extract_front_matter(const FrontMatter& fm) {
    for (const FrontMatterField& f : fm.selected) {
        if (!has_letter_or_digit(f.value, {})) continue;
        FieldSlot s;
        s.span = {f.begin, f.end, f.line, f.column};
        s.source = f.value;
        s.field = f;
        if (options_.build_template) {
            Unit u;
            u.source = f.value;
            u.notes = "Front matter: " + f.path;
            u.refs.push_back({options_.file_name, f.line});
            result_.catalog.add(std::move(u));
        }
        result_.skeleton.slots.emplace_back(std::move(s));
    }
}

void Extractor::walk(cmark_node* document) {
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document),
                                                                 cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) continue;
        if (ev == CMARK_EVENT_EXIT) {
            if (node == skipping_node_) skipping_node_ = nullptr;
            skip_dates_.leave(node);
            translate_links_.leave(node);
            continue;
        }
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_DOCUMENT) continue;
        if (type == CMARK_NODE_HTML_BLOCK) {
            handle_directive(node);
            continue;
        }
        if (skipping_node_) continue; // inside a block a directive skips
        if (pending_skip_) {
            pending_skip_ = false;
            skipping_node_ = node;
            // Leaf-like blocks (paragraph, heading) still get an EXIT event, as they hold
            // inlines; thematic breaks and code blocks do not, and produce nothing anyway.
            if (type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK)
                skipping_node_ = nullptr;
            continue;
        }
        skip_dates_.enter(node);
        translate_links_.enter(node);
        if (pending_skip_column_) take_skip_column(node);
        if (skip_region_) continue;
        std::string type_name = cmark_node_get_type_string(node);
        if (type_name == "table_cell" &&
            cmark_node_parent(cmark_node_parent(node)) == skip_table_ &&
            table_column_of(node) == skip_column_)
            continue;
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type_name == "table_cell")
            text_block(node);
    }
}

void Extractor::handle_directive(cmark_node* html_block) {
    const char* literal = cmark_node_get_literal(html_block);
    if (!literal) return;
    auto d = parse_directive(literal);
    if (!d) return;
    int line = body_first_line_ + cmark_node_get_start_line(html_block) - 1;
    if (d->command == "skip") {
        pending_skip_ = true;
    } else if (d->command == "skip-begin") {
        skip_region_ = true;
    } else if (d->command == "skip-end") {
        skip_region_ = false;
    } else if (d->command == "skip-column") {
        pending_skip_column_ = d->argument;
        pending_skip_column_line_ = line;
    } else if (d->command == "skip-dates") {
        skip_dates_.arm();
    } else if (d->command == "translate-links") {
        translate_links_.arm();
    } else if (d->command == "context") {
        if (d->argument.empty())
            result_.diagnostics.push_back({Severity::warning, file(), line, 1,
                                           _("policyloc directive 'context' needs a name")});
        else
            pending_context_ = d->argument;
    } else if (d->command == "note") {
        if (!pending_note_.empty()) pending_note_ += '\n';
        pending_note_ += d->argument;
    } else {
        result_.diagnostics.push_back(
            {Severity::warning, file(), line, 1,
             i18n_format(_("unknown policyloc directive '%s' (known: %s)"), d->command.c_str(),
                         "skip, skip-begin, skip-end, skip-column, skip-dates, translate-links, "
                         "context, note")});
    }
}

// "skip-column N" (a number or a header cell's text) applies to the table right after it.
void Extractor::take_skip_column(cmark_node* node) {
    std::string spec = *std::exchange(pending_skip_column_, std::nullopt);
    std::optional<int> column;
    if (std::string_view(cmark_node_get_type_string(node)) == "table")
        column = table_column_named(node, spec);
    if (!column) {
        const char* m = _("policyloc directive '%s' names no column of a table right after it");
        result_.diagnostics.push_back({Severity::warning, file(), pending_skip_column_line_, 1,
                                       i18n_format(m, ("skip-column " + spec).c_str())});
        return;
    }
    skip_table_ = node;
    skip_column_ = *column;
}

std::string Extractor::heading_path(int below_level) const {
    std::string path;
    for (const auto& [level, text] : headings_) {
        if (level >= below_level) break;
        if (!path.empty()) path += " > ";
        path += text;
    }
    return path;
}

// cmark-gfm gives a paragraph that a table interrupts no position: it spans the lines from the
// table's first line to the line before the table's header row. False when it has none.
bool Extractor::table_interrupted_position(cmark_node* node, int& start_line, int& start_col,
                                           int& end_line) const {
    cmark_node* table = cmark_node_next(node);
    if (!table || std::string_view(cmark_node_get_type_string(table)) != "table") return false;
    cmark_node* header = cmark_node_first_child(table);
    cmark_node* first_cell = header ? cmark_node_first_child(header) : nullptr;
    if (!first_cell) return false;
    start_line = cmark_node_get_start_line(table);
    int header_line =
        lines_.line_of(raw_offset(start_line, cmark_node_get_start_column(first_cell)));
    end_line = header_line - body_first_line_; // body-relative line before the header
    if (end_line < start_line) return false;
    size_t b = std::max(lines_.line_begin(body_first_line_ + start_line - 1), body_begin_);
    while (b < page_.size() && is_space_or_tab(page_[b])) ++b;
    start_col = static_cast<int>(b - lines_.line_begin(body_first_line_ + start_line - 1)) + 1 -
                first_line_shift(start_line);
    return true;
}

// The text of a paragraph, heading or table cell, cut from the source bytes at the block's
// position; fills the slot's layout fields. Nothing for a block without text of its own.
std::optional<BlockText> Extractor::cut_block(cmark_node* node, UnitSlot& slot) {
    cmark_node_type type = cmark_node_get_type(node);
    const bool cell = type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING;
    int start_line = cmark_node_get_start_line(node);
    int start_col = cmark_node_get_start_column(node);
    int end_line = cmark_node_get_end_line(node);
    int end_col = cmark_node_get_end_column(node);
    if (start_line <= 0 && type == CMARK_NODE_PARAGRAPH &&
        !table_interrupted_position(node, start_line, start_col, end_line))
        return std::nullopt;
    if (start_line <= 0) return std::nullopt;

    int quote_depth = 0;
    cmark_node* parent = cmark_node_parent(node);
    for (cmark_node* a = parent; a; a = cmark_node_parent(a))
        if (cmark_node_get_type(a) == CMARK_NODE_BLOCK_QUOTE) ++quote_depth;

    if (cell) {
        // Cells of a header row that interrupts a paragraph are reported at columns that run
        // on past the table's first line; counted as bytes from that line they are right.
        size_t b = raw_offset(start_line, start_col);
        size_t e = raw_offset(end_line, end_col) + 1;
        e = std::min(e, lines_.line_end(lines_.line_of(b)));
        slot.table_cell = true;
        slot.starts_line = false;
        cmark_node* row = cmark_node_parent(node);
        slot.block_kind = row && cmark_gfm_extensions_get_table_row_is_header(row)
                              ? "table header cell"
                              : "table cell";
        return cut_single_line(page_, b, e);
    }
    if (type == CMARK_NODE_HEADING) {
        slot.heading = true;
        slot.block_kind = "heading " + std::to_string(cmark_node_get_heading_level(node));
        if (start_line == end_line) {
            slot.starts_line = false;
            return cut_atx_heading(page_, offset(start_line, start_col),
                                   lines_.line_end(body_first_line_ + start_line - 1));
        }
        // cmark-gfm's end position of a setext heading may lie past its underline: the
        // content ends at the first following line that is an underline.
        int first = body_first_line_ + start_line - 1;
        int underline = first + 1;
        while (underline < body_first_line_ + end_line - 1 &&
               !is_setext_underline(page_, lines_, underline, quote_depth))
            ++underline;
        slot.setext_heading = true;
        return cut_lines(page_, lines_, first, offset(start_line, start_col), underline - 1,
                         quote_depth);
    }
    cmark_node_type ptype = parent ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
    std::string pname = parent ? cmark_node_get_type_string(parent) : "";
    if ((ptype == CMARK_NODE_ITEM || pname == "tasklist") && cmark_node_first_child(parent) == node)
        slot.block_kind = "list item";
    else if (ptype == CMARK_NODE_ITEM || pname == "tasklist")
        slot.block_kind = "paragraph in a list item";
    else if (ptype == CMARK_NODE_BLOCK_QUOTE)
        slot.block_kind = "paragraph in a block quote";
    else if (ptype == CMARK_NODE_FOOTNOTE_DEFINITION)
        slot.block_kind = "footnote";
    else
        slot.block_kind = "paragraph";
    return cut_lines(page_, lines_, body_first_line_ + start_line - 1,
                     offset(start_line, start_col),
                     last_text_line(body_first_line_ + start_line - 1,
                                    body_first_line_ + end_line - 1, quote_depth),
                     quote_depth);
}

// The last line of a paragraph's text: a last line that is nothing but an attribute list
// (a kramdown IAL "{: .note}" or a Goldmark block attribute) applies to the block and stays
// in the skeleton.
int Extractor::last_text_line(int first, int last, int quote_depth) const {
    if (last <= first) return last;
    size_t b = lines_.line_begin(last);
    size_t e = lines_.line_end(last);
    b = skip_container_prefix(page_, b, e, quote_depth);
    return is_attribute_list(page_.substr(b, e - b)) ? last - 1 : last;
}

// Date actions of a block with nothing to translate are still rendered per locale.
void Extractor::add_date_slots(const BlockText& bt, const std::vector<DateAction>& dates) {
    size_t from = 0;
    for (const DateAction& d : dates) {
        // A written date's slot covers the date as the page writes it.
        const std::string& text = d.written ? d.written->text : d.text;
        size_t at = page_.substr(bt.begin, bt.end - bt.begin).find(text, from);
        if (at == std::string_view::npos) continue;
        from = at + text.size();
        DateSlot ds;
        ds.span = span_at(bt.begin + at, bt.begin + at + text.size());
        ds.date = d;
        ds.date.text = text;
        result_.skeleton.slots.emplace_back(std::move(ds));
    }
}

void Extractor::reset_pending() {
    pending_note_.clear();
    pending_context_.reset();
}

// A paragraph that is a definition list gives a unit per term and per definition; false for
// any other block.
bool Extractor::definition_list(cmark_node* node) {
    int start = cmark_node_get_start_line(node);
    if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH || start <= 0) return false;
    int quote_depth = 0;
    for (cmark_node* a = cmark_node_parent(node); a; a = cmark_node_parent(a))
        if (cmark_node_get_type(a) == CMARK_NODE_BLOCK_QUOTE) ++quote_depth;
    cmark_node* prev = cmark_node_previous(node);
    int first = body_first_line_ + start - 1;
    int last =
        last_text_line(first, body_first_line_ + cmark_node_get_end_line(node) - 1, quote_depth);
    std::vector<DefinitionPart> parts = definition_list_parts(
        page_, lines_, first, offset(start, cmark_node_get_start_column(node)), last, quote_depth,
        prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH);
    if (parts.empty()) return false;
    for (const DefinitionPart& part : parts) {
        UnitSlot slot;
        slot.block_kind = part.term ? "definition term" : "definition";
        slot.one_line = part.term;
        BlockText bt =
            cut_lines(page_, lines_, part.first_line, part.begin, part.last_line, quote_depth);
        // The part's own inlines: cmark-gfm parses its text alone.
        CmarkDocument inlines(bt.text);
        block_unit(inlines.root, std::move(slot), std::move(bt), false);
    }
    return true;
}

void Extractor::text_block(cmark_node* node) {
    const bool cell = cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH &&
                      cmark_node_get_type(node) != CMARK_NODE_HEADING;
    if (definition_list(node)) return;
    UnitSlot slot;
    std::optional<BlockText> cut = cut_block(node, slot);
    if (!cut) return;
    block_unit(node, std::move(slot), std::move(*cut), cell);
}

// The unit of a block's text (`node` holds its inlines), unless it has nothing to translate.
void Extractor::block_unit(cmark_node* node, UnitSlot slot, BlockText bt, bool cell) {
    if (slot.heading) {
        drop_trailing_attribute_list(page_, bt);
        int level = cmark_node_get_heading_level(node);
        while (!headings_.empty() && headings_.back().first >= level) headings_.pop_back();
        headings_.emplace_back(level, bt.text);
    }
    if (bt.end <= bt.begin || in_verbatim_region(bt.begin)) return;
    // cmark-gfm gives cells that a short row lacks positions of their own; such a cell, or
    // any block whose range overlaps the previous slot's, holds no text of its own.
    if (cell && !cmark_node_first_child(node)) return;
    if (cell && !result_.skeleton.slots.empty() &&
        bt.begin < slot_span(result_.skeleton.slots.back()).end)
        return;

    slot.span = span_at(bt.begin, bt.end);
    slot.hard_breaks = bt.hard_breaks;
    std::string_view first_prefix = page_.substr(lines_.line_begin(slot.span.line),
                                                 bt.begin - lines_.line_begin(slot.span.line));
    slot.first_line_columns = text_columns(first_prefix);
    slot.prefix =
        bt.second_line_prefix ? *bt.second_line_prefix : continuation_prefix(first_prefix);

    SpanScan spans = find_protected_spans(bt.text, node, shortcode_params_);
    for (const InlineCode& c : spans.codes) {
        if (c.kind != CodeKind::date) continue;
        std::string action = spans.text.substr(c.begin, c.end - c.begin);
        if (auto expr = date_expression_parse(action)) slot.dates.push_back({action, *expr, {}});
    }
    if (translate_links_.active() && unprotect_link_destinations(spans))
        pending_note_ += std::string(pending_note_.empty() ? "" : "\n") + kTranslateLinksNote;
    if (spans.shortcode_values > 0)
        pending_note_ += std::string(pending_note_.empty() ? "" : "\n") + kShortcodeValuesNote;
    if (!skip_dates_.active())
        for (DateAction& d : text_dates_replace(spans, dates_)) slot.dates.push_back(std::move(d));
    bt.text = std::move(spans.text);
    slot.source = bt.text;
    slot.codes = spans.codes;
    slot.markup = std::move(spans.markup);

    if (!has_letter_or_digit(bt.text, slot.codes)) {
        add_date_slots(bt, slot.dates);
        reset_pending();
        return;
    }

    // A page that hard-wraps its paragraphs wraps them all at one width (the widest line that
    // ends in a soft break, definitions aside); translations of any paragraph are wrapped at it.
    if (!slot.block_kind.starts_with("definition"))
        for (size_t w : bt.wrapped_line_widths) page_wrap_width_ = std::max(page_wrap_width_, w);
    // A term is one line: wrapped, it would be two terms.
    if (!slot.heading && !slot.table_cell && !slot.one_line)
        wrapped_slots_.push_back(result_.skeleton.slots.size());
    // A heading's path is the headings above it, not the heading itself.
    int below = slot.heading ? cmark_node_get_heading_level(node) : 7;
    add_unit_slot(std::move(slot), below);
}

void Extractor::add_unit_slot(UnitSlot slot, int below_level) {
    slot.context = std::move(pending_context_);
    pending_context_.reset();
    if (options_.build_template) template_add(slot, below_level);
    pending_note_.clear();
    result_.skeleton.slots.emplace_back(std::move(slot));
}

void Extractor::template_add(const UnitSlot& slot, int below_level) {
    Reference ref{options_.file_name, slot.span.line};
    // A text the page repeats is one unit with a reference per line; slots come in page
    // order, so only the last reference can be the same line (in time linear in the repeats).
    if (Unit* existing = result_.catalog.find(slot.context, slot.source)) {
        if (existing->refs.size() >= kMaxReferences)
            ++unreferenced_[static_cast<size_t>(existing - result_.catalog.units().data())];
        else if (existing->refs.empty() || !(existing->refs.back() == ref))
            existing->refs.push_back(std::move(ref));
        return;
    }
    Unit u;
    u.context = slot.context;
    u.source = slot.source;
    u.codes = slot.codes;
    u.markup = slot.markup;
    u.notes = "Type: " + slot.block_kind;
    const std::string path = heading_path(below_level); // only for a unit's first occurrence
    if (!path.empty()) u.notes += "\nSection: " + path;
    if (!pending_note_.empty()) u.notes += "\n" + pending_note_;
    u.refs.push_back(std::move(ref));
    result_.catalog.add(std::move(u));
}

} // namespace

ExtractResult extract_page(std::string_view page, const ExtractOptions& options) {
    return Extractor(page, options).run();
}

} // namespace policyloc
