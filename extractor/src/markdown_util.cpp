#include "markdown_util.h"

#include <algorithm>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "attributes.h"
#include "definition_list.h"
#include "policyloc/markdown_extensions.h"
#include "policyloc/utf8_text.h"

namespace policyloc {

std::string detect_newline(std::string_view page) {
    size_t end = page.find_first_of("\r\n");
    if (end == std::string_view::npos || page[end] == '\n') return "\n";
    return end + 1 < page.size() && page[end + 1] == '\n' ? "\r\n" : "\r";
}

size_t bom_length(std::string_view page) {
    return page.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

size_t text_columns(std::string_view s) {
    size_t cols = 0;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c == '\t')
            cols += 4 - cols % 4;
        else
            cols += c < 0 ? 1 : code_point_width(c);
    }
    return cols;
}

std::string continuation_prefix(std::string_view first_line_prefix) {
    std::string out;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(first_line_prefix.size());
    const auto* p = reinterpret_cast<const uint8_t*>(first_line_prefix.data());
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c == '>' || c == '\t')
            out += static_cast<char>(c);
        else
            out.append(text_columns(first_line_prefix.substr(static_cast<size_t>(start),
                                                             static_cast<size_t>(i - start))),
                       ' ');
    }
    return out;
}

bool has_letter_or_digit(std::string_view text, const std::vector<InlineCode>& ranges) {
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(text.size());
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    size_t r = 0;
    while (i < n) {
        auto pos = static_cast<size_t>(i);
        while (r < ranges.size() && ranges[r].end <= pos) ++r;
        if (r < ranges.size() && ranges[r].begin <= pos) {
            i = static_cast<int32_t>(ranges[r].end);
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c))) return true;
    }
    return false;
}

bool append_line(std::string& out, std::string_view content, bool last) {
    size_t keep = content.size();
    while (keep > 0 && is_space_or_tab(content[keep - 1])) --keep;
    if (!last) {
        size_t spaces = 0;
        while (spaces < content.size() && content[content.size() - 1 - spaces] == ' ') ++spaces;
        size_t backslashes = 0;
        while (backslashes < content.size() && content[content.size() - 1 - backslashes] == '\\')
            ++backslashes;
        if (spaces >= 2 || backslashes % 2 == 1) {
            out += content;
            out += '\n';
            return true;
        }
    }
    out += content.substr(0, keep);
    if (!last) out += ' ';
    return false;
}

std::string fold_lines(std::string_view literal) {
    std::string out;
    size_t pos = 0;
    while (true) {
        size_t nl = literal.find_first_of("\r\n", pos);
        if (nl == std::string_view::npos) {
            out += literal.substr(pos);
            return out;
        }
        append_line(out, literal.substr(pos, nl - pos), false);
        pos = nl + 1;
        if (literal[nl] == '\r' && pos < literal.size() && literal[pos] == '\n') ++pos;
        while (pos < literal.size() && is_space_or_tab(literal[pos])) ++pos;
    }
}

size_t skip_container_prefix(std::string_view page, size_t b, size_t e, int quote_depth) {
    for (;;) {
        while (b < e && is_space_or_tab(page[b])) ++b;
        if (quote_depth > 0 && b < e && page[b] == '>') {
            ++b;
            --quote_depth;
            continue;
        }
        return b;
    }
}

bool is_setext_underline(std::string_view page, const LineIndex& lines, int line, int quote_depth) {
    size_t e = lines.line_end(line);
    size_t b = skip_container_prefix(page, lines.line_begin(line), e, quote_depth);
    while (e > b && is_space_or_tab(page[e - 1])) --e;
    if (b == e || (page[b] != '=' && page[b] != '-')) return false;
    for (size_t i = b; i < e; ++i)
        if (page[i] != page[b]) return false;
    return true;
}

BlockText cut_single_line(std::string_view page, size_t begin, size_t end) {
    while (begin < end && is_space_or_tab(page[begin])) ++begin;
    while (end > begin && is_space_or_tab(page[end - 1])) --end;
    BlockText bt;
    bt.begin = begin;
    bt.end = end;
    bt.text = std::string(page.substr(begin, end - begin));
    return bt;
}

BlockText cut_atx_heading(std::string_view page, size_t marker, size_t line_end) {
    size_t b = marker;
    while (b < line_end && page[b] == '#') ++b;
    while (b < line_end && is_space_or_tab(page[b])) ++b;
    size_t e = line_end;
    while (e > b && is_space_or_tab(page[e - 1])) --e;
    size_t hashes = e;
    while (hashes > b && page[hashes - 1] == '#') --hashes;
    if (hashes < e && (hashes == b || is_space_or_tab(page[hashes - 1]))) {
        e = hashes;
        while (e > b && is_space_or_tab(page[e - 1])) --e;
    }
    return cut_single_line(page, b, e);
}

void drop_trailing_attribute_list(std::string_view page, BlockText& bt) {
    auto lists = scan_attribute_lists(bt.text);
    if (lists.empty() || lists.back().second != bt.text.size()) return;
    size_t keep = lists.back().first;
    if (keep == 0 || !is_space_or_tab(bt.text[keep - 1])) return;
    while (keep > 0 && is_space_or_tab(bt.text[keep - 1])) --keep;
    if (keep == 0) return;
    size_t removed = bt.text.size() - keep;
    // The removed tail must be the page's bytes just before the text's end (not folded across
    // a line break), so that the skeleton keeps it verbatim.
    if (removed > bt.end - bt.begin ||
        page.substr(bt.end - removed, removed) != std::string_view(bt.text).substr(keep))
        return;
    bt.text.resize(keep);
    bt.end -= removed;
}

BlockText cut_lines(std::string_view page, const LineIndex& lines, int first_line,
                    size_t first_offset, int last_line, int quote_depth) {
    BlockText bt;
    bt.begin = first_offset;
    bt.multi_line = last_line > first_line;
    for (int l = first_line; l <= last_line; ++l) {
        size_t b = l == first_line ? first_offset : lines.line_begin(l);
        size_t e = lines.line_end(l);
        if (l != first_line) {
            b = skip_container_prefix(page, b, e, quote_depth);
            if (l == first_line + 1)
                bt.second_line_prefix =
                    std::string(page.substr(lines.line_begin(l), b - lines.line_begin(l)));
        }
        bool last = l == last_line;
        std::string_view content = page.substr(b, e - b);
        bool hard = append_line(bt.text, content, last);
        bt.hard_breaks = bt.hard_breaks || hard;
        if (!last && !hard) {
            size_t kept = content.size();
            while (kept > 0 && is_space_or_tab(content[kept - 1])) --kept;
            bt.wrapped_line_widths.push_back(
                text_columns(page.substr(lines.line_begin(l), b + kept - lines.line_begin(l))));
        }
        if (last) {
            size_t kept = content.size();
            while (kept > 0 && is_space_or_tab(content[kept - 1])) --kept;
            bt.end = b + kept;
        }
    }
    return bt;
}

} // namespace policyloc

#include <cmark-gfm-core-extensions.h>

namespace policyloc {

CmarkDocument::CmarkDocument(std::string_view markdown)
    : root(markdown_parse(markdown, CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES)) {}

CmarkDocument::~CmarkDocument() {
    if (root) cmark_node_free(root);
}

namespace {

// " t d": the terms and definitions of a paragraph that is a definition list.
std::string definition_list_shape_of(cmark_node* paragraph, std::string_view markdown,
                                     const LineIndex& lines) {
    int start = cmark_node_get_start_line(paragraph);
    if (start <= 0) return {};
    int quote_depth = 0;
    for (cmark_node* a = cmark_node_parent(paragraph); a; a = cmark_node_parent(a))
        if (cmark_node_get_type(a) == CMARK_NODE_BLOCK_QUOTE) ++quote_depth;
    cmark_node* prev = cmark_node_previous(paragraph);
    bool after_paragraph = prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH;
    return definition_list_shape(definition_list_parts(
        markdown, lines, start, lines.offset(start, cmark_node_get_start_column(paragraph)),
        cmark_node_get_end_line(paragraph), quote_depth, after_paragraph));
}

} // namespace

size_t text_block_count(cmark_node* document) {
    size_t n = 0;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document),
                                                                 cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        cmark_node_type type = cmark_node_get_type(node);
        const char* name = cmark_node_get_type_string(node);
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
            (name && std::string_view(name) == "table_cell"))
            ++n;
    }
    return n;
}

std::vector<BlockInfo> block_tree_of(cmark_node* document, int first_line,
                                     std::string_view markdown) {
    LineIndex lines(markdown);
    std::vector<BlockInfo> blocks;
    cmark_iter* iter = cmark_iter_new(document);
    int depth = 0;
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) continue;
        cmark_node_type type = cmark_node_get_type(node);
        bool leaf = type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK ||
                    type == CMARK_NODE_HTML_BLOCK;
        if (ev == CMARK_EVENT_EXIT) {
            --depth;
            continue;
        }
        std::string sig = std::to_string(depth) + " " + cmark_node_get_type_string(node);
        if (type == CMARK_NODE_HEADING)
            sig += " level=" + std::to_string(cmark_node_get_heading_level(node));
        if (type == CMARK_NODE_LIST) {
            sig += cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? " ordered" : " bullet";
            sig += cmark_node_get_list_tight(node) ? " tight" : " loose";
        }
        if (type == CMARK_NODE_PARAGRAPH)
            if (std::string shape = definition_list_shape_of(node, markdown, lines); !shape.empty())
                sig += " definition list=" + shape;
        if (std::string_view(cmark_node_get_type_string(node)) == "table")
            sig += " columns=" + std::to_string(cmark_gfm_extensions_get_table_columns(node));
        int end = cmark_node_get_end_line(node);
        blocks.push_back({sig, first_line + cmark_node_get_start_line(node) - 1,
                          end > 0 ? first_line + end - 1 : 0});
        if (!leaf) ++depth;
    }
    cmark_iter_free(iter);
    return blocks;
}

std::vector<BlockInfo> markdown_block_tree(std::string_view markdown, int first_line) {
    CmarkDocument doc(markdown);
    return block_tree_of(doc.root, first_line, markdown);
}

} // namespace policyloc

namespace policyloc {

std::string markdown_render_html(std::string_view markdown) {
    CmarkDocument doc(markdown);
    cmark_llist* extensions = nullptr;
    cmark_mem* mem = cmark_get_default_mem_allocator();
    for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
            extensions = cmark_llist_append(mem, extensions, e);
    // Raw HTML of the page is kept (CMARK_OPT_UNSAFE): a preview shows what the site shows.
    char* html = cmark_render_html(doc.root, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES, extensions);
    std::string out = html ? html : "";
    mem->free(html);
    cmark_llist_free(mem, extensions);
    return out;
}

} // namespace policyloc
