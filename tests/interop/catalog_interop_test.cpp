// The catalog codecs against real tools: gettext (msgmerge, msgcat, msgfmt, msgattrib),
// i18nspector, xmllint with the official XLIFF schemas, and Translate Toolkit (pocount,
// po2xliff, xliff2po).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "policyloc/catalog_io.h"
#include "policyloc/stats.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;

namespace {

t::fs::path fixture(const std::string& name) {
    return t::source_dir() / "tests" / "fixtures" / "catalog" / name;
}

const char* schema12 = "schemas/xliff-1.2/xliff-core-1.2-strict.xsd";
const char* schema20 = "schemas/xliff-2.0/xliff_core_2.0.xsd";

std::string opt(const std::optional<std::string>& s) {
    return s ? "\"" + *s + "\"" : "(none)";
}

// translated / fuzzy / untranslated, as catalog_stats, msgfmt and pocount count them.
std::string state_class(const Unit& u) {
    if (u.state == UnitState::fuzzy && !u.target.empty()) return "fuzzy";
    if (u.state >= UnitState::translated && !u.target.empty()) return "translated";
    return "untranslated";
}

struct Compare {
    bool context = true;
    bool refs = true;
    bool exact_state = true; // else the translated/fuzzy/untranslated class
    bool flags = true;
    bool previous = true;
};

// The first field in which two units differ, or "" when they agree.
std::string unit_diff(const Unit& a, const Unit& b, const Compare& how = {}) {
    if (how.context && a.context != b.context)
        return "context " + opt(a.context) + " vs " + opt(b.context);
    if (a.source != b.source) return "source \"" + a.source + "\" vs \"" + b.source + "\"";
    if (a.target != b.target) return "target \"" + a.target + "\" vs \"" + b.target + "\"";
    if (how.exact_state ? a.state != b.state : state_class(a) != state_class(b))
        return std::string("state ") + unit_state_name(a.state) + " vs " + unit_state_name(b.state);
    if (a.notes != b.notes) return "notes \"" + a.notes + "\" vs \"" + b.notes + "\"";
    if (a.comments != b.comments)
        return "comments \"" + a.comments + "\" vs \"" + b.comments + "\"";
    if (how.refs && a.refs != b.refs) return "refs";
    if (how.flags && a.flags != b.flags) return "flags";
    if (how.previous && a.previous_context != b.previous_context) return "previous context";
    if (how.previous && a.previous_source != b.previous_source) return "previous source";
    if (a.codes != b.codes) return "codes";
    if (a.source_plural != b.source_plural) return "source plural";
    if (a.plural_targets != b.plural_targets) return "plural targets";
    return {};
}

std::vector<const Unit*> live_units(const Catalog& cat) {
    std::vector<const Unit*> out;
    for (const Unit& u : cat.units())
        if (!u.obsolete) out.push_back(&u);
    return out;
}

// "" when the live units of both catalogs agree, else where they first differ.
std::string catalogs_diff(const Catalog& want, const Catalog& got, const Compare& how = {},
                          bool fuzzy_needs_target = false) {
    auto a = live_units(want), b = live_units(got);
    if (a.size() != b.size())
        return std::to_string(a.size()) + " units vs " + std::to_string(b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        Unit w = *a[i];
        if (fuzzy_needs_target && w.state == UnitState::fuzzy && w.target.empty())
            w.state = UnitState::untranslated;
        std::string d = unit_diff(w, *b[i], how);
        if (!d.empty()) return "unit " + std::to_string(i) + " (" + w.source + "): " + d;
    }
    return {};
}

Catalog read_po(const t::fs::path& p) {
    auto r = po_read_file(p.string(), p.filename().string());
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? std::string("no catalog")
                                                      : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

Catalog read_xliff(const std::string& text, const std::string& name) {
    auto r = xliff_read(text, name);
    REQUIRE_MESSAGE(r.catalog, (r.diagnostics.empty() ? std::string("no catalog")
                                                      : diagnostic_format(r.diagnostics[0])));
    return *r.catalog;
}

std::string write_po(const Catalog& cat) {
    auto w = po_write(cat);
    REQUIRE_MESSAGE(w.text, (w.diagnostics.empty() ? std::string("no text")
                                                   : diagnostic_format(w.diagnostics[0])));
    return *w.text;
}

std::string write_xliff(const Catalog& cat, CatalogFormat v) {
    auto w = xliff_write(cat, v);
    REQUIRE_MESSAGE(w.text, (w.diagnostics.empty() ? std::string("no text")
                                                   : diagnostic_format(w.diagnostics[0])));
    return *w.text;
}

// msgcat's normal form of a PO file (the way gettext itself would write it).
std::string msgcat(const t::fs::path& p) {
    auto r = t::run("msgcat --no-location --add-location=full " + t::sh_quote(p.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.out;
}

std::vector<t::fs::path> corpus_files() {
    std::vector<t::fs::path> files;
    for (const auto& e :
         t::fs::recursive_directory_iterator(t::shared_dir() / "corpus" / "po4a-tests")) {
        if (!e.is_regular_file()) continue;
        const auto ext = e.path().extension();
        if (ext == ".po" || ext == ".pot") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Catalog without(const Catalog& cat, bool obsolete, bool plurals, bool contexts) {
    Catalog out;
    out.source_lang = cat.source_lang;
    out.target_lang = cat.target_lang;
    out.header = cat.header;
    out.header_comment = cat.header_comment;
    out.header_fuzzy = cat.header_fuzzy;
    out.original = cat.original;
    for (Unit u : cat.units()) {
        if ((obsolete && u.obsolete) || (plurals && u.source_plural)) continue;
        if (contexts) {
            if (u.context && out.find(std::nullopt, u.source)) continue;
            u.context.reset();
            u.previous_context.reset();
        }
        out.add(std::move(u));
    }
    return out;
}

// Counts msgfmt --statistics prints: translated, fuzzy, untranslated.
std::vector<size_t> msgfmt_statistics(const t::fs::path& p) {
    auto r = t::run("LC_ALL=C msgfmt --statistics -o /dev/null " + t::sh_quote(p.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::vector<size_t> counts(3, 0);
    std::istringstream in(r.err);
    std::string word, prev;
    while (in >> word) {
        if (word.rfind("translated", 0) == 0)
            counts[0] = std::stoul(prev);
        else if (word.rfind("fuzzy", 0) == 0)
            counts[1] = std::stoul(prev);
        else if (word.rfind("untranslated", 0) == 0)
            counts[2] = std::stoul(prev);
        prev = word;
    }
    return counts;
}

// Counts pocount --csv prints for one file: translated, fuzzy, untranslated.
std::vector<size_t> pocount(const t::fs::path& p) {
    auto r = t::run("cd " + t::sh_quote(p.parent_path().string()) + " && pocount --csv " +
                    t::sh_quote(p.filename().string()));
    const std::string name = p.filename().string() + ",";
    size_t at = r.out.find(name);
    REQUIRE_MESSAGE(at != std::string::npos, (r.out + r.err));
    std::vector<size_t> fields;
    std::istringstream in(r.out.substr(at + name.size()));
    std::string field;
    while (std::getline(in, field, ',') && fields.size() < 6) fields.push_back(std::stoul(field));
    REQUIRE(fields.size() == 6);
    return {fields[0], fields[3], fields[5]};
}

std::vector<size_t> stats_counts(const Catalog& cat) {
    CatalogStats s = catalog_stats(cat);
    return {s.translated.units, s.fuzzy.units, s.untranslated.units};
}

// Runs xmllint over files with a schema; "" when all validate, else its report.
std::string xmllint(const std::vector<t::fs::path>& files, const char* schema) {
    std::string cmd =
        "xmllint --noout --nonet --schema " + t::sh_quote((t::shared_dir() / schema).string());
    for (const auto& f : files) cmd += " " + t::sh_quote(f.string());
    auto r = t::run(cmd);
    return r.exit_code == 0 ? std::string() : r.err.substr(0, 4000);
}

// "E:" lines of i18nspector (errors; warnings and pedantic notes are "W:", "P:", "I:").
std::string i18nspector_errors(const t::fs::path& p) {
    auto r = t::run("i18nspector " + t::sh_quote(p.string()));
    std::string errors;
    std::istringstream in(r.out + r.err);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("E:", 0) == 0) errors += line + "\n";
    return errors;
}

// A fresh msgmerge --previous run over the fixture's old translation and new template.
t::fs::path merged_fixture(const t::fs::path& dir) {
    t::fs::path out = dir / "privacy.de.po";
    auto r = t::run("msgmerge --quiet --previous -o " + t::sh_quote(out.string()) + " " +
                    t::sh_quote(fixture("privacy-old.de.po").string()) + " " +
                    t::sh_quote(fixture("privacy.pot").string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return out;
}

// The obsolete entries of a PO file as gettext sees them.
std::string msgattrib_obsolete(const t::fs::path& p) {
    auto r = t::run("msgattrib --only-obsolete " + t::sh_quote(p.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.out;
}

} // namespace

TEST_CASE("interop: msgmerge --previous output survives read and write with nothing lost") {
    if (!t::require_tool("msgmerge") || !t::require_tool("msgcat")) return;
    t::fs::path dir = t::temp_dir("interop_msgmerge");
    t::fs::path in = merged_fixture(dir);
    const std::string merged = t::read_file(in);
    // The merge produced what the test is about.
    CHECK(merged.find("#, fuzzy\n#| msgid") != std::string::npos);
    CHECK(merged.find("#| msgctxt \"navigation\"") != std::string::npos);
    CHECK(merged.find("#~ msgid") != std::string::npos);
    CHECK(merged.find("msgid_plural") != std::string::npos);
    CHECK(merged.find("\n# Checked with the legal team.") != std::string::npos);
    CHECK(merged.find("#. placeholders, keep them as they are:") != std::string::npos);

    t::fs::path out = dir / "written.po";
    t::write_file(out, write_po(read_po(in)));
    CHECK(msgcat(in) == msgcat(out));
    // Reading what we wrote gives the same catalog again.
    CHECK(catalogs_diff(read_po(in), read_po(out)).empty());
}

TEST_CASE("interop: PO we write passes msgfmt -c and i18nspector") {
    if (!t::require_tool("msgfmt") || !t::require_tool("i18nspector") ||
        !t::require_tool("msgmerge"))
        return;
    t::fs::path dir = t::temp_dir("interop_msgfmt");
    const Catalog translated = read_po(merged_fixture(dir));

    Catalog template_cat = translated;
    template_cat.target_lang.clear();
    template_cat.header.clear();
    for (Unit& u : template_cat.units()) {
        u.target.clear();
        u.plural_targets.clear();
        u.state = UnitState::untranslated;
        u.previous_source.reset();
        u.previous_context.reset();
    }
    auto cat_tool = catalog_read_file(fixture("cat-tool.xlf").string());
    REQUIRE(cat_tool.catalog);

    const std::pair<const char*, const Catalog*> cases[] = {
        {"translated.po", &translated},
        {"template.pot", &template_cat},
        {"from-xliff.po", &*cat_tool.catalog},
    };
    for (const auto& [name, cat] : cases) {
        CAPTURE(name);
        t::fs::path p = dir / name;
        t::write_file(p, write_po(*cat));
        auto r = t::run("msgfmt -c -o /dev/null " + t::sh_quote(p.string()));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        const std::string errors = i18nspector_errors(p);
        CHECK_MESSAGE(errors.empty(), errors);
    }
}

TEST_CASE("interop: XLIFF we write validates against the 1.2 strict and 2.0 schemas") {
    if (!t::require_tool("xmllint") || !t::require_shared(schema12) ||
        !t::require_shared(schema20) || !t::require_tool("msgmerge"))
        return;
    t::fs::path dir = t::temp_dir("interop_xmllint");
    const Catalog fixture_cat = read_po(merged_fixture(dir));
    auto cat_tool = catalog_read_file(fixture("cat-tool.xlf").string());
    REQUIRE(cat_tool.catalog);
    Catalog template_cat = read_po(fixture("privacy.pot"));

    // The template as if extracted from two pages: one <file> each.
    Catalog two_pages = template_cat;
    size_t i = 0;
    for (Unit& u : two_pages.units())
        if (i++ >= two_pages.size() / 2) u.refs = {{"terms.md", 1}};

    std::vector<t::fs::path> v12, v20;
    int n = 0;
    const Catalog* catalogs[] = {&fixture_cat, &*cat_tool.catalog, &template_cat, &two_pages};
    for (const Catalog* cat : catalogs) {
        t::fs::path p12 = dir / ("c" + std::to_string(n) + ".xlf");
        t::fs::path p20 = dir / ("c" + std::to_string(n) + ".xliff");
        ++n;
        t::write_file(p12, write_xliff(*cat, CatalogFormat::xliff12));
        t::write_file(p20, write_xliff(*cat, CatalogFormat::xliff20));
        v12.push_back(p12);
        v20.push_back(p20);
    }
    const std::string r12 = xmllint(v12, schema12);
    CHECK_MESSAGE(r12.empty(), r12);
    const std::string r20 = xmllint(v20, schema20);
    CHECK_MESSAGE(r20.empty(), r20);
    CHECK(t::read_file(v12.back()).find("original=\"terms.md\"") != std::string::npos);
    CHECK(t::read_file(v20.back()).find("<file id=\"f2\"") != std::string::npos);
    // The CAT-tool fixture itself is valid 1.2, so the import test is about real input.
    const std::string fixture_report = xmllint({fixture("cat-tool.xlf")}, schema12);
    CHECK_MESSAGE(fixture_report.empty(), fixture_report);
}

TEST_CASE("interop: PO -> XLIFF 1.2 / 2.0 -> PO keeps every unit of the msgmerge fixture") {
    if (!t::require_tool("msgmerge") || !t::require_tool("msgattrib")) return;
    t::fs::path dir = t::temp_dir("interop_roundtrip");
    t::fs::path in = merged_fixture(dir);
    const Catalog cat = read_po(in);
    // XLIFF keeps obsolete entries too (in a group not offered for translation), so gettext's
    // view of the catalog that comes back is the fixture's, obsolete entries included.
    REQUIRE(t::run("msgattrib --only-obsolete " + t::sh_quote(in.string())).out.find("#~ msgid") !=
            std::string::npos);

    for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
        const bool v12 = v == CatalogFormat::xliff12;
        CAPTURE(v12);
        const Catalog back = read_xliff(write_xliff(cat, v), "rt.xlf");
        const std::string d = catalogs_diff(cat, back);
        CHECK_MESSAGE(d.empty(), d);
        CHECK(back.header == cat.header);
        CHECK(back.header_comment == cat.header_comment);
        CHECK(back.target_lang == cat.target_lang);
        t::fs::path out = dir / (v12 ? "back12.po" : "back20.po");
        t::write_file(out, write_po(back));
        CHECK(msgcat(in) == msgcat(out));
    }
}

TEST_CASE("interop: PO -> XLIFF -> PO over the po4a and mdpo corpus") {
    if (!t::require_shared("corpus/po4a-tests") || !t::require_tool("msgcat")) return;
    const bool validate = t::have_tool("xmllint") && t::fs::exists(t::shared_dir() / schema12) &&
                          t::fs::exists(t::shared_dir() / schema20);
    t::fs::path dir = t::temp_dir("interop_corpus");
    size_t files = 0, read = 0, rejected = 0, units = 0;
    std::vector<t::fs::path> v12, v20;
    for (const t::fs::path& f : corpus_files()) {
        ++files;
        CAPTURE(f.string());
        auto r = po_read_file(f.string(), f.filename().string());
        if (!r.catalog) {
            // Only files gettext rejects as well.
            auto m = t::run("msgcat -o /dev/null " + t::sh_quote(f.string()));
            CHECK_MESSAGE(m.exit_code != 0, diagnostic_format(r.diagnostics.front()));
            ++rejected;
            continue;
        }
        ++read;
        const Catalog& cat = *r.catalog;
        units += live_units(cat).size();
        for (CatalogFormat v : {CatalogFormat::xliff12, CatalogFormat::xliff20}) {
            const bool is12 = v == CatalogFormat::xliff12;
            const std::string text = write_xliff(cat, v);
            const Catalog back = read_xliff(text, "corpus.xlf");
            // 2.0 has no fuzzy state without a target (see xliff_test).
            const std::string d = catalogs_diff(cat, back, {}, !is12);
            CHECK_MESSAGE(d.empty(), (is12 ? "1.2: " : "2.0: ") << d);
            CHECK(back.header == cat.header);
            CHECK(back.header_comment == cat.header_comment);
            // And back to PO: the same units again.
            t::fs::path po = dir / ("back" + std::to_string(files) + (is12 ? "-12" : "-20") +
                                    f.extension().string());
            t::write_file(po, write_po(back));
            const std::string d2 = catalogs_diff(back, read_po(po));
            CHECK_MESSAGE(d2.empty(), d2);
            t::fs::path x = dir / ("x" + std::to_string(files) + (is12 ? ".xlf" : ".xliff"));
            t::write_file(x, text);
            (is12 ? v12 : v20).push_back(x);
        }
    }
    MESSAGE("corpus: " << files << " PO/POT files, " << read << " read and round-tripped through "
                       << "XLIFF 1.2 and 2.0 (" << units << " units), " << rejected
                       << " rejected by libgettextpo and msgcat alike");
    CHECK(files > 100);
    CHECK(read + rejected == files);
    if (validate) {
        const std::string r12 = xmllint(v12, schema12);
        CHECK_MESSAGE(r12.empty(), r12);
        const std::string r20 = xmllint(v20, schema20);
        CHECK_MESSAGE(r20.empty(), r20);
    } else {
        MESSAGE("xmllint or the schemas are missing: corpus XLIFF not validated");
    }
}

TEST_CASE("interop: pocount and msgfmt --statistics count units as catalog_stats does") {
    if (!t::require_tool("pocount") || !t::require_tool("msgfmt") || !t::require_tool("msgmerge"))
        return;
    t::fs::path dir = t::temp_dir("interop_counts");
    const Catalog cat = read_po(merged_fixture(dir));
    const auto expected = stats_counts(cat);
    REQUIRE(expected[0] > 0);
    REQUIRE(expected[1] > 0);
    REQUIRE(expected[2] > 0);

    t::fs::path po = dir / "ours.po";
    t::write_file(po, write_po(cat));
    CHECK(msgfmt_statistics(po) == expected);
    CHECK(pocount(po) == expected);

    // Translate Toolkit counts each form of an x-gettext-plurals group as a unit of its own
    // unless the file is in its PO-XLIFF dialect, and it counts the units of the obsolete group
    // (translate="no") as live ones, so the XLIFF count is taken without either.
    const Catalog singular = without(cat, true, true, false);
    t::fs::path xlf = dir / "ours.xlf";
    t::write_file(xlf, write_xliff(singular, CatalogFormat::xliff12));
    CHECK(pocount(xlf) == stats_counts(singular));
    CHECK(stats_counts(read_xliff(t::read_file(xlf), "ours.xlf")) == stats_counts(singular));
}

TEST_CASE("interop: po2xliff output of our PO reads back with the same units") {
    if (!t::require_tool("po2xliff") || !t::require_tool("msgmerge")) return;
    t::fs::path dir = t::temp_dir("interop_po2xliff");
    // po2xliff writes obsolete entries as live units and drops msgctxt, previous msgids and
    // flags; the catalog is taken without the first two.
    const Catalog cat = without(read_po(merged_fixture(dir)), true, false, true);
    t::fs::path po = dir / "ours.po", xlf = dir / "tt.xlf";
    t::write_file(po, write_po(cat));
    auto r = t::run("po2xliff --progress=none " + t::sh_quote(po.string()) + " " +
                    t::sh_quote(xlf.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Catalog back = read_xliff(t::read_file(xlf), "tt.xlf");
    Compare how;
    how.exact_state = false; // approved="yes" there, with no reviewed/translated distinction
    how.flags = false;
    how.previous = false;
    const std::string d = catalogs_diff(cat, back, how);
    CHECK_MESSAGE(d.empty(), d);
    CHECK(back.header == cat.header);
    CHECK(back.target_lang == cat.target_lang);
}

TEST_CASE("interop: xliff2po of our XLIFF 1.2 reads back with the same units") {
    if (!t::require_tool("xliff2po") || !t::require_tool("msgmerge")) return;
    t::fs::path dir = t::temp_dir("interop_xliff2po");
    // xliff2po turns each plural form into a message of its own, writes unit ids as
    // references and a msgctxt only where two sources are the same; those are left out here.
    const Catalog cat = without(read_po(merged_fixture(dir)), true, true, false);
    t::fs::path xlf = dir / "ours.xlf", po = dir / "tt.po";
    t::write_file(xlf, write_xliff(cat, CatalogFormat::xliff12));
    auto r = t::run("xliff2po --progress=none " + t::sh_quote(xlf.string()) + " " +
                    t::sh_quote(po.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Catalog back = read_po(po);
    Compare how;
    how.context = false;
    how.refs = false;
    how.flags = false;
    how.previous = false;
    const std::string d = catalogs_diff(cat, back, how);
    CHECK_MESSAGE(d.empty(), d);
    // The references it writes are our stable unit ids.
    const auto live = live_units(back);
    for (size_t i = 0; i < live.size(); ++i) {
        REQUIRE(live[i]->refs.size() == 1);
        CHECK(live[i]->refs[0].file == live_units(cat)[i]->id());
    }
}

TEST_CASE(
    "interop: PO -> XLIFF 1.2 / 2.0 -> PO through convert keeps obsolete entries and sign-offs") {
    if (!t::require_tool("msgmerge") || !t::require_tool("msgattrib") || !t::require_tool("msgcat"))
        return;
    t::fs::path dir = t::temp_dir("interop_signoff");
    Catalog cat = read_po(merged_fixture(dir));
    // Sign off two translated units, one reviewed and one final.
    std::vector<UnitState> signoffs = {UnitState::reviewed, UnitState::final_state};
    for (Unit& u : cat.units())
        if (!signoffs.empty() && !u.obsolete && !u.source_plural &&
            u.state == UnitState::translated) {
            u.state = signoffs.back();
            signoffs.pop_back();
        }
    REQUIRE(signoffs.empty());
    const t::fs::path po = dir / "signed.po";
    t::write_file(po, write_po(cat));
    const std::string obsolete = msgattrib_obsolete(po);
    REQUIRE(obsolete.find("#~ msgid") != std::string::npos);

    for (const char* version : {"1.2", "2.0"}) {
        CAPTURE(version);
        const t::fs::path xlf = dir / (std::string("signed-") + version + ".xlf");
        const t::fs::path back = dir / (std::string("back-") + version + ".po");
        auto a = t::run_policyloc("convert --xliff-version " + std::string(version) + " " +
                                  t::sh_quote(po.string()) + " " + t::sh_quote(xlf.string()));
        REQUIRE_MESSAGE(a.exit_code == 0, a.err);
        auto b = t::run_policyloc("convert " + t::sh_quote(xlf.string()) + " " +
                                  t::sh_quote(back.string()));
        REQUIRE_MESSAGE(b.exit_code == 0, b.err);
        CHECK(t::read_file(back) == t::read_file(po));
        CHECK(msgattrib_obsolete(back) == obsolete);
        const std::string d = catalogs_diff(cat, read_po(back));
        CHECK_MESSAGE(d.empty(), d);
        // And the XLIFF in between has the states as CAT tools read them.
        const Catalog x = read_xliff(t::read_file(xlf), "signed.xlf");
        CHECK(catalogs_diff(cat, x).empty());
        const std::string text = t::read_file(xlf);
        CHECK(text.find(std::string(version) == "1.2" ? "state=\"signed-off\""
                                                      : "state=\"reviewed\"") != std::string::npos);
        CHECK(text.find("state=\"final\"") != std::string::npos);
    }
}
