// Follows cmark-gfm's inline tree along the unit's text with one cursor: text nodes are matched
// byte for byte (backslash escapes and entity references included), leaves that are protected
// spans skip their span, and each emphasis, strong, strikethrough, link or image records where
// its delimiters are. Anything that does not line up gives no pairs at all.
#include "inline_markup.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "markdown_util.h"

namespace policyloc {

namespace {

bool ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// What an entity or numeric character reference stands for, as cmark-gfm decodes it.
std::optional<std::string> decode_reference(std::string_view ref) {
    CmarkDocument doc(ref);
    cmark_node* para = cmark_node_first_child(doc.root);
    cmark_node* text = para ? cmark_node_first_child(para) : nullptr;
    if (!text || cmark_node_next(text) || cmark_node_get_type(text) != CMARK_NODE_TEXT)
        return std::nullopt;
    const char* lit = cmark_node_get_literal(text);
    if (!lit || std::string_view(lit) == ref) return std::nullopt;
    return std::string(lit);
}

class Walker {
  public:
    Walker(std::string_view text, const std::vector<InlineCode>& codes)
        : text_(text), codes_(codes) {}

    bool run(cmark_node* block) {
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(block),
                                                                     cmark_iter_free);
        for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (node == block) continue;
            if (skip_until_) {
                if (node == skip_until_ && ev == CMARK_EVENT_EXIT) skip_until_ = nullptr;
                continue;
            }
            if (!(ev == CMARK_EVENT_EXIT ? exit(node) : enter(node))) return false;
        }
        return open_.empty() && delimiters_outside_codes();
    }

    std::vector<MarkupPair> take() {
        std::sort(pairs_.begin(), pairs_.end(), [](const MarkupPair& a, const MarkupPair& b) {
            return a.open_begin < b.open_begin;
        });
        return std::move(pairs_);
    }

  private:
    // The protected span that starts at `pos`, if any.
    const InlineCode* code_at(size_t pos) const {
        auto it = std::lower_bound(codes_.begin(), codes_.end(), pos,
                                   [](const InlineCode& c, size_t p) { return c.begin < p; });
        return it != codes_.end() && it->begin == pos ? &*it : nullptr;
    }

    bool skip_code(CodeKind kind) {
        const InlineCode* c = code_at(pos_);
        if (!c || c->kind != kind) return false;
        pos_ = c->end;
        return true;
    }

    // Matches a text node's literal at the cursor.
    bool literal(std::string_view lit) {
        for (size_t i = 0; i < lit.size();) {
            if (pos_ >= text_.size()) return false;
            const char c = text_[pos_];
            if (c == '&' && reference(lit, i)) continue;
            if (c == lit[i]) {
                ++pos_, ++i;
            } else if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == lit[i] &&
                       ascii_punct(lit[i])) {
                pos_ += 2, ++i;
            } else {
                return false;
            }
        }
        return true;
    }

    // An entity or character reference at the cursor that stands for the literal's bytes at
    // `i`: both move past it.
    bool reference(std::string_view lit, size_t& i) {
        const size_t semi = text_.substr(0, pos_ + 40).find(';', pos_);
        if (semi == std::string_view::npos) return false;
        const auto decoded = decode_reference(text_.substr(pos_, semi + 1 - pos_));
        if (!decoded || lit.substr(i, decoded->size()) != *decoded) return false;
        pos_ = semi + 1, i += decoded->size();
        return true;
    }

    // A line break: spaces or a backslash before the newline, indentation after it.
    bool line_break() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\\') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
        if (pos_ >= text_.size() || text_[pos_] != '\n') return false;
        ++pos_;
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        return true;
    }

    // `count` delimiter characters `c` at the cursor (0: the whole run).
    bool delimiter(char c, size_t count, size_t& begin, size_t& end) {
        begin = pos_;
        size_t run = 0;
        while (pos_ + run < text_.size() && text_[pos_ + run] == c) ++run;
        if (run == 0 || (count > 0 && run < count)) return false;
        pos_ += count > 0 ? count : run;
        end = pos_;
        return true;
    }

    bool enter(cmark_node* node) {
        const std::string_view type = cmark_node_get_type_string(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
            return literal(cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "");
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            return line_break();
        case CMARK_NODE_CODE:
            return skip_code(CodeKind::code_span);
        case CMARK_NODE_HTML_INLINE:
            return skip_code(CodeKind::html);
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return skip_code(CodeKind::footnote_reference);
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
            return open_pair(node, cmark_node_get_type(node) == CMARK_NODE_EMPH
                                       ? MarkupKind::emphasis
                                       : MarkupKind::strong);
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            if (const InlineCode* c = code_at(pos_); c && c->kind == CodeKind::autolink) {
                pos_ = c->end;
                skip_until_ = node;
                return true;
            }
            return open_pair(node, cmark_node_get_type(node) == CMARK_NODE_LINK
                                       ? MarkupKind::link
                                       : MarkupKind::image);
        }
        default:
            if (type == "strikethrough") return open_pair(node, MarkupKind::strikethrough);
            return false;
        }
    }

    bool open_pair(cmark_node* node, MarkupKind kind) {
        MarkupPair p;
        p.kind = kind;
        bool ok = false;
        switch (kind) {
        case MarkupKind::emphasis:
        case MarkupKind::strong: {
            const char c = pos_ < text_.size() ? text_[pos_] : 0;
            ok = (c == '*' || c == '_') &&
                 delimiter(c, kind == MarkupKind::strong ? 2 : 1, p.open_begin, p.open_end);
            break;
        }
        case MarkupKind::strikethrough:
            ok = delimiter('~', 0, p.open_begin, p.open_end);
            break;
        case MarkupKind::link:
            ok = delimiter('[', 1, p.open_begin, p.open_end);
            break;
        case MarkupKind::image:
            ok = text_.substr(pos_, 2) == "![";
            p.open_begin = pos_, p.open_end = pos_ += ok ? 2 : 0;
            break;
        }
        if (ok) open_.push_back({node, p});
        return ok;
    }

    bool exit(cmark_node* node) {
        if (open_.empty() || open_.back().first != node) return true; // not a pair
        MarkupPair p = open_.back().second;
        open_.pop_back();
        bool ok = false;
        if (p.kind == MarkupKind::link || p.kind == MarkupKind::image) {
            ok = link_close(p);
        } else {
            const size_t width = p.open_end - p.open_begin;
            ok = delimiter(text_[p.open_begin], width, p.close_begin, p.close_end) &&
                 p.close_end - p.close_begin == width;
        }
        if (ok) pairs_.push_back(p);
        return ok;
    }

    // "]" and what follows it: "(destination "title")" or "[label]".
    bool link_close(MarkupPair& p) {
        if (pos_ >= text_.size() || text_[pos_] != ']') return false;
        p.close_begin = pos_++;
        if (const InlineCode* c = code_at(pos_); c && c->kind == CodeKind::link_reference) {
            pos_ = c->end;
        } else if (pos_ < text_.size() && text_[pos_] == '(') {
            const InlineCode* dest = code_at(pos_ + 1);
            size_t close = dest && (dest->kind == CodeKind::link_destination ||
                                    dest->kind == CodeKind::image_destination)
                               ? dest->end
                               : text_.find(')', pos_ + 1);
            if (close >= text_.size() || text_[close] != ')') return false;
            pos_ = close + 1;
        } else {
            return false;
        }
        p.close_end = pos_;
        return true;
    }

    // The first protected span that ends after `pos` (spans are sorted and do not overlap).
    const InlineCode* code_ending_after(size_t pos) const {
        auto it = std::upper_bound(codes_.begin(), codes_.end(), pos,
                                   [](size_t p, const InlineCode& c) { return p < c.end; });
        return it == codes_.end() ? nullptr : &*it;
    }

    // No delimiter inside a protected span; a span inside a link's closing delimiters is its
    // destination or label.
    bool delimiters_outside_codes() const {
        for (const MarkupPair& p : pairs_) {
            if (const InlineCode* c = code_ending_after(p.open_begin); c && c->begin < p.open_end)
                return false;
            for (const InlineCode* c = code_ending_after(p.close_begin);
                 c && c != codes_.data() + codes_.size() && c->begin < p.close_end; ++c)
                if (c->begin < p.close_begin || c->end > p.close_end) return false;
        }
        return true;
    }

    std::string_view text_;
    const std::vector<InlineCode>& codes_;
    size_t pos_ = 0;
    cmark_node* skip_until_ = nullptr;
    std::vector<std::pair<cmark_node*, MarkupPair>> open_;
    std::vector<MarkupPair> pairs_;
};

} // namespace

std::vector<MarkupPair> find_markup_pairs(std::string_view text, cmark_node* block,
                                          const std::vector<InlineCode>& codes) {
    Walker w(text, codes);
    if (!w.run(block)) return {};
    return w.take();
}

} // namespace policyloc
