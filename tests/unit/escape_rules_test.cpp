// The merge's escaping rules, each on its own: a line that would open a block does, unescaped,
// and does not once escaped (checked with cmark-gfm's block tree, as the structure guard does).
#include <doctest/doctest.h>

#include "policyloc/escape.h"
#include "policyloc/extract.h"

using namespace policyloc;

namespace {

std::vector<std::string> tree(const std::string& markdown) {
    std::vector<std::string> out;
    for (const BlockInfo& b : markdown_block_tree(markdown)) out.push_back(b.signature);
    return out;
}

// The line as the first line of a paragraph and as its second line.
bool keeps_one_paragraph(const std::string& line) {
    return tree(line + "\n") == tree("words\n") && tree("Text\n" + line + "\n") == tree("Text\n");
}

} // namespace

TEST_CASE("escape: every line-start rule's example opens a block, and escaped does not") {
    REQUIRE(line_start_rules().size() >= 8);
    for (const LineStartRule& rule : line_start_rules()) {
        INFO(rule.name << ": " << rule.example);
        std::string line = rule.example;
        REQUIRE(rule.escape_at(line).has_value());
        CHECK_FALSE(keeps_one_paragraph(line));
        std::string escaped = escape_line_start(line, {});
        CHECK(escaped.size() == line.size() + 1);
        CHECK(keeps_one_paragraph(escaped));
    }
}

TEST_CASE("escape: lines that open nothing are left alone") {
    for (const char* line : {"Plain words", "#hashtag", "-dash", "1.5 million", "[link](/x) here",
                             "<3 love", "_emphasis_ here", "=> arrow", "1234567890. ten digits"}) {
        INFO(std::string(line));
        CHECK(escape_line_start(line, {}) == line);
        CHECK(keeps_one_paragraph(line));
    }
}

TEST_CASE("escape: the ordered-list rule escapes the delimiter, others the first character") {
    CHECK(escape_line_start("28. November 2026", {}) == "28\\. November 2026");
    CHECK(escape_line_start("3) third", {}) == "3\\) third");
    CHECK(escape_line_start("+ plus", {}) == "\\+ plus");
    CHECK(escape_line_start("*** stars", {}) == "\\*** stars");
    CHECK(escape_line_start("~~~ fence", {}) == "\\~~~ fence");
    CHECK(escape_line_start("[x] done", {}) == "\\[x] done");
    CHECK(escape_line_start("[^1]: note", {}) == "\\[^1]: note");
    CHECK(escape_line_start("| cell", {}) == "\\| cell");
    CHECK(escape_line_start("======", {}) == "\\======");
}

TEST_CASE("escape: a line that starts with a protected span of the unit is left alone") {
    std::string span = "<span class=\"x\">";
    CHECK(escape_line_start(span + "text</span>", {span}) == span + "text</span>");
    CHECK(escape_line_start("<span>text", {}) == "\\<span>text");
    CHECK(escape_line_start("```code``` here", {"```code```"}) == "```code``` here");
}

TEST_CASE("escape: footnote references, table pipes, heading ends, page starts, line breaks") {
    CHECK(escape_footnote_references("See [^1] and [^2]", {"[^1]"}) == "See [^1] and \\[^2]");
    CHECK(escape_footnote_references("Already \\[^2]", {}) == "Already \\[^2]");
    CHECK(escape_table_pipes("a | b") == "a \\| b");
    CHECK(escape_table_pipes("a \\| b") == "a \\| b");
    CHECK(escape_table_pipes("ends \\") == "ends \\ ");
    CHECK(escape_heading_end("Section #") == "Section \\#");
    CHECK(escape_heading_end("###") == "##\\#");
    CHECK(escape_heading_end("C#") == "C#");
    CHECK(escape_page_start("{json-like}") == "\\{json-like}");
    CHECK(escape_page_start("text {x}") == "text {x}");
    CHECK(normalize_lines("  one\n   two\r\n\nthree  ", false) == "one two three");
    CHECK(normalize_lines("one\n\n\ntwo", true) == "one\ntwo");
}
