// Segmentation compared with po4a and mdpo. For every Markdown fixture that comes with the
// catalog the other tool is expected to extract from it (po4a's text and CommonMark modules:
// X.md + X.pot; mdpo's md2po: X.md + X.md.expect.po), the msgids of that catalog ("theirs") are
// compared with the sources of our body units ("ours"). Identical texts pair up; every other
// difference must fall into one of the classes below, each decided by a predicate, or the test
// fails. Front matter entries (po4a's "Yaml Front Matter" types) and Pandoc title block entries
// are counted apart: they depend on per-tool key options, not on the Markdown body. mdpo's po2md
// fixtures are left out: their .po files are hand-made translations, not extraction results
// (one of them even holds a duplicate msgid that gettext rejects).
//
// Classes of a pair (one msgid of theirs, one unit of ours):
// - "same text modulo whitespace": po4a's no-wrap msgids keep the page's line breaks (and a
//   final newline for verbatim blocks); our sources fold soft breaks to one space.
// - "theirs keeps the list marker": po4a's text module leaves the marker of a list item it does
//   not recognise as such ("* item\n{:toc}") in the msgid; the marker is structure for us, and
//   so is a last line that is a kramdown attribute list ("{:toc}"), which stays in the page.
// - "same visible text, different Markdown spelling": po4a's CommonMark module and mdpo render
//   inline Markdown again instead of keeping the source: reference links become inline links,
//   `_x_` becomes `*x*`, `__x__` becomes `**x**`, escapes are added or dropped, code spans get
//   other fences; mdpo's plaintext mode drops inline markup altogether. What a reader sees is the
//   same (compared with cmark-gfm, reference links resolved with the page's definitions).
// - "md4c syntax that CommonMark does not have": mdpo parses with md4c's LaTeX math (`$x$`,
//   `$$...$$`) and wiki links (`[[target|text]]`); for cmark-gfm, and so for us, those
//   characters are text.
// - "mdpo writes a titled link to its own URL as <URL "title">": mdpo's rendering of
//   `[https://a.b](https://a.b "t")`, which CommonMark does not read as a link at all.
// Classes of one msgid of theirs against several units of ours or the other way round:
// - "they join what we split": po4a's text module takes a whole GFM table as one msgid, and
//   text lines that a table interrupts as part of the paragraph; we extract every table cell.
// - "they split what we join": po4a's text module ends a paragraph at a line that would be a
//   thematic break or setext underline elsewhere ("**" / "__"); for CommonMark it continues.
// Classes of a msgid of theirs alone:
// - "theirs is a code block's content": both po4a modules extract code blocks; we keep code in
//   the skeleton (code is never translated).
// - "theirs is a link reference definition": po4a's text module and mdpo extract definitions;
//   we keep them in the skeleton (label and destination are protected).
// - "theirs is a link or image title": mdpo's plaintext mode makes titles msgids of their own.
// - "theirs is a block whose text is all protected": a paragraph whose letters are all in code
//   spans or autolinks has nothing a translator may change, so it gives no unit.
// - "theirs has no letter or digit": likewise (po4a extracts "* * *" list items and the like).
// - "theirs is an HTML block": raw HTML blocks stay in the skeleton.
// - "Pandoc fenced div": po4a's text module knows Pandoc's `:::` divs; CommonMark does not, so
//   for us the fence lines are text of the paragraphs they touch.
// Classes of a unit of ours alone:
// - "Pandoc title block": po4a reads the `% title` lines at the top as metadata; CommonMark
//   reads a paragraph.
// - "Pandoc fenced div": see above.
// - "they merge differently spelled texts": mdpo renders `*x*` and `_x_` alike, so two units of
//   ours with the same visible text are one msgid of theirs.
#include <doctest/doctest.h>

#include <cmark-gfm.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whitespace runs folded to one space, ends trimmed.
std::string fold_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// What a reader sees of the blocks under `node`: text, code span and code block contents, alt
// text; breaks and block ends as spaces. Sets `plain_letters` when a letter or digit lies
// outside code and autolinks.
std::string visible_of(cmark_node* node, bool* plain_letters = nullptr) {
    std::string out;
    int autolinks = 0;
    for (CmarkIter it = iterate(node);;) {
        cmark_event_type ev = cmark_iter_next(it.get());
        if (ev == CMARK_EVENT_DONE) break;
        cmark_node* n = cmark_iter_get_node(it.get());
        cmark_node_type t = cmark_node_get_type(n);
        if (is_autolink(n)) autolinks += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (ev == CMARK_EVENT_EXIT) {
            if ((t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) out += ' ';
            continue;
        }
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
            std::string_view lit = cstr_view(cmark_node_get_literal(n));
            out += lit;
            if (plain_letters && t == CMARK_NODE_TEXT && autolinks == 0 && !words_of(lit).empty())
                *plain_letters = true;
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            out += ' ';
        }
    }
    return fold_space(out);
}

// The visible text of Markdown `text` placed before `page`, so that reference links resolve
// with the page's definitions (definitions count for the whole document).
std::string visible_text(std::string_view text, std::string_view page) {
    static constexpr std::string_view sentinel = "policyloc-end-of-text-7f3a";
    std::string doc_text =
        std::string(text) + "\n\n" + std::string(sentinel) + "\n\n" + std::string(page);
    ParsedMarkdown doc(doc_text);
    std::string out;
    for (cmark_node* block = cmark_node_first_child(doc.root); block;
         block = cmark_node_next(block)) {
        cmark_node* first = cmark_node_first_child(block);
        if (cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH && first &&
            !cmark_node_next(first) && cstr_view(cmark_node_get_literal(first)) == sentinel)
            break;
        out += visible_of(block) + " ";
    }
    return fold_space(out);
}

// What the page holds besides units: code and HTML block literals, link and image titles, and
// the visible text of text blocks with nothing outside protected spans.
struct PageFacts {
    std::vector<std::string> code, html, titles;
    std::set<std::string> protected_only;
};

PageFacts page_facts(std::string_view page) {
    PageFacts f;
    ParsedMarkdown doc(page);
    for (CmarkIter it = iterate(doc.root);;) {
        cmark_event_type ev = cmark_iter_next(it.get());
        if (ev == CMARK_EVENT_DONE) break;
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_CODE_BLOCK)
            f.code.push_back(fold_space(cstr_view(cmark_node_get_literal(n))));
        if (t == CMARK_NODE_HTML_BLOCK)
            f.html.push_back(fold_space(cstr_view(cmark_node_get_literal(n))));
        if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) && cmark_node_get_title(n) &&
            *cmark_node_get_title(n))
            f.titles.push_back(fold_space(cstr_view(cmark_node_get_title(n))));
        if (is_text_block(n)) {
            bool plain = false;
            std::string v = visible_of(n, &plain);
            if (!plain && !words_of(v).empty()) f.protected_only.insert(v);
        }
    }
    return f;
}

// One msgid of theirs or one unit of ours.
struct Entry {
    std::string text;
    std::string kind; // po4a's "#. type:"; our block kind
    std::string visible;
    std::vector<std::string> words;
    bool matched = false;
};

struct Fixture {
    std::string tool; // "po4a text", "po4a CommonMark", "mdpo markuptext", ...
    fs::path markdown;
    fs::path catalog;
    bool plain_msgids = false; // mdpo's plaintext mode: msgids are not Markdown
};

std::vector<Fixture> fixtures() {
    std::vector<Fixture> out;
    fs::path root = shared_dir() / "corpus/po4a-tests";
    auto add_dir = [&](const std::string& tool, const fs::path& dir, bool po4a_names) {
        if (!fs::exists(dir)) return;
        std::vector<fs::path> mds;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".md" && e.path().stem().extension().empty())
                mds.push_back(e.path());
        std::sort(mds.begin(), mds.end());
        for (const fs::path& md : mds) {
            fs::path cat = po4a_names ? dir / (md.stem().string() + ".pot")
                                      : dir / (md.filename().string() + ".expect.po");
            if (fs::exists(cat)) out.push_back({tool, md, cat, tool == "mdpo plaintext"});
        }
    };
    add_dir("po4a text", root / "txt-markdown", true);
    add_dir("po4a CommonMark", root / "commonmark", true);
    for (const char* sub : {"markuptext", "plaintext", "underline"})
        add_dir(std::string("mdpo ") + sub, root / "mdpo/md2po-extract-examples" / sub, false);
    return out;
}

std::string shown(std::string_view s) {
    std::string r;
    for (char c : s) r += c == '\n' ? std::string("\\n") : std::string(1, c);
    return r.size() > 100 ? r.substr(0, 100) + "..." : r;
}

struct Totals {
    size_t fixtures = 0;
    size_t theirs = 0, ours = 0, identical = 0;
    size_t theirs_metadata = 0, ours_fields = 0;
    std::map<std::string, size_t> classes;
    std::vector<std::string> unexplained;
};

// md4c's LaTeX math and wiki links read as text: `$x$` -> `x`, `[[t|x]]` and `[[x]]` -> `x`.
std::string without_md4c_syntax(const std::string& visible) {
    static const std::regex wiki_text(R"(\[\[[^\]|]*\|([^\]]*)\]\])");
    static const std::regex wiki(R"(\[\[([^\]]*)\]\])");
    std::string s = std::regex_replace(visible, wiki_text, "$1");
    s = std::regex_replace(s, wiki, "$1");
    s.erase(std::remove(s.begin(), s.end(), '$'), s.end());
    return fold_space(s);
}

class Comparison {
  public:
    Comparison(const Fixture& f, Totals& totals) : f_(f), totals_(totals) {}
    void run();

  private:
    const Fixture& f_;
    Totals& totals_;
    std::string name_;
    std::string page_;
    PageFacts facts_;
    std::vector<Entry> theirs_, ours_;
    bool title_block_ = false; // theirs has Pandoc title block entries
    bool fenced_divs_ = false; // theirs has Pandoc fenced div entries
    std::vector<std::string> report_;

    void count(const char* cls, std::string line) {
        ++totals_.classes[cls];
        report_.push_back(std::string("  [") + cls + "] " + line);
    }
    void pair_by(const char* cls, const std::function<bool(const Entry&, const Entry&)>& same);
    void runs(std::vector<Entry>& one, std::vector<Entry>& many, const char* cls,
              const char* one_name);
    void alone(std::vector<Entry>& side, const char* side_name, const char* cls,
               const std::function<bool(const Entry&)>& pred);
};

void Comparison::pair_by(const char* cls,
                         const std::function<bool(const Entry&, const Entry&)>& same) {
    for (Entry& t : theirs_) {
        if (t.matched) continue;
        for (Entry& o : ours_) {
            if (o.matched || !same(t, o)) continue;
            t.matched = o.matched = true;
            count(cls, "theirs \"" + shown(t.text) + "\" / ours \"" + shown(o.text) + "\"");
            break;
        }
    }
}

// An unmatched entry of `one` whose words are those of two or more consecutive entries of
// `many` (in document order, matched or not).
void Comparison::runs(std::vector<Entry>& one, std::vector<Entry>& many, const char* cls,
                      const char* one_name) {
    for (Entry& e : one) {
        if (e.matched || e.words.empty()) continue;
        for (size_t b = 0; b < many.size() && !e.matched; ++b) {
            std::vector<std::string> joined;
            for (size_t k = b; k < many.size() && joined.size() < e.words.size(); ++k) {
                joined.insert(joined.end(), many[k].words.begin(), many[k].words.end());
                if (k == b || joined != e.words) continue;
                e.matched = true;
                std::string parts;
                for (size_t m = b; m <= k; ++m) {
                    many[m].matched = true;
                    parts += " \"" + shown(many[m].text) + "\"";
                }
                count(cls, std::string(one_name) + " \"" + shown(e.text) + "\" /" + parts);
                break;
            }
        }
    }
}

void Comparison::alone(std::vector<Entry>& side, const char* side_name, const char* cls,
                       const std::function<bool(const Entry&)>& pred) {
    for (Entry& e : side) {
        if (e.matched || !pred(e)) continue;
        e.matched = true;
        count(cls, std::string("only ") + side_name + " \"" + shown(e.text) + "\"");
    }
}

void Comparison::run() {
    ++totals_.fixtures;
    name_ = f_.tool + " " + f_.markdown.filename().string();
    page_ = read_file(f_.markdown);
    facts_ = page_facts(page_);

    CatalogReadResult cr = catalog_read_file(f_.catalog.string());
    if (!cr.catalog) {
        totals_.unexplained.push_back(name_ + ": cannot read " + f_.catalog.string());
        return;
    }
    for (const Unit& u : cr.catalog->units()) {
        if (u.obsolete || u.source.empty()) continue;
        std::string kind = u.notes.rfind("type: ", 0) == 0 ? u.notes.substr(6) : u.notes;
        if (kind.rfind("Yaml Front Matter", 0) == 0 || kind == "Pandoc title block") {
            title_block_ = title_block_ || kind == "Pandoc title block";
            ++totals_.theirs_metadata;
            continue;
        }
        fenced_divs_ = fenced_divs_ || kind.rfind("Fenced div block", 0) == 0;
        std::string visible =
            f_.plain_msgids ? fold_space(u.source) : visible_text(u.source, page_);
        theirs_.push_back({u.source, kind, visible, words_of(visible), false});
    }

    ExtractOptions eo;
    eo.file_name = f_.markdown.filename().string();
    ExtractResult ex = extract_page(page_, eo);
    if (!ex.ok()) {
        totals_.unexplained.push_back(
            name_ + ": extract failed: " + diagnostic_format(ex.diagnostics.front()));
        return;
    }
    for (const Slot& slot : ex.skeleton.slots) {
        if (std::holds_alternative<FieldSlot>(slot)) ++totals_.ours_fields;
        const auto* unit = std::get_if<UnitSlot>(&slot);
        if (!unit) continue;
        const UnitSlot& s = *unit;
        bool seen = false;
        for (const Entry& e : ours_) seen = seen || e.text == s.source;
        if (seen) continue; // one catalog unit, as in theirs
        std::string visible = visible_text(s.source, page_);
        ours_.push_back({s.source, s.block_kind, visible, words_of(visible), false});
    }
    totals_.theirs += theirs_.size();
    totals_.ours += ours_.size();

    for (Entry& t : theirs_)
        for (Entry& o : ours_)
            if (!o.matched && !t.matched && o.text == t.text) {
                o.matched = t.matched = true;
                ++totals_.identical;
            }

    pair_by("same text modulo whitespace", [](const Entry& t, const Entry& o) {
        return fold_space(t.text) == fold_space(o.text);
    });
    pair_by("theirs keeps the list marker", [](const Entry& t, const Entry& o) {
        static const std::regex marker(R"(^[ \t]*([-*+]|[0-9]{1,9}[.)])[ \t]+)");
        static const std::regex attributes(R"(\n[ \t]*\{:[^}\n]*\}[ \t]*\n?$)");
        std::string stripped = std::regex_replace(t.text, marker, "");
        stripped = std::regex_replace(stripped, attributes, "");
        return stripped != t.text && fold_space(stripped) == fold_space(o.text);
    });
    pair_by("same visible text, different Markdown spelling", [](const Entry& t, const Entry& o) {
        return !t.visible.empty() && t.visible == o.visible;
    });
    if (f_.tool.rfind("mdpo", 0) == 0) {
        pair_by("md4c syntax that CommonMark does not have", [](const Entry& t, const Entry& o) {
            return without_md4c_syntax(t.visible) == without_md4c_syntax(o.visible);
        });
        pair_by("mdpo writes a titled link to its own URL as <URL \"title\">",
                [this](const Entry& t, const Entry& o) {
                    static const std::regex titled(R"(<([^ >]+) ("[^"]*")>)");
                    std::smatch m;
                    if (!std::regex_search(t.text, m, titled)) return false;
                    std::string fixed = std::regex_replace(t.text, titled, "[$1]($1 $2)");
                    return o.text.find(m[2].str()) != std::string::npos &&
                           visible_text(fixed, page_) == o.visible;
                });
    }
    runs(theirs_, ours_, "they join what we split", "theirs");
    runs(ours_, theirs_, "they split what we join", "ours");

    alone(theirs_, "theirs", "theirs is a code block's content", [this](const Entry& e) {
        return std::count(facts_.code.begin(), facts_.code.end(), fold_space(e.text)) > 0;
    });
    alone(theirs_, "theirs", "theirs is a link reference definition", [](const Entry& e) {
        ParsedMarkdown alone_doc(e.text);
        return e.text.front() == '[' && !cmark_node_first_child(alone_doc.root);
    });
    alone(theirs_, "theirs", "theirs is a link or image title", [this](const Entry& e) {
        return f_.plain_msgids &&
               std::count(facts_.titles.begin(), facts_.titles.end(), fold_space(e.text)) > 0;
    });
    alone(theirs_, "theirs", "theirs is a block whose text is all protected",
          [this](const Entry& e) { return facts_.protected_only.count(e.visible) > 0; });
    alone(theirs_, "theirs", "theirs has no letter or digit",
          [](const Entry& e) { return e.words.empty(); });
    alone(theirs_, "theirs", "theirs is an HTML block", [this](const Entry& e) {
        std::string t = fold_space(e.text);
        return std::any_of(facts_.html.begin(), facts_.html.end(),
                           [&](const std::string& h) { return h.find(t) != std::string::npos; });
    });
    auto div_unit = [this](const Entry& o) {
        return fenced_divs_ && o.text.find(":::") != std::string::npos;
    };
    alone(theirs_, "theirs", "Pandoc fenced div", [&](const Entry& e) {
        if (e.kind.rfind("Fenced div block", 0) == 0) return true;
        return std::any_of(ours_.begin(), ours_.end(), [&](const Entry& o) {
            return div_unit(o) && o.visible.find(e.visible) != std::string::npos;
        });
    });
    alone(ours_, "ours", "Pandoc fenced div", div_unit);
    alone(ours_, "ours", "Pandoc title block", [this](const Entry& o) {
        return title_block_ && &o == &ours_.front() && o.text.front() == '%';
    });
    alone(ours_, "ours", "they merge differently spelled texts", [this](const Entry& o) {
        return std::any_of(theirs_.begin(), theirs_.end(),
                           [&](const Entry& t) { return t.matched && t.visible == o.visible; });
    });

    for (const Entry& t : theirs_) {
        if (t.matched) continue;
        std::string line = name_ + ": only theirs (" + t.kind + "): \"" + shown(t.text) + "\"";
        report_.push_back("  UNEXPLAINED " + line);
        totals_.unexplained.push_back(line);
    }
    for (const Entry& o : ours_) {
        if (o.matched) continue;
        std::string line = name_ + ": only ours (" + o.kind + "): \"" + shown(o.text) + "\"";
        report_.push_back("  UNEXPLAINED " + line);
        totals_.unexplained.push_back(line);
    }
    if (!report_.empty()) {
        std::cout << name_ << " (" << theirs_.size() << " msgids of theirs, " << ours_.size()
                  << " units of ours)\n";
        for (const std::string& r : report_) std::cout << r << '\n';
    }
}

} // namespace

TEST_CASE("po4a and mdpo: every segmentation difference is explained") {
    if (!require_shared("corpus/po4a-tests")) return;
    Totals totals;
    for (const Fixture& f : fixtures()) Comparison(f, totals).run();
    std::cout << "po4a/mdpo comparison: " << totals.fixtures << " fixtures, " << totals.theirs
              << " msgids of theirs, " << totals.ours << " units of ours, " << totals.identical
              << " identical; apart: " << totals.theirs_metadata
              << " front matter/title block msgids of theirs, " << totals.ours_fields
              << " front matter fields of ours\n";
    for (const auto& [c, n] : totals.classes) std::cout << "  " << n << "  " << c << '\n';
    std::cout << "  " << totals.unexplained.size() << "  unexplained\n";
    for (const std::string& u : totals.unexplained) std::cout << "    " << u << '\n';
    CHECK(totals.fixtures >= 80);
    CHECK(totals.identical > 300);
    CHECK(totals.unexplained.empty());
}
