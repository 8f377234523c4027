// Front matter: detection, parsing (YAML, TOML, JSON), byte ranges and positions of fields,
// selection by key, diagnostics, and encoding of replacement values that re-parse exactly.
#include "policyloc/front_matter.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

using namespace policyloc;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

const std::string kFile = "page.md";

std::string fixture(const std::string& name) {
    return test::read_file(test::source_dir() / "tests/fixtures/front_matter" / name);
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
    return s;
}

std::string crlf(const std::string& s) {
    return replace_all(s, "\n", "\r\n");
}

// Printable form of a value for failure messages.
std::string show(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7F)
            out += "\\x" + std::to_string(c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

std::string_view text_of(std::string_view page, const FrontMatterField& f) {
    return page.substr(f.begin, f.end - f.begin);
}

const FrontMatterField* find(const std::vector<FrontMatterField>& fields, std::string_view path) {
    for (const auto& f : fields)
        if (f.path == path) return &f;
    return nullptr;
}

// The field's line and column are those of its first byte in the page.
void check_position(const std::string& page, const FrontMatterField& f) {
    TextPosition p = text_position(page, f.begin);
    CHECK(f.line == p.line);
    CHECK(f.column == p.column);
}

struct ExpectedField {
    const char* path;
    const char* value;
    const char* written; // the field's bytes in the page
    ScalarStyle style;
};

// The scalar at e.path has the expected value, bytes, style and position.
const FrontMatterField& check_field(const std::string& page, const FrontMatter& fm,
                                    const ExpectedField& e) {
    const FrontMatterField* f = find(fm.scalars, e.path);
    REQUIRE(f != nullptr);
    CHECK(f->value == e.value);
    CHECK(text_of(page, *f) == e.written);
    CHECK(f->style == e.style);
    check_position(page, *f);
    return *f;
}

std::string diagnostics_text(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds) out += diagnostic_format(d) + "\n";
    return out;
}

std::vector<std::string> paths(const std::vector<FrontMatterField>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.path);
    return out;
}

using Scalar = std::tuple<std::string, std::string, bool>; // path, value, is_string

std::vector<Scalar> scalar_list(const FrontMatter& fm) {
    std::vector<Scalar> out;
    for (const auto& f : fm.scalars) out.emplace_back(f.path, f.value, f.is_string);
    return out;
}

FrontMatterResult parse_ok(std::string_view page,
                           const std::vector<std::string>& keys = front_matter_default_keys()) {
    FrontMatterResult r = front_matter_parse(page, kFile, keys);
    INFO(diagnostics_text(r.diagnostics));
    CHECK(r.diagnostics.empty());
    return r;
}

std::string splice(std::string_view page, const FrontMatterField& f, std::string_view text) {
    std::string out(page.substr(0, f.begin));
    out += text;
    out += page.substr(f.end);
    return out;
}

struct Replaced {
    bool ok = false;
    std::string page;
    FrontMatterResult result;
};

// Replaces the scalar at `path` with the encoding of `value`, re-parses, and checks that the
// field now holds exactly `value` as a string, that every other scalar is unchanged, and that
// the page after the front matter is untouched.
Replaced replace_and_check(const std::string& page, const std::string& path,
                           const std::string& value, std::string_view newline) {
    Replaced out;
    FrontMatterResult before = front_matter_parse(page, kFile, {path});
    REQUIRE(before.diagnostics.empty());
    const FrontMatterField* field = find(before.front_matter.scalars, path);
    REQUIRE(field != nullptr);
    std::string text = front_matter_encode(before.front_matter.syntax, *field, value, newline);
    out.page = splice(page, *field, text);
    out.result = front_matter_parse(out.page, kFile, {path});

    INFO("path: " << path << "  style: " << static_cast<int>(field->style));
    INFO("value: [" << show(value) << "]");
    INFO("encoded: [" << show(text) << "]");
    INFO("front matter after: [" << show(std::string_view(out.page).substr(
                                        0, out.result.front_matter.end))
                                 << "]");
    INFO(diagnostics_text(out.result.diagnostics));
    CHECK(out.result.diagnostics.empty());
    if (!out.result.diagnostics.empty()) return out;

    std::vector<Scalar> expected = scalar_list(before.front_matter);
    for (auto& s : expected)
        if (std::get<0>(s) == path) s = Scalar{path, value, true};
    CHECK(scalar_list(out.result.front_matter) == expected);
    const FrontMatterField* now = find(out.result.front_matter.selected, path);
    CHECK(now != nullptr);
    CHECK(std::string_view(out.page).substr(out.result.front_matter.end) ==
          std::string_view(page).substr(before.front_matter.end));
    out.ok =
        now != nullptr && now->value == value && scalar_list(out.result.front_matter) == expected;
    return out;
}

// Values a translator (or an attacker) may write; every one must survive every style.
const std::vector<std::string> kHostile = {
    "Plain words",
    "Hello, world",
    "Colon: inside",
    "ends with colon:",
    "hash # inside",
    "#leading hash",
    "C# and F#",
    "'single quotes'",
    "\"double quotes\"",
    "it's",
    "- leading dash",
    "-leading dash",
    "? question",
    ": colon first",
    "yes",
    "No",
    "true",
    "null",
    "~",
    "",
    "123",
    "1.0",
    "0x1F",
    "1e5",
    ".inf",
    "2024-01-02",
    "12:30:00",
    "<<",
    " leading space",
    "trailing space ",
    "trailing spaces   ",
    "Ünïcödé — ✓ “quotes” «guillemets»",
    "سياسة الخصوصية: كيف نجمع بياناتك",
    "隐私政策：我们如何收集、使用和保护您的信息",
    "プライバシーポリシー",
    "絵文字 😀 and 𝄞",
    "line one\nline two",
    "line one\nline two\n",
    "trailing newlines\n\n\n",
    "\nleading newline",
    "\n\nleading newlines\n",
    "para one\n\npara two\n",
    "  indented first\nsecond",
    "first\n  indented second\n\nthird\n",
    "trailing space on line \nnext",
    "back\\slash \\n not a newline \\",
    "tab\there",
    "\ttab first",
    "{{ .Site.Title }}",
    "{{< shortcode >}}",
    "[bracketed]",
    "{braced}",
    "a, b, [c], {d}",
    "key: value\n- item\n",
    "---",
    "+++",
    "...",
    "---\nfake: delimiter\n---",
    "a\n+++\nb",
    "+++\n",
    "'''triple'''",
    "\"\"\"triple\"\"\"",
    "ends with quote\"",
    "ends with two quotes\"\"",
    "ends with apostrophe'",
    "''",
    "\"",
    "control \x01 char",
    "del \x7f char",
    "nul \x00 inside"s,
    "carriage\rreturn",
    "crlf\r\ninside",
    "nel \xc2\x85 ls \xe2\x80\xa8 ps \xe2\x80\xa9",
    "bom \xef\xbb\xbf inside",
    "c1 \xc2\x80 \xc2\x9f controls",
    "http://example.com/a#b",
    "a:b",
    "x #",
    "# ",
    "trailing tab\t",
    "\\",
    "'",
    "%percent",
    "@at",
    "`backtick`",
    "&anchor",
    "*alias",
    "!tag",
    "|pipe",
    ">greater",
    "a very long value that goes on and on and on well past eighty columns to make sure "
    "nothing wraps it in a way that changes its meaning",
};

const std::vector<std::string> kFixtures = {"yaml_styles.md", "toml_styles.md", "json.md"};

} // namespace

TEST_CASE("default keys") {
    CHECK(front_matter_default_keys() ==
          std::vector<std::string>{"title", "linkTitle", "description", "summary"});
}

TEST_CASE("bundled example: title and summary selected with their exact byte ranges") {
    const fs::path path = test::source_dir() / "locales/privacy.md";
    REQUIRE(fs::exists(path));
    const std::string page = test::read_file(path);
    FrontMatterResult r = parse_ok(page);
    const FrontMatter& fm = r.front_matter;
    CHECK(fm.syntax == FrontMatterSyntax::yaml);
    CHECK(fm.begin == 0);
    CHECK(page.substr(fm.end).rfind("\n# Privacy Policy", 0) == 0);
    CHECK(paths(fm.selected) == std::vector<std::string>{"title", "summary"});

    const FrontMatterField* title = find(fm.selected, "title");
    REQUIRE(title != nullptr);
    CHECK(title->value == "Privacy Policy");
    CHECK(text_of(page, *title) == "'Privacy Policy'");
    CHECK(title->style == ScalarStyle::yaml_single_quoted);
    CHECK(title->line == 2);
    CHECK(title->column == 8);

    // The summary's scalar is on its own line: the range covers the quoted scalar only.
    const FrontMatterField* summary = find(fm.selected, "summary");
    REQUIRE(summary != nullptr);
    CHECK(summary->value ==
          "Gopteran Privacy Policy - How we collect, use, and protect your information");
    CHECK(text_of(page, *summary) ==
          "'Gopteran Privacy Policy - How we collect, use, and protect your information'");
    CHECK(summary->style == ScalarStyle::yaml_single_quoted);
    CHECK(summary->line == 5);
    CHECK(summary->column == 3);
    CHECK(summary->indent == 2);

    // draft is a boolean: a scalar, never selected.
    CHECK(find(fm.selected, "draft") == nullptr);
    const FrontMatterField* draft = find(fm.scalars, "draft");
    REQUIRE(draft != nullptr);
    CHECK_FALSE(draft->is_string);
    CHECK(draft->value == "false");

    // Same value back: the same bytes.
    for (const auto& f : fm.selected)
        CHECK(front_matter_encode(fm.syntax, f, f.value, "\n") == text_of(page, f));
    // A translation keeps the line layout of the own-line summary.
    Replaced t =
        replace_and_check(page, "summary", "Politique de confidentialité : «données»", "\n");
    CHECK(t.ok);
    CHECK(t.page.find("summary:\n  'Politique de confidentialité : «données»'\n") !=
          std::string::npos);
}

TEST_CASE("YAML: every scalar style, nested keys, arrays, anchors, tags") {
    const std::string page = fixture("yaml_styles.md");
    FrontMatterResult r =
        parse_ok(page, {"title", "linkTitle", "description", "summary", "folded", "params.subtitle",
                        "keywords", "tags", "params.deep.text", "draft", "weight", "params.note"});
    const FrontMatter& fm = r.front_matter;
    CHECK(fm.syntax == FrontMatterSyntax::yaml);
    CHECK(page.substr(fm.end).rfind("\n# Body", 0) == 0);
    CHECK(paths(fm.selected) ==
          std::vector<std::string>{"title", "linkTitle", "description", "summary", "folded",
                                   "params.subtitle", "params.note", "params.deep.text",
                                   "keywords[0]", "keywords[1]", "keywords[3]", "tags[0]",
                                   "tags[1]", "tags[2]"});

    const ExpectedField expect[] = {
        {"title", "A plain title, with a comma", "A plain title, with a comma",
         ScalarStyle::yaml_plain},
        {"linkTitle", "Single: quoted 'title'", "'Single: quoted ''title'''",
         ScalarStyle::yaml_single_quoted},
        {"description", "Double \"quoted\" \xc3\xa9 line\ttab",
         R"("Double \"quoted\" \u00e9 line\ttab")", ScalarStyle::yaml_double_quoted},
        {"summary", "Literal line one\nLiteral line two\n",
         "|\n  Literal line one\n  Literal line two\n", ScalarStyle::yaml_literal},
        {"folded", "Folded words join here\nnew paragraph",
         ">-\n  Folded words\n  join here\n\n  new paragraph\n", ScalarStyle::yaml_folded},
        {"params.subtitle", "Nested plain subtitle", "Nested plain subtitle",
         ScalarStyle::yaml_plain},
        {"params.author.name", "Jane Doe", "Jane Doe", ScalarStyle::yaml_plain},
        {"params.note", "123", "123", ScalarStyle::yaml_plain},
        {"params.deep.text", "kept trailing\n\n", "|+\n      kept trailing\n\n",
         ScalarStyle::yaml_literal},
        {"params.explicit", "  two extra spaces\n", "|2\n      two extra spaces\n",
         ScalarStyle::yaml_literal},
        {"keywords[1]", "data protection", "'data protection'", ScalarStyle::yaml_single_quoted},
        {"keywords[3]", "consent", "\"consent\"", ScalarStyle::yaml_double_quoted},
        {"tags[1]", "beta gamma", "\"beta gamma\"", ScalarStyle::yaml_double_quoted},
        {"multiline_plain", "this plain scalar continues on a second line",
         "this plain scalar\n  continues on a second line", ScalarStyle::yaml_plain},
        {"quoted_multi", "a double quoted scalar over lines",
         "\"a double quoted\n  scalar over lines\"", ScalarStyle::yaml_double_quoted},
        {"summary2", "Gopteran Privacy Policy - How we collect",
         "'Gopteran Privacy Policy - How we collect'", ScalarStyle::yaml_single_quoted},
    };
    for (const ExpectedField& e : expect) {
        INFO(e.path);
        CHECK(check_field(page, fm, e).is_string);
    }
    // Indentation continuation lines need: the block's own, else two past the collection.
    CHECK(find(fm.scalars, "summary")->indent == 2);
    CHECK(find(fm.scalars, "params.subtitle")->indent == 4);
    CHECK(find(fm.scalars, "params.deep.text")->indent == 6);
    CHECK(find(fm.scalars, "params.explicit")->indent == 4);
    CHECK(find(fm.scalars, "keywords[0]")->indent == 4);
    CHECK(find(fm.scalars, "tags[0]")->in_flow);
    CHECK_FALSE(find(fm.scalars, "keywords[0]")->in_flow);

    // Non-strings as written; a tagged or quoted number is a string.
    for (const char* p : {"draft", "weight", "date", "keywords[2]"}) {
        INFO(p);
        REQUIRE(find(fm.scalars, p) != nullptr);
        CHECK_FALSE(find(fm.scalars, p)->is_string);
    }
    CHECK(find(fm.scalars, "date")->value == "2024-03-01");
    CHECK(find(fm.scalars, "version")->is_string);
    CHECK(find(fm.scalars, "version")->value == "1.0");
    // An alias is not a scalar of its own.
    CHECK(find(fm.scalars, "author") == nullptr);
    CHECK(std::is_sorted(fm.scalars.begin(), fm.scalars.end(),
                         [](const auto& a, const auto& b) { return a.begin < b.begin; }));
}

TEST_CASE(
    "YAML plain scalars: null, booleans, numbers and dates of YAML 1.1 and 1.2 are not strings") {
    // Expected values as the earlier std::regex classifier gave them: the resolution of a
    // plain scalar (is it a string?) and the style a replacement with that value gets in a
    // plain field (plain only where it would still read as a string).
    struct Row {
        const char* plain;
        bool is_string;
        ScalarStyle encoded;
    };
    using S = ScalarStyle;
    const Row rows[] = {
        {"", false, S::yaml_single_quoted},
        {"yes", false, S::yaml_single_quoted},
        {"Yes", false, S::yaml_single_quoted},
        {"YES", false, S::yaml_single_quoted},
        {"yEs", true, S::yaml_plain},
        {"No", false, S::yaml_single_quoted},
        {"no", false, S::yaml_single_quoted},
        {"NO", false, S::yaml_single_quoted},
        {"nO", true, S::yaml_plain},
        {"ON", false, S::yaml_single_quoted},
        {"On", false, S::yaml_single_quoted},
        {"on", false, S::yaml_single_quoted},
        {"oN", true, S::yaml_plain},
        {"off", false, S::yaml_single_quoted},
        {"Off", false, S::yaml_single_quoted},
        {"OFF", false, S::yaml_single_quoted},
        {"y", false, S::yaml_single_quoted},
        {"Y", false, S::yaml_single_quoted},
        {"n", false, S::yaml_single_quoted},
        {"N", false, S::yaml_single_quoted},
        {"~", false, S::yaml_single_quoted},
        {"null", false, S::yaml_single_quoted},
        {"Null", false, S::yaml_single_quoted},
        {"NULL", false, S::yaml_single_quoted},
        {"nULL", true, S::yaml_plain},
        {"true", false, S::yaml_single_quoted},
        {"True", false, S::yaml_single_quoted},
        {"TRUE", false, S::yaml_single_quoted},
        {"tRUE", true, S::yaml_plain},
        {"False", false, S::yaml_single_quoted},
        {"false", false, S::yaml_single_quoted},
        {"FALSE", false, S::yaml_single_quoted},
        {"1", false, S::yaml_single_quoted},
        {"-1", false, S::yaml_single_quoted},
        {"+1", false, S::yaml_single_quoted},
        {"0", false, S::yaml_single_quoted},
        {"0x1F", false, S::yaml_single_quoted},
        {"0X1F", true, S::yaml_plain},
        {"0x", true, S::yaml_plain},
        {"0xG1", true, S::yaml_plain},
        {"-0x_aB", false, S::yaml_single_quoted},
        {"0o17", false, S::yaml_single_quoted},
        {"0o8", true, S::yaml_plain},
        {"017", false, S::yaml_single_quoted},
        {"09", false, S::yaml_single_quoted},
        {"1_000", false, S::yaml_single_quoted},
        {"_1000", true, S::yaml_plain},
        {"1__", false, S::yaml_single_quoted},
        {"1.5", false, S::yaml_single_quoted},
        {".5", false, S::yaml_single_quoted},
        {"5.", false, S::yaml_single_quoted},
        {".", false, S::yaml_single_quoted},
        {"-.", false, S::yaml_single_quoted},
        {"+.5e-3", false, S::yaml_single_quoted},
        {"1._e5", false, S::yaml_single_quoted},
        {"1e3", false, S::yaml_single_quoted},
        {"1E-3", false, S::yaml_single_quoted},
        {"1.5e+3", false, S::yaml_single_quoted},
        {"1e", true, S::yaml_plain},
        {"e3", true, S::yaml_plain},
        {"-5e-3", false, S::yaml_single_quoted},
        {".inf", false, S::yaml_single_quoted},
        {"-.Inf", false, S::yaml_single_quoted},
        {"+.INF", false, S::yaml_single_quoted},
        {".Infinity", true, S::yaml_plain},
        {".NaN", false, S::yaml_single_quoted},
        {".nan", false, S::yaml_single_quoted},
        {"-.nan", true, S::yaml_single_quoted},
        {"2024-01-02", false, S::yaml_single_quoted},
        {"2024-1-2", false, S::yaml_single_quoted},
        {"2024-01-02T10:00:00Z", false, S::yaml_single_quoted},
        {"2024-01-02t10:00:00.5+01:00", false, S::yaml_single_quoted},
        {"2024-01-02 10:00:00 -5", false, S::yaml_single_quoted},
        {"2024-01-02  1:02:03.", false, S::yaml_single_quoted},
        {"2024-01-02T10:00", true, S::yaml_plain},
        {"2024-01-02T10:00:00z", true, S::yaml_plain},
        {"2024-01-02T10:00:00+1:0", true, S::yaml_plain},
        {"2024-01-02T10:00:00+01:30", false, S::yaml_single_quoted},
        {"2024-001-02", true, S::yaml_plain},
        {"24-01-02", true, S::yaml_plain},
        {"2024-01-02x", true, S::yaml_plain},
        {"12:30:45", false, S::yaml_single_quoted},
        {"1:60", true, S::yaml_plain},
        {"1:5", false, S::yaml_single_quoted},
        {"-1:30:00", false, S::yaml_single_quoted},
        {"190:20:30.15", false, S::yaml_single_quoted},
        {"12:30:45.5.5", true, S::yaml_plain},
        {"0b101", false, S::yaml_single_quoted},
        {"0b102", true, S::yaml_plain},
        {"0b_", false, S::yaml_single_quoted},
        {"0b", true, S::yaml_plain},
        {"...", true, S::yaml_single_quoted},
        {"<<", false, S::yaml_single_quoted},
        {"=", false, S::yaml_single_quoted},
        {"==", true, S::yaml_plain},
        {"<", true, S::yaml_plain},
        {"hello", true, S::yaml_plain},
        {"Privacy Policy", true, S::yaml_plain},
        {"yes please", true, S::yaml_plain},
        {"1 000", true, S::yaml_plain},
        {"1,000", true, S::yaml_plain},
        {"3.14.15", true, S::yaml_plain},
        {"v1.2", true, S::yaml_plain},
        {"1.2.3", true, S::yaml_plain},
        {"+", true, S::yaml_plain},
        {"0.0.0.0", true, S::yaml_plain},
        {"2024-01-02\t10:00:00", false, S::yaml_single_quoted},
        {"2024-01-02 \t10:00:00\t+01", false, S::yaml_single_quoted},
    };
    static_assert(std::size(rows) >= 60);
    for (const Row& row : rows) {
        INFO("[" << show(row.plain) << "]");
        const std::string page = "---\nvalue: "s + row.plain + "\ntitle: Plain words\n---\n";
        FrontMatterResult r = parse_ok(page, {"value", "title"});
        const FrontMatterField* f = find(r.front_matter.scalars, "value");
        REQUIRE(f != nullptr);
        CHECK(f->value == row.plain);
        CHECK(f->style == ScalarStyle::yaml_plain);
        CHECK(f->is_string == row.is_string);

        Replaced rep = replace_and_check(page, "title", row.plain, "\n");
        CHECK(rep.ok);
        const FrontMatterField* title = find(rep.result.front_matter.scalars, "title");
        REQUIRE(title != nullptr);
        CHECK(title->style == row.encoded);
    }
}

TEST_CASE("TOML: every string kind, tables, arrays of tables, inline tables") {
    const std::string page = fixture("toml_styles.md");
    FrontMatterResult r = parse_ok(page, {"title", "linkTitle", "description", "summary",
                                          "params.subtitle", "keywords", "menu[1].name"});
    const FrontMatter& fm = r.front_matter;
    CHECK(fm.syntax == FrontMatterSyntax::toml);
    CHECK(page.substr(fm.end) == "\nBody\n");
    CHECK(paths(fm.selected) == std::vector<std::string>{"title", "linkTitle", "description",
                                                         "summary", "keywords[0]", "keywords[1]",
                                                         "keywords[3]", "params.subtitle",
                                                         "menu[1].name"});
    const ExpectedField expect[] = {
        {"title", "Basic \"quoted\" title \xc3\xa9", R"("Basic \"quoted\" title \u00e9")",
         ScalarStyle::toml_basic},
        {"linkTitle", "Literal title C:\\path", "'Literal title C:\\path'",
         ScalarStyle::toml_literal},
        {"description", "Multi-line basic\nsecond line",
         "\"\"\"\nMulti-line basic\nsecond line\"\"\"", ScalarStyle::toml_multiline_basic},
        {"summary", "Multi-line literal\nwith 'quotes' inside\n",
         "'''\nMulti-line literal\nwith 'quotes' inside\n'''", ScalarStyle::toml_multiline_literal},
        {"keywords[1]", "data protection", "'data protection'", ScalarStyle::toml_literal},
        {"clé", "valeur é ü", "\"valeur é ü\"", ScalarStyle::toml_basic},
        {"params.subtitle", "Nested basic subtitle", "\"Nested basic subtitle\"",
         ScalarStyle::toml_basic},
        {"params.inline.label", "inline table label", "\"inline table label\"",
         ScalarStyle::toml_basic},
        {"menu[0].name", "first menu entry", "\"first menu entry\"", ScalarStyle::toml_basic},
        {"menu[1].name", "second menu entry", "'second menu entry'", ScalarStyle::toml_literal},
    };
    for (const ExpectedField& e : expect) {
        INFO(e.path);
        check_field(page, fm, e);
    }
    CHECK(find(fm.scalars, "date")->value == "2024-03-01T10:00:00Z");
    CHECK_FALSE(find(fm.scalars, "date")->is_string);
    CHECK(find(fm.scalars, "weight")->value == "10");
    CHECK(find(fm.scalars, "params.inline.n")->value == "1");
}

TEST_CASE("JSON: the object ends where its braces balance") {
    const std::string page = fixture("json.md");
    FrontMatterResult r = parse_ok(page, {"title", "summary", "params.subtitle", "keywords"});
    const FrontMatter& fm = r.front_matter;
    CHECK(fm.syntax == FrontMatterSyntax::json);
    CHECK(page.substr(fm.end) == "# Body with {braces} and \"quotes\"\n");
    CHECK(paths(fm.selected) == std::vector<std::string>{"title", "params.subtitle", "keywords[0]",
                                                         "keywords[1]", "keywords[3]", "summary"});
    const FrontMatterField* title = find(fm.selected, "title");
    CHECK(title->value == "JSON \"title\" with {braces} and \xc3\xa9");
    CHECK(text_of(page, *title) == R"("JSON \"title\" with {braces} and \u00e9")");
    CHECK(nlohmann::json::parse(text_of(page, *title)).get<std::string>() == title->value);
    for (const auto& f : fm.scalars) {
        INFO(f.path);
        check_position(page, f);
        if (f.is_string)
            CHECK(nlohmann::json::parse(text_of(page, f)).get<std::string>() == f.value);
        else
            CHECK(nlohmann::json::parse(text_of(page, f)).dump() ==
                  nlohmann::json::parse(f.value).dump());
    }
    CHECK(find(fm.scalars, "weight")->value == "-0");
    CHECK(find(fm.scalars, "ratio")->value == "2.50");
    CHECK(find(fm.scalars, "params.empty")->value == "null");

    // The body may follow the closing brace on the same line, and contain anything.
    const std::string tight = "{\"title\":\"T}\"}Body {{< x >}} }\n";
    FrontMatterResult t = parse_ok(tight);
    CHECK(tight.substr(t.front_matter.end) == "Body {{< x >}} }\n");
    CHECK(t.front_matter.selected.at(0).value == "T}");
}

TEST_CASE("CRLF line endings and a byte order mark") {
    for (const std::string& name : kFixtures) {
        const std::string lf = fixture(name);
        const FrontMatterResult base = parse_ok(lf);
        const std::string variants[] = {crlf(lf), "\xEF\xBB\xBF" + lf, "\xEF\xBB\xBF" + crlf(lf)};
        for (const std::string& page : variants) {
            const bool bom = page.rfind("\xEF\xBB\xBF", 0) == 0;
            const bool windows = page.find("\r\n") != std::string::npos;
            INFO(name << " bom=" << bom << " crlf=" << windows);
            FrontMatterResult r = parse_ok(page);
            const FrontMatter& fm = r.front_matter;
            CHECK(fm.syntax == base.front_matter.syntax);
            CHECK(fm.begin == (bom ? 3u : 0u));
            CHECK(scalar_list(fm) == scalar_list(base.front_matter));
            CHECK(paths(fm.selected) == paths(base.front_matter.selected));
            std::string body = lf.substr(base.front_matter.end);
            CHECK(page.substr(fm.end) == (windows ? crlf(body) : body));
            REQUIRE(fm.scalars.size() == base.front_matter.scalars.size());
            for (size_t i = 0; i < fm.scalars.size(); ++i) {
                const FrontMatterField& f = fm.scalars[i];
                const FrontMatterField& b = base.front_matter.scalars[i];
                INFO(f.path);
                std::string written(text_of(lf, b));
                CHECK(text_of(page, f) == (windows ? crlf(written) : written));
                CHECK(f.line == b.line);
                CHECK(f.column == b.column + (bom && b.line == 1 ? 3 : 0));
                CHECK(f.style == b.style);
                CHECK(f.indent == b.indent);
            }
        }
    }
}

TEST_CASE("only strings are selected, and keys match whole paths in any letter case") {
    const std::string page = "---\n"
                             "Title: Upper\n"
                             "keywords: [one, 2, true, \"four\"]\n"
                             "keywordsextra: [no]\n"
                             "nested: {keywords: [x]}\n"
                             "matrix: [[a]]\n"
                             "count: 3\n"
                             "---\n";
    FrontMatterResult r = parse_ok(page, {"title", "keywords", "count", "matrix"});
    CHECK(paths(r.front_matter.selected) ==
          std::vector<std::string>{"Title", "keywords[0]", "keywords[3]"});
}

TEST_CASE("no front matter") {
    for (std::string page : {"# Title\n", "", "\xEF\xBB\xBF# Title\n", "----\ntitle: x\n----\n",
                             "text\n---\ntitle: x\n---\n"}) {
        FrontMatterResult r = parse_ok(page);
        CHECK(r.front_matter.syntax == FrontMatterSyntax::none);
        CHECK(r.front_matter.scalars.empty());
        CHECK(r.front_matter.end == (page.rfind("\xEF\xBB\xBF", 0) == 0 ? 3u : 0u));
    }
    // Empty front matter is front matter.
    FrontMatterResult e = parse_ok("---\n---\nBody\n");
    CHECK(e.front_matter.syntax == FrontMatterSyntax::yaml);
    CHECK(e.front_matter.end == 8);
}

TEST_CASE("malformed front matter: an error at the page's line of the problem") {
    struct Case {
        const char* name;
        std::string page;
        const char* marker; // the diagnostic's line is the line this starts on
        const char* message;
    };
    const std::vector<Case> cases = {
        {"unterminated YAML", "---\ntitle: x\n\n# Body\n", "---", "no closing"},
        {"unterminated TOML", "+++\ntitle = 'x'\n---\n# Body\n", "+++", "no closing"},
        {"unterminated JSON", "{\"title\": \"x\",\n\"b\": 1\n\n# Body\n", "# Body", "invalid JSON"},
        {"invalid YAML", "---\ntitle: ok\ndraft: false\nbad: key: value\nmore: 1\n---\nBody\n",
         "bad: key", "invalid YAML"},
        {"invalid YAML (bad indentation)", "---\ntitle: ok\nparams:\n  a: 1\n b: 2\n---\nBody\n",
         " b: 2", "invalid YAML"},
        {"invalid YAML (unclosed quote)", "---\ntitle: ok\nsummary: 'never closed\n---\nBody\n",
         "---\nBody", "invalid YAML"},
        {"invalid TOML", "+++\ntitle = 'ok'\n\nweight = = 2\n+++\nBody\n", "weight",
         "invalid TOML"},
        {"invalid TOML (duplicate key)", "+++\ntitle = 'a'\ndraft = true\ntitle = 'b'\n+++\n",
         "title = 'b'", "invalid TOML"},
        {"invalid JSON", "{\n  \"title\": \"ok\",\n  \"draft\": ,\n}\nBody\n", "  \"draft\"",
         "invalid JSON"},
        {"invalid UTF-8 in YAML", "---\ntitle: ok\nbad: caf\xe9\n---\n", "bad", "invalid YAML"},
        {"invalid UTF-8 in TOML", "+++\ntitle = 'ok'\nbad = 'caf\xe9'\n+++\n", "bad",
         "invalid TOML"},
        {"invalid UTF-8 in JSON", "{\"title\": \"ok\",\n\"bad\": \"caf\xe9\"}\n", "\"bad",
         "invalid JSON"},
    };
    for (const Case& c : cases) {
        for (int variant = 0; variant < 3; ++variant) {
            std::string page = c.page;
            if (variant == 1) page = crlf(page);
            if (variant == 2) page = "\xEF\xBB\xBF" + page;
            INFO(c.name << " variant " << variant);
            FrontMatterResult r = front_matter_parse(page, kFile, front_matter_default_keys());
            REQUIRE(r.diagnostics.size() == 1);
            const Diagnostic& d = r.diagnostics[0];
            INFO(diagnostic_format(d));
            CHECK(d.severity == Severity::error);
            CHECK(d.file == kFile);
            std::string marker = variant == 1 ? crlf(c.marker) : std::string(c.marker);
            size_t at = page.find(marker, variant == 2 ? 3 : 0);
            REQUIRE(at != std::string::npos);
            CHECK(d.line == text_position(page, at).line);
            CHECK(d.column >= 1);
            CHECK(d.message.find(c.message) != std::string::npos);
        }
    }
    // The column, too, is the page's: toml++ points at the second '=', libyaml at the ':'
    // that may not follow a plain scalar here, nlohmann at the ','.
    FrontMatterResult t = front_matter_parse("+++\nweight = = 2\n+++\n", kFile, {});
    REQUIRE(t.diagnostics.size() == 1);
    CHECK(t.diagnostics[0].line == 2);
    CHECK(t.diagnostics[0].column == 10);
    FrontMatterResult y = front_matter_parse("\xEF\xBB\xBF---\nbad: key: value\n---\n", kFile, {});
    REQUIRE(y.diagnostics.size() == 1);
    CHECK(y.diagnostics[0].line == 2);
    CHECK(y.diagnostics[0].column == 9);
    FrontMatterResult j = front_matter_parse("{\n  \"draft\": ,\n}\n", kFile, {});
    REQUIRE(j.diagnostics.size() == 1);
    CHECK(j.diagnostics[0].line == 2);
    CHECK(j.diagnostics[0].column == 12);
}

TEST_CASE("encode round trip: hostile values in every style re-parse exactly") {
    size_t checked = 0, failed = 0;
    for (const std::string& name : kFixtures) {
        for (const char* newline : {"\n", "\r\n"}) {
            const std::string page =
                std::string(newline) == "\n" ? fixture(name) : crlf(fixture(name));
            FrontMatterResult base = parse_ok(page);
            for (const FrontMatterField& f : base.front_matter.scalars) {
                if (!f.is_string) continue;
                for (const std::string& value : kHostile) {
                    Replaced rep = replace_and_check(page, f.path, value, newline);
                    ++checked;
                    if (!rep.ok) ++failed;
                }
            }
        }
    }
    MESSAGE("round trips checked: " << checked << ", failed: " << failed);
    CHECK(checked > 3000);
    CHECK(failed == 0);
}

TEST_CASE("encode keeps the source style where it is safe, and falls back where it is not") {
    struct Case {
        const char* fixture;
        const char* path;
        std::string value;
        ScalarStyle style; // after re-parsing
    };
    using S = ScalarStyle;
    const std::vector<Case> cases = {
        {"yaml_styles.md", "title", "Un titre, avec une virgule", S::yaml_plain},
        {"yaml_styles.md", "title", "سياسة الخصوصية", S::yaml_plain},
        {"yaml_styles.md", "title", "yes", S::yaml_single_quoted},
        {"yaml_styles.md", "title", "1.0", S::yaml_single_quoted},
        {"yaml_styles.md", "title", "Deux points: ici", S::yaml_single_quoted},
        {"yaml_styles.md", "title", "- tiret", S::yaml_single_quoted},
        {"yaml_styles.md", "title", "deux\nlignes", S::yaml_double_quoted},
        {"yaml_styles.md", "tags[0]", "a, b", S::yaml_single_quoted},
        {"yaml_styles.md", "tags[0]", "mot", S::yaml_plain},
        {"yaml_styles.md", "tags[0]", "a:b", S::yaml_single_quoted},
        {"yaml_styles.md", "title", "http://example.com/a#b", S::yaml_plain},
        {"yaml_styles.md", "params.subtitle", "C# et F#", S::yaml_plain},
        {"yaml_styles.md", "linkTitle", "l'été", S::yaml_single_quoted},
        {"yaml_styles.md", "linkTitle", "tab\tinside", S::yaml_single_quoted},
        {"yaml_styles.md", "linkTitle", "bell \x07", S::yaml_double_quoted},
        {"yaml_styles.md", "description", "plain enough", S::yaml_double_quoted},
        {"yaml_styles.md", "summary", "Ligne un\nLigne deux\n", S::yaml_literal},
        {"yaml_styles.md", "summary", "sans fin de ligne", S::yaml_literal},
        {"yaml_styles.md", "summary", "espace en fin \n", S::yaml_double_quoted},
        {"yaml_styles.md", "summary", "  indentée\n", S::yaml_double_quoted},
        {"yaml_styles.md", "folded", "Mots pliés\n\nNouveau paragraphe", S::yaml_folded},
        {"yaml_styles.md", "params.deep.text", "garde\n\n\n", S::yaml_literal},
        {"toml_styles.md", "title", "Titre « ok »", S::toml_basic},
        {"toml_styles.md", "linkTitle", "C:\\chemin", S::toml_literal},
        {"toml_styles.md", "linkTitle", "it's", S::toml_basic},
        {"toml_styles.md", "linkTitle", "tab\tinside", S::toml_basic},
        {"toml_styles.md", "description", "a\nb", S::toml_multiline_basic},
        {"toml_styles.md", "summary", "a 'b'\nc\n", S::toml_multiline_literal},
        {"toml_styles.md", "summary", "a '''b'''", S::toml_multiline_basic},
        {"toml_styles.md", "summary", "a\n+++\nb", S::toml_multiline_basic},
        {"json.md", "title", "Titre", S::json_string},
    };
    for (const Case& c : cases) {
        INFO(c.fixture << " " << c.path << " [" << show(c.value) << "]");
        Replaced rep = replace_and_check(fixture(c.fixture), c.path, c.value, "\n");
        CHECK(rep.ok);
        const FrontMatterField* f = find(rep.result.front_matter.scalars, c.path);
        REQUIRE(f != nullptr);
        CHECK(f->style == c.style);
    }
    // A block scalar re-indents every line with the field's indentation.
    Replaced deep = replace_and_check(fixture("yaml_styles.md"), "params.deep.text",
                                      "un\ndeux\n\ntrois\n\n", "\n");
    CHECK(deep.page.find("    text: |+\n      un\n      deux\n\n      trois\n\n") !=
          std::string::npos);
    // JSON is nlohmann's own encoding of the string.
    FrontMatterField json_field;
    json_field.style = S::json_string;
    for (const std::string& v : kHostile)
        CHECK(front_matter_encode(FrontMatterSyntax::json, json_field, v, "\n") ==
              nlohmann::json(v).dump(-1, ' ', false));
}

TEST_CASE("encode gives back the same bytes for an unchanged value in the usual styles") {
    const std::map<std::string, std::vector<std::string>> fields = {
        {"yaml_styles.md",
         {"title", "linkTitle", "summary", "params.subtitle", "summary2", "keywords[1]",
          "keywords[3]", "tags[0]", "tags[1]", "params.deep.text"}},
        {"toml_styles.md",
         {"linkTitle", "summary", "keywords[0]", "keywords[1]", "clé", "menu[1].name"}},
        {"json.md", {"params.subtitle", "keywords[1]", "summary"}},
    };
    for (const auto& [name, field_paths] : fields) {
        const std::string page = fixture(name);
        FrontMatterResult r = parse_ok(page);
        for (const std::string& path : field_paths) {
            INFO(name << " " << path);
            const FrontMatterField* f = find(r.front_matter.scalars, path);
            REQUIRE(f != nullptr);
            CHECK(front_matter_encode(r.front_matter.syntax, *f, f->value, "\n") ==
                  text_of(page, *f));
        }
    }
}

TEST_CASE("Hugo corpus: every page parses, and re-encoding every string re-parses the same") {
    if (!test::require_shared("corpus/hugo")) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(test::shared_dir() / "corpus/hugo"))
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::map<FrontMatterSyntax, size_t> by_syntax;
    size_t strings = 0, identical = 0, selected = 0;
    for (const fs::path& file : files) {
        INFO(file.string());
        const std::string page = test::read_file(file);
        const std::string newline = page.find("\r\n") != std::string::npos ? "\r\n" : "\n";
        FrontMatterResult r = front_matter_parse(page, file.string(), front_matter_default_keys());
        INFO(diagnostics_text(r.diagnostics));
        CHECK(r.diagnostics.empty());
        ++by_syntax[r.front_matter.syntax];
        selected += r.front_matter.selected.size();

        // Replace every string scalar at once (from the back, so ranges stay valid).
        std::string out = page;
        for (auto it = r.front_matter.scalars.rbegin(); it != r.front_matter.scalars.rend(); ++it) {
            if (!it->is_string) continue;
            ++strings;
            std::string text = front_matter_encode(r.front_matter.syntax, *it, it->value, newline);
            if (text == text_of(page, *it)) ++identical;
            out.replace(it->begin, it->end - it->begin, text);
            check_position(page, *it);
        }
        FrontMatterResult again =
            front_matter_parse(out, file.string(), front_matter_default_keys());
        INFO(diagnostics_text(again.diagnostics));
        CHECK(again.diagnostics.empty());
        CHECK(scalar_list(again.front_matter) == scalar_list(r.front_matter));
        CHECK(out.substr(again.front_matter.end) == page.substr(r.front_matter.end));
    }
    MESSAGE("Hugo pages: " << files.size() << " (YAML " << by_syntax[FrontMatterSyntax::yaml]
                           << ", TOML " << by_syntax[FrontMatterSyntax::toml] << ", none "
                           << by_syntax[FrontMatterSyntax::none] << "); string scalars " << strings
                           << ", re-encoded byte-identical " << identical << "; selected fields "
                           << selected);
    CHECK(files.size() > 200);
    CHECK(by_syntax[FrontMatterSyntax::none] == 0);
    CHECK(by_syntax[FrontMatterSyntax::toml] > 0);
}
