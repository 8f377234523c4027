// policyloc in its user's language: help and diagnostics in German and French from the catalogs
// in po/, machine output that never changes with the locale, plural forms, the template kept up
// to date with the sources, and an installed policyloc (catalogs, man page, completion, .deb).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "test_support.h"

using namespace policyloc::test;

namespace {

// The environment prefix under which policyloc should speak German: LANGUAGE=de with a German
// locale, generated with localedef when the system has none and we may; otherwise C.UTF-8,
// under which glibc's gettext follows LANGUAGE too.
std::string german() {
    static std::string env = [] {
        auto has_de = [] { return run("locale -a | grep -qix 'de_DE.utf-\\?8'").exit_code == 0; };
        if (!has_de() && have_tool("localedef")) run("localedef -i de_DE -c -f UTF-8 de_DE.UTF-8");
        std::string lang = has_de() ? "de_DE.UTF-8" : "C.UTF-8";
        return "env -u LC_ALL -u LC_MESSAGES LANGUAGE=de LANG=" + lang + " ";
    }();
    return env;
}

const std::string english = "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 ";
const std::string french = "env -u LC_ALL -u LC_MESSAGES LANGUAGE=fr LANG=C.UTF-8 ";

CommandResult run_in(const std::string& env, const std::string& args) {
    return run(env + sh_quote(policyloc_exe()) + " " + args);
}

fs::path build_dir() {
    return policyloc_exe().parent_path().parent_path();
}

// The msgids of a PO file or template, as msgcat lists them one per line with --no-wrap.
std::set<std::string> msgids(const fs::path& po) {
    CommandResult r = run("msgcat --no-wrap --no-location --sort-output " + sh_quote(po));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::set<std::string> ids;
    std::regex id(R"(^msgid(_plural)? (".*")$)");
    std::smatch m;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (std::regex_match(line, m, id)) ids.insert(m[1].str() + m[2].str());
    return ids;
}

// A page whose two inline codes every translation of the catalog drops: `n` units fall back.
fs::path broken_catalog(const fs::path& dir, int n) {
    std::string page, po =
                          "msgid \"\"\nmsgstr \"\"\n"
                          "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: de\\n\"\n\n";
    for (int i = 0; i < n; ++i) {
        std::string source = "Run `tool" + std::to_string(i) + "` to start.";
        page += source + "\n\n";
        po += "msgid \"" + source + "\"\nmsgstr \"Starten Sie das Programm.\"\n\n";
    }
    write_file(dir / "page.md", page);
    write_file(dir / "de.po", po);
    return dir;
}

} // namespace

TEST_CASE("i18n: --help is German under LANGUAGE=de and English under C.UTF-8") {
    CommandResult de = run_in(german(), "--help");
    CommandResult en = run_in(english, "--help");
    CommandResult fr = run_in(french, "--help");
    REQUIRE(de.exit_code == 0);
    REQUIRE(en.exit_code == 0);
    CHECK_MESSAGE(de.out.find("Aufruf:") != std::string::npos, de.out);
    CHECK(de.out.find("Unterbefehle:") != std::string::npos);
    CHECK(de.out.find("Diese Hilfe anzeigen und beenden") != std::string::npos);
    CHECK(en.out.find("Usage:") != std::string::npos);
    CHECK(en.out.find("Subcommands:") != std::string::npos);
    CHECK(en.out.find("Aufruf") == std::string::npos);
    CHECK_MESSAGE(fr.out.find("Utilisation:") != std::string::npos, fr.out);
    CommandResult de_merge = run_in(german(), "merge --help");
    CHECK_MESSAGE(de_merge.out.find("Optionen:") != std::string::npos, de_merge.out);
    CHECK(de_merge.out.find("ERFORDERLICH") != std::string::npos);
}

TEST_CASE("i18n: a missing file's diagnostic is German under LANGUAGE=de, English under C") {
    fs::path dir = temp_dir("i18n-missing");
    fs::path missing = dir / "missing.po";
    std::string args = "convert " + sh_quote(missing) + " " + sh_quote(dir / "out.xlf");
    CommandResult de = run_in(german(), args);
    CommandResult en = run_in(english, args);
    CHECK(de.exit_code == 2);
    CHECK(en.exit_code == 2);
    CHECK_MESSAGE(de.err.find(missing.string() + ": Fehler: Datei kann nicht geöffnet werden") !=
                      std::string::npos,
                  de.err);
    CHECK_MESSAGE(en.err.find(missing.string() + ": error: cannot open file") != std::string::npos,
                  en.err);
    CommandResult de_extract = run_in(german(), "extract " + sh_quote(dir / "missing.md") + " -o " +
                                                    sh_quote(dir / "out.pot"));
    CHECK(de_extract.exit_code == 2);
    CHECK_MESSAGE(de_extract.err.find("missing.md: Datei nicht gefunden") != std::string::npos,
                  de_extract.err);
    CHECK(de_extract.err.find("Weitere Informationen mit --help.") != std::string::npos);
    CHECK(!fs::exists(dir / "out.pot"));
    // CLI11's own usage errors too.
    CHECK(run_in(german(), "stats").err.find("files ist erforderlich") != std::string::npos);
    CHECK(run_in(english, "stats").err.find("files is required") != std::string::npos);
    CHECK(run_in(french, "stats a.po --x --y").err.find("Les arguments suivants n") !=
          std::string::npos);
}

namespace {

// A command refused with exit 2, and its message, in German and in English.
struct Case {
    std::string args, german, english;
};

std::pair<CommandResult, CommandResult> check_refused_in_both(const Case& c) {
    INFO(c.args);
    CommandResult de = run_in(german(), c.args);
    CommandResult en = run_in(english, c.args);
    CHECK(de.exit_code == 2);
    CHECK(en.exit_code == 2);
    CHECK_MESSAGE(de.err.find(c.german) != std::string::npos, de.err);
    CHECK_MESSAGE(en.err.find(c.english) != std::string::npos, en.err);
    return {de, en};
}

} // namespace

TEST_CASE("i18n: CLI11's usage errors are German under LANGUAGE=de, with exit code 2") {
    fs::path dir = temp_dir("i18n-usage");
    fs::path po = dir / "de.po";
    write_file(po, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    std::string cat = sh_quote(po);
    const Case cases[] = {
        {"stats " + cat + " --bogus", "Das folgende Argument wurde nicht erwartet: --bogus",
         "The following argument was not expected: --bogus"},
        {"stats " + cat + " --x --y", "Die folgenden Argumente wurden nicht erwartet: --y --x",
         "The following arguments were not expected: --y --x"},
        {"convert " + cat, "output ist erforderlich", "output is required"},
        {"", "Ein Unterbefehl ist erforderlich", "A subcommand is required"},
        {"merge " + cat + " --locale", "--locale: 1 erforderlicher Wert vom Typ TEXT fehlt",
         "--locale: 1 required TEXT missing"},
        {"convert " + cat + " " + sh_quote(dir / "o.xlf") + " --xliff-version 3",
         "--xliff-version: 3 ist keiner der Werte {1.2,2.0}",
         "--xliff-version: 3 not in {1.2,2.0}"},
        {"build --jobs 0", "--jobs: der Wert 0 liegt nicht im Bereich 1 bis 256",
         "--jobs: Value 0 not in range 1 to 256"},
        {"check " + cat + " --min-complete many", "Umwandlung nicht möglich: --min-complete",
         "Could not convert: --min-complete"},
    };
    for (const Case& c : cases) {
        auto [de, en] = check_refused_in_both(c);
        CHECK_MESSAGE(de.err.find("Weitere Informationen mit --help.") != std::string::npos,
                      de.err);
        CHECK(en.err.find("Run with --help for more information.") != std::string::npos);
    }
}

TEST_CASE("i18n: refusals of hostile input are German under LANGUAGE=de") {
    fs::path dir = temp_dir("i18n-hostile");
    write_file(dir / "nul.md", std::string("A paragraph with a \0 byte.\n", 27));
    write_file(dir / "latin.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
                                 "charset=klingon\\n\"\n\nmsgid \"a\"\nmsgstr \"\xE4\"\n");
    write_file(dir / "page.md", "Text.\n");
    const Case cases[] = {
        {"extract " + sh_quote(dir / "nul.md") + " -o " + sh_quote(dir / "nul.pot"),
         "NUL-Byte in der Seite (ein Katalog kann es nicht enthalten)",
         "NUL byte in the page (a catalog cannot hold it)"},
        {"stats " + sh_quote(dir / "latin.po"),
         "der Zeichensatz 'klingon', den der Kopfeintrag angibt, ist unbekannt",
         "the charset 'klingon' that the header names is unknown"},
        {"extract " + sh_quote(dir / "page.md") + " -o " + sh_quote(dir / "page.md"),
         "die Ausgabe ist die Eingabe", "the output is the input"},
    };
    for (const Case& c : cases) check_refused_in_both(c);
    CHECK(!fs::exists(dir / "nul.pot"));
    CHECK(read_file(dir / "page.md") == "Text.\n");
}

TEST_CASE("i18n: --json output is byte-identical in German and English") {
    fs::path locales = source_dir() / "locales";
    std::string catalogs = sh_quote(locales / "fr.po") + " " + sh_quote(locales / "de.xlf");
    for (std::string args :
         {"stats --json " + catalogs, "check " + sh_quote(locales / "privacy.md") + " " + catalogs +
                                          " --min-complete 99.5 --json"}) {
        INFO(args);
        CommandResult de = run_in(german(), args);
        CommandResult en = run_in(english, args);
        CHECK(de.exit_code == en.exit_code);
        CHECK(!en.out.empty());
        CHECK(de.out == en.out);
    }
    // The same commands for people do change: the test above compares output that could differ.
    CommandResult de = run_in(german(), "stats " + catalogs);
    CommandResult en = run_in(english, "stats " + catalogs);
    CHECK(de.out != en.out);
}

TEST_CASE("i18n: plural forms: 1 unit fell back, 2 units fell back, in English and German") {
    for (int n : {1, 2}) {
        fs::path dir = broken_catalog(temp_dir("i18n-plural-" + std::to_string(n)), n);
        std::string args = "merge " + sh_quote(dir / "page.md") + " " + sh_quote(dir / "de.po") +
                           " --locale de --strict -o " + sh_quote(dir / "page.de.md");
        CommandResult en = run_in(english, args);
        CommandResult de = run_in(german(), args);
        CHECK(en.exit_code == 1);
        CHECK(!fs::exists(dir / "page.de.md"));
        std::string en_text = n == 1 ? "1 unit fell back because its translation is broken"
                                     : "2 units fell back because their translation is broken";
        std::string de_text = n == 1 ? "1 Einheit fiel auf den Ausgangstext zurück"
                                     : "2 Einheiten fielen auf den Ausgangstext zurück";
        CHECK_MESSAGE(en.err.find(en_text) != std::string::npos, en.err);
        CHECK_MESSAGE(de.err.find(de_text) != std::string::npos, de.err);
    }
}

TEST_CASE("i18n: po/policyloc.pot has exactly the msgids of the sources") {
    if (!require_tool("xgettext")) return;
    fs::path dir = temp_dir("i18n-pot");
    CommandResult r =
        run(sh_quote(source_dir() / "po" / "make-pot.sh") + " " + sh_quote(dir / "fresh.pot"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::set<std::string> fresh = msgids(dir / "fresh.pot");
    std::set<std::string> stored = msgids(source_dir() / "po" / "policyloc.pot");
    CHECK(fresh.size() > 100);
    for (const std::string& id : fresh)
        CHECK_MESSAGE(stored.count(id), ("not in the template: " + id));
    for (const std::string& id : stored)
        CHECK_MESSAGE(fresh.count(id), ("gone from sources: " + id));
}

TEST_CASE("i18n: the German and French catalogs are complete, valid and pass policyloc check") {
    std::set<std::string> pot = msgids(source_dir() / "po" / "policyloc.pot");
    for (const char* lang : {"de", "fr"}) {
        INFO(lang);
        fs::path po = source_dir() / "po" / (std::string(lang) + ".po");
        CommandResult stats =
            run("LC_ALL=C msgfmt --check --statistics -o /dev/null " + sh_quote(po));
        CHECK_MESSAGE(stats.exit_code == 0, stats.err);
        CHECK_MESSAGE(std::regex_match(stats.err, std::regex("[0-9]+ translated messages?\\.\n")),
                      stats.err);
        CHECK(msgids(po) == pot);
        CommandResult check = run_policyloc("check " + sh_quote(po) + " --locale " + lang);
        CHECK_MESSAGE(check.exit_code == 0, (check.out + check.err));
    }
}

TEST_CASE("i18n: an installed policyloc finds its catalogs and its man page renders") {
    fs::path prefix = temp_dir("i18n-install") / "prefix";
    CommandResult install =
        run("cmake --install " + sh_quote(build_dir()) + " --prefix " + sh_quote(prefix));
    REQUIRE_MESSAGE(install.exit_code == 0, (install.out + install.err));
    fs::path exe = prefix / "bin" / "policyloc";
    REQUIRE(fs::exists(exe));
    CHECK(fs::exists(prefix / "share/locale/de/LC_MESSAGES/policyloc.mo"));
    CHECK(fs::exists(prefix / "share/locale/fr/LC_MESSAGES/policyloc.mo"));
    CHECK(fs::exists(prefix / "share/bash-completion/completions/policyloc"));
    CommandResult de = run("env -u LC_ALL LANGUAGE=de LANG=C.UTF-8 " + sh_quote(exe) + " --help");
    CHECK_MESSAGE(de.out.find("Aufruf:") != std::string::npos, de.out);
    // Moved away from the build tree, it still finds them: the path is relative to itself.
    fs::path moved = temp_dir("i18n-install-moved") / "p";
    fs::rename(prefix, moved);
    CommandResult fr = run("env -u LC_ALL LANGUAGE=fr LANG=C.UTF-8 " +
                           sh_quote(moved / "bin/policyloc") + " check --help");
    CHECK_MESSAGE(fr.out.find("Utilisation:") != std::string::npos, fr.out);

    if (!require_tool("man")) return;
    // Installed gzip-compressed, as Debian ships man pages; man -l reads it as it is.
    fs::path page = moved / "share/man/man1/policyloc.1.gz";
    REQUIRE(fs::exists(page));
    CHECK(!fs::exists(moved / "share/man/man1/policyloc.1"));
    CommandResult man =
        run("MANWIDTH=100 LC_ALL=C.UTF-8 man -l " + sh_quote(page) + " 2>&1 | col -b");
    REQUIRE(man.exit_code == 0);
    CHECK(man.out.find("SUBCOMMANDS") != std::string::npos);
    for (const char* sub : {"extract", "merge", "update", "build", "export", "import", "convert",
                            "pseudo", "stats", "check"})
        CHECK_MESSAGE(man.out.find(std::string("policyloc ") + sub + "\n") != std::string::npos,
                      sub);
    for (const char* key : {"source_language", "pages_base", "keys_only", "xliff_version", "layout",
                            "root", "min_complete", "required", "below_threshold", "fallbacks",
                            "numbering", "calendar", "timezone", "date", "use_fuzzy"})
        CHECK_MESSAGE(man.out.find(key) != std::string::npos, key);
}

TEST_CASE("i18n: the bash completion offers every subcommand and each of its options") {
    if (!require_tool("bash")) return;
    fs::path script = source_dir() / "dist" / "policyloc.bash-completion";
    const std::string completion = read_file(script);
    CommandResult listed = run_policyloc("--help");
    std::regex sub(R"(\n  ([a-z]+) {2,})");
    std::regex option(R"(\n +(?:-[A-Za-z],)?(--[a-z-]+))");
    std::string text = listed.out.substr(listed.out.find("Subcommands:"));
    int n = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), sub), end; it != end; ++it, ++n) {
        std::string name = (*it)[1].str();
        size_t at = completion.find(" " + name + ") opts=\"");
        REQUIRE_MESSAGE(at != std::string::npos, name);
        std::string opts =
            completion.substr(at, completion.find('"', completion.find('"', at) + 1) - at);
        std::string help = run_policyloc(name + " --help").out;
        for (std::sregex_iterator o(help.begin(), help.end(), option); o != end; ++o) {
            const std::string flag = (*o)[1].str();
            if (flag == "--help") continue;
            const bool offered = (opts + " ").find(flag + " ") != std::string::npos;
            CHECK_MESSAGE(offered, name << " " << flag);
        }
    }
    CHECK(n == 10);
    CommandResult syntax = run("bash -n " + sh_quote(script));
    CHECK_MESSAGE(syntax.exit_code == 0, syntax.err);
}

TEST_CASE("i18n: cpack builds a .deb with the program, catalogs, man page and completion") {
    if (!require_tool("dpkg-deb") || !require_tool("cpack") || !require_tool("dpkg-shlibdeps"))
        return;
    fs::path dir = temp_dir("i18n-deb");
    CommandResult pack =
        run("cd " + sh_quote(build_dir()) + " && cpack -G DEB -B " + sh_quote(dir));
    REQUIRE_MESSAGE(pack.exit_code == 0, (pack.out + pack.err));
    CommandResult deb = run("ls " + sh_quote(dir) + "/*.deb");
    REQUIRE(deb.exit_code == 0);
    std::string file = deb.out.substr(0, deb.out.find('\n'));
    CommandResult contents = run("dpkg-deb -c " + sh_quote(file));
    for (const char* path :
         {"./usr/bin/policyloc", "./usr/share/locale/de/LC_MESSAGES/policyloc.mo",
          "./usr/share/locale/fr/LC_MESSAGES/policyloc.mo", "./usr/share/man/man1/policyloc.1.gz",
          "./usr/share/bash-completion/completions/policyloc"})
        CHECK_MESSAGE(contents.out.find(std::string(path) + "\n") != std::string::npos, path);
    // As lintian wants a man page: compressed with gzip -9, without a time stamp or file name
    // in the gzip header (manpage-not-compressed, manpage-not-compressed-with-max-compression,
    // package-contains-timestamped-gzip).
    CHECK(contents.out.find("./usr/share/man/man1/policyloc.1\n") == std::string::npos);
    CommandResult header = run("dpkg-deb --fsys-tarfile " + sh_quote(file) +
                               " | tar -xOf - ./usr/share/man/man1/policyloc.1.gz | head -c 10 |"
                               " od -An -tx1 | tr -d ' \\n'");
    REQUIRE(header.out.size() == 20);
    CHECK_MESSAGE(header.out.substr(0, 6) == "1f8b08", header.out);      // gzip, deflate
    CHECK_MESSAGE(header.out.substr(6, 10) == "0000000000", header.out); // no name, no time
    CHECK_MESSAGE(header.out.substr(16, 2) == "02", header.out);         // maximum compression
    CommandResult info = run("dpkg-deb -I " + sh_quote(file));
    CHECK(info.out.find("Package: policyloc") != std::string::npos);
    for (const char* dep :
         {"libicu", "libcmark-gfm", "libgettextpo", "libyaml", "libpugixml", "libtomlplusplus"})
        CHECK_MESSAGE(info.out.find(dep) != std::string::npos, dep);
}
