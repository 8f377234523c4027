// Previous source as a CAT-tool match: XLIFF 1.2 <alt-trans>, 2.0 <mtc:matches> (see
// xliff_matches.h for the mapping).
#include "xliff_matches.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "policyloc/similarity.h"
#include "xliff_common.h"

namespace policyloc::detail {

namespace {

// The previous source as a unit whose codes are the current source's code texts, where they are
// found in it (in order, each after the one before).
Unit previous_unit(const Unit& u) {
    Unit prev;
    prev.source = u.previous_source.value_or(std::string());
    size_t from = 0;
    for (const InlineCode& c : u.codes) {
        if (c.end > u.source.size() || c.begin >= c.end) continue;
        const std::string_view text = std::string_view(u.source).substr(c.begin, c.end - c.begin);
        const size_t at = prev.source.find(text, from);
        if (at == std::string::npos) continue;
        prev.codes.push_back(inline_code_named(at, at + text.size(), c.kind_name()));
        from = at + text.size();
    }
    return prev;
}

std::string plain_text(const pugi::xml_node& n) {
    std::map<std::string, std::string> none, known;
    return inline_text_read(n, false, none, known, false).text;
}

} // namespace

int previous_match_quality(const Unit& u) {
    if (!u.previous_source) return 0;
    if (*u.previous_source == u.source) return 100;
    const double s = text_similarity(masked_source(previous_unit(u)), masked_source(u));
    return std::clamp(static_cast<int>(std::floor(s * 100.0)), 0, 99);
}

void alt_trans_write(Builder& b, pugi::xml_node trans_unit, const Unit& u, const std::string& id,
                     int depth) {
    if (!u.previous_source && !u.previous_context) return;
    pugi::xml_node alt = b.element(trans_unit, "alt-trans", depth);
    if (u.previous_source)
        alt.append_attribute("match-quality") = std::to_string(previous_match_quality(u)).c_str();
    alt.append_attribute("origin") = previous_origin;
    if (u.previous_source) b.text(b.element(alt, "source", depth + 1), *u.previous_source, id);
    b.text(b.element(alt, "target", depth + 1), u.target, id);
    if (u.previous_context) {
        pugi::xml_node g = b.element(alt, "context-group", depth + 1);
        g.append_attribute("purpose") = "information";
        pugi::xml_node c = g.append_child("context");
        c.append_attribute("context-type") = "x-msgctxt";
        b.text(c, *u.previous_context, id);
    }
    b.close(alt, depth);
}

void matches_write(Builder& b, pugi::xml_node unit, const Unit& u, const std::string& id,
                   int depth) {
    if (!u.previous_source) return;
    pugi::xml_node matches = b.element(unit, "mtc:matches", depth);
    pugi::xml_node m = b.element(matches, "mtc:match", depth + 1);
    m.append_attribute("ref") = (std::string("#") + match_segment_id).c_str();
    m.append_attribute("similarity") = std::to_string(previous_match_quality(u)).c_str();
    m.append_attribute("origin") = previous_origin;
    m.append_attribute("type") = "tm";
    pugi::xml_node s = b.element(m, "source", depth + 2);
    s.append_attribute("xml:space") = "preserve";
    b.text(s, *u.previous_source, id);
    pugi::xml_node t = b.element(m, "target", depth + 2);
    t.append_attribute("xml:space") = "preserve";
    b.text(t, u.target, id);
    b.close(m, depth + 1);
    b.close(matches, depth);
}

bool alt_trans_read(const pugi::xml_node& alt, Unit& u) {
    if (attr(alt, "origin") != previous_origin && attr(alt, "alttranstype") != "previous-version")
        return false;
    if (pugi::xml_node s = first_child(alt, "source")) u.previous_source = plain_text(s);
    for (pugi::xml_node g : alt.children())
        if (is_element(g, "context-group"))
            for (pugi::xml_node ctx : g.children())
                if (is_element(ctx, "context") && attr(ctx, "context-type") == "x-msgctxt")
                    u.previous_context = all_text(ctx);
    return true;
}

void matches_read(const pugi::xml_node& matches, Unit& u) {
    for (pugi::xml_node m : matches.children()) {
        if (!is_element(m, "match") || attr(m, "origin") != previous_origin) continue;
        if (pugi::xml_node s = first_child(m, "source")) u.previous_source = plain_text(s);
        return;
    }
}

} // namespace policyloc::detail
