// Inline content of XLIFF <source> and <target> and the 2.0 <originalData> of a unit's codes
// (see xliff_codes.h for where they go).
#include "xliff_write_inline.h"

#include <algorithm>
#include <utility>

#include "xliff_codes.h"
#include "xliff_states.h"

namespace policyloc::detail {

namespace {

using Role = CodeHit::Role;

// Target pairs that lie inside the target and do not overlap each other.
bool target_markup_valid(const Unit& u, const std::string& target) {
    if (u.target_markup.size() != u.markup.size() || u.markup.empty()) return false;
    std::vector<std::pair<size_t, size_t>> ends;
    for (const MarkupPair& p : u.target_markup) {
        if (!(p.open_begin < p.open_end && p.open_end <= p.close_begin &&
              p.close_begin < p.close_end && p.close_end <= target.size()))
            return false;
        ends.emplace_back(p.open_begin, p.open_end);
        ends.emplace_back(p.close_begin, p.close_end);
    }
    std::sort(ends.begin(), ends.end());
    for (size_t i = 1; i < ends.size(); ++i)
        if (ends[i].first < ends[i - 1].second) return false;
    return true;
}

} // namespace

// Text with its codes: standalone codes as <ph>; pairs as <bpt>/<ept> (1.2), <pc> (2.0) or,
// where a target's pairs do not nest, <sc/>/<ec/>.
void InlineWriter::content(pugi::xml_node node, std::string_view text,
                           const std::vector<PlacedCode>& codes, const Unit& u, bool target,
                           const std::string& id) {
    std::vector<pugi::xml_node> stack{node};
    const bool nest = v2_ && codes_nest(codes);
    size_t pos = 0;
    for (const PlacedCode& m : codes) {
        b_.text(stack.back(), text.substr(pos, m.begin - pos), id);
        const std::string_view code_text = text.substr(m.begin, m.end - m.begin);
        if (m.role == Role::standalone)
            code(stack.back(), m.number, code_text, id);
        else if (nest && m.role == Role::open)
            stack.push_back(pc(stack.back(), u, m.number, target, id));
        else if (nest)
            stack.pop_back();
        else
            pair_end(stack.back(), u, m, code_text, target, id);
        pos = m.end;
    }
    b_.text(stack.back(), text.substr(pos), id);
}

// The originalData id of a pair's start or end; a target whose delimiters differ from the
// source's (a translated link destination) has data of its own.
std::string InlineWriter::pair_data_id(const Unit& u, size_t number, bool open, bool target) {
    std::string data = "d" + pair_id(number) + (open ? "s" : "e");
    return target && pair_text(u, number, open, true) != pair_text(u, number, open, false)
               ? data + "-t"
               : data;
}

std::string_view InlineWriter::pair_text(const Unit& u, size_t number, bool open, bool target) {
    const MarkupPair& p = (target ? u.target_markup : u.markup)[number - 1];
    const std::string_view text = target ? u.target : u.source;
    return open ? text.substr(p.open_begin, p.open_end - p.open_begin)
                : text.substr(p.close_begin, p.close_end - p.close_begin);
}

void InlineWriter::markup_type(pugi::xml_node e, const Unit& u, size_t number) {
    const MarkupType20 t = markup_type20(u.markup[number - 1].kind);
    e.append_attribute("type") = t.type;
    if (*t.sub_type) e.append_attribute("subType") = t.sub_type;
}

pugi::xml_node InlineWriter::pc(pugi::xml_node node, const Unit& u, size_t number, bool target,
                                const std::string& id) {
    pugi::xml_node e = node.append_child("pc");
    e.append_attribute("id") = pair_id(number).c_str();
    e.append_attribute("dataRefStart") = pair_data_id(u, number, true, target).c_str();
    e.append_attribute("dataRefEnd") = pair_data_id(u, number, false, target).c_str();
    markup_type(e, u, number);
    e.append_attribute("dispStart") =
        b_.attribute_text(pair_text(u, number, true, target), id).c_str();
    e.append_attribute("dispEnd") =
        b_.attribute_text(pair_text(u, number, false, target), id).c_str();
    return e;
}

void InlineWriter::pair_end(pugi::xml_node node, const Unit& u, const PlacedCode& m,
                            std::string_view text, bool target, const std::string& id) {
    const bool open = m.role == Role::open;
    const std::string pid = pair_id(m.number);
    if (!v2_) {
        pugi::xml_node e = node.append_child(open ? "bpt" : "ept");
        e.append_attribute("id") = pid.c_str();
        if (open) e.append_attribute("ctype") = markup_ctype12(u.markup[m.number - 1].kind);
        b_.text(e, text, id);
        return;
    }
    pugi::xml_node e = node.append_child(open ? "sc" : "ec");
    e.append_attribute(open ? "id" : "startRef") = pid.c_str();
    e.append_attribute("dataRef") = pair_data_id(u, m.number, open, target).c_str();
    if (open) markup_type(e, u, m.number);
    e.append_attribute("disp") = b_.attribute_text(text, id).c_str();
}

void InlineWriter::code(pugi::xml_node node, size_t number, std::string_view text,
                        const std::string& id) {
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

void InlineWriter::source(pugi::xml_node node, const Unit& u, const std::string& id) {
    content(node, u.source, place_source_codes(u, !u.markup.empty()), u, false, id);
}

void InlineWriter::target(pugi::xml_node node, const Unit& u, const std::string& target,
                          const std::string& id) {
    // Every code in its place, or none: a target without codes reads back as the Markdown text
    // it is (a PO translation that dropped some formatting), while one with only some of them
    // reads as broken.
    const bool pairs = target_markup_valid(u, target);
    std::vector<PlacedCode> codes;
    if (pairs || u.markup.empty()) {
        codes = place_target_codes(u, target, pairs);
        if (codes.size() != place_source_codes(u, pairs).size()) codes.clear();
    }
    content(node, target, codes, u, pairs && !codes.empty(), id);
}

void InlineWriter::original_data(pugi::xml_node unit, const Unit& u, const std::string& id,
                                 int depth) {
    if (u.codes.empty() && u.markup.empty()) return;
    pugi::xml_node od = b_.element(unit, "originalData", depth);
    auto data = [&](const std::string& data_id, std::string_view text) {
        pugi::xml_node d = b_.element(od, "data", depth + 1);
        d.append_attribute("id") = data_id.c_str();
        b_.text(d, text, id);
    };
    for (const PlacedCode& c : place_source_codes(u, !u.markup.empty()))
        if (c.role == Role::standalone)
            data("d" + std::to_string(c.number),
                 std::string_view(u.source).substr(c.begin, c.end - c.begin));
    for (size_t n = 1; n <= u.markup.size(); ++n) {
        data(pair_data_id(u, n, true, false), pair_text(u, n, true, false));
        data(pair_data_id(u, n, false, false), pair_text(u, n, false, false));
    }
    if (writable_state(u) != UnitState::untranslated && target_markup_valid(u, u.target))
        for (size_t n = 1; n <= u.markup.size(); ++n)
            for (bool open : {true, false})
                if (pair_data_id(u, n, open, true) != pair_data_id(u, n, open, false))
                    data(pair_data_id(u, n, open, true), pair_text(u, n, open, true));
    b_.close(od, depth);
}

} // namespace policyloc::detail
