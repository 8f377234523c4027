// The CLI's contract for convert and stats: formats from extensions, exit codes, diagnostics
// that name file and line, and outputs that are never half written.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace policyloc::test;

namespace {

struct Bad {
    const char* name;
    const char* text;
    int line;
};

const Bad kBadInputs[] = {
    {"unterminated.po",
     "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
     "msgid \"a\"\nmsgstr \"b\n\nmsgid \"c\"\nmsgstr \"d\"\n",
     7},
    {"bad-escape.po",
     "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
     "msgid \"a\\q\"\nmsgstr \"b\"\n",
     5},
    {"malformed.xlf",
     "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
     "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file>\n</xliff>\n",
     4},
    {"doctype.xlf",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY e \"x\">]>\n"
     "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>\n",
     2},
    {"version.xlf",
     "<?xml version=\"1.0\"?>\n<xliff version=\"3.0\" "
     "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\"/>\n",
     2},
};

} // namespace

TEST_CASE("convert: unreadable input is exit 2, names file and line, writes nothing") {
    fs::path dir = temp_dir("cli-convert-bad");
    for (const Bad& b : kBadInputs) {
        INFO(b.name);
        fs::path in = dir / b.name;
        write_file(in, b.text);
        for (const char* out_name : {"new.po", "new.xlf"}) {
            fs::path out = dir / (std::string(b.name) + "." + out_name);
            auto r =
                run_policyloc("convert " + sh_quote(in.string()) + " " + sh_quote(out.string()));
            CHECK(r.exit_code == 2);
            CHECK_MESSAGE(r.err.find(in.string() + ":" + std::to_string(b.line) + ":") !=
                              std::string::npos,
                          r.err);
            CHECK(r.err.find("error:") != std::string::npos);
            CHECK(!fs::exists(out));
        }
        // An existing output stays as it was.
        fs::path existing = dir / (std::string(b.name) + ".existing.po");
        write_file(existing, "msgid \"keep\"\nmsgstr \"me\"\n");
        auto r =
            run_policyloc("convert " + sh_quote(in.string()) + " " + sh_quote(existing.string()));
        CHECK(r.exit_code == 2);
        CHECK(read_file(existing) == "msgid \"keep\"\nmsgstr \"me\"\n");
    }
    // No stray temporary files are left beside the outputs.
    for (const auto& e : fs::directory_iterator(dir))
        CHECK_MESSAGE(e.path().filename().string().find(".tmp-") == std::string::npos, e.path());
}

TEST_CASE("convert: formats from extensions, versions, languages") {
    fs::path dir = temp_dir("cli-convert");
    fs::path po = source_dir() / "locales/fr.po";
    fs::path x12 = dir / "fr.xlf", x20 = dir / "fr.xliff", back = dir / "back.po";
    auto r = run_policyloc("convert " + sh_quote(po.string()) + " " + sh_quote(x12.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(x12).find("version=\"1.2\"") != std::string::npos);
    CHECK(read_file(x12).find("target-language=\"fr\"") != std::string::npos);
    r = run_policyloc("convert " + sh_quote(x12.string()) + " " + sh_quote(x20.string()) +
                      " --xliff-version 2.0 --target-lang fr-CA");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(x20).find("trgLang=\"fr-CA\"") != std::string::npos);
    r = run_policyloc("convert " + sh_quote(x20.string()) + " " + sh_quote(back.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(read_file(back).find("\"Language: fr_CA\\n\"") != std::string::npos);
    if (have_tool("msgfmt"))
        CHECK(run("msgfmt -c -o /dev/null " + sh_quote(back.string())).exit_code == 0);
    r = run_policyloc("convert " + sh_quote(po.string()) + " " +
                      sh_quote((dir / "x.txt").string()));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cannot tell the catalog format") != std::string::npos);
}

TEST_CASE("stats: table and JSON agree with msgfmt --statistics") {
    if (!require_tool("msgfmt")) return;
    fs::path it = source_dir() / "locales/it.po";
    auto r = run_policyloc("stats --json " + sh_quote(it.string()) + " " +
                           sh_quote((source_dir() / "locales/ja.xlf").string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 2);
    auto m = run("msgfmt --statistics -o /dev/null " + sh_quote(it.string()));
    // "99 translated messages, 47 untranslated messages."
    CHECK(m.err.find(std::to_string(j[0]["translated"]["units"].get<int>()) + " translated") !=
          std::string::npos);
    CHECK(m.err.find(std::to_string(j[0]["untranslated"]["units"].get<int>()) + " untranslated") !=
          std::string::npos);
    double pct = j[0]["percent_complete"].get<double>();
    CHECK(pct > 55.0);
    CHECK(pct < 65.0);
    CHECK(j[1]["untranslated"]["units"].get<int>() == 0);
    CHECK(j[1]["percent_complete"].get<double>() == doctest::Approx(100.0));

    r = run_policyloc("stats " + sh_quote(it.string()));
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("61.") != std::string::npos);
    r = run_policyloc("stats " + sh_quote((source_dir() / "missing.po").string()));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("missing.po") != std::string::npos);
}
