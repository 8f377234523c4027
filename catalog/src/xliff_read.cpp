// XLIFF 1.2 and 2.0 reading over pugixml (the mapping is in xliff_common.h): the version from
// the root element, then files, units, plural groups, metadata and the PO header; the inline
// content of <source> and <target> is read by xliff_read_inline.cpp.
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entry_lines.h"
#include "inline_codes.h"
#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/plural_forms.h"
#include "xliff_codes.h"
#include "xliff_common.h"
#include "xliff_encoding.h"
#include "xliff_matches.h"
#include "xliff_states.h"

namespace policyloc {

namespace {

using detail::all_text;
using detail::attr;
using detail::first_child;
using detail::InlineText;
using detail::is_element;
using detail::local_name;
using detail::ns12;
using detail::ns20;
using detail::obsolete12;
using detail::obsolete20;
using detail::parse_line;
using detail::plurals12;
using detail::plurals20;
using detail::split_flags;

std::string join_lines(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + "\n" + b;
}

class Reader {
  public:
    Reader(const std::string& xml, const std::string& name, Diagnostics& diagnostics)
        : xml_(xml), name_(name), diagnostics_(diagnostics), lines_(xml) {}

    std::optional<Catalog> run() {
        pugi::xml_document doc;
        if (!load(doc)) return std::nullopt;
        pugi::xml_node root = doc.document_element();
        if (!read_version(root)) return std::nullopt;
        read_files(root);
        if (diagnostics_have_error(diagnostics_)) return std::nullopt;
        return std::move(cat_);
    }

  private:
    // ---- The document
    // Parses the document (already UTF-8: xliff_decode); false, with the error, for malformed
    // XML, a character reference to NUL or a surrogate, or a DOCTYPE.
    bool load(pugi::xml_document& doc) {
        pugi::xml_parse_result res =
            doc.load_buffer(xml_.data(), xml_.size(),
                            pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype |
                                pugi::parse_declaration,
                            pugi::encoding_utf8);
        if (!res) {
            error_at(static_cast<size_t>(std::max<ptrdiff_t>(0, res.offset)),
                     std::string(_("malformed XML: ")) + res.description());
            return false;
        }
        if (auto bad = detail::xliff_bad_char_ref(xml_, name_)) {
            diagnostics_.push_back(*bad);
            return false;
        }
        if (pugi::xml_node deep = detail::deeper_than(doc, detail::max_depth)) {
            error(deep, i18n_format(_("elements nested deeper than %zu levels; not read"),
                                    detail::max_depth));
            return false;
        }
        for (pugi::xml_node n : doc.children()) {
            if (n.type() == pugi::node_doctype) {
                error(n, _("a DOCTYPE (and with it entity declarations) is not accepted in XLIFF"));
                return false;
            }
        }
        return true;
    }

    // Sets v2_ from the root's version, or from its namespace when it names none; false, with
    // the error, for a root other than <xliff> or a version other than 1.x or 2.x.
    bool read_version(const pugi::xml_node& root) {
        if (!is_element(root, "xliff")) {
            error(root,
                  i18n_format(_("not an XLIFF document: the root element is <%s>"), root.name()));
            return false;
        }
        std::string version = attr(root, "version");
        if (version.empty()) {
            std::string_view qn = root.name();
            size_t colon = qn.find(':');
            std::string xmlns = colon == std::string_view::npos
                                    ? std::string("xmlns")
                                    : "xmlns:" + std::string(qn.substr(0, colon));
            std::string ns = attr(root, xmlns.c_str());
            if (ns == ns12)
                version = "1.2";
            else if (ns == ns20)
                version = "2.0";
        }
        if (version == "1.0" || version == "1.1" || version == "1.2") {
            v2_ = false;
        } else if (version == "2.0" || version == "2.1" || version == "2.2") {
            v2_ = true;
        } else {
            error(root, i18n_format(_("unsupported XLIFF version '%s' (1.2 and 2.0 are read)"),
                                    version.c_str()));
            return false;
        }
        return true;
    }

    // The languages (2.0: the root's; 1.2: the first file's), the first file's original, the
    // PO header of the first file (2.0) or of each file (1.2), and the units of every file.
    void read_files(const pugi::xml_node& root) {
        if (v2_) {
            if (auto s = attr(root, "srcLang"); !s.empty()) cat_.source_lang = s;
            cat_.target_lang = attr(root, "trgLang");
        }
        bool first_file = true;
        bool first_file_header = true;
        for (pugi::xml_node file : root.children()) {
            if (!is_element(file, "file")) continue;
            if (first_file) {
                cat_.original = attr(file, "original");
                if (!v2_) {
                    if (auto s = attr(file, "source-language"); !s.empty()) cat_.source_lang = s;
                    cat_.target_lang = attr(file, "target-language");
                }
                first_file = false;
            }
            if (v2_) {
                if (first_file_header) read_header20(file);
                first_file_header = false;
                read_container(file);
            } else if (pugi::xml_node body = first_child(file, "body")) {
                if (pugi::xml_node h = first_child(file, "header")) read_header12(h);
                read_container(body);
            } else {
                error(file, _("<file> without <body>"));
            }
        }
        if (first_file) warning(root, _("the document has no <file>"));
    }

    // ---- Diagnostics
    int line_of(const pugi::xml_node& n) const {
        return lines_.line_of(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())));
    }
    void error_at(size_t offset, std::string message, Severity sev = Severity::error) {
        TextPosition p = text_position(xml_, offset);
        diagnostics_.push_back({sev, name_, p.line, p.column, std::move(message)});
    }
    void error(const pugi::xml_node& n, std::string message) {
        error_at(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())), std::move(message));
    }
    // The line of a unit's tag, counted on from the previous unit's (they come in order).
    int line_of(const pugi::xml_node& n) {
        const size_t at =
            std::min(xml_.size(), static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())));
        if (at < line_offset_) line_offset_ = 0, line_ = 1;
        line_ += static_cast<int>(std::count(xml_.begin() + static_cast<ptrdiff_t>(line_offset_),
                                             xml_.begin() + static_cast<ptrdiff_t>(at), '\n'));
        line_offset_ = at;
        return line_;
    }
    void warning(const pugi::xml_node& n, std::string message) {
        error_at(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())), std::move(message),
                 Severity::warning);
    }

    // ---- Both versions
    // Text, codes and state of a <trans-unit> (1.2) or <unit> (2.0).
    struct Form {
        std::string source;
        std::vector<InlineCode> codes;
        std::string target;
        UnitState state = UnitState::untranslated;
        std::vector<detail::CodeHit> source_hits; // every code element, at its offset
        std::vector<detail::CodeHit> target_hits;
        bool has_target = false;
    };

    // A target whose codes are not the source's is not used: a warning, and the unit is fuzzy.
    void settle_pairs(const pugi::xml_node& n, const Form& f, Unit& u) {
        const std::string problem =
            detail::settle_pairs(u, f.source_hits, f.has_target ? &f.target_hits : nullptr);
        if (problem.empty() || u.state < UnitState::translated) return;
        // TRANSLATORS: the second %s is one of the "has code ..." messages.
        warning(n, i18n_format(_("unit %s: the target %s; it is taken as fuzzy and the page "
                                 "keeps the source text"),
                               attr(n, "id").c_str(), problem.c_str()));
        u.state = UnitState::fuzzy;
    }

    bool read_form(const pugi::xml_node& n, Form& f) {
        return v2_ ? read_form20(n, f) : read_form12(n, f);
    }

    // Metadata and notes of a unit or plural group. Without a msgctxt, a resname (1.2) or name
    // (2.0) other than the id is the context.
    void read_metadata(const pugi::xml_node& n, Unit& u, std::string& notes) {
        if (v2_)
            read_metadata20(n, u, notes);
        else
            read_metadata12(n, u, notes);
        if (u.context) return;
        const std::string name = attr(n, v2_ ? "name" : "resname");
        if (!name.empty() && name != attr(n, "id")) u.context = name;
    }

    bool is_unit(const pugi::xml_node& n) const {
        return is_element(n, v2_ ? "unit" : "trans-unit");
    }

    // The units and groups of a <body> (1.2), <file> (2.0) or <group>.
    void read_container(const pugi::xml_node& parent) {
        for (pugi::xml_node c : parent.children()) {
            if (is_unit(c)) {
                read_unit(c);
            } else if (is_element(c, "group")) {
                const std::string type = attr(c, v2_ ? "type" : "restype");
                if (type == (v2_ ? plurals20 : plurals12)) {
                    read_plural(c);
                } else if (type == (v2_ ? obsolete20 : obsolete12)) {
                    bool outer = in_obsolete_;
                    in_obsolete_ = true;
                    read_container(c);
                    in_obsolete_ = outer;
                } else {
                    read_container(c);
                }
            }
        }
    }

    void read_unit(const pugi::xml_node& n) {
        if (!v2_ && attr(n, "restype") == "x-gettext-domain-header") {
            read_po_header_unit(n);
            return;
        }
        Form f;
        if (!read_form(n, f)) return;
        Unit u;
        u.source = std::move(f.source);
        u.target = std::move(f.target);
        u.state = f.state;
        std::string notes;
        read_metadata(n, u, notes);
        settle_pairs(n, f, u);
        detail::settle_codes(u, notes, std::move(f.codes));
        u.obsolete = in_obsolete_;
        u.catalog_line = line_of(n);
        u.catalog_id = attr(n, "id");
        cat_.add(std::move(u));
    }

    // A plural group: one unit per form. In 1.2 the first form's metadata counts too.
    void read_plural(const pugi::xml_node& g) {
        Unit u;
        std::string notes;
        read_metadata(g, u, notes);
        std::vector<Form> forms;
        for (pugi::xml_node n : g.children()) {
            if (!is_unit(n)) continue;
            Form f;
            if (!read_form(n, f)) return;
            if (!v2_ && forms.empty()) {
                std::string form_notes;
                read_metadata12(n, u, form_notes);
                notes = join_lines(notes, form_notes);
            }
            forms.push_back(std::move(f));
        }
        if (forms.empty()) {
            error(g, _("plural group without units"));
            return;
        }
        u.source = forms[0].source;
        if (forms.size() > 1)
            u.source_plural = forms[1].source;
        else
            u.source_plural = forms[0].source;
        u.state = forms[0].state;
        bool any_target = false;
        // A language with fewer forms than the group's units (a one-form language still has
        // the plural source's unit): the untranslated units past its count are not forms.
        size_t used = forms.size();
        if (auto count = catalog_plural_count(cat_))
            while (used > static_cast<size_t>(*count) && forms[used - 1].target.empty()) --used;
        forms.resize(used);
        for (const Form& f : forms) {
            u.plural_targets.push_back(f.target);
            any_target = any_target || !f.target.empty();
            if (f.state < u.state) u.state = f.state;
        }
        if (!any_target) u.plural_targets.clear();
        u.target = forms[0].target;
        if (u.state == UnitState::untranslated && !u.target.empty()) u.state = UnitState::fuzzy;
        detail::settle_codes(u, notes, {});
        u.obsolete = in_obsolete_;
        u.catalog_line = line_of(g);
        u.catalog_id = attr(g, "id");
        cat_.add(std::move(u));
    }

    // ---- 1.2
    // context-groups, notes and alt-trans of a <trans-unit> or plural <group>.
    void read_metadata12(const pugi::xml_node& parent, Unit& u, std::string& notes) {
        for (pugi::xml_node c : parent.children()) {
            if (is_element(c, "context-group")) {
                Reference ref;
                bool has_file = false;
                for (pugi::xml_node ctx : c.children()) {
                    if (!is_element(ctx, "context")) continue;
                    const std::string type = attr(ctx, "context-type");
                    if (type == "x-msgctxt")
                        u.context = all_text(ctx);
                    else if (type == "x-po-flags")
                        u.flags = split_flags(all_text(ctx));
                    else if (type == "sourcefile") {
                        ref.file = all_text(ctx);
                        has_file = true;
                    } else if (type == "linenumber") {
                        ref.line = parse_line(all_text(ctx));
                    }
                }
                if (has_file) u.refs.push_back(std::move(ref));
            } else if (is_element(c, "note")) {
                const std::string from = attr(c, "from");
                if (from == "translator" || from == "po-translator")
                    u.comments = join_lines(u.comments, all_text(c));
                else
                    notes = join_lines(notes, all_text(c));
            } else if (is_element(c, "alt-trans")) {
                detail::alt_trans_read(c, u);
            }
        }
    }

    bool read_form12(const pugi::xml_node& tu, Form& f) {
        pugi::xml_node source = first_child(tu, "source");
        if (!source) {
            error(tu, _("<trans-unit> without <source>"));
            return false;
        }
        std::map<std::string, std::string> none, known;
        InlineText src = detail::inline_text_read(source, false, none, known, true);
        f.source = std::move(src.text);
        f.codes = std::move(src.codes);
        f.source_hits = std::move(src.hits);
        pugi::xml_node target = first_child(tu, "target");
        if (target) {
            InlineText tgt = detail::inline_text_read(target, false, none, known, false);
            f.target = std::move(tgt.text);
            f.target_hits = std::move(tgt.hits);
            f.has_target = true;
        }
        f.state = detail::state_read12(tu, target, f.target);
        return true;
    }

    void read_header12(const pugi::xml_node& header) {
        for (pugi::xml_node n : header.children()) {
            if (!is_element(n, "note")) continue;
            const std::string from = attr(n, "from");
            if (from == "po-header" && cat_.header.empty())
                parse_header_text(all_text(n));
            else if (from == "po-header-comment")
                cat_.header_comment = all_text(n);
        }
    }

    // "Name: value" lines of a PO header entry.
    void parse_header_text(const std::string& h) {
        size_t start = 0;
        while (start < h.size()) {
            size_t nl = h.find('\n', start);
            if (nl == std::string::npos) nl = h.size();
            const std::string line = h.substr(start, nl - start);
            size_t colon = line.find(':');
            if (colon != std::string::npos && colon > 0) {
                size_t v = colon + 1;
                while (v < line.size() && line[v] == ' ') ++v;
                cat_.header.emplace_back(line.substr(0, colon), line.substr(v));
            }
            start = nl + 1;
        }
    }

    // A PO header carried as a unit (Translate Toolkit's po2xliff).
    void read_po_header_unit(const pugi::xml_node& tu) {
        pugi::xml_node text = first_child(tu, "target");
        if (!text || all_text(text).empty()) text = first_child(tu, "source");
        if (cat_.header.empty() && text) {
            parse_header_text(all_text(text));
            if (cat_.target_lang.empty())
                if (auto lang = cat_.header_field("Language"); lang && !lang->empty())
                    cat_.target_lang = locale_to_bcp47(*lang);
        }
        for (pugi::xml_node n : tu.children())
            if (is_element(n, "note") &&
                (attr(n, "from") == "po-translator" || attr(n, "from") == "translator"))
                cat_.header_comment = join_lines(cat_.header_comment, all_text(n));
    }

    // ---- 2.0
    void read_header20(const pugi::xml_node& file) {
        for (pugi::xml_node md : file.children()) {
            if (!is_element(md, "metadata")) continue;
            for (pugi::xml_node g : md.children()) {
                if (!is_element(g, "metaGroup")) continue;
                const std::string category = attr(g, "category");
                for (pugi::xml_node m : g.children()) {
                    if (!is_element(m, "meta")) continue;
                    if (category == "po-header")
                        cat_.header.emplace_back(attr(m, "type"), all_text(m));
                    else if (category == "po-header-comment" && attr(m, "type") == "comment")
                        cat_.header_comment = all_text(m);
                }
            }
        }
    }

    void read_metadata20(const pugi::xml_node& parent, Unit& u, std::string& notes) {
        for (pugi::xml_node c : parent.children()) {
            if (is_element(c, "metadata")) {
                for (pugi::xml_node g : c.children()) {
                    if (!is_element(g, "metaGroup")) continue;
                    const std::string category = attr(g, "category");
                    Reference ref;
                    bool has_file = false;
                    for (pugi::xml_node m : g.children()) {
                        if (!is_element(m, "meta")) continue;
                        const std::string type = attr(m, "type");
                        const std::string value = all_text(m);
                        if (category == "location") {
                            if (type == "sourcefile") {
                                ref.file = value;
                                has_file = true;
                            } else if (type == "linenumber") {
                                ref.line = parse_line(value);
                            }
                        } else if (category == "po") {
                            if (type == "msgctxt")
                                u.context = value;
                            else if (type == "previous-msgctxt")
                                u.previous_context = value;
                            else if (type == "previous-msgid")
                                u.previous_source = value;
                            else if (type == "flags")
                                u.flags = split_flags(value);
                        }
                    }
                    if (has_file) u.refs.push_back(std::move(ref));
                }
            } else if (is_element(c, "matches")) {
                detail::matches_read(c, u);
            } else if (is_element(c, "notes")) {
                for (pugi::xml_node n : c.children()) {
                    if (!is_element(n, "note")) continue;
                    if (attr(n, "category") == "translator")
                        u.comments = join_lines(u.comments, all_text(n));
                    else
                        notes = join_lines(notes, all_text(n));
                }
            }
        }
    }

    static void shift_hits(std::vector<detail::CodeHit>& hits, size_t by,
                           std::vector<detail::CodeHit>& out) {
        for (detail::CodeHit& h : hits) {
            h.begin += by;
            h.end += by;
            out.push_back(std::move(h));
        }
    }

    bool read_form20(const pugi::xml_node& unit, Form& f) {
        std::map<std::string, std::string> data, known;
        if (pugi::xml_node od = first_child(unit, "originalData"))
            for (pugi::xml_node d : od.children())
                if (is_element(d, "data")) data.emplace(attr(d, "id"), all_text(d));
        bool any_segment = false;
        bool all_translated = true; // every segment has a non-empty target
        bool any_target_text = false;
        bool first = true;
        for (pugi::xml_node seg : unit.children()) {
            const bool is_segment = is_element(seg, "segment");
            if (!is_segment && !is_element(seg, "ignorable")) continue;
            pugi::xml_node source = first_child(seg, "source");
            if (!source) {
                error(seg, i18n_format(_("<%s> without <source>"),
                                       std::string(local_name(seg.name())).c_str()));
                return false;
            }
            InlineText src = detail::inline_text_read(source, true, data, known, true);
            for (InlineCode& c : src.codes) {
                c.begin += f.source.size();
                c.end += f.source.size();
                f.codes.push_back(std::move(c));
            }
            shift_hits(src.hits, f.source.size(), f.source_hits);
            f.source += src.text;
            pugi::xml_node target = first_child(seg, "target");
            std::string target_text;
            if (target) {
                InlineText tgt = detail::inline_text_read(target, true, data, known, false);
                target_text = std::move(tgt.text);
                shift_hits(tgt.hits, f.target.size(), f.target_hits);
                f.has_target = true;
            } else if (!is_segment)
                target_text = src.text; // ignorable: kept as in the source
            f.target += target_text;
            if (!is_segment) continue;
            any_segment = true;
            if (target_text.empty())
                all_translated = false;
            else
                any_target_text = true;
            const UnitState s = detail::state_read20(attr(seg, "state"), target, target_text);
            if (first || s < f.state) f.state = s;
            first = false;
        }
        if (!any_segment) {
            error(unit, _("<unit> without <segment>"));
            return false;
        }
        if (!any_target_text) {
            f.target.clear();
            f.state = UnitState::untranslated;
        } else if (!all_translated) {
            f.state = UnitState::fuzzy; // partly translated
        }
        return true;
    }

    const std::string& xml_;
    const std::string& name_;
    Diagnostics& diagnostics_;
    detail::LineStarts lines_; // the line of each unit's tag (Unit::catalog_line)

  public:
    bool version_2() const { return v2_; }

  private:
    bool v2_ = false;
    bool in_obsolete_ = false; // inside the group of obsolete units
    size_t line_offset_ = 0;   // where line_ was counted to
    int line_ = 1;
    Catalog cat_;
};

} // namespace

CatalogReadResult xliff_read(std::string_view xml, const std::string& display_name) {
    CatalogReadResult result;
    std::optional<std::string> text =
        detail::xliff_decode(std::string(xml), display_name, result.diagnostics);
    if (!text) return result;
    Reader reader(*text, display_name, result.diagnostics);
    result.catalog = reader.run();
    result.format = reader.version_2() ? CatalogFormat::xliff20 : CatalogFormat::xliff12;
    return result;
}

} // namespace policyloc
