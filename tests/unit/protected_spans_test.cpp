// The extractor's Hugo tag scanner and protected-span finder (private headers of extractor/src):
// shortcodes {{< >}} and {{% %}}, paired, nested, self-closing and unclosed tags, Go strings in
// tags, and the spans of a paragraph with their kinds and byte positions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown_util.h"
#include "protected_spans.h"

using namespace policyloc;

namespace {

std::string tag_text(std::string_view text, const ShortcodeTag& t) {
    return std::string(text.substr(t.begin, t.end - t.begin));
}

// The spans of the first paragraph or heading of `markdown`, found as extraction finds them.
SpanScan spans_of(const std::string& markdown) {
    CmarkDocument doc(markdown);
    cmark_node* block = cmark_node_first_child(doc.root);
    REQUIRE(block);
    // Extraction passes the unit's text with its soft breaks folded; these examples are one line.
    std::string text = markdown.substr(0, markdown.find('\n'));
    if (cmark_node_get_type(block) == CMARK_NODE_HEADING) text = text.substr(text.find(' ') + 1);
    return find_protected_spans(text, block);
}

struct Span {
    size_t begin;
    std::string text;
    std::string kind;
    bool operator==(const Span&) const = default;
};

std::vector<Span> spans(const SpanScan& scan) {
    std::vector<Span> out;
    for (const InlineCode& c : scan.codes)
        out.push_back(
            {c.begin, scan.text.substr(c.begin, c.end - c.begin), std::string(c.kind_name())});
    return out;
}

// The span expected at the first occurrence of `what` in `text` at or after `from`.
Span at(std::string_view text, const std::string& what, const std::string& kind, size_t from = 0) {
    size_t begin = text.find(what, from);
    REQUIRE(begin != std::string_view::npos);
    return {begin, what, kind};
}

doctest::String toString(const std::vector<Span>& v) {
    std::string s;
    for (const Span& x : v)
        s += "{" + std::to_string(x.begin) + " " + x.kind + ": " + x.text + "} ";
    return s.c_str();
}

} // namespace

TEST_CASE("shortcode tags: {{< >}}, {{% %}} and template actions") {
    const std::string text = R"(A {{< ref "a.md" >}}, {{% param "x" %}} and {{ .Title }}.)";
    auto tags = scan_shortcode_tags(text);
    REQUIRE(tags.size() == 3);
    CHECK(tag_text(text, tags[0]) == R"({{< ref "a.md" >}})");
    CHECK(tags[0].shortcode);
    CHECK(tags[0].name == "ref");
    CHECK(!tags[0].closing);
    CHECK(!tags[0].self_closing);
    CHECK(!tags[0].unclosed);
    CHECK(tag_text(text, tags[1]) == R"({{% param "x" %}})");
    CHECK(tags[1].shortcode);
    CHECK(tags[1].name == "param");
    CHECK(tag_text(text, tags[2]) == "{{ .Title }}");
    CHECK(!tags[2].shortcode);
    CHECK(tags[2].name.empty());
}

TEST_CASE("shortcode tags: a tag ends with its own delimiter") {
    // "%}}" does not end a {{< tag, nor ">}}" a {{% tag.
    const std::string angle = "{{< a %}} b >}} c";
    auto tags = scan_shortcode_tags(angle);
    REQUIRE(tags.size() == 1);
    CHECK(tag_text(angle, tags[0]) == "{{< a %}} b >}}");
    const std::string percent = "{{% a >}} b %}} c";
    tags = scan_shortcode_tags(percent);
    REQUIRE(tags.size() == 1);
    CHECK(tag_text(percent, tags[0]) == "{{% a >}} b %}}");
}

TEST_CASE("shortcode tags: paired, nested, closing with blanks, self-closing") {
    const std::string text =
        R"({{< tabs >}}{{< tab "One" >}}x{{< / tab >}}{{< /tabs >}}{{< figure src="a.png" />}})";
    auto tags = scan_shortcode_tags(text);
    REQUIRE(tags.size() == 5);
    CHECK(tags[0].name == "tabs");
    CHECK(!tags[0].closing);
    CHECK(tags[1].name == "tab");
    CHECK(tag_text(text, tags[1]) == R"({{< tab "One" >}})");
    CHECK(tags[2].name == "tab");
    CHECK(tags[2].closing);
    CHECK(tags[3].name == "tabs");
    CHECK(tags[3].closing);
    CHECK(tags[4].name == "figure");
    CHECK(tags[4].self_closing);
    CHECK(!tags[4].closing);
    CHECK(tags[0].end == tags[1].begin);
    CHECK(tags[1].end + 1 == tags[2].begin); // "x" between
    CHECK(tags[2].end == tags[3].begin);
    CHECK(tags[3].end == tags[4].begin);
    CHECK(tags[4].end == text.size());
}

TEST_CASE("shortcode tags: a code-like shortcode's tags pair by name across lines") {
    const std::string text = "{{< highlight go \"linenos=true\" >}}\nfunc main() {\n\t"
                             "fmt.Println(\"}}\")\n}\n{{< /highlight >}}\n";
    auto tags = scan_shortcode_tags(text);
    REQUIRE(tags.size() == 2);
    CHECK(tags[0].name == "highlight");
    CHECK(!tags[0].closing);
    CHECK(tags[0].end == text.find('\n'));
    CHECK(tags[1].name == "highlight");
    CHECK(tags[1].closing);
    CHECK(tag_text(text, tags[1]) == "{{< /highlight >}}");
}

TEST_CASE("shortcode tags: a tag over several lines, Go strings holding delimiters") {
    const std::string text = "{{< figure src=\"a.png\"\n  caption=\"a >}} b\" >}} "
                             "{{ printf `%s}}` .Title }} {{ \"{{\" }}";
    auto tags = scan_shortcode_tags(text);
    REQUIRE(tags.size() == 3);
    CHECK(tag_text(text, tags[0]) == "{{< figure src=\"a.png\"\n  caption=\"a >}} b\" >}}");
    CHECK(tag_text(text, tags[1]) == "{{ printf `%s}}` .Title }}");
    CHECK(tag_text(text, tags[2]) == "{{ \"{{\" }}");
    for (const ShortcodeTag& t : tags) CHECK(!t.unclosed);
}

TEST_CASE("shortcode tags: an unclosed {{ runs to the end and hides no later tag") {
    const std::string text = "Braces {{ left open {{< x >}} and {{< y";
    auto tags = scan_shortcode_tags(text);
    REQUIRE(tags.size() == 3);
    CHECK(tags[0].begin == text.find("{{ left"));
    CHECK(tags[0].unclosed);
    CHECK(tags[0].end == text.size());
    CHECK(tag_text(text, tags[1]) == "{{< x >}}");
    CHECK(!tags[1].unclosed);
    CHECK(tags[2].name == "y");
    CHECK(tags[2].unclosed);
    CHECK(tags[2].end == text.size());

    // A Go string that is not closed on its line leaves the tag unclosed.
    const std::string open_string = "{{ \"abc\n}}";
    tags = scan_shortcode_tags(open_string);
    REQUIRE(tags.size() == 1);
    CHECK(tags[0].unclosed);
    CHECK(scan_shortcode_tags("No tags {here} or { {there} }.").empty());
}

TEST_CASE("protected spans: template actions, date actions, shortcodes") {
    const std::string text =
        R"(Hi {{ .Site.Title }}, updated {{ .Lastmod.Format "Jan 2, 2006" }} {{< ref "a" >}}.)";
    SpanScan s = spans_of(text);
    CHECK(spans(s) == std::vector<Span>{at(text, "{{ .Site.Title }}", "template action"),
                                        at(text, R"({{ .Lastmod.Format "Jan 2, 2006" }})",
                                           code_kind_name(CodeKind::date)),
                                        at(text, R"({{< ref "a" >}})", "shortcode")});
    // Every date form of the design is a date; other actions on dates are not.
    for (const char* action :
         {R"({{ .Date | time.Format ":date_long" }})", R"({{ dateFormat "2006" .PublishDate }})",
          R"({{ now.Format "2006" }})", R"({{ time.Format "Jan 2006" .ExpiryDate }})"}) {
        SpanScan d = spans_of(std::string("On ") + action + " we changed.");
        REQUIRE_MESSAGE(d.codes.size() == 1, action);
        CHECK_MESSAGE(d.codes[0].kind == CodeKind::date, action);
    }
    for (const char* action : {"{{ .Lastmod }}", R"({{ .Date.Format "2006" | upper }})"}) {
        SpanScan d = spans_of(std::string("On ") + action + " we changed.");
        REQUIRE_MESSAGE(d.codes.size() == 1, action);
        CHECK_MESSAGE(d.codes[0].kind == CodeKind::template_action, action);
    }
}

TEST_CASE("protected spans: a paired shortcode's tags are spans, its inner text is not") {
    const std::string text = "Text {{% b %}}bold words{{% /b %}} end.";
    CHECK(spans(spans_of(text)) == std::vector<Span>{at(text, "{{% b %}}", "shortcode"),
                                                     at(text, "{{% /b %}}", "shortcode")});
}

TEST_CASE("protected spans: a shortcode inside a code span is only the code span") {
    const std::string text = "Write `{{< ref \"x\" >}}` and {{< y >}} here.";
    CHECK(spans(spans_of(text)) == std::vector<Span>{at(text, "`{{< ref \"x\" >}}`", "code span"),
                                                     at(text, "{{< y >}}", "shortcode")});
}

TEST_CASE("protected spans: sorted, not overlapping, each where it stands") {
    const std::string text = "[`a` {{< x >}}](https://e.org) `b` <b>c</b> <https://e.org>";
    CHECK(spans(spans_of(text)) ==
          std::vector<Span>{at(text, "`a`", "code span"), at(text, "{{< x >}}", "shortcode"),
                            at(text, "https://e.org", "link destination"),
                            at(text, "`b`", "code span"), at(text, "<b>", "HTML"),
                            at(text, "</b>", "HTML"), at(text, "<https://e.org>", "autolink")});
}

TEST_CASE("protected spans: escaped markup before a tag does not take the tag's span") {
    // "\<br>" is text; the tag is the second "<br>".
    const std::string text = "Type \\<br> to get <br> a break.";
    CHECK(spans(spans_of(text)) == std::vector<Span>{at(text, "<br>", "HTML", text.find("get"))});
}

TEST_CASE("protected spans: a collapsed reference is written out, its label protected") {
    SpanScan s = spans_of("## Read the [docs][] and [guide].\n\n[docs]: /d\n[guide]: /g\n");
    const std::string written = "Read the [docs][docs] and [guide][guide].";
    CHECK(s.text == written);
    CHECK(spans(s) == std::vector<Span>{at(written, "[docs]", "link reference", 15),
                                        at(written, "[guide]", "link reference", 30)});
}
