// policyloc check against real tools: its counts against `msgfmt --statistics` and Translate
// Toolkit's `pocount` on the bundled catalogs and on generated ones (fuzzy, untranslated and
// obsolete units mixed); its word counts against pocount's own word counter unit by unit, with
// every difference explained by a documented rule; and every defect `pofilter` finds in the
// planted catalog found by check too.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "planted.h"
#include "policyloc/catalog_io.h"
#include "policyloc/stats.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;
using nlohmann::json;

namespace {

struct Counts {
    size_t translated = 0, fuzzy = 0, untranslated = 0, source_words = 0;
};

// "146 translated messages, 2 fuzzy translations, 3 untranslated messages."
Counts msgfmt_statistics(const fs::path& po) {
    CommandResult r = run("msgfmt --statistics -o /dev/null " + sh_quote(po));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Counts c;
    std::smatch m;
    std::string s = r.err;
    if (std::regex_search(s, m, std::regex(R"((\d+) translated message)")))
        c.translated = std::stoul(m[1]);
    if (std::regex_search(s, m, std::regex(R"((\d+) fuzzy translation)")))
        c.fuzzy = std::stoul(m[1]);
    if (std::regex_search(s, m, std::regex(R"((\d+) untranslated message)")))
        c.untranslated = std::stoul(m[1]);
    return c;
}

// pocount --csv: Filename, Translated Messages, Translated Source Words, Translated Target
// Words, Fuzzy Messages, Fuzzy Source Words, Untranslated Messages, Untranslated Source Words,
// Total Message, Total Source Words, ...
Counts pocount(const fs::path& file) {
    CommandResult r = run("pocount --csv " + sh_quote(file));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string line = r.out.substr(r.out.find('\n') + 1);
    std::vector<size_t> n;
    std::stringstream ss(line.substr(line.find(',') + 1));
    for (std::string f; std::getline(ss, f, ',');) n.push_back(std::stoul(f));
    REQUIRE(n.size() >= 9);
    return {n[0], n[3], n[5], n[8]};
}

// The report of `policyloc check CATALOG --json` for one catalog.
json check_catalog(const fs::path& catalog) {
    CommandResult r = run_policyloc("check " + sh_quote(catalog) + " --json");
    REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
    json j = json::parse(r.out);
    REQUIRE(j["catalogs"].size() == 1);
    return j["catalogs"][0];
}

// A catalog from a bundled one with every third unit fuzzy, every fifth untranslated and every
// seventh obsolete.
fs::path mixed_catalog(const fs::path& dir, const char* name) {
    Catalog c = *catalog_read_file((source_dir() / "locales" / name).string()).catalog;
    for (size_t i = 0; i < c.size(); ++i) {
        Unit& u = c.units()[i];
        if (i % 7 == 6)
            u.obsolete = true;
        else if (i % 5 == 4)
            u.target.clear(), u.state = UnitState::untranslated;
        else if (i % 3 == 2)
            u.state = UnitState::fuzzy;
    }
    c.reindex();
    fs::path out = dir / (std::string("mixed-") + fs::path(name).stem().string() + ".po");
    write_file(out, *catalog_write(c, CatalogFormat::po).text);
    return out;
}

// The PO form of a catalog (XLIFF through `policyloc convert`) for msgfmt.
fs::path as_po(const fs::path& catalog, const fs::path& dir) {
    if (catalog.extension() == ".po") return catalog;
    fs::path po = dir / (catalog.stem().string() + ".po");
    CommandResult r = run_policyloc("convert " + sh_quote(catalog) + " " + sh_quote(po));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return po;
}

} // namespace

TEST_CASE("check counts units as msgfmt --statistics and pocount do, bundled and generated") {
    if (!require_tool("msgfmt") || !require_tool("pocount")) return;
    fs::path dir = temp_dir("check-interop-counts");
    std::vector<fs::path> catalogs;
    for (const char* name : {"ar.po", "de.xlf", "es.po", "fr.po", "he.po", "it.po", "ja.xlf",
                             "ko.po", "pt-BR.po", "ru.po", "zh-Hans.po"})
        catalogs.push_back(source_dir() / "locales" / name);
    for (const char* name : {"fr.po", "it.po", "ja.xlf"})
        catalogs.push_back(mixed_catalog(dir, name));
    for (const fs::path& catalog : catalogs) {
        json ours = check_catalog(catalog);
        fs::path po = as_po(catalog, dir);
        Counts m = msgfmt_statistics(po);
        Counts p = pocount(po);
        INFO(catalog.filename().string());
        CHECK(ours["translated"]["units"] == m.translated);
        CHECK(ours["fuzzy"]["units"] == m.fuzzy);
        CHECK(ours["untranslated"]["units"] == m.untranslated);
        CHECK(ours["translated"]["units"] == p.translated);
        CHECK(ours["fuzzy"]["units"] == p.fuzzy);
        CHECK(ours["untranslated"]["units"] == p.untranslated);
        if (catalog.filename().string().starts_with("mixed-")) {
            CHECK(m.fuzzy > 0);
            CHECK(m.untranslated > 0);
            CHECK(ours["obsolete"]["units"].get<size_t>() > 0);
        }
    }
}

// Word counts: pocount splits at white space and strips punctuation from each piece; policyloc
// counts ICU word-break words (as `stats` does). They differ by two rules, which the README
// states: (1) a protected span (template action, link destination, e-mail address) counts as
// pocount's white-space pieces of it, but as the ICU words in it; (2) words joined by '-' or '/'
// ("third-party", "need-to-know") are one piece for pocount and one word per part for ICU.
// Without protected spans and with '-' and '/' read as spaces, both count the same.
TEST_CASE("check counts source words as pocount does, up to two documented rules") {
    if (!require_tool("pocount") || run("/usr/bin/python3 -c 'import translate'").exit_code != 0) {
        skip("Translate Toolkit's python module is not available");
        return;
    }
    fs::path dir = temp_dir("check-interop-words");
    Catalog c = *catalog_read_file((source_dir() / "locales" / "fr.po").string()).catalog;
    json texts = json::array();
    for (const Unit& u : c.units()) {
        std::string norm = u.source;
        for (auto it = u.codes.rbegin(); it != u.codes.rend(); ++it)
            norm.replace(it->begin, it->end - it->begin, " ");
        for (char& ch : norm)
            if (ch == '-' || ch == '/') ch = ' ';
        texts.push_back(u.source);
        texts.push_back(norm);
    }
    write_file(dir / "texts.json", texts.dump());
    CommandResult r =
        run("/usr/bin/python3 -c 'import json,sys; "
            "from translate.tools.pocount import wordcount; "
            "print(json.dumps([wordcount(s) for s in json.load(open(sys.argv[1]))]))' " +
            sh_quote(dir / "texts.json"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    json counts = json::parse(r.out);
    size_t pocount_total = 0, ours_total = 0, explained = 0;
    WordCounter words;
    for (size_t i = 0; i < c.size(); ++i) {
        size_t theirs = counts[2 * i].get<size_t>();
        size_t ours = words.count(texts[2 * i].get<std::string>());
        pocount_total += theirs;
        ours_total += ours;
        if (theirs == ours) continue;
        // Only the two rules may explain a difference.
        const std::string norm = texts[2 * i + 1];
        CHECK_MESSAGE(words.count(norm) == counts[2 * i + 1].get<size_t>(), texts[2 * i]);
        ++explained;
    }
    // The per-unit counter is pocount's: its sum is what pocount reports for the file.
    CHECK(pocount_total == pocount(source_dir() / "locales" / "fr.po").source_words);
    CHECK(ours_total == check_catalog(source_dir() / "locales" / "fr.po")["total"]["words"]);
    MESSAGE("fr.po: policyloc " << ours_total << " words, pocount " << pocount_total << "; "
                                << explained << " units differ, each by the documented rules");
    CHECK(explained > 0);
}

TEST_CASE("every defect pofilter finds in the planted catalog, check finds too") {
    if (!require_tool("pofilter")) return;
    fs::path dir = temp_dir("check-interop-pofilter");
    PlantedProject p = planted_project(dir);
    CommandResult f = run("pofilter --progress=none -t urls -t emails -t xmltags -t variables "
                          "-t newlines " +
                          sh_quote(p.catalog) + " " + sh_quote(dir / "pofilter.po"));
    REQUIRE_MESSAGE(f.exit_code == 0, f.err);
    CatalogReadResult found = catalog_read_file((dir / "pofilter.po").string());
    REQUIRE(found.catalog);
    CommandResult r =
        run_policyloc("check " + sh_quote(p.page) + " " + sh_quote(p.catalog) + " --json");
    REQUIRE(r.exit_code == 1);
    std::set<std::string> ours;
    json report = json::parse(r.out);
    for (const json& pr : report["problems"]) ours.insert(pr["source"].get<std::string>());
    size_t flagged = 0;
    for (const Unit& u : found.catalog->units()) {
        if (u.obsolete) continue;
        ++flagged;
        CHECK_MESSAGE(ours.count(u.source), "pofilter flags, check does not: " << u.source << "\n"
                                                                               << u.comments);
    }
    MESSAGE("pofilter flags " << flagged << " units of the planted catalog; check reports "
                              << ours.size() << " units");
    CHECK(flagged >= 4);
}
