// XLIFF 1.2 and 2.0 reading and writing over pugixml.
//
// Writing keeps source and target text exact: the document is saved with format_raw and the
// line breaks between structural elements are text nodes of our own, so nothing is added
// inside <source>, <target>, <note> or <data>. A carriage return cannot be written as a raw
// character (XML parsers turn it into a line feed), so it is written as "&#13;".
//
// Mapping (1.2 / 2.0):
//   msgctxt            context-group with context-type="x-msgctxt" / mda:meta type="msgctxt";
//                      also resname / name (the context, or the unit id when there is none)
//   references         context-group purpose="location" / mda:metaGroup category="location"
//   flags              context-type="x-po-flags" / mda:meta type="flags"
//                      (1.2 context-groups carry no name: names must be unique per file)
//   previous msgctxt,  alt-trans alttranstype="previous-version" / mda:meta types
//   previous msgid       "previous-msgctxt" and "previous-msgid"
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
// Obsolete units are left out: they are not for translation. The placeholder list of a unit's
// notes (see po.cpp) is written into the developer note too, so that CAT tools show what the
// codes are and the kinds come back on reading.

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entry_lines.h"
#include "inline_codes.h"
#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/utf8_text.h"

namespace policyloc {

namespace {

constexpr const char* ns12 = "urn:oasis:names:tc:xliff:document:1.2";
constexpr const char* ns20 = "urn:oasis:names:tc:xliff:document:2.0";
constexpr const char* ns_mda = "urn:oasis:names:tc:xliff:metadata:2.0";
constexpr const char* plurals12 = "x-gettext-plurals";
constexpr const char* plurals20 = "po:plurals";

// Stands for a carriage return in text nodes until the document is serialized; pugixml writes
// it as "&#01;", which is then replaced by "&#13;". Text that holds it is rejected beforehand.
constexpr char cr_marker = '\x01';

// ---------------------------------------------------------------------------------------------
// Shared helpers

std::string_view local_name(const char* qualified) {
    std::string_view s(qualified);
    size_t colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

bool is_element(const pugi::xml_node& n, std::string_view local) {
    return n.type() == pugi::node_element && local_name(n.name()) == local;
}

pugi::xml_node first_child(const pugi::xml_node& n, std::string_view local) {
    for (pugi::xml_node c : n.children())
        if (is_element(c, local)) return c;
    return {};
}

std::string attr(const pugi::xml_node& n, const char* name) {
    return n.attribute(name).value();
}

// All character data below a node (element content of <ph>, <bpt>, <sub> ...).
std::string all_text(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
            out += c.value();
        else if (c.type() == pugi::node_element)
            out += all_text(c);
    }
    return out;
}

std::string join_lines(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + "\n" + b;
}

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

// Effective state for writing: a target-less unit cannot be translated.
UnitState writable_state(const Unit& u) {
    if (u.state == UnitState::fuzzy) return UnitState::fuzzy;
    if (u.target.empty()) return UnitState::untranslated;
    if (u.state == UnitState::untranslated) return UnitState::fuzzy; // text kept, not usable
    return u.state;
}

// ---------------------------------------------------------------------------------------------
// Writing

class Builder {
  public:
    Builder(bool v2, Diagnostics& diagnostics) : v2_(v2), diagnostics_(diagnostics) {}

    // Starts a child element on a new line, indented by `depth`.
    pugi::xml_node element(pugi::xml_node parent, const char* name, int depth) {
        newline(parent, depth);
        return parent.append_child(name);
    }
    // Puts the end tag of an element with element children on its own line.
    void close(pugi::xml_node el, int depth) { newline(el, depth); }

    // Character data, exact. Characters XML 1.0 cannot hold are written as <cp> in 2.0 and
    // rejected in 1.2.
    void text(pugi::xml_node parent, std::string_view s, const std::string& unit_id) {
        std::string run;
        auto flush = [&] {
            if (!run.empty()) parent.append_child(pugi::node_pcdata).set_value(run.c_str());
            run.clear();
        };
        for (char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '\r') {
                run += cr_marker;
            } else if (c < 0x20 && c != '\t' && c != '\n') {
                if (v2_) {
                    flush();
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
                    parent.append_child("cp").append_attribute("hex") = hex;
                } else {
                    bad_character(c, unit_id);
                }
            } else {
                run += ch;
            }
        }
        flush();
    }

    // Text for an attribute value: pugixml escapes tabs and line breaks itself.
    std::string attribute_text(std::string_view s, const std::string& unit_id) {
        std::string out;
        for (char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                bad_character(c, unit_id);
            else
                out += ch;
        }
        return out;
    }

    bool failed() const { return failed_; }

  private:
    void newline(pugi::xml_node parent, int depth) {
        std::string ws = "\n" + std::string(static_cast<size_t>(depth) * 2, ' ');
        parent.append_child(pugi::node_pcdata).set_value(ws.c_str());
    }
    void bad_character(unsigned c, const std::string& unit_id) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", c);
        diagnostics_.push_back({Severity::error,
                                {},
                                0,
                                0,
                                std::string("unit ") + unit_id + ": character " + buf +
                                    " cannot be written in XML 1.0 here"});
        failed_ = true;
    }

    bool v2_;
    Diagnostics& diagnostics_;
    bool failed_ = false;
};

struct CodeMatch {
    size_t begin = 0;
    size_t end = 0;
    size_t number = 0; // 1-based code number in the source
};

// Where the source's codes occur in the target: each code's text, first free occurrence.
std::vector<CodeMatch> find_codes_in_target(const Unit& u, const std::string& target) {
    std::vector<CodeMatch> found;
    for (size_t i = 0; i < u.codes.size(); ++i) {
        const InlineCode& c = u.codes[i];
        const std::string_view text = std::string_view(u.source).substr(c.begin, c.end - c.begin);
        for (size_t at = target.find(text); at != std::string::npos;
             at = target.find(text, at + 1)) {
            bool overlaps = std::any_of(found.begin(), found.end(), [&](const CodeMatch& m) {
                return at < m.end && m.begin < at + text.size();
            });
            if (!overlaps) {
                found.push_back({at, at + text.size(), i + 1});
                break;
            }
        }
    }
    std::sort(found.begin(), found.end(),
              [](const CodeMatch& a, const CodeMatch& b) { return a.begin < b.begin; });
    return found;
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
        forms.push_back(std::move(f));
    }
    return forms;
}

class Writer {
  public:
    Writer(const Catalog& cat, bool v2, Diagnostics& diagnostics)
        : cat_(cat), v2_(v2), b_(v2, diagnostics), diagnostics_(diagnostics) {}

    std::optional<std::string> run() {
        pugi::xml_node root = doc_.append_child("xliff");
        const std::string source_lang = cat_.source_lang.empty() ? "en" : cat_.source_lang;
        std::string original = cat_.original;
        if (original.empty())
            for (const Unit& u : cat_.units())
                if (!u.refs.empty()) {
                    original = u.refs.front().file;
                    break;
                }
        if (original.empty()) original = "messages";

        if (!v2_) {
            root.append_attribute("version") = "1.2";
            root.append_attribute("xmlns") = ns12;
            pugi::xml_node file = b_.element(root, "file", 1);
            file.append_attribute("original") = b_.attribute_text(original, "file").c_str();
            file.append_attribute("source-language") = source_lang.c_str();
            if (!cat_.target_lang.empty())
                file.append_attribute("target-language") = cat_.target_lang.c_str();
            file.append_attribute("datatype") = "x-markdown";
            header12(file, 2);
            pugi::xml_node body = b_.element(file, "body", 2);
            write_units(body, 3);
            b_.close(body, 2);
            b_.close(file, 1);
        } else {
            root.append_attribute("xmlns") = ns20;
            root.append_attribute("xmlns:mda") = ns_mda;
            root.append_attribute("version") = "2.0";
            root.append_attribute("srcLang") = source_lang.c_str();
            if (!cat_.target_lang.empty())
                root.append_attribute("trgLang") = cat_.target_lang.c_str();
            pugi::xml_node file = b_.element(root, "file", 1);
            file.append_attribute("id") = "f1";
            file.append_attribute("original") = b_.attribute_text(original, "file").c_str();
            header20(file, 2);
            const size_t written = write_units(file, 2);
            b_.close(file, 1);
            if (written == 0)
                diagnostics_.push_back({Severity::warning,
                                        {},
                                        0,
                                        0,
                                        "the catalog has no units; XLIFF 2.0 requires at least "
                                        "one unit per file, so the document is not valid"});
        }
        b_.close(root, 0);
        if (b_.failed()) return std::nullopt;

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

  private:
    // ---- PO header
    std::string header_text() const {
        std::string text;
        for (const auto& [name, value] : cat_.header) text += name + ": " + value + "\n";
        return text;
    }

    // The PO header as notes in the file's <header>: XLIFF 1.2 has no other valid place for
    // it. (Translate Toolkit's header unit would switch its tools to a PO-XLIFF dialect that
    // takes "#." comments only from context-groups named "po-entry", which the strict schema
    // forbids more than once per file.)
    void header12(pugi::xml_node file, int depth) {
        if (cat_.header.empty() && cat_.header_comment.empty()) return;
        pugi::xml_node h = b_.element(file, "header", depth);
        if (!cat_.header.empty()) note(h, "po-header", header_text(), "po-header", depth + 1);
        if (!cat_.header_comment.empty())
            note(h, "po-header-comment", cat_.header_comment, "po-header", depth + 1);
        b_.close(h, depth);
    }

    void header20(pugi::xml_node file, int depth) {
        if (cat_.header.empty() && cat_.header_comment.empty()) return;
        pugi::xml_node md = b_.element(file, "mda:metadata", depth);
        if (!cat_.header.empty()) {
            pugi::xml_node g = group(md, "po-header", depth + 1);
            for (const auto& [name, value] : cat_.header) {
                pugi::xml_node m = b_.element(g, "mda:meta", depth + 2);
                m.append_attribute("type") = b_.attribute_text(name, "po-header").c_str();
                b_.text(m, value, "po-header");
            }
            b_.close(g, depth + 1);
        }
        if (!cat_.header_comment.empty())
            entry(group(md, "po-header-comment", depth + 1), "comment", cat_.header_comment,
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

    // The state of a 1.2 <target> or a 2.0 <segment>. `kept_text`: a fuzzy target that is
    // untranslated text kept (1.2 needs-translation).
    const char* state_name(UnitState state, bool kept_text) const {
        switch (state) {
        case UnitState::untranslated:
            break;
        case UnitState::fuzzy:
            if (v2_) break;
            return kept_text ? "needs-translation" : "needs-review-translation";
        case UnitState::translated:
            return "translated";
        case UnitState::reviewed:
            return v2_ ? "reviewed" : "signed-off";
        case UnitState::final_state:
            return "final";
        }
        return "initial";
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

    // Text with the given code spans written as <ph> elements.
    void content(pugi::xml_node node, std::string_view text, const std::vector<CodeMatch>& codes,
                 const std::string& id) {
        size_t pos = 0;
        for (const CodeMatch& m : codes) {
            b_.text(node, text.substr(pos, m.begin - pos), id);
            code(node, m.number, text.substr(m.begin, m.end - m.begin), id);
            pos = m.end;
        }
        b_.text(node, text.substr(pos), id);
    }

    void source_content(pugi::xml_node node, const Unit& u, const std::string& id) {
        std::vector<CodeMatch> codes;
        for (size_t i = 0; i < u.codes.size(); ++i)
            codes.push_back({u.codes[i].begin, u.codes[i].end, i + 1});
        content(node, u.source, codes, id);
    }

    void target_content(pugi::xml_node node, const Unit& u, const std::string& target,
                        const std::string& id) {
        content(node, target, find_codes_in_target(u, target), id);
    }

    void code(pugi::xml_node node, size_t number, std::string_view text, const std::string& id) {
        const std::string n = std::to_string(number);
        pugi::xml_node ph = node.append_child("ph");
        ph.append_attribute("id") = n.c_str();
        if (v2_) {
            ph.append_attribute("dataRef") = ("d" + n).c_str();
            ph.append_attribute("disp") = b_.attribute_text(text, id).c_str();
        } else {
            b_.text(ph, text, id);
        }
    }

    void target12(pugi::xml_node tu, const Unit& u, UnitState state, const std::string& target,
                  const std::string& id, int depth) {
        if (state == UnitState::untranslated) return;
        pugi::xml_node t = b_.element(tu, "target", depth);
        t.append_attribute("state") = state_name(state, u.state == UnitState::untranslated);
        target_content(t, u, target, id);
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
        source_content(s, u, id);
        target12(tu, u, state, target, id, depth + 1);
        return tu;
    }

    void previous12(pugi::xml_node tu, const Unit& u, const std::string& id, int depth) {
        if (!u.previous_source && !u.previous_context) return;
        pugi::xml_node alt = b_.element(tu, "alt-trans", depth);
        alt.append_attribute("alttranstype") = "previous-version";
        if (u.previous_source) {
            pugi::xml_node s = b_.element(alt, "source", depth + 1);
            b_.text(s, *u.previous_source, id);
        }
        pugi::xml_node t = b_.element(alt, "target", depth + 1);
        b_.text(t, u.target, id);
        if (u.previous_context)
            entry(group(alt, "information", depth + 1), "x-msgctxt", *u.previous_context, id);
        b_.close(alt, depth);
    }

    // ---- 2.0
    void metadata20(pugi::xml_node parent, const Unit& u, const std::string& id, int depth) {
        const bool po_meta =
            u.context || u.previous_context || u.previous_source || !u.flags.empty();
        if (po_meta || !u.refs.empty()) {
            pugi::xml_node md = b_.element(parent, "mda:metadata", depth);
            if (po_meta) {
                pugi::xml_node g = group(md, "po", depth + 1);
                if (u.context) entry(g, "msgctxt", *u.context, id);
                if (u.previous_context) entry(g, "previous-msgctxt", *u.previous_context, id);
                if (u.previous_source) entry(g, "previous-msgid", *u.previous_source, id);
                if (!u.flags.empty()) entry(g, "flags", flags_text(u), id);
            }
            for (const Reference& r : u.refs) location(md, r, id, depth + 1);
            b_.close(md, depth);
        }
        unit_notes(parent, u, id, depth);
    }

    void segment20(pugi::xml_node unit, const Unit& u, UnitState state, const std::string& target,
                   const std::string& id, int depth) {
        pugi::xml_node seg = b_.element(unit, "segment", depth);
        seg.append_attribute("state") = state_name(state, false);
        pugi::xml_node s = b_.element(seg, "source", depth + 1);
        s.append_attribute("xml:space") = "preserve";
        source_content(s, u, id);
        if (state != UnitState::untranslated) {
            pugi::xml_node t = b_.element(seg, "target", depth + 1);
            t.append_attribute("xml:space") = "preserve";
            target_content(t, u, target, id);
        }
        b_.close(seg, depth);
    }

    void original_data(pugi::xml_node unit, const Unit& u, const std::string& id, int depth) {
        if (u.codes.empty()) return;
        pugi::xml_node od = b_.element(unit, "originalData", depth);
        for (size_t i = 0; i < u.codes.size(); ++i) {
            const InlineCode& c = u.codes[i];
            pugi::xml_node d = b_.element(od, "data", depth + 1);
            d.append_attribute("id") = ("d" + std::to_string(i + 1)).c_str();
            b_.text(d, std::string_view(u.source).substr(c.begin, c.end - c.begin), id);
        }
        b_.close(od, depth);
    }

    // Writes the catalog's units, obsolete ones left out; returns how many were written.
    size_t write_units(pugi::xml_node parent, int depth) {
        size_t written = 0;
        for (const Unit& u : cat_.units()) {
            if (u.obsolete) continue;
            write_unit(parent, u, depth);
            ++written;
        }
        return written;
    }

    // A unit, or for a plural entry a group of one unit per form. The context (or the unit id)
    // is the unit's resname (1.2) or name (2.0).
    void write_unit(pugi::xml_node parent, const Unit& u, int depth) {
        const std::string id = u.id();
        const std::string name = b_.attribute_text(u.context ? *u.context : id, id);
        const UnitState state = writable_state(u);
        Unit w = u;
        if (!codes_valid(u)) {
            diagnostics_.push_back({Severity::warning,
                                    {},
                                    0,
                                    0,
                                    "unit " + id +
                                        ": inline codes out of order or range, "
                                        "written as plain text"});
            w.codes.clear();
        }

        if (!u.source_plural) {
            if (v2_) {
                pugi::xml_node unit = b_.element(parent, "unit", depth);
                unit.append_attribute("id") = id.c_str();
                unit.append_attribute("name") = name.c_str();
                metadata20(unit, w, id, depth + 1);
                original_data(unit, w, id, depth + 1);
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
            metadata20(g, w, id, depth + 1);
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

    const Catalog& cat_;
    bool v2_;
    Builder b_;
    Diagnostics& diagnostics_;
    pugi::xml_document doc_;
};

// ---------------------------------------------------------------------------------------------
// Reading

// Text of a <source> or <target> with its inline codes turned back into their original text.
struct InlineText {
    std::string text;
    std::vector<InlineCode> codes;
};

class InlineReader {
  public:
    // `data`: XLIFF 2.0 originalData (id -> text); `known`: code texts by id, filled from the
    // source and used for target codes that carry no text of their own.
    InlineReader(bool v2, const std::map<std::string, std::string>& data,
                 std::map<std::string, std::string>& known, bool record)
        : v2_(v2), data_(data), known_(known), record_(record) {}

    InlineText read(const pugi::xml_node& n) {
        walk(n);
        return std::move(out_);
    }

  private:
    std::string data_text(const pugi::xml_node& e, const char* ref_attr) {
        auto it = data_.find(attr(e, ref_attr));
        return it == data_.end() ? std::string() : it->second;
    }

    void add_code(const std::string& id, std::string text, std::string kind) {
        if (text.empty()) {
            auto it = known_.find(id);
            if (it != known_.end()) text = it->second;
        } else if (record_ && !id.empty()) {
            known_.emplace(id, text);
        }
        if (text.empty()) return;
        const size_t begin = out_.text.size();
        out_.text += text;
        if (record_) out_.codes.push_back({begin, out_.text.size(), std::move(kind)});
    }

    void walk(const pugi::xml_node& n) {
        for (pugi::xml_node c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                out_.text += c.value();
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local_name(c.name());
            const std::string id = attr(c, "id");
            if (!v2_) {
                std::string kind = attr(c, "ctype");
                if (kind.empty()) kind = std::string(name);
                if (name == "x" || name == "bx" || name == "ex") {
                    add_code(id + std::string(name), attr(c, "equiv-text"), kind);
                } else if (name == "ph" || name == "bpt" || name == "ept" || name == "it") {
                    add_code(id + std::string(name), all_text(c), kind);
                } else {
                    walk(c); // g, mrk (segment wrappers included), sub, unknown elements
                }
                continue;
            }
            if (name == "ph" || name == "sc" || name == "ec") {
                std::string text = data_text(c, "dataRef");
                add_code(id + std::string(name), text, std::string(name));
            } else if (name == "pc") {
                add_code(id + "pcs", data_text(c, "dataRefStart"), "pc");
                walk(c);
                add_code(id + "pce", data_text(c, "dataRefEnd"), "pc");
            } else if (name == "cp") {
                unsigned long cp = std::strtoul(attr(c, "hex").c_str(), nullptr, 16);
                utf8_append(out_.text, static_cast<UChar32>(cp));
            } else if (name == "sm" || name == "em") {
                // annotation markers hold no text
            } else {
                walk(c); // mrk and unknown elements
            }
        }
    }

    bool v2_;
    const std::map<std::string, std::string>& data_;
    std::map<std::string, std::string>& known_;
    bool record_;
    InlineText out_;
};

UnitState state12(const pugi::xml_node& tu, const pugi::xml_node& target,
                  const std::string& target_text) {
    if (!target) return UnitState::untranslated;
    const std::string s = attr(target, "state");
    if (s.rfind("needs-review", 0) == 0 || s == "needs-adaptation" || s == "needs-l10n")
        return UnitState::fuzzy;
    if (target_text.empty()) return UnitState::untranslated;
    if (s == "new" || s == "needs-translation") return UnitState::fuzzy;
    if (s == "final") return UnitState::final_state;
    if (s == "signed-off") return UnitState::reviewed;
    if (s == "translated") return UnitState::translated;
    // No state (or an x- extension): approved="no" marks an unconfirmed target.
    return attr(tu, "approved") == "no" ? UnitState::fuzzy : UnitState::translated;
}

UnitState state20(const std::string& s, bool has_target, const std::string& target_text) {
    if (!has_target || target_text.empty()) return UnitState::untranslated;
    if (s.empty() || s == "initial") return UnitState::fuzzy;
    if (s == "reviewed") return UnitState::reviewed;
    if (s == "final") return UnitState::final_state;
    return UnitState::translated;
}

std::vector<std::string> split_flags(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(", ", start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 2;
    }
    return out;
}

int parse_line(const std::string& s) {
    if (s.empty() || s.size() > 9) return 0;
    for (char c : s)
        if (c < '0' || c > '9') return 0;
    return std::atoi(s.c_str());
}

// Sets notes and codes from the notes text and the codes found inline: a placeholder list at
// the end of the notes names the codes' kinds and is taken off when it matches them.
void settle_codes(Unit& u, const std::string& notes, std::vector<InlineCode> inline_codes) {
    std::string stripped;
    std::vector<InlineCode> listed;
    if (detail::split_code_list(notes, u.source, stripped, listed)) {
        bool same = inline_codes.empty() || listed.size() == inline_codes.size();
        for (size_t i = 0; same && !inline_codes.empty() && i < listed.size(); ++i)
            same = listed[i].begin == inline_codes[i].begin && listed[i].end == inline_codes[i].end;
        if (same) {
            u.notes = std::move(stripped);
            u.codes = std::move(listed);
            return;
        }
    }
    u.notes = notes;
    u.codes = std::move(inline_codes);
}

// A byte-order mark or NUL bytes of UTF-16/32 (pugixml converts those to UTF-8 itself).
bool looks_wide(std::string_view xml) {
    return xml.size() >= 2 &&
           ((xml[0] == '\xFE' && xml[1] == '\xFF') || (xml[0] == '\xFF' && xml[1] == '\xFE') ||
            xml[0] == '\0' || xml[1] == '\0');
}

class Reader {
  public:
    Reader(const std::string& xml, const std::string& name, Diagnostics& diagnostics)
        : xml_(xml), name_(name), diagnostics_(diagnostics), lines_(xml) {}

    std::optional<Catalog> run() {
        pugi::xml_document doc;
        pugi::xml_parse_result res =
            doc.load_buffer(xml_.data(), xml_.size(),
                            pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype |
                                pugi::parse_declaration,
                            pugi::encoding_auto);
        if (!res) {
            error_at(static_cast<size_t>(std::max<ptrdiff_t>(0, res.offset)),
                     std::string("malformed XML: ") + res.description());
            return std::nullopt;
        }
        // pugixml passes invalid UTF-8 through; a UTF-8 document is checked byte for byte.
        std::string encoding;
        for (pugi::xml_node n : doc.children())
            if (n.type() == pugi::node_declaration) encoding = attr(n, "encoding");
        for (char& c : encoding)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (!looks_wide(xml_) && (encoding.empty() || encoding == "utf-8" || encoding == "utf8")) {
            if (auto bad = utf8_check(xml_, name_)) {
                diagnostics_.push_back(*bad);
                return std::nullopt;
            }
        }
        for (pugi::xml_node n : doc.children()) {
            if (n.type() == pugi::node_doctype) {
                error(n, "a DOCTYPE (and with it entity declarations) is not accepted in XLIFF");
                return std::nullopt;
            }
        }
        pugi::xml_node root = doc.document_element();
        if (!is_element(root, "xliff")) {
            error(root,
                  std::string("not an XLIFF document: the root element is <") + root.name() + ">");
            return std::nullopt;
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
            error(root, "unsupported XLIFF version '" + version + "' (1.2 and 2.0 are read)");
            return std::nullopt;
        }

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
                error(file, "<file> without <body>");
            }
        }
        if (first_file) warning(root, "the document has no <file>");
        if (diagnostics_have_error(diagnostics_)) return std::nullopt;
        return std::move(cat_);
    }

  private:
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
    };

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
                if (v2_ ? attr(c, "type") == plurals20 : attr(c, "restype") == plurals12)
                    read_plural(c);
                else
                    read_container(c);
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
        settle_codes(u, notes, std::move(f.codes));
        u.catalog_line = line_of(n);
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
            error(g, "plural group without units");
            return;
        }
        u.source = forms[0].source;
        if (forms.size() > 1)
            u.source_plural = forms[1].source;
        else
            u.source_plural = forms[0].source;
        u.state = forms[0].state;
        bool any_target = false;
        for (const Form& f : forms) {
            u.plural_targets.push_back(f.target);
            any_target = any_target || !f.target.empty();
            if (f.state < u.state) u.state = f.state;
        }
        if (!any_target) u.plural_targets.clear();
        u.target = forms[0].target;
        if (u.state == UnitState::untranslated && !u.target.empty()) u.state = UnitState::fuzzy;
        settle_codes(u, notes, {});
        u.catalog_line = line_of(g);
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
            } else if (is_element(c, "alt-trans") &&
                       attr(c, "alttranstype") == "previous-version") {
                if (pugi::xml_node s = first_child(c, "source")) {
                    std::map<std::string, std::string> none, known;
                    u.previous_source = InlineReader(false, none, known, false).read(s).text;
                }
                for (pugi::xml_node g : c.children())
                    if (is_element(g, "context-group"))
                        for (pugi::xml_node ctx : g.children())
                            if (is_element(ctx, "context") &&
                                attr(ctx, "context-type") == "x-msgctxt")
                                u.previous_context = all_text(ctx);
            }
        }
    }

    bool read_form12(const pugi::xml_node& tu, Form& f) {
        pugi::xml_node source = first_child(tu, "source");
        if (!source) {
            error(tu, "<trans-unit> without <source>");
            return false;
        }
        std::map<std::string, std::string> none, known;
        InlineText src = InlineReader(false, none, known, true).read(source);
        f.source = std::move(src.text);
        f.codes = std::move(src.codes);
        pugi::xml_node target = first_child(tu, "target");
        if (target) f.target = InlineReader(false, none, known, false).read(target).text;
        f.state = state12(tu, target, f.target);
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
                error(seg, "<" + std::string(local_name(seg.name())) + "> without <source>");
                return false;
            }
            InlineText src = InlineReader(true, data, known, true).read(source);
            for (InlineCode& c : src.codes) {
                c.begin += f.source.size();
                c.end += f.source.size();
                f.codes.push_back(std::move(c));
            }
            f.source += src.text;
            pugi::xml_node target = first_child(seg, "target");
            std::string target_text;
            if (target)
                target_text = InlineReader(true, data, known, false).read(target).text;
            else if (!is_segment)
                target_text = src.text; // ignorable: kept as in the source
            f.target += target_text;
            if (!is_segment) continue;
            any_segment = true;
            if (target_text.empty())
                all_translated = false;
            else
                any_target_text = true;
            const UnitState s = state20(attr(seg, "state"), target, target_text);
            if (first || s < f.state) f.state = s;
            first = false;
        }
        if (!any_segment) {
            error(unit, "<unit> without <segment>");
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
    detail::LineStarts lines_;
    bool v2_ = false;
    Catalog cat_;
};

} // namespace

CatalogReadResult xliff_read(std::string_view xml, const std::string& display_name) {
    CatalogReadResult result;
    const std::string text(xml);
    Reader reader(text, display_name, result.diagnostics);
    result.catalog = reader.run();
    return result;
}

CatalogWriteResult xliff_write(const Catalog& catalog, CatalogFormat version) {
    CatalogWriteResult result;
    if (version == CatalogFormat::po) {
        result.diagnostics.push_back(
            {Severity::error, {}, 0, 0, "xliff_write needs an XLIFF version (1.2 or 2.0)"});
        return result;
    }
    Writer writer(catalog, version == CatalogFormat::xliff20, result.diagnostics);
    result.text = writer.run();
    return result;
}

} // namespace policyloc
