// Structure: whatever a translator writes, the localized page has the source's block tree, and
// its front matter parses with the same keys and the same untranslated values. Translations
// come from Translate Toolkit's podebug (several rewrite styles) and from a deterministic
// generator of hostile text that keeps every protected span of the source.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/front_matter.h"
#include "policyloc/merge.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

struct Page {
    std::string name;
    std::string text;
};

// The bundled example page, then every page of the Hugo corpus in a stable order.
std::vector<Page> pages_under_test() {
    std::vector<Page> pages;
    pages.push_back({"locales/privacy.md", read_file(source_dir() / "locales/privacy.md")});
    std::vector<fs::path> hugo;
    for (const auto& e : fs::recursive_directory_iterator(shared_dir() / "corpus/hugo"))
        if (e.path().extension() == ".md") hugo.push_back(e.path());
    std::sort(hugo.begin(), hugo.end());
    for (const fs::path& p : hugo)
        pages.push_back({p.lexically_relative(shared_dir()).string(), read_file(p)});
    return pages;
}

struct Tally {
    size_t pages = 0;
    size_t units = 0;
    size_t used = 0; // filled from the translated catalog
    std::map<std::string, size_t> reasons;
    std::vector<std::string> failures;
    std::vector<std::string> notable_fallbacks; // "page:line: reason: source -> translation"

    void fail(const std::string& page, const std::string& what) {
        failures.push_back(page + ": " + what);
    }
    size_t fallbacks() const { return units - used; }
};

std::string excerpt(std::string_view s, size_t n = 70) {
    std::string out;
    for (char c : s.substr(0, n)) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    if (s.size() > n) out += "...";
    return out;
}

size_t body_begin_of(std::string_view page, const FrontMatter& fm) {
    if (fm.syntax != FrontMatterSyntax::none) return fm.end;
    return page.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

// Which cells of each table row hold inline content ("11/10/..."). cmark-gfm pads a short row
// with empty cells, so a cell that swallowed its neighbour (an unescaped pipe, a trailing
// backslash) keeps the block tree but shows here.
std::string table_cell_pattern(std::string_view markdown) {
    ParsedMarkdown doc(markdown);
    std::string pattern;
    CmarkIter iter = iterate(doc.root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        std::string_view type = cmark_node_get_type_string(node);
        if (type == "table_row" || type == "table_header")
            pattern += '/';
        else if (type == "table_cell")
            pattern += cmark_node_first_child(node) ? '1' : '0';
    }
    return pattern;
}

// Checks one merged page against its source; counts units and fallbacks.
void check_merge(const Page& page, const ExtractResult& ex, const Catalog& translated,
                 const MergeResult& r, Tally& t) {
    ++t.pages;
    t.units += r.stats.units;
    t.used += r.stats.translated;
    for (const auto& [reason, n] : r.stats.reasons) t.reasons[fallback_reason_name(reason)] += n;
    // Fallbacks the escaping or the encoder should have avoided, with the text that was refused.
    for (const Fallback& f : r.stats.fallbacks) {
        if (f.reason == FallbackReason::protected_span_changed ||
            f.reason == FallbackReason::untranslated)
            continue;
        const Unit* u = translated.find(std::nullopt, f.source);
        t.notable_fallbacks.push_back(page.name + ":" + std::to_string(f.line) + ": " +
                                      fallback_reason_name(f.reason) + ": '" + excerpt(f.source) +
                                      "' -> '" + (u ? excerpt(u->target) : std::string("?")) + "'");
    }
    if (!r.ok()) {
        for (const Diagnostic& d : r.diagnostics)
            if (d.severity == Severity::error) t.fail(page.name, diagnostic_format(d));
        return;
    }

    // Front matter: same syntax, same keys in the same order, untranslated values unchanged,
    // translated fields hold the source or the catalog's translation exactly.
    std::vector<std::string> keys = front_matter_default_keys();
    FrontMatterResult out_fm = front_matter_parse(r.output, page.name, keys);
    if (diagnostics_have_error(out_fm.diagnostics)) {
        t.fail(page.name,
               "front matter does not parse: " + diagnostic_format(out_fm.diagnostics.front()));
        return;
    }
    const FrontMatter& src = ex.skeleton.front_matter;
    const FrontMatter& out = out_fm.front_matter;
    if (src.syntax != out.syntax) t.fail(page.name, "front matter syntax changed");
    std::set<std::string> translated_paths;
    for (const Slot& s : ex.skeleton.slots)
        if (const auto* f = std::get_if<FieldSlot>(&s)) translated_paths.insert(f->field.path);
    if (src.scalars.size() != out.scalars.size()) {
        t.fail(page.name, "front matter has " + std::to_string(out.scalars.size()) +
                              " scalars instead of " + std::to_string(src.scalars.size()));
    } else {
        for (size_t i = 0; i < src.scalars.size(); ++i) {
            const FrontMatterField& a = src.scalars[i];
            const FrontMatterField& b = out.scalars[i];
            if (a.path != b.path) {
                t.fail(page.name, "front matter key " + a.path + " became " + b.path);
                continue;
            }
            if (a.is_string != b.is_string)
                t.fail(page.name, "front matter " + a.path + " changed its type");
            if (!translated_paths.count(a.path)) {
                if (a.value != b.value)
                    t.fail(page.name, "untranslated front matter " + a.path + " changed from '" +
                                          excerpt(a.value) + "' to '" + excerpt(b.value) + "'");
                continue;
            }
            const Unit* u = translated.find(std::nullopt, a.value);
            if (b.value != a.value && (!u || b.value != u->target))
                t.fail(page.name, "front matter " + a.path + " is '" + excerpt(b.value) +
                                      "', neither its source nor its translation '" +
                                      (u ? excerpt(u->target) : std::string("?")) + "'");
        }
    }

    // Body: the same block tree (node kinds, nesting, list kinds, heading levels, columns).
    std::string_view out_body = std::string_view(r.output).substr(body_begin_of(r.output, out));
    std::vector<BlockInfo> tree = markdown_block_tree(out_body);
    std::vector<BlockInfo> want =
        markdown_block_tree(std::string_view(page.text).substr(ex.skeleton.body_begin));
    size_t k = 0;
    while (k < tree.size() && k < want.size() && tree[k].signature == want[k].signature) ++k;
    if (k != tree.size() || k != want.size())
        t.fail(page.name, "block tree differs at block " + std::to_string(k) + ": '" +
                              (k < tree.size() ? tree[k].signature : "end") + "' instead of '" +
                              (k < want.size() ? want[k].signature : "end") + "' (output line " +
                              std::to_string(k < tree.size() ? tree[k].line : 0) + ")");
    std::string cells = table_cell_pattern(out_body);
    std::string want_cells =
        table_cell_pattern(std::string_view(page.text).substr(ex.skeleton.body_begin));
    if (cells != want_cells) {
        size_t at = static_cast<size_t>(
            std::mismatch(cells.begin(), cells.end(), want_cells.begin(), want_cells.end()).first -
            cells.begin());
        t.fail(page.name, "table cells moved: '" + cells.substr(at > 10 ? at - 10 : 0, 30) +
                              "' instead of '" + want_cells.substr(at > 10 ? at - 10 : 0, 30) +
                              "'");
    }
}

// With POLICYLOC_STRUCTURE_OUT set, every merged page is written there for inspection.
void keep_output(const std::string& run_name, const Page& page, const MergeResult& r) {
    const char* dir = std::getenv("POLICYLOC_STRUCTURE_OUT");
    if (!dir) return;
    std::string name = page.name;
    std::replace(name.begin(), name.end(), '/', '_');
    write_file(fs::path(dir) / run_name / name, r.output);
}

void report(const std::string& what, const Tally& t) {
    std::cout << what << ": " << t.pages << " pages, " << t.units << " units, " << t.used
              << " used, " << t.fallbacks() << " fell back";
    for (const auto& [reason, n] : t.reasons) std::cout << "; " << reason << ": " << n;
    std::cout << '\n';
    for (size_t i = 0; i < t.notable_fallbacks.size() && i < 15; ++i)
        std::cout << "  fallback " << t.notable_fallbacks[i] << '\n';
    for (size_t i = 0; i < t.failures.size() && i < 25; ++i)
        std::cout << "  FAIL " << t.failures[i] << '\n';
    if (t.failures.size() > 25) std::cout << "  ... " << t.failures.size() - 25 << " more\n";
    CHECK(t.failures.empty());
}

// Merges with dates kept as templates; `wrap_width` > 0 rewraps every paragraph at that width.
MergeResult merge_with(const Page& page, const ExtractResult& ex, const Catalog& c,
                       const std::string& name, size_t wrap_width = 0) {
    MergeOptions mo;
    mo.locale = "de";
    mo.dates = DateMode::keep;
    if (wrap_width > 0) {
        mo.wrap = WrapMode::width;
        mo.wrap_width = wrap_width;
    }
    return merge_page(page.text, ex.skeleton, {{name, &c}}, mo);
}

void check_fallback_share(const std::string& what, const Tally& t, double most) {
    double fell_back = static_cast<double>(t.fallbacks()) / static_cast<double>(t.units);
    std::cout << what << ": " << std::fixed << std::setprecision(2) << 100.0 * fell_back
              << "% of units fell back\n";
    CHECK_MESSAGE(fell_back <= most, what);
}

ExtractResult extract(const Page& page) {
    ExtractOptions eo;
    eo.file_name = page.name;
    return extract_page(page.text, eo);
}

// ---------------------------------------------------------------------------------------------
// The hostile generator: translations that start, end and are interleaved with text that opens
// or ends Markdown blocks, or breaks YAML/TOML/JSON quoting, around every protected span.

// clang-format off
const std::vector<std::string> kStarts = {
    "#", "# ", "## ", "###### ", "- ", "* ", "+ ", "1. ", "2) ", ">", "> ", "    indented ",
    "<script>", "<div>", "---", "===", "```", "~~~", "***", "___", "- [ ] ", "[ ] ", "[x] ", "|",
    "| a | b |\n|---|---|\n", ":--|--", "<!-- ", "<![CDATA[ ", "<pre>", "[x]: /url ", "[x]:\n/url\n",
    "[^1]: ", "\t", " \n  ", "+++", "\"", "'", "{", "<?php ", "</div> ", "9999999999. ", "1.\n",
};
const std::vector<std::string> kMiddles = {
    "a\n\nb", "\n- item", "|", " | ", "\n---\n", "**", "\n# heading", "\n> quote", "\n1. one",
    "\n```\n", "\n===\n", "\n    code", "\n<div>", "\n\n\n", "\n|a|b|\n|-|-|\n", ": x", " #",
    "\\|", "`", "\n* * *", "\n+ plus", "\n~~~ ", "\n[y]: /z", "\n<script>", "\n</div>",
    "\n+++\n", "\n...\n", "\"quoted\"", "'quoted'", "\n\t- tab", "\n:-|-", "\n[^2]: note",
    "\n- [x] done", "\n2) two",
};
const std::vector<std::string> kEnds = {
    "  ", "\\", " ", "\n", "  \n", "#", " #", "\\\\", "\t", " |", "\n\n", "|", " ---", ":", "\\\n",
};
// clang-format on

// The protected spans of a unit's source, in order.
std::vector<std::string> protected_spans(const Unit& u) {
    std::vector<std::string> spans;
    size_t last = 0;
    for (const InlineCode& c : u.codes) {
        if (c.begin < last) continue;
        spans.push_back(u.source.substr(c.begin, c.end - c.begin));
        last = c.end;
    }
    return spans;
}

std::string hostile_translation(const Unit& u, size_t i) {
    const std::string& start = kStarts[i % kStarts.size()];
    const std::string& middle = kMiddles[(i * 7 + 3) % kMiddles.size()];
    const std::string& end = kEnds[(i * 5 + 1) % kEnds.size()];
    std::vector<std::string> spans = protected_spans(u);
    std::string t;
    if (i % 11 == 0) t += " \n\t"; // leading whitespace before the hostile start
    size_t next = 0;
    // Every fourth translation moves a protected span to the very start.
    if (i % 4 == 1 && !spans.empty()) t += spans[next++] + " ";
    t += start + "Wort";
    for (; next < spans.size(); ++next)
        t += (next % 2 == 0 ? " " + middle + " " : std::string(" über ")) + spans[next];
    t += " text " + middle + " mehr";
    if (i % 3 == 0) t += " " + kStarts[(i / 3) % kStarts.size()] + "mitten";
    t += end;
    return t;
}

Catalog hostile_catalog(const Catalog& tmpl, size_t& counter) {
    Catalog c = tmpl;
    for (Unit& u : c.units()) {
        u.target = hostile_translation(u, counter++);
        u.state = UnitState::translated;
    }
    return c;
}

} // namespace

TEST_CASE("structure: hostile translations keep the block tree and front matter") {
    if (!require_shared("corpus/hugo")) return;
    Tally t, narrow;
    size_t counter = 0;
    for (const Page& page : pages_under_test()) {
        ExtractResult ex = extract(page);
        if (!ex.ok()) {
            t.fail(page.name, "extract failed: " + diagnostic_format(ex.diagnostics.front()));
            continue;
        }
        Catalog c = hostile_catalog(ex.catalog, counter);
        MergeResult r = merge_with(page, ex, c, "hostile");
        keep_output("hostile", page, r);
        check_merge(page, ex, c, r, t);
        // Every paragraph rewrapped at a narrow width: any break could start a block.
        check_merge(page, ex, c, merge_with(page, ex, c, "hostile", 16), narrow);
    }
    report("hostile", t);
    report("hostile, wrapped at 16 columns", narrow);
    CHECK(t.pages >= 200);
    CHECK(t.units > 1000);
    // Escaping handles all of this text; only a small fraction may fall back.
    check_fallback_share("hostile", t, 0.005);
    check_fallback_share("hostile, wrapped at 16 columns", narrow, 0.005);
}

TEST_CASE("structure: hostile translations of the CommonMark and GFM spec examples") {
    if (!require_shared("corpus/commonmark-spec")) return;
    Tally t;
    size_t counter = 0;
    for (const char* spec : {"commonmark-spec-0.31.2.txt", "gfm-spec-0.29-gfm.txt",
                             "gfm-extensions.txt", "gfm-regression.txt"}) {
        auto examples = spec_examples(shared_dir() / "corpus/commonmark-spec" / spec);
        CHECK(!examples.empty());
        for (size_t i = 0; i < examples.size(); ++i) {
            Page page{std::string(spec) + " example " + std::to_string(i + 1), examples[i]};
            ExtractResult ex = extract(page);
            if (!ex.ok()) continue; // invalid UTF-8 examples are reported by the extractor
            Catalog c = hostile_catalog(ex.catalog, counter);
            check_merge(page, ex, c, merge_with(page, ex, c, "hostile"), t);
        }
    }
    // Pathological pages: the structure must hold always; a unit may fall back where a
    // protected span of raw HTML opens an HTML block at the start of the translation.
    report("spec examples, hostile", t);
    CHECK(t.pages > 1000);
    check_fallback_share("spec examples, hostile", t, 0.01);
}

TEST_CASE("structure: podebug rewrites keep the block tree and front matter") {
    if (!require_shared("corpus/hugo")) return;
    if (!require_tool("podebug") || !require_tool("msgen")) return;
    CommandResult help = run("podebug --help");
    REQUIRE(help.exit_code == 0);
    std::vector<std::string> styles;
    for (const char* s : {"xxx", "en", "flipped", "unicode", "bracket", "chef"})
        if (help.out.find(s) != std::string::npos) styles.push_back(s);
    REQUIRE(styles.size() >= 3);

    fs::path dir = temp_dir("structure-podebug");
    std::vector<Page> pages = pages_under_test();
    auto file_name = [](size_t i) {
        std::string n = std::to_string(i);
        return std::string(4 - std::min<size_t>(4, n.size()), '0') + n + ".po";
    };
    // Extract with the CLI, fill every msgstr with its msgid, then rewrite per style.
    fs::create_directories(dir / "po");
    for (size_t i = 0; i < pages.size(); ++i) {
        fs::path src = dir / "pages" / (std::to_string(i) + ".md");
        write_file(src, pages[i].text);
        fs::path pot = dir / "pot" / (file_name(i) + "t");
        fs::create_directories(pot.parent_path());
        CommandResult r =
            run_policyloc("extract " + sh_quote(src.string()) + " -o " + sh_quote(pot.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, pages[i].name << ": " << r.err);
        r = run("msgen " + sh_quote(pot.string()) + " -o " +
                sh_quote((dir / "po" / file_name(i)).string()));
        REQUIRE_MESSAGE(r.exit_code == 0, pages[i].name << ": " << r.err);
    }
    for (const std::string& style : styles) {
        fs::path out_dir = dir / style;
        CommandResult r =
            run("podebug --progress=none --rewrite=" + style + " -i " +
                sh_quote((dir / "po").string()) + " -o " + sh_quote(out_dir.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        Tally t;
        for (size_t i = 0; i < pages.size(); ++i) {
            const Page& page = pages[i];
            ExtractResult ex = extract(page);
            if (!ex.ok()) {
                t.fail(pages[i].name, "extract failed");
                continue;
            }
            // msgen and podebug write no file for a catalog without units.
            fs::path po = out_dir / file_name(i);
            if (!fs::exists(po) && ex.catalog.size() == 0) po = dir / "pot" / (file_name(i) + "t");
            CatalogReadResult cr = po_read_file(po.string());
            if (!cr.catalog) {
                t.fail(pages[i].name,
                       "cannot read podebug output: " +
                           (cr.diagnostics.empty() ? std::string()
                                                   : diagnostic_format(cr.diagnostics.front())));
                continue;
            }
            MergeResult m = merge_with(page, ex, *cr.catalog, "podebug-" + style);
            keep_output(style, page, m);
            check_merge(page, ex, *cr.catalog, m, t);
        }
        report("podebug --rewrite=" + style, t);
        CHECK(t.pages == pages.size());
        // podebug keeps line starts ordinary; no unit may need a structural fallback.
        CHECK(t.reasons["would change the page structure"] == 0);
        CHECK(t.used > 0);
    }
}

TEST_CASE("structure: dates written at the start of a line do not open blocks") {
    // German writes "28. November 2026": at the start of a line that would be a list item.
    const std::string date = "{{ .Date.Format \"2. January 2006\" }}";
    Page page{"dates.md", "---\ntitle: Dates\ndate: 2026-11-28\n---\n\n" + date + "\n\n- " + date +
                              "\n\n> " + date + "\n\n" + date + " is the date\n\nOn\\\n" + date +
                              " again\n\nday | note\n--- | ---\n" + date + " | first cell\n" +
                              date + " | x\n"};
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    size_t counter = 0;
    Catalog same = ex.catalog;
    for (Unit& u : same.units()) {
        u.target = u.source;
        u.state = UnitState::translated;
    }
    Catalog hostile = hostile_catalog(ex.catalog, counter);
    Tally t;
    for (const Catalog* c : {&same, &hostile}) {
        MergeOptions mo;
        mo.locale = "de";
        MergeResult r = merge_page(page.text, ex.skeleton, {{"de", c}}, mo);
        check_merge(page, ex, *c, r, t);
        CHECK(r.output.find("{{") == std::string::npos);
        CHECK(r.output.find("28") != std::string::npos);
    }
    report("dates at line starts", t);
    CHECK(t.fallbacks() == 0);
}

// clang-format off
// Values that look like other YAML/TOML/JSON types or break their quoting.
const std::vector<std::string> kFieldValues = {
    "true", "no", "123", "1e3", "0x1F", ".inf", "null", "~", "2026-01-01", " ", "- item",
    "[a, b]", "{a: b}", "&anchor", "*alias", "!!str x", "%x", "@x", "`x`", "a: b", "a #b", "#x",
    "'", "\"", "\\", "\\n", "\t", "line\nline", "\n\nx", "x\n", "---", "+++", "...", "}", "]",
    "\"\"\"", "'''", "é\u2028ü", "a\\\"b", "${x}", "{{ .Title }}", " lead", "trail ", "?", ": ",
    "| x", "> x", "=", "[table]", "a = b", "\x7f", "a\rb", "nel\u0085x", "ps\u2029x", "\uFEFFbom",
    "tab\tinside", "  ", "-", "? x", "#", "a\n  b", "\u00a0nbsp\u00a0",
};
// clang-format on

const std::string kYamlPage = R"(---
title: Plain title
description: 'single quoted'
summary: "double \"quoted\""
linkTitle: >
  folded text
  here
params:
  subtitle: |
    literal
    block
  flow: {subtitle: flow value, weight: 1}
keywords: [one, "two", 'three']
tags:
  - alpha
  - beta
date: 2026-11-28
draft: false
weight: 10
---

Body text.
)";

const std::string kTomlPage = R"(+++
title = "basic"
description = 'literal'
summary = """
multi basic
"""
linkTitle = '''
multi literal
'''
keywords = ["a", 'b']
date = 2026-11-28
draft = true

[params]
subtitle = "sub"
+++

Body text.
)";

const std::string kJsonPage = R"({
  "title": "json title",
  "description": "with \"escapes\" \u00e9",
  "keywords": ["a", "b"],
  "params": {"subtitle": "x", "weight": 2},
  "draft": false,
  "weight": 3
}

Body text.
)";

TEST_CASE("structure: front matter of every syntax keeps its keys and values") {
    std::vector<Page> pages;
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"yaml.md", kYamlPage},
                                     {"toml.md", kTomlPage},
                                     {"json.md", kJsonPage}}) {
        pages.push_back({name, text});
        pages.push_back({name + " (CRLF)", with_line_endings(text, "\r\n")});
    }
    Tally t;
    size_t fields = 0;
    for (const Page& page : pages) {
        ExtractOptions eo;
        eo.file_name = page.name;
        eo.front_matter_keys = {"title",    "linkTitle",       "description",         "summary",
                                "keywords", "params.subtitle", "params.flow.subtitle"};
        ExtractResult ex = extract_page(page.text, eo);
        REQUIRE_MESSAGE(ex.ok(), page.name);
        size_t page_fields = 0;
        for (const Slot& s : ex.skeleton.slots) page_fields += std::holds_alternative<FieldSlot>(s);
        CHECK_MESSAGE(page_fields >= 5, page.name);
        fields += page_fields;
        // Every value in every field: each round gives each field a different one.
        for (size_t round = 0; round < kFieldValues.size(); ++round) {
            Catalog c = ex.catalog;
            size_t j = 0;
            for (Unit& u : c.units()) {
                u.target = u.notes.starts_with("Front matter")
                               ? kFieldValues[(round + j++) % kFieldValues.size()]
                               : hostile_translation(u, round);
                u.state = UnitState::translated;
            }
            MergeResult r = merge_with(page, ex, c, "fields");
            check_merge(page, ex, c, r, t);
        }
    }
    std::cout << "front matter: " << fields << " fields, " << kFieldValues.size()
              << " values each\n";
    report("front matter values", t);
    // Every one of these values can be written in every syntax; none may fall back.
    CHECK(t.fallbacks() == 0);
}

// Every kind of block a unit can sit in, including those the corpus has few of.
const std::string kKitchenSink = R"(Setext heading
spanning two lines
==================

Second level
------------

A paragraph with a hard break  
made of spaces, and one\
made of a backslash, wrapped at a narrow
width so that the merge rewraps it.

> A quoted paragraph that is long enough to
> wrap over two lines of the quote.
>
> > Nested quote with `code` and <kbd>Ctrl</kbd>
> > and a [link](https://example.com "title").

1) First item with a
   continuation line
2) Second item

   A second paragraph in the item.

- [ ] A task
- [x] A finished task
  - Nested item with **bold**

> - Item in a quote
> - Another with a hard break  
>   after it

Name | Value
---- | -----
first cell | second cell
`code` | <span>html</span>

| Lead | Pipes |
|:-----|------:|
| a    | b     |

- | In | List |
  |----|------|
  | c  | d    |

Text with a footnote.[^note]

[^note]: The footnote text
    continues here.

Final paragraph.
)";

TEST_CASE("structure: hostile translations in every kind of block") {
    Tally t;
    std::vector<Page> pages = {{"kitchen-sink.md", kKitchenSink}};
    pages.push_back({"kitchen-sink.md (CRLF)", with_line_endings(kKitchenSink, "\r\n")});
    pages.push_back({"kitchen-sink.md (BOM)", "\xEF\xBB\xBF" + kKitchenSink});
    size_t slots = 0;
    for (const Page& page : pages) {
        ExtractResult ex = extract(page);
        REQUIRE_MESSAGE(ex.ok(), page.name);
        slots += ex.skeleton.slots.size();
        // Each round shifts the generator so that every start, middle and end meets every unit.
        for (size_t round = 0; round < 3 * kStarts.size(); ++round) {
            size_t counter = round * 7;
            Catalog c = hostile_catalog(ex.catalog, counter);
            for (size_t width : {size_t(0), size_t(12), size_t(30)})
                check_merge(page, ex, c, merge_with(page, ex, c, "hostile", width), t);
        }
    }
    CHECK(slots > 3 * 25);
    report("kitchen sink, hostile", t);
    check_fallback_share("kitchen sink, hostile", t, 0.005);
}

TEST_CASE("structure: a translation that changes the structure falls back along the chain") {
    // Putting the footnote reference into a code span keeps its text but drops the footnote.
    Page page{"chain.md", "Intro.\n\nText with a footnote.[^n]\n\n[^n]: The note.\n"};
    ExtractResult ex = extract(page);
    REQUIRE(ex.ok());
    const std::string source = "Text with a footnote.[^n]";
    REQUIRE(ex.catalog.find(std::nullopt, source));
    auto translated = [&](const std::string& target) {
        Catalog c = ex.catalog;
        for (Unit& u : c.units()) {
            u.target = u.source == source ? target : "Einleitung.";
            u.state = UnitState::translated;
        }
        return c;
    };
    Catalog regional = translated("Text mit `[^n]` Fußnote.");
    Catalog language = translated("Text mit Fußnote.[^n]");
    Catalog broken = translated("`[^n]` Fußnote.");
    MergeOptions mo;
    mo.locale = "de-CH";
    mo.dates = DateMode::keep;

    MergeResult r =
        merge_page(page.text, ex.skeleton, {{"de-CH", &regional}, {"de", &language}}, mo);
    CHECK(r.ok());
    CHECK(r.output.find("Text mit Fußnote.[^n]") != std::string::npos);
    CHECK(r.output.find("Einleitung.") != std::string::npos);
    CHECK(r.stats.from_fallback_catalog == 1);
    CHECK(r.stats.reasons[FallbackReason::would_change_structure] == 1);
    Tally t;
    check_merge(page, ex, language, r, t);

    // No catalog of the chain fits: the source text stays.
    r = merge_page(page.text, ex.skeleton, {{"de-CH", &regional}, {"de", &broken}}, mo);
    CHECK(r.ok());
    CHECK(r.output.find(source) != std::string::npos);
    CHECK(r.stats.source_text == 1);
    check_merge(page, ex, broken, r, t);
    report("fallback chain", t);
}
