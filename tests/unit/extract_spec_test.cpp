// Spec-style extraction examples: every example of tests/fixtures/extract/*.txt (the format is
// described in tests/fixtures/extract/README.md) runs through extract_page, and the catalog's
// units, contexts, notes and protected spans are compared with what the example expects.
#include <doctest/doctest.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "policyloc/extract.h"
#include "policyloc/shortcode_params.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

// The display name of a protected span's kind: the one place that knows how InlineCode
// spells its kind.
std::string kind_text(const InlineCode& c) {
    return std::string(c.kind_name());
}

const std::string kPageName = "page.md";
const std::string kOpen = "~~~~~~~~ example";
const std::string kClose = "~~~~~~~~";

const std::string kBom = "\xef\xbb\xbf";
const std::string kBomGlyph = "\xe2\x9f\xa8"
                              "BOM"
                              "\xe2\x9f\xa9"; // ⟨BOM⟩

// Visible stand-ins for whitespace (and the invisible byte order mark) inside examples.
const std::pair<std::string, std::string> kVisible[] = {
    {"\xe2\x86\x92", "\t"}, // →
    {"\xe2\x90\xa3", " "},  // ␣
    {"\xe2\x90\x8d", "\r"}, // ␍
    {"\xe2\x8f\x8e", "\n"}, // ⏎
    {kBomGlyph, kBom},
};
const std::string kWarningSign = "\xe2\x9a\xa0 "; // ⚠

std::string decode_visible(std::string_view line) {
    std::string out;
    for (size_t i = 0; i < line.size();) {
        bool replaced = false;
        for (const auto& [glyph, text] : kVisible) {
            if (line.compare(i, glyph.size(), glyph) == 0) {
                out += text;
                i += glyph.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += line[i++];
    }
    return out;
}

// Text as a fixture writes it: tabs, carriage returns, line feeds, byte order marks and a
// trailing space shown.
std::string encode_visible(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (text.compare(i, kBom.size(), kBom) == 0) {
            out += kBomGlyph;
            i += kBom.size() - 1;
            continue;
        }
        bool trailing_space = c == ' ' && (i + 1 == text.size() || text[i + 1] == '\n');
        if (c == '\t')
            out += "\xe2\x86\x92";
        else if (c == '\r')
            out += "\xe2\x90\x8d";
        else if (c == '\n')
            out += "\xe2\x8f\x8e";
        else if (trailing_space)
            out += "\xe2\x90\xa3";
        else
            out += c;
    }
    return out;
}

struct Span {
    std::string kind;
    std::string text;
    bool operator==(const Span&) const = default;
};

struct ExpectedUnit {
    std::string source;
    std::optional<std::string> context;
    std::vector<std::string> notes; // lines the unit's notes must have
    std::vector<Span> spans;
};

struct Example {
    std::string file;
    int line = 0; // of the opening line
    std::string title;
    std::vector<std::string> keys; // front matter keys; empty: the default ones
    std::optional<std::vector<std::string>> shortcode_params; // nothing: the default ones
    std::string source_lang = "en";
    std::string page;
    std::vector<ExpectedUnit> units;
    std::vector<std::string> diagnostics; // substrings of formatted diagnostics
};

struct FixtureFile {
    std::vector<Example> examples;
    std::vector<std::string> errors; // "file:line: problem"
};

// Splits "TITLE {keys=a,b}" into the title and its options.
void parse_title(Example& ex, std::string title, std::vector<std::string>& errors) {
    if (!title.empty() && title.back() == '}') {
        size_t open = title.rfind(" {");
        if (open != std::string::npos) {
            std::string option = title.substr(open + 2, title.size() - open - 3);
            title.resize(open);
            if (option.rfind("keys=", 0) == 0) {
                std::istringstream keys(option.substr(5));
                for (std::string key; std::getline(keys, key, ',');) ex.keys.push_back(key);
            } else if (option.rfind("shortcode-params=", 0) == 0) {
                ex.shortcode_params = shortcode_params_parse(option.substr(17)).params;
            } else if (option.rfind("source-lang=", 0) == 0) {
                ex.source_lang = option.substr(12);
            } else {
                errors.push_back(ex.file + ":" + std::to_string(ex.line) + ": unknown option {" +
                                 option + "}");
            }
        }
    }
    ex.title = title;
}

// One expectation line of an example: a unit, an attribute of the last unit, a diagnostic.
void parse_expectation(Example& ex, const std::string& raw, const std::string& where,
                       std::vector<std::string>& errors) {
    if (raw.rfind(kWarningSign, 0) == 0) {
        ex.diagnostics.push_back(decode_visible(raw.substr(kWarningSign.size())));
        return;
    }
    if (raw.rfind("  ", 0) != 0) {
        ExpectedUnit u;
        u.source = decode_visible(raw);
        if (u.source.empty() || u.source[0] == ' ')
            errors.push_back(where + ": a unit line is empty or starts with a blank (write ␣)");
        ex.units.push_back(std::move(u));
        return;
    }
    std::string attr = raw.substr(2);
    size_t colon = attr.find(": ");
    if (ex.units.empty() || colon == std::string::npos || colon == 0) {
        errors.push_back(where + ": expected \"  KIND: TEXT\", \"  msgctxt: NAME\" or " +
                         "\"  note: LINE\" below a unit: " + raw);
        return;
    }
    std::string key = attr.substr(0, colon);
    std::string value = decode_visible(attr.substr(colon + 2));
    ExpectedUnit& u = ex.units.back();
    if (key == "msgctxt")
        u.context = value;
    else if (key == "note")
        u.notes.push_back(value);
    else
        u.spans.push_back({key, value});
}

FixtureFile parse_fixture(const std::string& name, const std::string& text) {
    FixtureFile out;
    enum { outside, page, expected } state = outside;
    std::istringstream in(text);
    std::string line;
    Example ex;
    for (int n = 1; std::getline(in, line); ++n) {
        const std::string where = name + ":" + std::to_string(n);
        if (state == outside) {
            if (line.rfind(kOpen, 0) != 0) continue;
            ex = Example{};
            ex.file = name;
            ex.line = n;
            std::string rest = line.substr(kOpen.size());
            if (rest.rfind(": ", 0) != 0 || rest.size() <= 2) {
                out.errors.push_back(where + ": an example opens with \"" + kOpen + ": TITLE\"");
                rest = ":  (untitled)";
            }
            parse_title(ex, rest.substr(2), out.errors);
            state = page;
            continue;
        }
        if (line.find('\t') != std::string::npos)
            out.errors.push_back(where + ": a literal tab in an example (write →)");
        if (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
            out.errors.push_back(where + ": a line ends in a blank (write ␣ or ␍)");
        if (state == page) {
            if (line == ".")
                state = expected;
            else if (line == kClose)
                out.errors.push_back(where + ": the example has no \".\" line before its end");
            else
                ex.page += decode_visible(line) + "\n";
            if (line == kClose) state = outside;
            continue;
        }
        if (line == kClose) {
            out.examples.push_back(std::move(ex));
            state = outside;
            continue;
        }
        if (line.empty()) {
            out.errors.push_back(where + ": an empty line among the expected units");
            continue;
        }
        parse_expectation(ex, line, where, out.errors);
    }
    if (state != outside)
        out.errors.push_back(name + ":" + std::to_string(ex.line) + ": the example is not closed");
    return out;
}

// The units of a catalog as the fixtures describe them (notes: every line).
std::vector<ExpectedUnit> actual_units(const Catalog& catalog) {
    std::vector<ExpectedUnit> out;
    for (const Unit& u : catalog.units()) {
        ExpectedUnit a;
        a.source = u.source;
        a.context = u.context;
        std::istringstream notes(u.notes);
        for (std::string l; std::getline(notes, l);) a.notes.push_back(l);
        for (const InlineCode& c : u.codes) {
            std::string text = c.begin <= c.end && c.end <= u.source.size()
                                   ? u.source.substr(c.begin, c.end - c.begin)
                                   : "<span " + std::to_string(c.begin) + ".." +
                                         std::to_string(c.end) + " outside the source>";
            a.spans.push_back({kind_text(c), text});
        }
        out.push_back(std::move(a));
    }
    return out;
}

bool units_match(const ExpectedUnit& want, const ExpectedUnit& got) {
    if (want.source != got.source || want.context != got.context || want.spans != got.spans)
        return false;
    return std::all_of(want.notes.begin(), want.notes.end(), [&](const std::string& n) {
        return std::find(got.notes.begin(), got.notes.end(), n) != got.notes.end();
    });
}

std::string render_units(const std::vector<ExpectedUnit>& units,
                         const std::vector<std::string>& diagnostics) {
    std::string out;
    for (const ExpectedUnit& u : units) {
        out += "    " + encode_visible(u.source) + "\n";
        if (u.context) out += "      msgctxt: " + encode_visible(*u.context) + "\n";
        for (const std::string& n : u.notes) out += "      note: " + encode_visible(n) + "\n";
        for (const Span& s : u.spans)
            out += "      " + s.kind + ": " + encode_visible(s.text) + "\n";
    }
    for (const std::string& d : diagnostics) out += "    " + kWarningSign + d + "\n";
    return out.empty() ? "    (nothing)\n" : out;
}

// Empty when extraction gives what the example expects; else a report of the difference.
std::string run_example(const Example& ex) {
    ExtractOptions options;
    options.file_name = kPageName;
    options.front_matter_keys = ex.keys;
    options.shortcode_params = ex.shortcode_params;
    options.source_locale = ex.source_lang;
    ExtractResult r = extract_page(ex.page, options);
    std::vector<ExpectedUnit> got = actual_units(r.catalog);
    std::vector<std::string> got_diagnostics;
    for (const Diagnostic& d : r.diagnostics) got_diagnostics.push_back(diagnostic_format(d));

    bool ok = got.size() == ex.units.size();
    for (size_t i = 0; ok && i < got.size(); ++i) ok = units_match(ex.units[i], got[i]);
    for (const std::string& want : ex.diagnostics)
        ok = ok && std::any_of(got_diagnostics.begin(), got_diagnostics.end(),
                               [&](const std::string& d) { return d.find(want) != d.npos; });
    for (const std::string& d : got_diagnostics)
        ok = ok && std::any_of(ex.diagnostics.begin(), ex.diagnostics.end(),
                               [&](const std::string& want) { return d.find(want) != d.npos; });
    if (ok) return {};

    std::string page;
    std::istringstream lines(ex.page);
    for (std::string l; std::getline(lines, l);) page += "    " + encode_visible(l) + "\n";
    return ex.file + ":" + std::to_string(ex.line) + ": example \"" + ex.title +
           "\" failed\n  page:\n" + page + "  expected:\n" +
           render_units(ex.units, ex.diagnostics) + "  extracted:\n" +
           render_units(got, got_diagnostics);
}

t::fs::path fixture_dir() {
    return t::source_dir() / "tests/fixtures/extract";
}

std::vector<t::fs::path> fixture_files() {
    std::vector<t::fs::path> files;
    if (t::fs::is_directory(fixture_dir()))
        for (const auto& e : t::fs::directory_iterator(fixture_dir()))
            if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("extract spec: every example of tests/fixtures/extract") {
    std::vector<t::fs::path> files = fixture_files();
    REQUIRE_MESSAGE(!files.empty(), "no *.txt fixtures in " << fixture_dir().string());
    size_t examples = 0, failed = 0;
    for (const t::fs::path& path : files) {
        const std::string name = "tests/fixtures/extract/" + path.filename().string();
        FixtureFile f = parse_fixture(name, t::read_file(path));
        for (const std::string& e : f.errors) FAIL_CHECK("malformed fixture: " << e);
        CHECK_MESSAGE(!f.examples.empty(), name << " holds no example");
        for (const Example& ex : f.examples) {
            std::string report = run_example(ex);
            CHECK_MESSAGE(report.empty(), report);
            failed += !report.empty();
        }
        std::cout << name << ": " << f.examples.size() << " examples\n";
        examples += f.examples.size();
    }
    std::cout << "extract spec: " << examples << " examples in " << files.size() << " files, "
              << failed << " failed\n";
}

// The harness itself: a wrong expectation of any kind is a failure, a right one is not.
TEST_CASE("extract spec: the harness reports every kind of difference") {
    const std::string right = "~~~~~~~~ example: right\n"
                              "<!-- policyloc: context c -->\n"
                              "Run→`make`.\n"
                              ".\n"
                              "Run\xe2\x86\x92`make`.\n"
                              "  msgctxt: c\n"
                              "  note: Type: paragraph\n"
                              "  code span: `make`\n"
                              "~~~~~~~~\n";
    FixtureFile f = parse_fixture("right.txt", right);
    REQUIRE(f.errors.empty());
    REQUIRE(f.examples.size() == 1);
    CHECK(f.examples[0].page == "<!-- policyloc: context c -->\nRun\t`make`.\n");
    CHECK(f.examples[0].title == "right");
    CHECK(run_example(f.examples[0]).empty());

    const std::pair<std::string, std::string> wrong[] = {
        {"Run\xe2\x86\x92`make`.\n", "Run `make`.\n"},                            // source
        {"  msgctxt: c\n", "  msgctxt: d\n"},                                     // context
        {"  msgctxt: c\n", ""},                                                   // context missing
        {"  note: Type: paragraph\n", "  note: Type: heading\n"},                 // note
        {"  code span: `make`\n", "  code span: `mak`\n"},                        // span text
        {"  code span: `make`\n", "  HTML: `make`\n"},                            // span kind
        {"  code span: `make`\n", ""},                                            // span missing
        {"  code span: `make`\n", "  code span: `make`\n  HTML: x\n"},            // span extra
        {"  code span: `make`\n", "  code span: `make`\nMore.\n"},                // unit extra
        {"  code span: `make`\n", "  code span: `make`\n\xe2\x9a\xa0 warning\n"}, // diagnostic
    };
    for (const auto& [from, to] : wrong) {
        std::string text = right;
        text.replace(text.find(from), from.size(), to);
        FixtureFile w = parse_fixture("wrong.txt", text);
        REQUIRE(w.examples.size() == 1);
        CHECK_MESSAGE(!run_example(w.examples[0]).empty(), "not reported: " << to);
    }
    // An unexpected diagnostic is a difference too.
    std::string unknown = right;
    unknown.replace(unknown.find("context c"), 9, "contxt c");
    unknown.replace(unknown.find("  msgctxt: c\n"), 13, "");
    FixtureFile u = parse_fixture("unknown.txt", unknown);
    REQUIRE(u.examples.size() == 1);
    CHECK(!run_example(u.examples[0]).empty());
    unknown.replace(unknown.find("~~~~~~~~\n", 10), 9,
                    "\xe2\x9a\xa0 page.md:1:1: warning: unknown policyloc directive 'contxt'\n"
                    "~~~~~~~~\n");
    u = parse_fixture("unknown.txt", unknown);
    REQUIRE(u.examples.size() == 1);
    CHECK(run_example(u.examples[0]).empty());
}

TEST_CASE("extract spec: malformed fixtures are reported with their line") {
    const std::pair<std::string, std::string> cases[] = {
        {"~~~~~~~~ example: a\nText \n.\nText\n~~~~~~~~\n", "x.txt:2: a line ends in a blank"},
        {"~~~~~~~~ example: a\nText\t\n.\nText\n~~~~~~~~\n", "x.txt:2: a literal tab"},
        {"~~~~~~~~ example: a\nText\n~~~~~~~~\n", "x.txt:3: the example has no \".\""},
        {"~~~~~~~~ example: a\nText\n.\nText\n", "x.txt:1: the example is not closed"},
        {"~~~~~~~~ example: a\nText\n.\n  code span: x\n~~~~~~~~\n", "x.txt:4: expected"},
        {"~~~~~~~~ example: a\nText\n.\nText\n\n~~~~~~~~\n", "x.txt:5: an empty line"},
        {"~~~~~~~~ example: a {kes=title}\nText\n.\nText\n~~~~~~~~\n", "unknown option"},
        {"~~~~~~~~ example\nText\n.\nText\n~~~~~~~~\n", "x.txt:1: an example opens with"},
    };
    for (const auto& [text, error] : cases) {
        FixtureFile f = parse_fixture("x.txt", text);
        REQUIRE_MESSAGE(f.errors.size() == 1, text);
        CHECK_MESSAGE(f.errors[0].find(error) != std::string::npos, f.errors[0]);
    }
    FixtureFile keys = parse_fixture(
        "k.txt",
        "~~~~~~~~ example: nested {keys=title,params.subtitle}\nText\n.\nText\n~~~~~~~~\n");
    REQUIRE(keys.examples.size() == 1);
    CHECK(keys.examples[0].title == "nested");
    CHECK(keys.examples[0].keys == std::vector<std::string>{"title", "params.subtitle"});
}
