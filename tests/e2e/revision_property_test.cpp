// No data loss on revision, as a property: random edit scripts (insert, delete, move, reword,
// rewrap, rename a heading, change front matter, revert an earlier edit) over the bundled page
// and Hugo corpus pages. After each edit a PO, an XLIFF 1.2 and an XLIFF 2.0 catalog are
// updated; every translation the catalog had is still in it (live, fuzzy or obsolete, with its
// state), the file written reads back to the same units, gettext and the XLIFF schemas accept
// it, and the CLI's update gives the same units as the library's.
#include <doctest/doctest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include "page_edits.h"
#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/update.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

struct FormatInfo {
    CatalogFormat format;
    const char* name;
    const char* ext;
    const char* bundled; // the bundled catalog a script of the bundled page starts from
};

const FormatInfo kFormats[] = {{CatalogFormat::po, "PO", ".po", "fr.po"},
                               {CatalogFormat::xliff12, "XLIFF 1.2", ".xlf", "ja.xlf"},
                               {CatalogFormat::xliff20, "XLIFF 2.0", ".xlf", "de.xlf"}};

struct Totals {
    size_t scripts = 0, edits = 0, updates = 0, cli_runs = 0;
    size_t kept = 0, fuzzy = 0, added = 0, obsoleted = 0, revived = 0;
    std::map<std::string, size_t> kinds;
    std::vector<fs::path> po_files, xliff12_files, xliff20_files;
};

// One script of edits over one page, with where its catalogs start.
struct Script {
    std::string label;     // "privacy.md seed 7"
    std::string file_name; // the page's name in references
    EditScript edits;
};

std::string key_text(const Unit& u) {
    return (u.context ? *u.context + "|" : "") + u.source;
}

// The catalog written as `text` read back: PO from `file` (libgettextpo reads files), XLIFF
// from the text.
Catalog read_written(const std::string& text, const fs::path& file, CatalogFormat format) {
    CatalogReadResult r = format == CatalogFormat::po
                              ? po_read_file(file.string(), file.filename().string())
                              : xliff_read(text, file.filename().string());
    REQUIRE_MESSAGE(r.catalog,
                    file.string() << ": "
                                  << (r.diagnostics.empty() ? std::string("unreadable")
                                                            : diagnostic_format(r.diagnostics[0])));
    return std::move(*r.catalog);
}

std::string written(const Catalog& cat, CatalogFormat format) {
    CatalogWriteResult w = catalog_write(cat, format);
    REQUIRE_MESSAGE(w.text, (w.diagnostics.empty() ? std::string("not written")
                                                   : diagnostic_format(w.diagnostics[0])));
    return *w.text;
}

// The first field in which two units differ, or "".
std::string unit_diff(const Unit& a, const Unit& b) {
    if (a.obsolete != b.obsolete) return "obsolete flag";
    if (a.context != b.context) return "context";
    if (a.source != b.source) return "source";
    if (a.target != b.target) return "target \"" + a.target + "\" vs \"" + b.target + "\"";
    if (a.state != b.state)
        return std::string("state ") + unit_state_name(a.state) + " vs " + unit_state_name(b.state);
    if (a.previous_context != b.previous_context) return "previous context";
    if (a.previous_source != b.previous_source) return "previous source";
    if (a.notes != b.notes) return "notes \"" + a.notes + "\" vs \"" + b.notes + "\"";
    if (a.comments != b.comments) return "comments";
    if (a.refs != b.refs) return "references";
    if (a.codes != b.codes) return "inline codes";
    if (a.flags != b.flags) return "flags";
    return {};
}

// "" when both catalogs hold the same units in the same order, else the first difference.
std::string units_diff(const Catalog& want, const Catalog& got) {
    if (want.size() != got.size())
        return std::to_string(want.size()) + " units vs " + std::to_string(got.size());
    for (size_t i = 0; i < want.size(); ++i)
        if (std::string d = unit_diff(want.units()[i], got.units()[i]); !d.empty())
            return "unit " + std::to_string(i) + " \"" + want.units()[i].source + "\": " + d;
    return {};
}

// Every translation of `before` is in `after` under the same key, with its state: live (kept,
// revived, still fuzzy) or obsolete. A unit matched fuzzily stays as an obsolete unit too.
void check_no_loss(const Catalog& before, const Catalog& after, const std::string& where) {
    std::multimap<std::string, const Unit*> by_key;
    for (const Unit& u : after.units()) by_key.emplace(unit_key(u.context, u.source), &u);
    for (const Unit& old : before.units()) {
        if (old.target.empty() && old.plural_targets.empty()) continue;
        bool found = false;
        auto [b, e] = by_key.equal_range(unit_key(old.context, old.source));
        for (auto it = b; it != e && !found; ++it)
            found = it->second->target == old.target &&
                    it->second->plural_targets == old.plural_targets &&
                    it->second->state == old.state;
        CHECK_MESSAGE(found, where << ": the translation of \"" << key_text(old)
                                   << "\" is lost (it was \"" << old.target << "\", "
                                   << std::string(unit_state_name(old.state)) << ")");
    }
}

// The live units are the template's, in its order; no key is both live and obsolete.
void check_shape(const Catalog& updated, const Catalog& page_template, const std::string& where) {
    std::vector<std::string> live, want;
    std::map<std::string, int> seen;
    for (const Unit& u : updated.units()) {
        if (!u.obsolete) live.push_back(key_text(u));
        CHECK_MESSAGE(++seen[unit_key(u.context, u.source)] == 1,
                      where << ": two units for \"" << key_text(u) << "\"");
    }
    for (const Unit& u : page_template.units()) want.push_back(key_text(u));
    CHECK_MESSAGE(live == want, where << ": the live units are not the page's");
}

// A fully translated catalog of a page no translator has seen: "fr: " + source (protected spans
// kept), in every state a catalog of the format can hold, with a translator comment here and
// there.
Catalog synthetic_translation(const Catalog& page_template, CatalogFormat format) {
    Catalog cat = page_template;
    cat.target_lang = "fr";
    cat.header = {{"Project-Id-Version", "corpus"},
                  {"PO-Revision-Date", "2026-01-01 00:00+0000"},
                  {"Last-Translator", "Test <test@example.com>"},
                  {"Language-Team", "French"},
                  {"Language", "fr"},
                  {"MIME-Version", "1.0"},
                  {"Content-Type", "text/plain; charset=UTF-8"},
                  {"Content-Transfer-Encoding", "8bit"}};
    static constexpr UnitState states[] = {UnitState::translated, UnitState::reviewed,
                                           UnitState::final_state};
    size_t i = 0;
    for (Unit& u : cat.units()) {
        u.target = "fr: " + u.source;
        u.state = format == CatalogFormat::po ? UnitState::translated : states[i % 3];
        if (i % 7 == 3) u.comments = "checked with the legal team";
        ++i;
    }
    return cat;
}

// The scripts: the bundled page from its own catalogs, and Hugo pages from synthetic ones.
std::vector<Script> make_scripts(size_t bundled_scripts, size_t corpus_scripts) {
    std::vector<Script> scripts;
    const std::string bundled = read_file(source_dir() / "locales/privacy.md");
    for (size_t s = 0; s < bundled_scripts; ++s) {
        const std::uint64_t seed = 1000 + s;
        Script sc{"locales/privacy.md seed " + std::to_string(seed), "locales/privacy.md",
                  edit_script(bundled, "locales/privacy.md", seed, 3 + seed % 6)};
        scripts.push_back(std::move(sc));
    }
    std::vector<fs::path> pages = corpus_pages_for_edits(12000, 6);
    for (size_t s = 0; s < corpus_scripts && !pages.empty(); ++s) {
        const fs::path& p = pages[(s * 7) % pages.size()];
        const std::uint64_t seed = 5000 + s;
        Script sc{fs::relative(p, shared_dir()).string() + " seed " + std::to_string(seed),
                  "page.md", edit_script(read_file(p), "page.md", seed, 3 + seed % 6)};
        scripts.push_back(std::move(sc));
    }
    return scripts;
}

Catalog page_template(const std::string& page, const std::string& file_name) {
    ExtractOptions o;
    o.file_name = file_name;
    ExtractResult r = extract_page(page, o);
    REQUIRE(r.ok());
    return std::move(r.catalog);
}

// The CLI's update of a copy of `catalog_file` with the page gives the library's units.
void check_cli(const Script& sc, size_t step, const fs::path& catalog_file, const Catalog& want,
               const FormatInfo& f, Totals& totals) {
    fs::path dir = temp_dir("revision-cli");
    write_file(dir / sc.file_name, sc.edits.pages[step]);
    fs::path copy = dir / ("catalog" + std::string(f.ext));
    fs::copy_file(catalog_file, copy);
    CommandResult r =
        run("cd " + sh_quote(dir.string()) + " && " + sh_quote(policyloc_exe().string()) +
            " update " + sh_quote(sc.file_name) + " " + sh_quote(copy.filename().string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Catalog got = read_written(read_file(copy), copy, f.format);
    CHECK_MESSAGE(units_diff(want, got).empty(),
                  sc.label << " step " << step << " " << std::string(f.name)
                           << ": the CLI's update differs: " << units_diff(want, got));
    ++totals.cli_runs;
}

// Runs one script in one format: update after every edit, check, write, read back.
void run_script(const Script& sc, const std::vector<Catalog>& templates, const FormatInfo& f,
                size_t index, Totals& totals, const fs::path& dir) {
    const CatalogFormat format = f.format;
    Catalog start;
    if (sc.file_name == "locales/privacy.md") {
        CatalogReadResult r = catalog_read_file((source_dir() / "locales" / f.bundled).string());
        REQUIRE(r.catalog);
        start = std::move(*r.catalog);
    } else {
        start = synthetic_translation(templates[0], format);
    }
    const std::string stem =
        std::to_string(index) + "-" + (f.ext + 1) + (format == CatalogFormat::xliff20 ? "20" : "");
    // Files go to disk where something reads them: libgettextpo, msgfmt, xmllint, the CLI.
    const bool cli = index % 12 == 0;
    auto validated = [&](size_t step) { return (index + step) % 3 == 0; };
    auto store = [&](const fs::path& p, const std::string& text, size_t step) {
        if (format == CatalogFormat::po || validated(step) || (cli && step == 0))
            write_file(p, text);
    };
    fs::path file = dir / (stem + "-0" + f.ext);
    const std::string text0 = written(start, format);
    store(file, text0, 0);
    Catalog current = read_written(text0, file, format);
    for (size_t step = 1; step < sc.edits.pages.size(); ++step) {
        const std::string where = sc.label + ", " + f.name + ", edit " + std::to_string(step) +
                                  " (" + edit_kind_name(sc.edits.edits[step - 1].kind) + ")";
        UpdateStats stats;
        Catalog updated = catalog_update(current, templates[step], &stats);
        check_no_loss(current, updated, where);
        check_shape(updated, templates[step], where);
        if (sc.edits.edits[step - 1].keeps_units())
            CHECK_MESSAGE(stats.fuzzy + stats.added + stats.obsoleted + stats.revived == 0,
                          where << ": rewrapping or moving changed the catalog");
        const std::string text = written(updated, format);
        fs::path next = dir / (stem + "-" + std::to_string(step) + f.ext);
        store(next, text, step);
        Catalog back = read_written(text, next, format);
        CHECK_MESSAGE(units_diff(updated, back).empty(),
                      where << ": read back differently: " << units_diff(updated, back));
        CHECK_MESSAGE(written(back, format) == text, where << ": written again differently");
        if (cli && step == 1) check_cli(sc, step, file, updated, f, totals);
        // gettext and xmllint see every third file: enough, in a test's time.
        if (validated(step))
            (format == CatalogFormat::po        ? totals.po_files
             : format == CatalogFormat::xliff12 ? totals.xliff12_files
                                                : totals.xliff20_files)
                .push_back(next);
        totals.kept += stats.kept;
        totals.fuzzy += stats.fuzzy;
        totals.added += stats.added;
        totals.obsoleted += stats.obsoleted;
        totals.revived += stats.revived;
        ++totals.updates;
        current = std::move(back);
        file = next;
    }
}

// msgfmt -c over each PO file; the files it rejects, with its message.
std::string msgfmt_failures(const std::vector<fs::path>& files) {
    std::string failures;
    for (size_t b = 0; b < files.size(); b += 200) {
        std::string cmd = "for f in";
        for (size_t i = b; i < std::min(files.size(), b + 200); ++i)
            cmd += " " + sh_quote(files[i].string());
        cmd += "; do msgfmt -c -o /dev/null \"$f\" 2>&1 || echo \"REJECTED $f\"; done";
        failures += run(cmd).out;
    }
    return failures;
}

// xmllint with the schema over the files; "" when each validates.
std::string xmllint_failures(const std::vector<fs::path>& files, const char* schema) {
    std::string failures;
    for (size_t b = 0; b < files.size(); b += 200) {
        std::string cmd = "xmllint --noout --nonet --schema " +
                          sh_quote((shared_dir() / "schemas" / schema).string());
        for (size_t i = b; i < std::min(files.size(), b + 200); ++i)
            cmd += " " + sh_quote(files[i].string());
        CommandResult r = run(cmd);
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);)
            if (line.find(" validates") == std::string::npos) failures += line + "\n";
    }
    return failures;
}

} // namespace

TEST_CASE("revisions lose no translation: random edit scripts, PO and XLIFF 1.2 and 2.0") {
    if (!require_tool("msgfmt") || !require_tool("xmllint") || !require_shared("schemas") ||
        !require_shared("corpus/hugo"))
        return;
    fs::path dir = temp_dir("revision-property");
    const std::vector<Script> scripts = make_scripts(70, 140);
    Totals totals;
    for (size_t i = 0; i < scripts.size(); ++i) {
        const Script& sc = scripts[i];
        std::vector<Catalog> templates;
        for (const std::string& page : sc.edits.pages)
            templates.push_back(page_template(page, sc.file_name));
        for (size_t step = 1; step < sc.edits.pages.size(); ++step) {
            const PageEdit& e = sc.edits.edits[step - 1];
            ++totals.kinds[edit_kind_name(e.kind)];
            if (e.keeps_units()) {
                std::vector<std::string> a, b;
                for (const Unit& u : templates[step - 1].units()) a.push_back(key_text(u));
                for (const Unit& u : templates[step].units()) b.push_back(key_text(u));
                std::sort(a.begin(), a.end());
                std::sort(b.begin(), b.end());
                CHECK_MESSAGE(a == b, sc.label << ", edit " << step << " ("
                                               << std::string(edit_kind_name(e.kind))
                                               << ") changed the page's units");
            }
        }
        for (const FormatInfo& f : kFormats) run_script(sc, templates, f, i, totals, dir);
        ++totals.scripts;
        totals.edits += sc.edits.edits.size();
    }
    const std::string po = msgfmt_failures(totals.po_files);
    CHECK_MESSAGE(po.empty(), po);
    const std::string x12 =
        xmllint_failures(totals.xliff12_files, "xliff-1.2/xliff-core-1.2-strict.xsd");
    CHECK_MESSAGE(x12.empty(), x12);
    const std::string x20 = xmllint_failures(totals.xliff20_files, "xliff-2.0/xliff_core_2.0.xsd");
    CHECK_MESSAGE(x20.empty(), x20);

    std::cout << "revision property: " << totals.scripts << " scripts (seeds 1000-1069 on "
              << "locales/privacy.md, 5000-5139 on Hugo pages), " << totals.edits << " edits (";
    const char* sep = "";
    for (const auto& [kind, n] : totals.kinds) {
        std::cout << sep << kind << " " << n;
        sep = ", ";
    }
    std::cout << "), " << totals.updates << " updates; units kept " << totals.kept << ", fuzzy "
              << totals.fuzzy << ", new " << totals.added << ", obsolete " << totals.obsoleted
              << ", revived " << totals.revived << "; files validated: " << totals.po_files.size()
              << " PO (msgfmt -c), " << totals.xliff12_files.size() << " XLIFF 1.2 and "
              << totals.xliff20_files.size() << " XLIFF 2.0 (xmllint --schema); CLI updates "
              << totals.cli_runs << "\n";
    CHECK(totals.scripts >= 200);
    CHECK(totals.po_files.size() + totals.xliff12_files.size() + totals.xliff20_files.size() >=
          200);
    for (EditKind k : kAllEditKinds)
        CHECK_MESSAGE(totals.kinds[edit_kind_name(k)] > 0, std::string(edit_kind_name(k))
                                                               << " never made");
}
