// policyloc update against gettext's msgmerge --previous, on the same old PO and the same new
// template (policyloc extract's POT), over scripts of random edits of the bundled page and of
// Hugo pages: what msgmerge keeps exactly, policyloc keeps the same way; which new entries get a
// fuzzy match, and from which previous msgid, agrees on at least 90% of the entries that need a
// decision. The figure and the disagreements are printed.
#include <doctest/doctest.h>

#include <iostream>
#include <map>
#include <sstream>

#include "page_edits.h"
#include "policyloc/catalog_io.h"
#include "policyloc/extract.h"
#include "policyloc/similarity.h"
#include "policyloc/update.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

Catalog read_po(const fs::path& p) {
    CatalogReadResult r = po_read_file(p.string(), p.filename().string());
    REQUIRE_MESSAGE(r.catalog,
                    p.string() << ": "
                               << (r.diagnostics.empty() ? std::string("unreadable")
                                                         : diagnostic_format(r.diagnostics[0])));
    return std::move(*r.catalog);
}

void write_po(const Catalog& cat, const fs::path& p) {
    CatalogWriteResult w = po_write(cat);
    REQUIRE(w.text);
    write_file(p, *w.text);
}

const Unit* live_unit(const Catalog& c, const Unit& like) {
    return c.find(like.context, like.source);
}

// What a tool decided for an entry the old catalog has no translation for: a fuzzy match (with
// the previous msgid and the translation it brings) or nothing.
std::string decision(const Unit* u) {
    if (!u || u->state != UnitState::fuzzy || u->target.empty()) return "none";
    return "fuzzy from \"" + (u->previous_context ? *u->previous_context + "|" : "") +
           u->previous_source.value_or("(no previous msgid)") + "\"";
}

// The old catalog's translation of the entry's key, live or obsolete.
bool old_has_translation(const Catalog& old, const Unit& t) {
    for (const Unit& u : old.units())
        if (u.context == t.context && u.source == t.source && !u.target.empty()) return true;
    return false;
}

struct Agreement {
    size_t steps = 0, exact = 0, exact_equal = 0;
    size_t decisions = 0, agreed = 0, proposed = 0, proposed_agreed = 0;
    std::map<std::string, size_t> kinds;      // kind of disagreement -> count
    std::map<std::string, size_t> edit_kinds; // kind of edit -> count
    std::vector<std::string> disagreements;
};

// How alike the new source is to the old one a tool matched, as msgmerge measures it (whole
// msgid) and as policyloc does (protected spans masked).
std::string similarities(const Unit& t, const Catalog& old, const Unit* matched) {
    if (!matched || !matched->previous_source) return "";
    const Unit* from = nullptr;
    for (const Unit& u : old.units())
        if (u.source == *matched->previous_source && u.context == matched->previous_context)
            from = &u;
    if (!from) return "";
    std::ostringstream s;
    s.precision(3);
    s << " (similarity " << text_similarity(t.source, from->source) << ", masked "
      << text_similarity(masked_source(t), masked_source(*from)) << ")";
    return s.str();
}

void compare_step(const Catalog& old, const Catalog& pot, const Catalog& merged,
                  const Catalog& ours, const std::string& where, Agreement& a) {
    for (const Unit& t : pot.units()) {
        const Unit* m = live_unit(merged, t);
        const Unit* o = live_unit(ours, t);
        REQUIRE_MESSAGE(m, where << ": msgmerge lost \"" << t.source << "\"");
        REQUIRE_MESSAGE(o, where << ": update lost \"" << t.source << "\"");
        if (old_has_translation(old, t)) {
            // Kept exactly (or revived): the same translation and state (a fuzzy one with the
            // same previous msgid).
            ++a.exact;
            const bool same = m->target == o->target &&
                              (m->state == UnitState::fuzzy) == (o->state == UnitState::fuzzy) &&
                              (m->state != UnitState::fuzzy || decision(m) == decision(o));
            a.exact_equal += same;
            CHECK_MESSAGE(same, where << ": \"" << t.source << "\" kept as \"" << o->target
                                      << "\" (" << std::string(unit_state_name(o->state))
                                      << "), msgmerge keeps \"" << m->target << "\" ("
                                      << std::string(unit_state_name(m->state)) << ")");
            continue;
        }
        ++a.decisions;
        const std::string dm = decision(m), dour = decision(o);
        const bool agree = dm == dour && m->target == o->target;
        a.agreed += agree;
        if (dm != "none" || dour != "none") {
            ++a.proposed;
            a.proposed_agreed += agree;
        }
        if (agree) continue;
        std::string kind = dm == "none"     ? "only policyloc proposes a match"
                           : dour == "none" ? "only msgmerge proposes a match"
                                            : "different matches";
        ++a.kinds[kind];
        a.disagreements.push_back(where + ": \"" + t.source + "\": msgmerge " + dm +
                                  similarities(t, old, m) + ", policyloc " + dour +
                                  similarities(t, old, o));
    }
}

// Runs one script: the page after each edit is extracted by the CLI, the old PO (policyloc's
// from the step before) merged by msgmerge and updated by catalog_update.
void run_script(const std::string& label, const std::string& file_name, const EditScript& script,
                Catalog start, Agreement& a) {
    fs::path dir = temp_dir("msgmerge-agreement");
    fs::path old_po = dir / "old.po";
    write_po(start, old_po);
    for (size_t step = 1; step < script.pages.size(); ++step) {
        const std::string where = label + ", edit " + std::to_string(step) + " (" +
                                  edit_kind_name(script.edits[step - 1].kind) + ")";
        write_file(dir / file_name, script.pages[step]);
        fs::path pot = dir / ("step" + std::to_string(step) + ".pot");
        CommandResult r =
            run("cd " + sh_quote(dir.string()) + " && " + sh_quote(policyloc_exe().string()) +
                " extract " + sh_quote(file_name) + " -o " + sh_quote(pot.filename().string()));
        REQUIRE_MESSAGE(r.exit_code == 0, where << ": " << r.err);
        fs::path merged = dir / "msgmerge.po";
        r = run("msgmerge --previous --no-wrap -q -o " + sh_quote(merged.string()) + " " +
                sh_quote(old_po.string()) + " " + sh_quote(pot.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, where << ": " << r.err);
        Catalog old = read_po(old_po);
        Catalog tmpl = read_po(pot);
        Catalog ours = catalog_update(old, tmpl);
        compare_step(old, tmpl, read_po(merged), ours, where, a);
        write_po(ours, old_po);
        ++a.steps;
        ++a.edit_kinds[edit_kind_name(script.edits[step - 1].kind)];
    }
}

Catalog synthetic_po(const std::string& page, const std::string& file_name) {
    ExtractOptions o;
    o.file_name = file_name;
    ExtractResult r = extract_page(page, o);
    REQUIRE(r.ok());
    Catalog cat = r.catalog;
    cat.target_lang = "fr";
    cat.header = {{"Project-Id-Version", "corpus"},
                  {"Language", "fr"},
                  {"MIME-Version", "1.0"},
                  {"Content-Type", "text/plain; charset=UTF-8"},
                  {"Content-Transfer-Encoding", "8bit"}};
    for (Unit& u : cat.units()) {
        u.target = "fr: " + u.source;
        u.state = UnitState::translated;
    }
    return cat;
}

} // namespace

TEST_CASE("update agrees with msgmerge --previous on exact and fuzzy matches") {
    if (!require_tool("msgmerge") || !require_shared("corpus/hugo")) return;
    Agreement a;
    size_t scripts = 0;
    const std::string bundled = read_file(source_dir() / "locales/privacy.md");
    CatalogReadResult fr = po_read_file((source_dir() / "locales/fr.po").string(), "fr.po");
    REQUIRE(fr.catalog);
    for (std::uint64_t seed = 2000; seed < 2030; ++seed, ++scripts)
        run_script("locales/privacy.md seed " + std::to_string(seed), "locales/privacy.md",
                   edit_script(bundled, "locales/privacy.md", seed, 3 + seed % 6), *fr.catalog, a);
    const std::vector<fs::path> pages = corpus_pages_for_edits(12000, 6);
    for (std::uint64_t seed = 6000; seed < 6030 && !pages.empty(); ++seed, ++scripts) {
        const fs::path& p = pages[(seed * 11) % pages.size()];
        const std::string page = read_file(p);
        run_script(fs::relative(p, shared_dir()).string() + " seed " + std::to_string(seed),
                   "page.md", edit_script(page, "page.md", seed, 3 + seed % 6),
                   synthetic_po(page, "page.md"), a);
    }

    auto percent = [](size_t part, size_t whole) {
        return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 100.0;
    };
    const double all = percent(a.agreed, a.decisions);
    const double proposed = percent(a.proposed_agreed, a.proposed);
    std::cout.precision(3);
    std::cout << "msgmerge agreement: " << scripts << " scripts, " << a.steps << " updates; "
              << a.exact << " entries kept exactly, " << a.exact_equal
              << " as msgmerge keeps them; " << a.decisions << " entries to decide, " << a.agreed
              << " decided alike (" << all << "%); " << a.proposed
              << " given a fuzzy match by either tool, " << a.proposed_agreed << " the same match ("
              << proposed << "%)\n";
    std::cout << "  edits:";
    for (const auto& [kind, n] : a.edit_kinds) std::cout << " " << kind << " " << n << ";";
    std::cout << "\n";
    for (const auto& [kind, n] : a.kinds) std::cout << "  " << kind << ": " << n << "\n";
    for (size_t i = 0; i < std::min<size_t>(20, a.disagreements.size()); ++i)
        std::cout << "  " << a.disagreements[i] << "\n";
    CHECK(a.exact_equal == a.exact);
    CHECK(a.proposed >= 100);
    CHECK(proposed >= 90.0);
}
