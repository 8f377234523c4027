// PO codec: what po_read_file maps into the model, what po_write produces, diagnostics.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "policyloc/catalog_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

t::fs::path fixture(const std::string& name) {
    return t::source_dir() / "tests" / "fixtures" / "catalog" / name;
}

const Unit* find_unit(const Catalog& cat, const std::optional<std::string>& ctx,
                      const std::string& source, bool obsolete = false) {
    for (const Unit& u : cat.units())
        if (u.context == ctx && u.source == source && u.obsolete == obsolete) return &u;
    return nullptr;
}

// 1-based line of the first line of `text` that contains `needle`.
int line_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
           1;
}

// The header entry of a UTF-8 PO file, with the blank line after it.
const std::string kUtf8Header =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";

// `text` written as file `name` in a fresh temporary directory for `test`.
t::fs::path write_temp(const std::string& test, const std::string& name, const std::string& text) {
    t::fs::path p = t::temp_dir(test) / name;
    t::write_file(p, text);
    return p;
}

CatalogReadResult read_text(const std::string& name, const std::string& text) {
    return po_read_file(write_temp("po_test", name, text).string(), name);
}

// The catalog written as PO and read back from a file called `name`.
Catalog write_and_read(const Catalog& cat, const std::string& name) {
    auto w = po_write(cat);
    REQUIRE(w.text);
    auto r = read_text(name, *w.text);
    REQUIRE(r.catalog);
    return *r.catalog;
}

// The first diagnostic of a file that must not read.
const Diagnostic& rejection(const CatalogReadResult& r) {
    CHECK_FALSE(r.catalog);
    REQUIRE(diagnostics_have_error(r.diagnostics));
    return r.diagnostics.front();
}

} // namespace

TEST_CASE("po: the msgmerge fixture maps onto every model field") {
    auto r = po_read_file(fixture("privacy.de.po").string(), "privacy.de.po");
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : diagnostic_format(r.diagnostics[0])));
    CHECK_FALSE(diagnostics_have_error(r.diagnostics));
    const Catalog& cat = *r.catalog;

    // Header: every field in order, translator comment, language as BCP 47.
    REQUIRE(cat.header.size() == 13);
    CHECK(cat.header.front().first == "Project-Id-Version");
    CHECK(cat.header.front().second == "gopteran-privacy 1.0");
    CHECK(cat.header[11].first == "X-Generator");
    CHECK(cat.header.back().first == "X-Policyloc-Source");
    CHECK(cat.header_field("Plural-Forms") == "nplurals=2; plural=(n != 1);");
    CHECK(cat.target_lang == "de");
    CHECK_FALSE(cat.header_fuzzy);
    CHECK(cat.header_comment.rfind("German translation of the Gopteran privacy policy.\n", 0) == 0);
    CHECK(cat.header_comment.back() == '\n'); // the empty "#" line is kept

    const Unit* title = find_unit(cat, std::nullopt, "Privacy Policy");
    REQUIRE(title);
    CHECK(title->state == UnitState::translated);
    CHECK(title->target == "Datenschutzerklärung");
    CHECK(title->notes == "type: Title #");
    REQUIRE(title->refs.size() == 1);
    CHECK(title->refs[0] == Reference{"privacy.md", 1});

    const Unit* fuzzy =
        find_unit(cat, std::nullopt,
                  "We collect the email address you give us when you sign up, and nothing more.");
    REQUIRE(fuzzy);
    CHECK(fuzzy->state == UnitState::fuzzy);
    CHECK(fuzzy->comments == "Checked with the legal team.");
    REQUIRE(fuzzy->previous_source);
    CHECK(*fuzzy->previous_source ==
          "We collect the email address you give us when you sign up, and nothing else.");
    CHECK_FALSE(fuzzy->previous_context);

    const Unit* cookies = find_unit(cat, std::nullopt, "Cookies");
    REQUIRE(cookies);
    CHECK(cookies->notes == "type: Title ##\nunder: Privacy Policy");

    const Unit* twice = find_unit(cat, std::nullopt, "We use one cookie to keep you signed in.");
    REQUIRE(twice);
    CHECK(twice->refs == std::vector<Reference>{{"privacy.md", 11}, {"privacy.md", 40}});

    // The placeholder list becomes codes and leaves the notes.
    const Unit* coded =
        find_unit(cat, std::nullopt, "The cookie is called `sid` and expires after 30 days.");
    REQUIRE(coded);
    CHECK(coded->state == UnitState::untranslated);
    CHECK(coded->notes == "type: Plain text");
    REQUIRE(coded->codes.size() == 1);
    CHECK(coded->codes[0].kind == CodeKind::code_span);
    CHECK(coded->source.substr(coded->codes[0].begin,
                               coded->codes[0].end - coded->codes[0].begin) == "`sid`");

    const Unit* nav = find_unit(cat, std::string("navigation"), "Contact");
    const Unit* section = find_unit(cat, std::string("section"), "Contact");
    REQUIRE(nav);
    REQUIRE(section);
    CHECK(nav->state == UnitState::translated);
    CHECK(section->state == UnitState::fuzzy);
    CHECK(section->previous_context == std::optional<std::string>("navigation"));
    CHECK(section->previous_source == std::optional<std::string>("Contact"));
    CHECK(cat.find(std::string("section"), "Contact") == section);

    const Unit* plural = find_unit(cat, std::nullopt, "%d day");
    REQUIRE(plural);
    CHECK(plural->source_plural == std::optional<std::string>("%d days"));
    CHECK(plural->plural_targets == std::vector<std::string>{"%d Tag", "%d Tage"});
    CHECK(plural->target == "%d Tag");
    CHECK(plural->state == UnitState::translated);
    CHECK(plural->flags == std::vector<std::string>{"c-format", "range: 1..31"});

    const Unit* old = find_unit(cat, std::nullopt, "Our old fax number is no longer in use.", true);
    REQUIRE(old);
    CHECK(old->obsolete);
    CHECK(old->comments == "The fax line was shut down in 2025.");
    CHECK(old->target == "Unsere alte Faxnummer wird nicht mehr verwendet.");
    CHECK(cat.find(std::nullopt, "Our old fax number is no longer in use.") == nullptr);
}

TEST_CASE("po: notes and inline codes round-trip exactly through the placeholder list") {
    Catalog cat;
    Unit u;
    u.source = "Run `make` then {{< ref \"a: b\" >}} and `make` again: {{ .Date }}";
    u.notes = "type: paragraph\nsecond line";
    auto code = [&](const std::string& text, size_t from, const std::string& kind) {
        size_t at = u.source.find(text, from);
        REQUIRE(at != std::string::npos);
        return inline_code_named(at, at + text.size(), kind);
    };
    u.codes.push_back(code("`make`", 0, "code span"));
    u.codes.push_back(code("{{< ref \"a: b\" >}}", 0, "shortcode: ref"));
    u.codes.push_back(code("`make`", u.codes[1].end, "code span"));
    u.codes.push_back(code("{{ .Date }}", 0, "date, written per locale"));
    cat.add(u);

    Unit no_notes;
    no_notes.source = "Only <b>codes</b>";
    no_notes.codes.push_back(inline_code_named(5, 8, "raw HTML"));
    no_notes.codes.push_back(inline_code_named(13, 17, "raw HTML"));
    cat.add(no_notes);

    // Notes that look like a list but do not match the source stay notes.
    Unit lookalike;
    lookalike.source = "Plain text";
    lookalike.notes = "placeholders, keep them as they are:\n{1} code span: `gone`";
    cat.add(lookalike);

    auto w = po_write(cat);
    REQUIRE(w.text);
    CHECK(w.text->find("#. placeholders, keep them as they are:\n#. {1} code span: `make`\n") !=
          std::string::npos);

    auto r = read_text("codes.pot", *w.text);
    REQUIRE(r.catalog);
    REQUIRE(r.catalog->size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        const Unit& a = cat.units()[i];
        const Unit& b = r.catalog->units()[i];
        CHECK(a.source == b.source);
        CHECK(a.notes == b.notes);
        CHECK(a.codes == b.codes);
    }
}

TEST_CASE("po: a code whose text also comes before it says which occurrence it is") {
    // Hugo's glossary links: the destination "g" also occurs in "Hugo"; a reference label also
    // occurs as the link text before it.
    Catalog cat;
    Unit glossary;
    glossary.source = "Hugo supports six [content formats](g):";
    const size_t g = glossary.source.find("(g)") + 1;
    glossary.codes.push_back(inline_code_named(g, g + 1, "link destination"));
    cat.add(glossary);
    Unit label;
    label.source = "See [Git][Git] and `g`";
    const size_t l = label.source.find("][") + 1;
    label.codes.push_back(inline_code_named(l, l + 5, "link reference"));
    label.codes.push_back(
        inline_code_named(label.source.find('`'), label.source.size(), "code span"));
    cat.add(label);

    auto w = po_write(cat);
    REQUIRE(w.text);
    CHECK(w.text->find("#. {1} link destination (occurrence 2): g\n") != std::string::npos);
    CHECK(w.text->find("#. {1} link reference (occurrence 2): [Git]\n") != std::string::npos);
    CHECK(w.text->find("#. {2} code span: `g`\n") != std::string::npos);
    Catalog back = write_and_read(cat, "occurrence.pot");
    REQUIRE(back.size() == 2);
    CHECK(back.units()[0].codes == glossary.codes);
    CHECK(back.units()[1].codes == label.codes);
    CHECK(back.units()[0].notes.empty());
}

TEST_CASE("po: a unit twice on one line has that reference once") {
    Catalog cat;
    Unit u;
    u.source = ":heavy_check_mark:";
    u.refs = {{"page.md", 12}};
    cat.add(u);
    cat.add(u); // the second cell of the same table row
    REQUIRE(cat.size() == 1);
    CHECK(cat.units()[0].refs == std::vector<Reference>{{"page.md", 12}});
    u.refs = {{"page.md", 13}};
    cat.add(u);
    CHECK(cat.units()[0].refs == std::vector<Reference>{{"page.md", 12}, {"page.md", 13}});
    Catalog back = write_and_read(cat, "refs.pot");
    CHECK(back.units()[0].refs == cat.units()[0].refs);
}

TEST_CASE("po: a catalog without targets is written as a template") {
    Catalog cat;
    Unit u;
    u.source = "Hello";
    u.refs.push_back({"page.md", 3});
    u.refs.push_back({"other.md", 0});
    cat.add(u);
    const Catalog pot = write_and_read(cat, "t.pot");
    CHECK(pot.header_fuzzy);
    CHECK(pot.header_field("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(pot.header_field("Language") == "");
    REQUIRE(pot.size() == 1);
    CHECK(pot.units()[0].refs == u.refs);

    cat.target_lang = "pt-BR";
    cat.units()[0].target = "Olá";
    cat.units()[0].state = UnitState::translated;
    const Catalog po = write_and_read(cat, "t.po");
    CHECK_FALSE(po.header_fuzzy);
    CHECK(po.header_field("Language") == "pt_BR");
    CHECK(po.target_lang == "pt-BR");
    CHECK(po.units()[0].target == "Olá");
}

TEST_CASE("po: states map onto fuzzy flags and msgstr") {
    Catalog cat;
    cat.target_lang = "de";
    const UnitState states[] = {UnitState::untranslated, UnitState::fuzzy, UnitState::translated,
                                UnitState::reviewed, UnitState::final_state};
    int n = 0;
    for (UnitState s : states) {
        Unit u;
        u.source = "s" + std::to_string(n++);
        u.target = s == UnitState::untranslated ? "" : "t";
        u.state = s;
        cat.add(u);
    }
    Unit kept; // untranslated but with text: kept, as fuzzy, so it is not used
    kept.source = "kept";
    kept.target = "text";
    cat.add(kept);
    const Catalog back = write_and_read(cat, "s.po");
    const auto& us = back.units();
    REQUIRE(us.size() == 6);
    CHECK(us[0].state == UnitState::untranslated);
    CHECK(us[1].state == UnitState::fuzzy);
    CHECK(us[2].state == UnitState::translated);
    CHECK(us[3].state == UnitState::reviewed); // a translator comment line (po_state_test)
    CHECK(us[4].state == UnitState::final_state);
    CHECK(us[5].state == UnitState::fuzzy);
    CHECK(us[5].target == "text");
}

TEST_CASE("po: flags libgettextpo cannot write are reported") {
    Catalog cat;
    Unit u;
    u.source = "A table row | that must not wrap";
    u.flags = {"no-wrap", "c-format"};
    cat.add(u);
    auto w = po_write(cat);
    REQUIRE(w.text);
    CHECK(w.text->find("#, c-format\n") != std::string::npos);
    CHECK(w.text->find("no-wrap") == std::string::npos);
    bool noted = std::any_of(w.diagnostics.begin(), w.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::note && d.message.find("'no-wrap'") != std::string::npos;
    });
    CHECK(noted);
}

// The line gettext itself reports for the first error in `path` (msgfmt's "file:LINE:").
static int msgfmt_error_line(const t::fs::path& path) {
    auto r = t::run("cd " + t::sh_quote(path.parent_path().string()) + " && msgfmt -o /dev/null " +
                    t::sh_quote(path.filename().string()));
    const std::string prefix = path.filename().string() + ":";
    size_t at = r.err.find(prefix);
    if (at == std::string::npos) return -1;
    return std::atoi(r.err.c_str() + at + prefix.size());
}

TEST_CASE("po: an unterminated string is reported with file and line") {
    if (!t::require_tool("msgfmt")) return;
    const std::string text = kUtf8Header + "msgid \"fine\"\nmsgstr \"gut\"\n\n"
                                           "msgid \"broken\nmsgstr \"kaputt\"\n";
    t::fs::path p = write_temp("po_unterminated", "broken.po", text);
    auto r = po_read_file(p.string(), "broken.po");
    const Diagnostic& d = rejection(r);
    CHECK(d.file == "broken.po");
    // gettext notices the end of the line once it has moved past it, and says so for the
    // following line; the diagnostic gives the same line msgfmt gives.
    const int bad = line_of(text, "msgid \"broken");
    CHECK((d.line == bad || d.line == bad + 1));
    CHECK(d.line == msgfmt_error_line(p));
    CHECK(diagnostic_format(d).rfind("broken.po:" + std::to_string(d.line) + ":", 0) == 0);
}

TEST_CASE("po: a bad escape sequence is reported with file, line and column") {
    const std::string text = kUtf8Header + "msgid \"a\\qb\"\nmsgstr \"\"\n";
    auto r = read_text("escape.po", text);
    const Diagnostic& d = rejection(r);
    CHECK(d.file == "escape.po");
    CHECK(d.line == line_of(text, "\\qb"));
    CHECK(d.column > 0);
    if (t::have_tool("msgfmt")) {
        CHECK(d.line == msgfmt_error_line(write_temp("po_escape", "escape.po", text)));
    }
}

TEST_CASE("po: a missing file is an error naming it") {
    auto r = po_read_file("/nonexistent/dir/x.po", "x.po");
    CHECK(rejection(r).file.find("x.po") != std::string::npos);
}

TEST_CASE("po: invalid UTF-8 is reported with its line") {
    const std::string text = kUtf8Header + "msgid \"ok\"\nmsgstr \"bad \xC3\x28 byte\"\n";
    auto r = read_text("utf8.po", text);
    CHECK(rejection(r).line == line_of(text, "bad "));
}

TEST_CASE("po: a file in another charset is converted to UTF-8") {
    const std::string text =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
        "msgid \"cafe\"\nmsgstr \"caf\xE9\"\n";
    auto r = read_text("latin1.po", text);
    REQUIRE(r.catalog);
    REQUIRE(r.catalog->size() == 1);
    CHECK(r.catalog->units()[0].target == "caf\xC3\xA9");
    auto w = po_write(*r.catalog);
    REQUIRE(w.text);
    CHECK(w.text->find("charset=UTF-8") != std::string::npos);
    CHECK(w.text->find("caf\xC3\xA9") != std::string::npos);
}

TEST_CASE("catalog_io: formats follow the file extension") {
    CHECK(catalog_format_for_path("a/b.po") == CatalogFormat::po);
    CHECK(catalog_format_for_path("b.POT") == CatalogFormat::po);
    CHECK(catalog_format_for_path("b.xlf") == CatalogFormat::xliff12);
    CHECK(catalog_format_for_path("b.xliff", CatalogFormat::xliff20) == CatalogFormat::xliff20);
    CHECK_FALSE(catalog_format_for_path("b.md"));
    CHECK_FALSE(catalog_format_for_path("dir.po/file"));

    auto r = catalog_read_file(fixture("privacy.pot").string());
    REQUIRE(r.catalog);
    CHECK(r.catalog->header_fuzzy);
    auto bad = catalog_read_file("notes.txt");
    CHECK_FALSE(bad.catalog);
    CHECK(diagnostics_have_error(bad.diagnostics));
}

TEST_CASE("po: format flags are read from flag lines, not from text that says -format") {
    const std::string text =
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        "#: output-formats.md:3\n"
        "msgid \"Use a pre-format, a non-format or a c-format text\"\n"
        "msgstr \"\"\n\n"
        "#, c-format\nmsgid \"%d files\"\nmsgstr \"%d Dateien\"\n\n"
        "#, fuzzy, python-format\n#~ msgid \"%(n)s gone\"\n#~ msgstr \"weg\"\n";
    auto r = read_text("formats.po", text);
    REQUIRE(r.catalog);
    const auto& us = r.catalog->units();
    REQUIRE(us.size() == 3);
    CHECK(us[0].flags.empty());
    CHECK(us[1].flags == std::vector<std::string>{"c-format"});
    CHECK(us[2].obsolete);
    CHECK(us[2].flags == std::vector<std::string>{"python-format"});
    // Without any flag line, no message is asked about formats, and none has one.
    auto plain = read_text("plain.po", text.substr(0, text.find("#, c-format")));
    REQUIRE(plain.catalog);
    REQUIRE(plain.catalog->size() == 1);
    CHECK(plain.catalog->units()[0].flags.empty());
}

TEST_CASE("po: libgettextpo's byte-wise reader and writer give the same catalogs and text") {
    // Shift_JIS writes "表" as 0x95 0x5C: its second byte is a backslash to a byte-wise reader.
    const std::string sjis = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
                             "charset=SHIFT_JIS\\n\"\n\nmsgid \"table\"\nmsgstr \"\x95\x5C\"\n";
    const std::string utf8 =
        kUtf8Header + "#. Type: paragraph\nmsgid \"\"\n\"Caf\xC3\xA9 \\\"quoted\\\" "
                      "\xE8\xA1\xA8\\n\"\n\"line two\"\nmsgstr \"\xE2\x80\x9Cok\xE2\x80\x9D\"\n";
    // Valid UTF-8 under a Shift_JIS header: "\xC4\x81" is "ā" in UTF-8, and 0x81 0x5C one
    // Shift_JIS character, so the backslash does not escape the quote after it.
    const std::string sjis_named =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=SHIFT_JIS\\n\"\n\n"
        "msgid \"mark\"\nmsgstr \"\xC4\x81\\\"\n";
    auto read_all = [&] {
        std::vector<std::string> out;
        for (const CatalogReadResult& r :
             {po_read_file(fixture("privacy.de.po").string(), "privacy.de.po"),
              read_text("sjis.po", sjis), read_text("utf8.po", utf8),
              read_text("sjis-named.po", sjis_named)}) {
            REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? "" : r.diagnostics[0].message));
            for (const Unit& u : r.catalog->units()) out.push_back(u.source + "|" + u.target);
            auto w = po_write(*r.catalog);
            REQUIRE(w.text);
            out.push_back(*w.text);
        }
        return out;
    };
    const std::vector<std::string> through_iconv = read_all();
    CHECK(std::find(through_iconv.begin(), through_iconv.end(), "table|\xE8\xA1\xA8") !=
          through_iconv.end());
    po_prefer_byte_io();
    REQUIRE(std::getenv("OLD_PO_FILE_INPUT") != nullptr);
    REQUIRE(std::getenv("OLD_PO_FILE_OUTPUT") != nullptr);
    CHECK(read_all() == through_iconv);
}
