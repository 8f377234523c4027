// Catalogs we do not control, through the CLI: PO files whose charset is unknown, ambiguous or
// not UTF-8, XLIFF documents in other encodings or with character references no text can hold,
// one-form plurals through XLIFF and back, and a PO of 200,000 entries under a memory and time
// limit. Each either is read correctly or is refused with exit 2, naming file and line, and
// leaves every file as it was. The inputs are tests/fixtures/fuzz/regress/.
#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace policyloc::test;

namespace {

fs::path regress(const std::string& name) {
    return source_dir() / "tests/fixtures/fuzz/regress" / name;
}

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
        ++n;
    return n;
}

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("regress: a PO whose charset is unknown but whose bytes are UTF-8 is read as UTF-8") {
    fs::path dir = temp_dir("hostile-po-charset");
    for (const char* name : {"po-charset-utf8mb4.po", "po-charset-utf-8z.po",
                             "po-charset-ascii-8bit.po", "po-charset-two.po"}) {
        INFO(name);
        // Extracting over it keeps the translations (it used to become an empty template).
        fs::path catalog = dir / name;
        fs::copy_file(regress(name), catalog, fs::copy_options::overwrite_existing);
        auto r =
            run_policyloc("extract " + sh_quote(regress("page.md")) + " -o " + sh_quote(catalog));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        CHECK_MESSAGE(has(r.err, "read as UTF-8"), r.err);
        CHECK(has(read_file(catalog), "msgstr \"Hallo Welt\""));
        // convert writes one header, and the text decoded as UTF-8.
        fs::path po = dir / (std::string(name) + ".out.po");
        r = run_policyloc("convert " + sh_quote(regress(name)) + " " + sh_quote(po));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        const std::string out = read_file(po);
        CHECK(count_of(out, "msgid \"\"\n") == 1);
        CHECK(has(out, "msgstr \"Zweiter Absatz \xC3\xBC"
                       "ber alles.\""));
        CHECK(has(out, "charset=UTF-8\\n"));
    }
}

TEST_CASE("regress: a PO whose charset is unknown and bytes not UTF-8, or not valid in the "
          "charset it names, is refused and left as it was") {
    fs::path dir = temp_dir("hostile-po-refused");
    for (const char* name : {"po-charset-unknown-not-utf8.po", "po-charset-invalid-bytes.po"}) {
        INFO(name);
        fs::path catalog = dir / name;
        fs::copy_file(regress(name), catalog, fs::copy_options::overwrite_existing);
        const std::string before = read_file(catalog);
        auto r =
            run_policyloc("extract " + sh_quote(regress("page.md")) + " -o " + sh_quote(catalog));
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(has(r.err, catalog.string() + ":14:24: error:"), r.err);
        CHECK(read_file(catalog) == before);
        fs::path out = dir / (std::string(name) + ".xlf");
        r = run_policyloc("convert " + sh_quote(catalog) + " " + sh_quote(out));
        CHECK(r.exit_code == 2);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("data loss: a PO in ISO-8859-1 is read through its charset") {
    fs::path dir = temp_dir("hostile-po-latin1");
    fs::path page = dir / "page.de.md";
    auto r = run_policyloc("merge --locale de " + sh_quote(regress("page.md")) + " " +
                           sh_quote(regress("po-iso-8859-1.po")) + " -o " + sh_quote(page));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(page) == "Hallo Welt\n\nZweiter Absatz \xC3\xBC"
                             "ber alles.\n");
}

TEST_CASE("regress: XLIFF in a declared encoding is decoded, or refused with file and line") {
    fs::path dir = temp_dir("hostile-xliff-encoding");
    struct Case {
        const char* name;
        const char* target; // empty: refused
        const char* where;  // file:line:col of the refusal
    };
    const Case cases[] = {
        {"xliff-windows-1252.xlf", "Bonjour \xE2\x80\x94 caf\xC3\xA9", ""},
        {"xliff-shift-jis.xlf", "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF", ""},
        {"xliff-utf16le-bom.xlf", "Bonjour caf\xC3\xA9", ""},
        {"xliff-nul-ref-in-comment.xlf", "Bonjour le monde", ""},
        {"xliff-utf16-declared-over-utf8.xlf", "", ":1:1: error:"},
        {"xliff-unknown-encoding.xlf", "", ":1:1: error:"},
        {"xliff-surrogate-ref.xlf", "", ":7:39: error: character reference &#xD800;"},
        {"xliff-nul-ref.xlf", "", ":7:39: error: character reference &#0;"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        fs::path po = dir / (std::string(c.name) + ".po");
        auto r = run_policyloc("convert " + sh_quote(regress(c.name)) + " " + sh_quote(po));
        if (*c.target) {
            CHECK_MESSAGE(r.exit_code == 0, r.err);
            CHECK(has(read_file(po), std::string("msgstr \"") + c.target));
            continue;
        }
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(has(r.err, regress(c.name).string() + c.where), r.err);
        CHECK_FALSE(fs::exists(po));
        // A merge with it writes no page.
        fs::path page = dir / (std::string(c.name) + ".md");
        r = run_policyloc("merge --locale fr " + sh_quote(regress("page.md")) + " " +
                          sh_quote(regress(c.name)) + " -o " + sh_quote(page));
        CHECK(r.exit_code == 2);
        CHECK_FALSE(fs::exists(page));
    }
}

TEST_CASE("regress: a one-form plural (nplurals=1) keeps one msgstr and its state through XLIFF") {
    fs::path dir = temp_dir("hostile-nplurals-1");
    for (const char* version : {"1.2", "2.0"}) {
        INFO(version);
        fs::path xlf = dir / (std::string("ja-") + version + ".xlf");
        fs::path back = dir / (std::string("ja-") + version + ".po");
        auto r = run_policyloc("convert --xliff-version " + std::string(version) + " " +
                               sh_quote(regress("ja-nplurals-1.po")) + " " + sh_quote(xlf));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = run_policyloc("convert " + sh_quote(xlf) + " " + sh_quote(back));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const std::string po = read_file(back);
        CHECK(count_of(po, "msgstr[0]") == 2);
        CHECK(count_of(po, "msgstr[1]") == 0);
        CHECK(count_of(po, "#, fuzzy\nmsgid \"one file\"") == 0);
        CHECK(count_of(po, "#, fuzzy\nmsgid \"one page\"") == 1);
        r = run_policyloc("stats " + sh_quote(regress("ja-nplurals-1.po")) + " " + sh_quote(back));
        REQUIRE(r.exit_code == 0);
        CHECK(count_of(r.out, "50.0%") == 2);
    }
}

TEST_CASE(
    "hostile size: a PO of 200,000 entries converts and updates within 1.5 GB and 60 s of CPU") {
    if (!require_tool("prlimit")) return;
    fs::path dir = temp_dir("hostile-po-200k");
    std::string po = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n"
                     "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    std::string page;
    for (int i = 0; i < 200000; ++i) {
        const std::string n = std::to_string(i);
        po += "#: page.md:" + std::to_string(2 * i + 1) + "\nmsgid \"Paragraph number " + n +
              " of the policy text.\"\nmsgstr \"Absatz Nummer " + n +
              " des Richtlinientexts.\"\n\n";
        page += "Paragraph number " + n + " of the policy text.\n\n";
    }
    write_file(dir / "big.po", po);
    write_file(dir / "page.md", page);
    const std::string limit = "prlimit --as=1610612736 --cpu=60 ";
    auto r = run(limit + sh_quote(policyloc_exe()) + " convert " + sh_quote(dir / "big.po") + " " +
                 sh_quote(dir / "big.xlf") + " 2>&1");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    r = run(limit + sh_quote(policyloc_exe()) + " convert " + sh_quote(dir / "big.xlf") + " " +
            sh_quote(dir / "back.po") + " 2>&1");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    CHECK(count_of(read_file(dir / "back.po"), "\nmsgstr \"Absatz Nummer ") == 200000);
    r = run(limit + sh_quote(policyloc_exe()) + " extract " + sh_quote(dir / "page.md") + " -o " +
            sh_quote(dir / "big.po") + " 2>&1");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    CHECK(has(r.out, "200000 kept, 0 fuzzy, 0 new"));
}
