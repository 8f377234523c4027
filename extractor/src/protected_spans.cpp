#include "protected_spans.h"

#include <algorithm>
#include <memory>

#include "attributes.h"
#include "inline_markup.h"
#include "liquid.h"
#include "markdown_util.h"
#include "policyloc/date_expression.h"

namespace policyloc {

namespace {

bool escaped(std::string_view text, size_t pos) {
    size_t n = 0;
    while (pos > n && text[pos - 1 - n] == '\\') ++n;
    return n % 2 == 1;
}

struct Finder {
    std::string text;
    std::vector<InlineCode> codes;
    size_t cursor = 0;
    // The spans of the inline tree come in text order: while they do, max_end[k] is the
    // farthest end among codes[0..k] and inside_code is a binary search (a link text with
    // many code spans is scanned in time n log n, not n squared).
    std::vector<size_t> max_end;
    bool in_order = true;

    bool inside_code(size_t pos) const {
        if (!in_order) {
            for (const auto& c : codes)
                if (pos >= c.begin && pos < c.end) return true;
            return false;
        }
        auto it = std::upper_bound(codes.begin(), codes.end(), pos,
                                   [](size_t p, const InlineCode& c) { return p < c.begin; });
        return it != codes.begin() && max_end[static_cast<size_t>(it - codes.begin()) - 1] > pos;
    }

    void add(size_t b, size_t e, CodeKind kind) {
        if (e <= b) return;
        if (!codes.empty() && b < codes.back().begin) in_order = false;
        codes.push_back({b, e, kind, {}});
        max_end.push_back(max_end.empty() ? e : std::max(max_end.back(), e));
    }

    // The code span starting at the first unescaped backtick run at or after the cursor.
    void code_span() {
        for (size_t i = cursor; i < text.size(); ++i) {
            if (text[i] != '`' || escaped(text, i)) continue;
            size_t run = 0;
            while (i + run < text.size() && text[i + run] == '`') ++run;
            for (size_t j = i + run; j < text.size();) {
                if (text[j] != '`') {
                    ++j;
                    continue;
                }
                size_t close = 0;
                while (j + close < text.size() && text[j + close] == '`') ++close;
                if (close == run) {
                    add(i, j + close, CodeKind::code_span);
                    cursor = j + close;
                    return;
                }
                j += close;
            }
            i += run - 1;
        }
    }

    void literal(std::string_view what, CodeKind kind) {
        if (what.empty()) return;
        size_t at = text.find(what, cursor);
        // An escaped "<" is text ("\<br> then <br>"): the tag is a later occurrence.
        while (at != std::string_view::npos && escaped(text, at)) at = text.find(what, at + 1);
        if (at == std::string_view::npos) return;
        add(at, at + what.size(), kind);
        cursor = at + what.size();
    }

    size_t open_bracket(bool image) {
        for (size_t i = cursor; i < text.size(); ++i) {
            if (inside_code(i) || escaped(text, i)) continue;
            if (image && text[i] == '!' && i + 1 < text.size() && text[i + 1] == '[') {
                cursor = i + 2;
                return i;
            }
            if (!image && text[i] == '[') {
                cursor = i + 1;
                return i;
            }
        }
        return std::string_view::npos;
    }

    // The ']' matching the '[' at `open`.
    size_t close_bracket(size_t open) const {
        int depth = 0;
        for (size_t i = open; i < text.size(); ++i) {
            if (inside_code(i) || escaped(text, i)) continue;
            if (text[i] == '[')
                ++depth;
            else if (text[i] == ']' && --depth == 0)
                return i;
        }
        return std::string_view::npos;
    }

    // After "](": the destination and optional title up to the matching ')'.
    size_t close_paren(size_t pos) const {
        int depth = 0;
        char quote = 0;
        bool angle = false;
        for (size_t i = pos; i < text.size(); ++i) {
            char c = text[i];
            if (c == '\\') {
                ++i;
                continue;
            }
            if (quote) {
                if (c == quote) quote = 0;
                continue;
            }
            if (angle) {
                if (c == '>') angle = false;
                continue;
            }
            if (c == '<' && i == pos)
                angle = true;
            else if ((c == '"' || c == '\'') && i > pos && is_space_or_tab(text[i - 1]))
                quote = c;
            else if (c == '(' && i > pos && is_space_or_tab(text[i - 1]) && depth == 0)
                quote = ')';
            else if (c == '(')
                ++depth;
            else if (c == ')' && depth-- == 0)
                return i;
        }
        return std::string_view::npos;
    }

    // An image destination with a title ("src "Title""): the title is text people read, so
    // only the destination and the title's quotes are protected.
    void add_around_title(size_t b, size_t e, CodeKind kind) {
        size_t last = e;
        while (last > b && is_space_or_tab_or_newline(text[last - 1])) --last;
        char close = last > b ? text[last - 1] : 0;
        char open = close == ')' ? '(' : close;
        if (close != '"' && close != '\'' && close != ')') return add(b, e, kind);
        // The title opens at the first blank-preceded quote after the destination.
        size_t i = b;
        while (i < last && is_space_or_tab_or_newline(text[i])) ++i;
        if (i < last && text[i] == '<') i = text.find('>', i);
        while (i < last && i != std::string_view::npos && !is_space_or_tab_or_newline(text[i])) ++i;
        while (i < last && i != std::string_view::npos && is_space_or_tab_or_newline(text[i])) ++i;
        if (i == std::string_view::npos || i + 1 >= last - 1 || text[i] != open)
            return add(b, e, kind);
        add(b, i + 1, kind);
        add(last - 1, e, kind);
    }

    void link_end(size_t open, bool image) {
        if (open == std::string_view::npos) return;
        size_t close = close_bracket(image ? open + 1 : open);
        if (close == std::string_view::npos) return;
        const CodeKind dest_kind = image ? CodeKind::image_destination : CodeKind::link_destination;
        if (close + 1 < text.size() && text[close + 1] == '(') {
            size_t end = close_paren(close + 2);
            if (end == std::string_view::npos) return;
            if (image)
                add_around_title(close + 2, end, dest_kind);
            else
                add(close + 2, end, dest_kind);
            cursor = end + 1;
        } else if (text.compare(close + 1, 2, "[]") == 0 || close + 1 >= text.size() ||
                   text[close + 1] != '[') {
            // A collapsed or shortcut reference: its text is also its label. The label is
            // written out ("[text][text]") and protected, so the text can be translated.
            size_t text_begin = image ? open + 2 : open + 1;
            std::string label = "[" + text.substr(text_begin, close - text_begin) + "]";
            bool collapsed = text.compare(close + 1, 2, "[]") == 0;
            text.replace(close + 1, collapsed ? 2 : 0, label);
            add(close + 1, close + 1 + label.size(), CodeKind::link_reference);
            cursor = close + 1 + label.size();
        } else {
            size_t end = text.find(']', close + 2);
            if (end == std::string_view::npos) return;
            add(close + 1, end + 1, CodeKind::link_reference);
            cursor = end + 1;
        }
    }
};

bool is_autolink(cmark_node* link) {
    cmark_node* child = cmark_node_first_child(link);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT)
        return false;
    const char* url = cmark_node_get_url(link);
    const char* lit = cmark_node_get_literal(child);
    if (!url || !lit) return false;
    std::string u = url, l = lit;
    return u == l || u == "mailto:" + l || u == "http://" + l || u == "https://" + l;
}

enum class AutolinkForm { angle, bare, inline_link };

// A link whose text is its URL is written "<url>", bare (GFM), or as "[url](url)": whichever
// comes first after the cursor.
AutolinkForm autolink_form(std::string_view text, size_t cursor, std::string_view lit) {
    std::string angle = "<" + std::string(lit) + ">";
    std::string inline_link = "[" + std::string(lit) + "](";
    size_t a = text.find(angle, cursor);
    size_t i = text.find(inline_link, cursor);
    size_t b = text.find(lit, cursor);
    if (i != std::string_view::npos && i <= a && (b == std::string_view::npos || i + 1 <= b))
        return AutolinkForm::inline_link;
    return a != std::string_view::npos && a + 1 <= b ? AutolinkForm::angle : AutolinkForm::bare;
}

// Hugo template actions and shortcodes, Liquid tags, then attribute lists, outside the spans
// found so far. The translatable parameter values of a shortcode are text between its parts.
void add_template_spans(Finder& f, const std::vector<std::string>& params, size_t& values) {
    // Spans are checked against those of the inline tree (in text order, a binary search);
    // a tag inside another tag is dropped with the nested spans at the end.
    Finder inline_spans{{}, f.codes, 0, f.max_end, f.in_order};
    std::vector<ShortcodeTag> tags = scan_shortcode_tags(f.text);
    for (size_t t = 0; t < tags.size(); ++t) {
        const ShortcodeTag& tag = tags[t];
        if (inline_spans.inside_code(tag.begin)) continue;
        if (!tag.shortcode) {
            std::string_view action =
                std::string_view(f.text).substr(tag.begin, tag.end - tag.begin);
            f.add(tag.begin, tag.end,
                  date_expression_parse(action) ? CodeKind::date : CodeKind::template_action);
            continue;
        }
        std::string_view whole = std::string_view(f.text).substr(tag.begin, tag.end - tag.begin);
        size_t from = tag.begin;
        if (!tag.closing && !tag.unclosed)
            for (const auto& [b, e] : shortcode_param_values(whole, tag.name, params)) {
                f.add(from, tag.begin + b, CodeKind::shortcode);
                from = tag.begin + e;
                ++values;
            }
        f.add(from, tag.end, CodeKind::shortcode);
    }
    for (const LiquidTag& tag : scan_liquid_tags(f.text))
        if (!inline_spans.inside_code(tag.begin)) f.add(tag.begin, tag.end, CodeKind::liquid_tag);
    for (const auto& [b, e] : scan_attribute_lists(f.text))
        if (!inline_spans.inside_code(b)) f.add(b, e, CodeKind::attribute);
}

} // namespace

size_t skip_go_string(std::string_view text, size_t pos) {
    char q = text[pos];
    for (size_t i = pos + 1; i < text.size(); ++i) {
        if (q == '"' && text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] == q) return i + 1;
        if (q == '"' && text[i] == '\n') return std::string_view::npos;
    }
    return std::string_view::npos;
}

std::vector<ShortcodeTag> scan_shortcode_tags(std::string_view text) {
    std::vector<ShortcodeTag> tags;
    size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        ShortcodeTag tag;
        tag.begin = pos;
        size_t i = pos + 2;
        char delim = 0;
        if (i < text.size() && (text[i] == '<' || text[i] == '%')) {
            delim = text[i];
            tag.shortcode = true;
            ++i;
        }
        // Name of a shortcode (after optional "/*" comment marker, spaces and "/").
        size_t j = i;
        if (tag.shortcode) {
            if (text.substr(j, 2) == "/*") j += 2;
            while (j < text.size() && is_space_or_tab_or_newline(text[j])) ++j;
            if (j < text.size() && text[j] == '/') {
                tag.closing = true;
                ++j;
                while (j < text.size() && is_space_or_tab_or_newline(text[j])) ++j;
            }
            size_t name_begin = j;
            while (j < text.size() && !is_space_or_tab_or_newline(text[j]) && text[j] != '>' &&
                   text[j] != '%' && text[j] != '/' && text[j] != '}')
                ++j;
            tag.name = std::string(text.substr(name_begin, j - name_begin));
        }
        size_t end = std::string_view::npos;
        for (size_t k = j; k + 1 < text.size(); ++k) {
            char c = text[k];
            if (c == '"' || c == '`') {
                size_t after = skip_go_string(text, k);
                if (after == std::string_view::npos) break;
                k = after - 1;
                continue;
            }
            if (c == '{' && text[k + 1] == '{') break; // a tag cannot hold another: unclosed
            if (tag.shortcode) {
                if (c == (delim == '<' ? '>' : '%') && text.substr(k + 1, 2) == "}}") {
                    end = k + 3;
                    size_t before = k;
                    while (before > j && is_space_or_tab_or_newline(text[before - 1])) --before;
                    tag.self_closing = before > j && text[before - 1] == '/';
                    break;
                }
            } else if (c == '}' && text[k + 1] == '}') {
                end = k + 2;
                break;
            }
        }
        // An unclosed tag runs to the end of the text; scanning goes on after its "{{", so
        // that one stray "{{" does not hide the tags that follow it.
        tag.unclosed = end == std::string_view::npos;
        tag.end = tag.unclosed ? text.size() : end;
        pos = tag.unclosed ? pos + 2 : end;
        tags.push_back(std::move(tag));
    }
    return tags;
}

SpanScan find_protected_spans(std::string_view text, cmark_node* block,
                              const std::vector<std::string>& shortcode_params) {
    Finder f{std::string(text), {}, 0, {}, true};
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(block),
                                                                 cmark_iter_free);
    std::vector<std::pair<cmark_node*, size_t>> open_links;
    cmark_node* skip_until = nullptr;
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (node == block) continue;
        cmark_node_type type = cmark_node_get_type(node);
        if (skip_until) {
            if (node == skip_until && ev == CMARK_EVENT_EXIT) skip_until = nullptr;
            continue;
        }
        bool link = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
        if (ev == CMARK_EVENT_EXIT) {
            if (link && !open_links.empty() && open_links.back().first == node) {
                f.link_end(open_links.back().second, type == CMARK_NODE_IMAGE);
                open_links.pop_back();
            }
            continue;
        }
        if (type == CMARK_NODE_CODE) {
            f.code_span();
        } else if (type == CMARK_NODE_HTML_INLINE) {
            const char* lit = cmark_node_get_literal(node);
            if (lit) f.literal(fold_lines(lit), CodeKind::html);
        } else if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
            size_t at = f.text.find("[^", f.cursor);
            size_t close = at == std::string::npos ? at : f.text.find(']', at);
            if (close != std::string_view::npos) {
                f.add(at, close + 1, CodeKind::footnote_reference);
                f.cursor = close + 1;
            }
        } else if (type == CMARK_NODE_LINK && is_autolink(node) &&
                   autolink_form(f.text, f.cursor,
                                 cmark_node_get_literal(cmark_node_first_child(node))) !=
                       AutolinkForm::inline_link) {
            std::string lit = cmark_node_get_literal(cmark_node_first_child(node));
            // This link's own form: a bare address must not take the "<address>" after it.
            if (autolink_form(f.text, f.cursor, lit) == AutolinkForm::angle)
                f.literal("<" + lit + ">", CodeKind::autolink);
            else
                f.literal(lit, CodeKind::autolink);
            skip_until = node;
        } else if (link) {
            open_links.emplace_back(node, f.open_bracket(type == CMARK_NODE_IMAGE));
        }
    }

    size_t values = 0;
    add_template_spans(f, shortcode_params, values);
    std::sort(f.codes.begin(), f.codes.end(), [](const InlineCode& a, const InlineCode& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    SpanScan scan;
    scan.text = std::move(f.text);
    scan.shortcode_values = values;
    for (auto& c : f.codes) {
        if (!scan.codes.empty() && c.begin < scan.codes.back().end) continue; // nested
        scan.codes.push_back(std::move(c));
    }
    scan.markup = find_markup_pairs(scan.text, block, scan.codes);
    return scan;
}

} // namespace policyloc
