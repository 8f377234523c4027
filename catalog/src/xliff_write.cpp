// XLIFF 1.2 and 2.0 writing over pugixml (the mapping is in xliff_common.h).
//
// Writing keeps source and target text exact: the document is saved with format_raw and the
// line breaks between structural elements are text nodes of our own, so nothing is added
// inside <source>, <target>, <note> or <data>. A carriage return cannot be written as a raw
// character (XML parsers turn it into a line feed), so it is written as "&#13;".

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "inline_codes.h"
#include "policyloc/catalog_io.h"
#include "policyloc/i18n.h"
#include "xliff_builder.h"
#include "xliff_codes.h"
#include "xliff_common.h"
#include "xliff_matches.h"
#include "xliff_states.h"
#include "xliff_write_inline.h"

namespace policyloc {

namespace {

using detail::Builder;
using detail::cr_marker;
using detail::ns12;
using detail::ns20;
using detail::ns_mda;
using detail::obsolete12;
using detail::obsolete20;
using detail::obsolete_group_id;
using detail::PlacedCode;
using detail::plurals12;
using detail::plurals20;
using Role = detail::CodeHit::Role;

// Codes that are sorted, within the source and not overlapping.
bool codes_valid(const Unit& u) {
    size_t pos = 0;
    for (const InlineCode& c : u.codes) {
        if (c.begin < pos || c.end < c.begin || c.end > u.source.size() || c.begin == c.end)
            return false;
        pos = c.end;
    }
    return true;
}

// PO flags as one comma-separated list.
std::string flags_text(const Unit& u) {
    std::string flags;
    for (const auto& f : u.flags) flags += (flags.empty() ? "" : ", ") + f;
    return flags;
}

// One form of a plural unit: the singular's or the plural's source (without codes: they are
// the singular's), the form's target and its state.
struct PluralForm {
    Unit unit;
    std::string target;
    UnitState state;
};

std::vector<PluralForm> plural_forms(const Unit& u, UnitState state) {
    std::vector<PluralForm> forms;
    const size_t count = std::max<size_t>(2, u.plural_targets.size());
    for (size_t i = 0; i < count; ++i) {
        PluralForm f{u, i < u.plural_targets.size() ? u.plural_targets[i] : std::string(), state};
        if (i == 0 && u.plural_targets.empty()) f.target = u.target;
        if (f.target.empty() && state != UnitState::fuzzy) f.state = UnitState::untranslated;
        f.unit.source = i == 0 ? u.source : *u.source_plural;
        f.unit.codes.clear();
        f.unit.markup.clear();
        f.unit.target_markup.clear();
        f.unit.previous_source.reset(); // the group's, not a form's
        forms.push_back(std::move(f));
    }
    return forms;
}

class Writer {
  public:
    Writer(const std::vector<const Catalog*>& files, bool v2, Diagnostics& diagnostics)
        : files_(files), v2_(v2), b_(v2, diagnostics), inline_(b_, v2), diagnostics_(diagnostics) {}

    // One <file> per catalog; the document's languages (2.0) are the first catalog's.
    std::optional<std::string> run() {
        pugi::xml_node root = doc_.append_child("xliff");
        if (!v2_) {
            root.append_attribute("version") = "1.2";
            root.append_attribute("xmlns") = ns12;
        } else {
            root.append_attribute("xmlns") = ns20;
            root.append_attribute("xmlns:mda") = ns_mda;
            if (any_matches()) root.append_attribute("xmlns:mtc") = detail::ns_mtc;
            root.append_attribute("version") = "2.0";
            root.append_attribute("srcLang") = source_lang(*files_.front()).c_str();
            if (!files_.front()->target_lang.empty())
                root.append_attribute("trgLang") = files_.front()->target_lang.c_str();
        }
        for (size_t i = 0; i < files_.size(); ++i) {
            cat_ = files_[i];
            if (v2_)
                file20(root, i + 1);
            else
                file12(root);
        }
        b_.close(root, 0);
        if (b_.failed()) return std::nullopt;
        return serialize();
    }

  private:
    static std::string source_lang(const Catalog& cat) {
        return cat.source_lang.empty() ? "en" : cat.source_lang;
    }

    // The catalog's source document: its own name, else the first reference's file.
    std::string original() const {
        if (!cat_->original.empty()) return cat_->original;
        for (const Unit& u : cat_->units())
            if (!u.refs.empty()) return u.refs.front().file;
        return "messages";
    }

    void file12(pugi::xml_node root) {
        pugi::xml_node file = b_.element(root, "file", 1);
        file.append_attribute("original") = b_.attribute_text(original(), "file").c_str();
        file.append_attribute("source-language") = source_lang(*cat_).c_str();
        if (!cat_->target_lang.empty())
            file.append_attribute("target-language") = cat_->target_lang.c_str();
        file.append_attribute("datatype") = "x-markdown";
        header12(file, 2);
        pugi::xml_node body = b_.element(file, "body", 2);
        write_units(body, 3);
        b_.close(body, 2);
        b_.close(file, 1);
    }

    void file20(pugi::xml_node root, size_t number) {
        pugi::xml_node file = b_.element(root, "file", 1);
        file.append_attribute("id") = ("f" + std::to_string(number)).c_str();
        file.append_attribute("original") = b_.attribute_text(original(), "file").c_str();
        header20(file, 2);
        const size_t written = write_units(file, 2);
        b_.close(file, 1);
        if (written == 0)
            diagnostics_.push_back({Severity::warning,
                                    {},
                                    0,
                                    0,
                                    _("the catalog has no units; XLIFF 2.0 requires at least "
                                      "one unit per file, so the document is not valid")});
    }

    std::string serialize() {
        struct StringWriter : pugi::xml_writer {
            std::string out;
            void write(const void* data, size_t size) override {
                out.append(static_cast<const char*>(data), size);
            }
        } w;
        doc_.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out.reserve(w.out.size() + 64);
        // The marker only occurs where a carriage return was (other control characters were
        // written as <cp> or rejected).
        for (size_t i = 0; i < w.out.size();) {
            if (w.out.compare(i, 5, "&#01;") == 0) {
                out += "&#13;";
                i += 5;
            } else {
                out += w.out[i++];
            }
        }
        out += '\n';
        return out;
    }

    // Whether a unit's previous source is written as a 2.0 translation candidate.
    bool any_matches() const {
        for (const Catalog* cat : files_)
            for (const Unit& u : cat->units())
                if (u.previous_source && !u.source_plural) return true;
        return false;
    }

    // ---- PO header
    std::string header_text() const {
        std::string text;
        for (const auto& [name, value] : cat_->header) text += name + ": " + value + "\n";
        return text;
    }

    // The PO header as notes in the file's <header>: XLIFF 1.2 has no other valid place for
    // it. (Translate Toolkit's header unit would switch its tools to a PO-XLIFF dialect that
    // takes "#." comments only from context-groups named "po-entry", which the strict schema
    // forbids more than once per file.)
    void header12(pugi::xml_node file, int depth) {
        if (cat_->header.empty() && cat_->header_comment.empty()) return;
        pugi::xml_node h = b_.element(file, "header", depth);
        if (!cat_->header.empty()) note(h, "po-header", header_text(), "po-header", depth + 1);
        if (!cat_->header_comment.empty())
            note(h, "po-header-comment", cat_->header_comment, "po-header", depth + 1);
        b_.close(h, depth);
    }

    void header20(pugi::xml_node file, int depth) {
        if (cat_->header.empty() && cat_->header_comment.empty()) return;
        pugi::xml_node md = b_.element(file, "mda:metadata", depth);
        if (!cat_->header.empty()) {
            pugi::xml_node g = group(md, "po-header", depth + 1);
            for (const auto& [name, value] : cat_->header) {
                pugi::xml_node m = b_.element(g, "mda:meta", depth + 2);
                m.append_attribute("type") = b_.attribute_text(name, "po-header").c_str();
                b_.text(m, value, "po-header");
            }
            b_.close(g, depth + 1);
        }
        if (!cat_->header_comment.empty())
            entry(group(md, "po-header-comment", depth + 1), "comment", cat_->header_comment,
                  "po-header");
        b_.close(md, depth);
    }

    // ---- Both versions
    // A context-group with its purpose (1.2) or an mda:metaGroup with its category (2.0).
    pugi::xml_node group(pugi::xml_node parent, const char* purpose, int depth) {
        pugi::xml_node g = b_.element(parent, v2_ ? "mda:metaGroup" : "context-group", depth);
        g.append_attribute(v2_ ? "category" : "purpose") = purpose;
        return g;
    }

    // A <context> (1.2) or <mda:meta> (2.0) of a group, on the group's line.
    void entry(pugi::xml_node group, const char* type, const std::string& value,
               const std::string& id) {
        pugi::xml_node m = group.append_child(v2_ ? "mda:meta" : "context");
        m.append_attribute(v2_ ? "type" : "context-type") = type;
        b_.text(m, value, id);
    }

    void location(pugi::xml_node parent, const Reference& r, const std::string& id, int depth) {
        pugi::xml_node g = group(parent, "location", depth);
        entry(g, "sourcefile", r.file, id);
        if (r.line > 0) entry(g, "linenumber", std::to_string(r.line), id);
    }

    // A <note> from (1.2) or of the category (2.0) `from`.
    void note(pugi::xml_node parent, const char* from, const std::string& text,
              const std::string& id, int depth) {
        pugi::xml_node n = b_.element(parent, "note", depth);
        n.append_attribute(v2_ ? "category" : "from") = from;
        b_.text(n, text, id);
    }

    // Developer notes (with the placeholder list) and translator comments; 2.0 puts them in
    // <notes>.
    void unit_notes(pugi::xml_node parent, const Unit& u, const std::string& id, int depth) {
        const std::string developer = detail::notes_with_codes(u);
        if (developer.empty() && u.comments.empty()) return;
        pugi::xml_node holder = v2_ ? b_.element(parent, "notes", depth) : parent;
        const int note_depth = v2_ ? depth + 1 : depth;
        if (!developer.empty()) note(holder, "developer", developer, id, note_depth);
        if (!u.comments.empty()) note(holder, "translator", u.comments, id, note_depth);
        if (v2_) b_.close(holder, depth);
    }

    // ---- 1.2
    // context-groups and notes, shared by <trans-unit> and the plural <group>.
    void metadata12(pugi::xml_node parent, const Unit& u, const std::string& id, int depth) {
        if (u.context) entry(group(parent, "information", depth), "x-msgctxt", *u.context, id);
        for (const Reference& r : u.refs) location(parent, r, id, depth);
        if (!u.flags.empty())
            entry(group(parent, "information", depth), "x-po-flags", flags_text(u), id);
        unit_notes(parent, u, id, depth);
    }

    void target12(pugi::xml_node tu, const Unit& u, UnitState state, const std::string& target,
                  const std::string& id, int depth) {
        if (state == UnitState::untranslated) return;
        pugi::xml_node t = b_.element(tu, "target", depth);
        t.append_attribute("state") =
            detail::state_attribute(state, v2_, u.state == UnitState::untranslated);
        inline_.target(t, u, target, id);
    }

    // A <trans-unit> with its <source> and <target>, left open for more children.
    pugi::xml_node trans_unit(pugi::xml_node parent, const std::string& unit_id, const Unit& u,
                              UnitState state, const std::string& target, const std::string& id,
                              int depth) {
        pugi::xml_node tu = b_.element(parent, "trans-unit", depth);
        tu.append_attribute("id") = unit_id.c_str();
        tu.append_attribute("xml:space") = "preserve";
        // Translate Toolkit (pocount, xliff2po) and CAT tools take a target without
        // approved="yes" for an unconfirmed one, so every usable translation carries it.
        if (state >= UnitState::translated) tu.append_attribute("approved") = "yes";
        pugi::xml_node s = b_.element(tu, "source", depth + 1);
        inline_.source(s, u, id);
        target12(tu, u, state, target, id, depth + 1);
        return tu;
    }

    void previous12(pugi::xml_node tu, const Unit& u, const std::string& id, int depth) {
        detail::alt_trans_write(b_, tu, u, id, depth);
    }

    // ---- 2.0
    // Metadata, matches (`matches`: the previous source as a translation candidate, else as
    // "previous-msgid" metadata, as in a plural group) and notes.
    void metadata20(pugi::xml_node parent, const Unit& u, const std::string& id, int depth,
                    bool matches) {
        const bool previous_meta = u.previous_source && !matches;
        const bool po_meta = u.context || u.previous_context || previous_meta || !u.flags.empty();
        if (po_meta || !u.refs.empty()) {
            pugi::xml_node md = b_.element(parent, "mda:metadata", depth);
            if (po_meta) {
                pugi::xml_node g = group(md, "po", depth + 1);
                if (u.context) entry(g, "msgctxt", *u.context, id);
                if (u.previous_context) entry(g, "previous-msgctxt", *u.previous_context, id);
                if (previous_meta) entry(g, "previous-msgid", *u.previous_source, id);
                if (!u.flags.empty()) entry(g, "flags", flags_text(u), id);
            }
            for (const Reference& r : u.refs) location(md, r, id, depth + 1);
            b_.close(md, depth);
        }
        if (matches) detail::matches_write(b_, parent, u, id, depth);
        unit_notes(parent, u, id, depth);
    }

    void segment20(pugi::xml_node unit, const Unit& u, UnitState state, const std::string& target,
                   const std::string& id, int depth) {
        pugi::xml_node seg = b_.element(unit, "segment", depth);
        // The segment a translation candidate points at.
        if (u.previous_source) seg.append_attribute("id") = detail::match_segment_id;
        seg.append_attribute("state") = detail::state_attribute(state, v2_, false);
        pugi::xml_node s = b_.element(seg, "source", depth + 1);
        s.append_attribute("xml:space") = "preserve";
        inline_.source(s, u, id);
        if (state != UnitState::untranslated) {
            pugi::xml_node t = b_.element(seg, "target", depth + 1);
            t.append_attribute("xml:space") = "preserve";
            inline_.target(t, u, target, id);
        }
        b_.close(seg, depth);
    }

    // Writes the catalog's live units, then the obsolete ones in a group of their own; returns
    // how many live units were written.
    size_t write_units(pugi::xml_node parent, int depth) {
        size_t written = 0, obsolete = 0;
        for (const Unit& u : cat_->units()) {
            if (u.obsolete) {
                ++obsolete;
                continue;
            }
            write_unit(parent, u, depth);
            ++written;
        }
        if (obsolete > 0) write_obsolete(parent, depth);
        return written;
    }

    // Units no longer in the page keep their translations in a group marked as such, where
    // translate="no" keeps CAT tools from offering them for translation.
    void write_obsolete(pugi::xml_node parent, int depth) {
        pugi::xml_node g = b_.element(parent, "group", depth);
        g.append_attribute("id") = obsolete_group_id;
        g.append_attribute("translate") = "no";
        g.append_attribute(v2_ ? "type" : "restype") = v2_ ? obsolete20 : obsolete12;
        const char* note = "Obsolete: no longer in the page; kept with their translations in "
                           "case the text comes back. Not to be translated.";
        if (v2_) {
            pugi::xml_node notes = b_.element(g, "notes", depth + 1);
            b_.element(notes, "note", depth + 2).append_child(pugi::node_pcdata).set_value(note);
            b_.close(notes, depth + 1);
        } else {
            b_.element(g, "note", depth + 1).append_child(pugi::node_pcdata).set_value(note);
        }
        for (const Unit& u : cat_->units())
            if (u.obsolete) write_unit(g, u, depth + 1);
        b_.close(g, depth);
    }

    // A unit, or for a plural entry a group of one unit per form. The context (or the unit id)
    // is the unit's resname (1.2) or name (2.0).
    void write_unit(pugi::xml_node parent, const Unit& u, int depth) {
        const std::string id = u.id();
        const std::string name = b_.attribute_text(u.context ? *u.context : id, id);
        const UnitState state = detail::writable_state(u);
        Unit w = u;
        if (!codes_valid(u)) {
            diagnostics_.push_back({Severity::warning,
                                    {},
                                    0,
                                    0,
                                    i18n_format(_("unit %s: inline codes out of order or range, "
                                                  "written as plain text"),
                                                id.c_str())});
            w.codes.clear();
        }
        if (!w.markup.empty() && !detail::markup_valid(w)) {
            diagnostics_.push_back({Severity::warning,
                                    {},
                                    0,
                                    0,
                                    i18n_format(_("unit %s: formatting codes out of order or "
                                                  "range, written as plain text"),
                                                id.c_str())});
            w.markup.clear();
            w.target_markup.clear();
        }

        if (!u.source_plural) {
            if (v2_) {
                pugi::xml_node unit = b_.element(parent, "unit", depth);
                unit.append_attribute("id") = id.c_str();
                unit.append_attribute("name") = name.c_str();
                metadata20(unit, w, id, depth + 1, true);
                inline_.original_data(unit, w, id, depth + 1);
                segment20(unit, w, state, w.target, id, depth + 1);
                b_.close(unit, depth);
            } else {
                pugi::xml_node tu = trans_unit(parent, id, w, state, w.target, id, depth);
                tu.append_attribute("resname") = name.c_str();
                metadata12(tu, w, id, depth + 1);
                previous12(tu, w, id, depth + 1);
                b_.close(tu, depth);
            }
            return;
        }
        pugi::xml_node g = b_.element(parent, "group", depth);
        g.append_attribute("id") = id.c_str();
        g.append_attribute(v2_ ? "name" : "resname") = name.c_str();
        g.append_attribute(v2_ ? "type" : "restype") = v2_ ? plurals20 : plurals12;
        if (v2_)
            metadata20(g, w, id, depth + 1, false);
        else
            metadata12(g, w, id, depth + 1);
        const std::vector<PluralForm> forms = plural_forms(w, state);
        for (size_t i = 0; i < forms.size(); ++i) {
            const PluralForm& f = forms[i];
            if (v2_) {
                pugi::xml_node unit = b_.element(g, "unit", depth + 1);
                unit.append_attribute("id") = (id + "-" + std::to_string(i)).c_str();
                segment20(unit, f.unit, f.state, f.target, id, depth + 2);
                b_.close(unit, depth + 1);
            } else {
                const std::string form_id = id + "[" + std::to_string(i) + "]";
                pugi::xml_node tu =
                    trans_unit(g, form_id, f.unit, f.state, f.target, id, depth + 1);
                if (i == 0) previous12(tu, w, id, depth + 2);
                b_.close(tu, depth + 1);
            }
        }
        b_.close(g, depth);
    }

    const std::vector<const Catalog*>& files_;
    const Catalog* cat_ = nullptr; // the file being written
    bool v2_;
    Builder b_;
    detail::InlineWriter inline_;
    Diagnostics& diagnostics_;
    pugi::xml_document doc_;
};

} // namespace

CatalogWriteResult xliff_write_files(const std::vector<const Catalog*>& files,
                                     CatalogFormat version) {
    CatalogWriteResult result;
    if (version == CatalogFormat::po) {
        result.diagnostics.push_back(
            {Severity::error, {}, 0, 0, _("xliff_write needs an XLIFF version (1.2 or 2.0)")});
        return result;
    }
    if (files.empty()) {
        result.diagnostics.push_back(
            {Severity::error, {}, 0, 0, _("an XLIFF document needs at least one catalog")});
        return result;
    }
    Writer writer(files, version == CatalogFormat::xliff20, result.diagnostics);
    result.text = writer.run();
    return result;
}

namespace {

// The catalog as one catalog per page, so that CAT tools show each unit's page: a unit's page is
// its first reference's file (a unit without one goes with the unit before it); the PO header
// goes with the first page, obsolete units with the last. Empty for fewer than two pages, and
// when a page's units do not follow each other (a catalog merged by other tools), so that one
// <file> keeps their order.
std::vector<Catalog> split_pages(const Catalog& catalog) {
    std::vector<Catalog> pages;
    for (const Unit& u : catalog.units()) {
        if (u.obsolete) continue;
        if (!u.refs.empty() && (pages.empty() || pages.back().original != u.refs.front().file)) {
            for (const Catalog& p : pages)
                if (p.original == u.refs.front().file) return {};
            Catalog& page = pages.emplace_back();
            page.source_lang = catalog.source_lang;
            page.target_lang = catalog.target_lang;
            page.original = u.refs.front().file;
        }
        if (pages.empty()) return {}; // a unit without a page before any page
        pages.back().units().push_back(u);
    }
    if (pages.size() < 2) return {};
    pages.front().header = catalog.header;
    pages.front().header_comment = catalog.header_comment;
    pages.front().header_fuzzy = catalog.header_fuzzy;
    for (const Unit& u : catalog.units())
        if (u.obsolete) pages.back().units().push_back(u);
    for (Catalog& p : pages) p.reindex();
    return pages;
}

} // namespace

CatalogWriteResult xliff_write(const Catalog& catalog, CatalogFormat version) {
    const std::vector<Catalog> pages = split_pages(catalog);
    if (pages.empty()) return xliff_write_files({&catalog}, version);
    std::vector<const Catalog*> files;
    for (const Catalog& p : pages) files.push_back(&p);
    return xliff_write_files(files, version);
}

} // namespace policyloc
