// Finds a unit's pairs of formatting codes by parsing its text alone (see markup_pairs.h): the
// text follows "a " (so that no line of it starts a block of its own kind) and is followed by
// definitions of the unit's reference labels and footnotes, so that its links are links.
#include "policyloc/markup_pairs.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inline_markup.h"
#include "markdown_util.h"
#include "protected_spans.h"

namespace policyloc {

namespace {

constexpr std::string_view lead = "a ";

// Reference definitions for the link labels and footnotes of the source's codes.
std::string definitions(const Unit& u) {
    std::string defs;
    for (const InlineCode& c : u.codes) {
        const std::string text = u.source.substr(c.begin, c.end - c.begin);
        if (c.kind == CodeKind::link_reference && text.size() > 2 && text.find('\n') == text.npos)
            defs += "\n\n" + text + ": /x";
        else if (c.kind == CodeKind::footnote_reference && text.find('\n') == text.npos)
            defs += "\n\n" + text + ": x";
    }
    return defs;
}

std::optional<std::vector<MarkupPair>> pairs_of(const std::string& text, const std::string& defs) {
    if (text.empty() || text.find("\n\n") != std::string::npos) return std::nullopt;
    const std::string input = std::string(lead) + text;
    CmarkDocument doc(input + defs);
    cmark_node* para = cmark_node_first_child(doc.root);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return std::nullopt;
    int lines = 1;
    for (char c : input) lines += c == '\n';
    if (cmark_node_get_start_line(para) != 1 || cmark_node_get_end_line(para) != lines)
        return std::nullopt;
    SpanScan scan = find_protected_spans(input, para);
    if (scan.text != input) return std::nullopt;
    std::vector<MarkupPair> pairs = find_markup_pairs(input, para, scan.codes);
    for (MarkupPair& p : pairs) {
        if (p.open_begin < lead.size()) return std::nullopt;
        p.open_begin -= lead.size(), p.open_end -= lead.size();
        p.close_begin -= lead.size(), p.close_end -= lead.size();
    }
    return pairs;
}

std::string_view end_text(const std::string& text, const MarkupPair& p, bool open) {
    return open ? std::string_view(text).substr(p.open_begin, p.open_end - p.open_begin)
                : std::string_view(text).substr(p.close_begin, p.close_end - p.close_begin);
}

// target_markup[i] for each markup[i]: the target pair of the same kind and delimiters, else the
// next one of the same kind.
std::vector<MarkupPair> match_pairs(const Unit& u, const std::vector<MarkupPair>& found) {
    std::vector<MarkupPair> out(u.markup.size());
    std::vector<bool> taken(found.size(), false), set(u.markup.size(), false);
    for (bool exact : {true, false})
        for (size_t i = 0; i < u.markup.size(); ++i)
            for (size_t j = 0; !set[i] && j < found.size(); ++j) {
                if (taken[j] || found[j].kind != u.markup[i].kind) continue;
                if (exact &&
                    (end_text(u.target, found[j], true) != end_text(u.source, u.markup[i], true) ||
                     end_text(u.target, found[j], false) != end_text(u.source, u.markup[i], false)))
                    continue;
                out[i] = found[j];
                taken[j] = set[i] = true;
            }
    for (bool s : set)
        if (!s) return {};
    return out;
}

} // namespace

void markup_annotate(Unit& u) {
    if (u.source_plural) return;
    const std::string defs = definitions(u);
    if (u.markup.empty()) {
        if (auto pairs = pairs_of(u.source, defs)) u.markup = std::move(*pairs);
    }
    if (u.markup.empty() || u.target.empty() || u.target_markup.size() == u.markup.size()) return;
    auto found = pairs_of(u.target, defs);
    if (!found || found->size() != u.markup.size()) return;
    u.target_markup = match_pairs(u, *found);
}

void markup_annotate(Catalog& catalog) {
    for (Unit& u : catalog.units()) markup_annotate(u);
}

} // namespace policyloc
