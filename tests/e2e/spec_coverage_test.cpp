// Spec coverage: every example of the CommonMark and GFM specs extracts without errors, and no
// text a reader sees is lost: every word of the rendered example is in the source of a unit.
//
// "Seen by a reader" is computed with cmark-gfm (the extensions Hugo enables): the TEXT nodes of
// the parsed example, which include image alt text. Literal nodes are not TEXT and so are not
// checked: code blocks, HTML blocks, code spans and raw inline HTML are protected or skeleton by
// design, never translatable text. Link and image titles are not checked either: by design a
// title is protected (inline titles sit in the unit inside their destination's protected span)
// and link reference definitions, where the other titles live, are skeleton, not units.
//
// A unit's source is raw Markdown: its words are taken both from the source bytes and from the
// source parsed again with cmark-gfm (every literal, URL and title), so that backslash escapes
// and entity references (`&ouml;` -> "ö") count as the words they stand for. Words are compared
// as multisets per example: a word seen three times must be in unit sources three times.
//
// Expected exclusions (counted and printed, not failures):
// - A text block (paragraph, heading, table cell) whose every visible word is the text of an
//   autolink (`<http://a.b>`, `www.a.b`, `a@b.c`): the autolink is a protected span, so the block
//   has nothing a translator could change and gives no unit.
// Nothing else is excluded: examples that begin with "---" or "+++" are Markdown (a thematic
// break, a paragraph), not front matter, and must extract as such.
#include <doctest/doctest.h>

#include <cmark-gfm.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "policyloc/extract.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

using WordCount = std::map<std::string, size_t>;

// Runs of letters, digits and combining marks.
void add_words(std::string_view text, WordCount& into) {
    for (std::string& w : words_of(text, true)) ++into[std::move(w)];
}

struct VisibleWords {
    WordCount checked;  // words that must be in unit sources
    WordCount excluded; // words of blocks made only of autolinks
};

// The words a reader sees: TEXT nodes and link/image titles, grouped by text block.
VisibleWords visible_words(std::string_view markdown) {
    ParsedMarkdown doc(markdown);
    VisibleWords out;
    WordCount block_words;        // words of the current text block
    bool block_has_plain = false; // a word outside autolinks
    int autolink_depth = 0;
    CmarkIter it = iterate(doc.root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        cmark_node_type t = cmark_node_get_type(n);
        if (is_text_block(n)) {
            if (ev == CMARK_EVENT_ENTER) {
                block_words.clear();
                block_has_plain = false;
            } else {
                WordCount& to = block_has_plain ? out.checked : out.excluded;
                for (const auto& [w, k] : block_words) to[w] += k;
                block_words.clear();
            }
            continue;
        }
        if (is_autolink(n)) autolink_depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (ev == CMARK_EVENT_EXIT) continue;
        WordCount here;
        if (t == CMARK_NODE_TEXT) add_words(cstr_view(cmark_node_get_literal(n)), here);
        if (here.empty()) continue;
        if (autolink_depth == 0) block_has_plain = true;
        // TEXT outside any text block does not occur in cmark-gfm trees; count it anyway.
        bool in_block = false;
        for (cmark_node* a = cmark_node_parent(n); a && !in_block; a = cmark_node_parent(a))
            in_block = is_text_block(a);
        WordCount& to = in_block ? block_words : out.checked;
        for (const auto& [w, k] : here) to[w] += k;
    }
    return out;
}

// The words a unit source stands for: from its bytes and from every literal, URL and title of
// the source parsed as Markdown, whichever gives more of a word.
WordCount unit_words(std::string_view source) {
    WordCount raw, parsed;
    add_words(source, raw);
    ParsedMarkdown doc(source);
    CmarkIter it = iterate(doc.root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        add_words(cstr_view(cmark_node_get_literal(n)), parsed);
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
            add_words(cstr_view(cmark_node_get_url(n)), parsed);
            add_words(cstr_view(cmark_node_get_title(n)), parsed);
        }
    }
    for (const auto& [w, k] : parsed) raw[w] = std::max(raw[w], k);
    return raw;
}

struct Coverage {
    size_t examples = 0;
    size_t extracted = 0;
    size_t units = 0;
    size_t words_checked = 0;
    size_t words_excluded = 0;
    std::vector<std::string> failures;
};

std::string shown(const std::string& markdown) {
    std::string s;
    for (char c : markdown) {
        if (c == '\n')
            s += "\\n";
        else if (c == '\t')
            s += "\\t";
        else
            s += c;
    }
    return s.size() > 160 ? s.substr(0, 160) + "..." : s;
}

void check_example(const std::string& name, const std::string& markdown, Coverage& cov) {
    ++cov.examples;
    ExtractOptions eo;
    eo.file_name = name;
    ExtractResult ex = extract_page(markdown, eo);
    if (!ex.ok()) {
        for (const Diagnostic& d : ex.diagnostics)
            if (d.severity == Severity::error)
                cov.failures.push_back(name + ": extract error: " + diagnostic_format(d) +
                                       "\n      input: " + shown(markdown));
        return;
    }
    ++cov.extracted;

    WordCount have;
    for (const Slot& slot : ex.skeleton.slots) {
        const auto* unit = std::get_if<UnitSlot>(&slot);
        if (!unit) continue;
        const UnitSlot& s = *unit;
        ++cov.units;
        if (!ex.catalog.find(s.context, s.source))
            cov.failures.push_back(name + ": slot without a catalog unit: " + shown(s.source));
        for (const auto& [w, k] : unit_words(s.source)) have[w] += k;
    }

    VisibleWords seen = visible_words(markdown);
    for (const auto& [w, k] : seen.excluded) cov.words_excluded += k;
    std::string missing;
    for (const auto& [w, k] : seen.checked) {
        cov.words_checked += k;
        size_t got = have.count(w) ? have.at(w) : 0;
        if (got < k)
            missing +=
                " \"" + w + "\"" +
                (k > 1 ? " (" + std::to_string(k - got) + " of " + std::to_string(k) + ")" : "");
    }
    if (!missing.empty())
        cov.failures.push_back(name + ": words in no unit:" + missing +
                               "\n      input: " + shown(markdown));
}

} // namespace

TEST_CASE("spec coverage: every visible word of every spec example is in a unit") {
    if (!require_shared("corpus/commonmark-spec")) return;
    Coverage cov;
    for (const char* spec :
         {"commonmark-spec-0.30.txt", "gfm-spec-0.29-gfm.txt", "gfm-extensions.txt"}) {
        auto examples = spec_examples(shared_dir() / "corpus/commonmark-spec" / spec);
        CHECK_MESSAGE(!examples.empty(), spec);
        for (size_t i = 0; i < examples.size(); ++i)
            check_example(std::string(spec) + " example " + std::to_string(i + 1), examples[i],
                          cov);
    }
    std::cout << "spec coverage: " << cov.examples << " examples, " << cov.extracted
              << " extracted, " << cov.units << " units, " << cov.words_checked
              << " words checked, " << cov.words_excluded
              << " excluded (blocks of autolinks only), " << cov.failures.size() << " failures\n";
    for (const std::string& f : cov.failures) std::cout << "  " << f << '\n';
    CHECK(cov.examples > 1300);
    CHECK(cov.words_checked > 2500);
    CHECK(cov.failures.empty());
}

TEST_CASE("spec coverage: the word check sees lost text") {
    // The check itself: a page whose text is in no unit must be reported.
    VisibleWords seen = visible_words("Hello *world* &ouml;\n\n[x]: /u \"Title here\"\n\n[x]\n");
    CHECK(seen.checked.count("Hello"));
    CHECK(seen.checked.count("world"));
    CHECK(seen.checked.count("ö"));
    CHECK(!seen.checked.count("Title")); // titles are protected, not checked
    WordCount have = unit_words("Hello \\*world\\* &ouml;");
    CHECK(have.count("world"));
    CHECK(have.count("ö"));
    CHECK(!have.count("Title"));
    VisibleWords autolink_only = visible_words("<http://example.com>\n\nSee <http://a.b>\n");
    CHECK(autolink_only.excluded.count("example"));
    CHECK(autolink_only.checked.count("See"));
    CHECK(autolink_only.checked.count("a"));
}
