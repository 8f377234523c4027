// Hand-off to translators and back. export: a file with only the units that need work (new and
// fuzzy by default), with their notes, references, inline codes and previous source, so that
// an agency or CAT tool sees exactly what changed. import: the targets translators return are
// taken back into the catalogs when their source still matches and their inline codes are
// intact, never lowering a reviewed or final unit; every unit not taken is reported.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/diagnostic.h"

namespace policyloc {

// ---- Export

// The states a hand-off holds. A unit without a target counts as new (untranslated).
struct HandoffStates {
    bool untranslated = true; // "new"
    bool fuzzy = true;
    bool translated = false;
    bool reviewed = false;
    bool final_state = false;
    bool includes(UnitState state) const;
};

// "new" (or "untranslated"), "fuzzy", "translated", "reviewed", "final": the states named, and
// only those; nullopt for an empty list or an unknown name, which is put in `bad_name`.
std::optional<HandoffStates> handoff_states_parse(const std::vector<std::string>& names,
                                                  std::string& bad_name);

// The state a unit is handed off as: untranslated when it has no target, else its state.
UnitState handoff_state(const Unit& unit);

// The header field that marks a hand-off file; its value names the catalogs it was made from.
inline constexpr const char* kHandoffField = "X-Policyloc-Handoff";

// Whether a catalog is a hand-off file (it has the kHandoffField header field).
bool handoff_is_marked(const Catalog& catalog);

// The live units of `catalog` whose handoff_state() `states` includes, whole (notes, references,
// codes, previous source, target), in the catalog's order; the catalog's languages, original
// and header, with kHandoffField set to `name`.
Catalog handoff_select(const Catalog& catalog, const HandoffStates& states,
                       const std::string& name);

// A catalog to hand off and the name it is known by (its path).
struct HandoffSource {
    const Catalog* catalog = nullptr;
    std::string name;
};

struct Handoff {
    // One catalog per source that has units to hand off, in the order given (an XLIFF hand-off
    // writes each as a <file>).
    std::vector<Catalog> files;
    Diagnostics diagnostics; // an error when the sources' target languages differ
};

// handoff_select() over several catalogs of one target language (an empty language fits any).
Handoff handoff_export(const std::vector<HandoffSource>& sources, const HandoffStates& states);

// The files of a hand-off as one catalog (for PO, which has no files): the units of all, a unit
// that several files have once with all their references; the first file's header and
// languages, kHandoffField naming every file's source.
Catalog handoff_combine(const std::vector<Catalog>& files);

// Whether a hand-off in language `a` may go with or back into a catalog in language `b` (BCP 47):
// the same tag (case aside), or one a prefix of the other at a subtag ("de", "de-DE"); an empty
// language fits any.
bool handoff_language_fits(std::string_view a, std::string_view b);

// ---- Import

enum class ImportOutcome {
    taken,     // the target (and state) went into the catalog
    stale,     // no live unit of the catalogs has the returned unit's (context, source)
    rejected,  // the target's inline codes or protected spans differ from the source's
    unchanged, // no target, or the catalog's target already (at the same or a higher state)
    lowered,   // would lower a reviewed or final unit to a lower state (not without force)
};

const char* import_outcome_name(ImportOutcome outcome); // "taken", "stale", ...

struct ImportOptions {
    bool force = false; // take targets that lower a reviewed or final unit
};

struct ImportDecision {
    ImportOutcome outcome = ImportOutcome::unchanged;
    std::string reason; // why a unit is not taken; empty when taken
};

// How a returned unit's target matches its source's protected spans: "" when each code's text
// of `unit` (the catalog's unit, whose codes are trusted) appears in `target` as often as in
// the source; otherwise which do not, e.g. "`{{ .Site.Title }}` is 1 time in the source, 0 in
// the translation".
std::string handoff_codes_mismatch(const Unit& unit, std::string_view target);

// The state a returned target is taken with: its own, except that text with no state is fuzzy.
UnitState import_state(const Unit& returned);

// The decision for one returned unit against the catalog's unit of the same (context, source)
// (`current`; nullptr when there is none: stale). In order: no target -> unchanged; the same
// target and state -> unchanged; codes that do not match -> rejected; without force, a reviewed
// or final unit and a lower state -> unchanged when the target is the same (the catalog keeps
// its state), else lowered; otherwise taken.
ImportDecision import_decide(const Unit& returned, const Unit* current,
                             const ImportOptions& options);

// Puts a returned target into the catalog's unit: target (and plural forms), the returned state
// (see import_state), translator comments when the returned unit has some; a unit that is no
// longer fuzzy loses its previous source.
void import_apply(const Unit& returned, Unit& current);

// One returned unit's outcome in one catalog (a stale unit's in none).
struct ImportEntry {
    ImportOutcome outcome = ImportOutcome::unchanged;
    std::string id;     // as the returned file names it (for PO, derived from context and source)
    std::string source; // as returned
    int line = 0;       // in the returned file
    size_t catalog = kNoCatalog; // index into the catalogs
    std::string reason;
    static constexpr size_t kNoCatalog = static_cast<size_t>(-1);
};

struct ImportSummary {
    size_t taken = 0, stale = 0, rejected = 0, unchanged = 0, lowered = 0;
    void add(ImportOutcome outcome);
    // "5 taken, 1 stale, 1 rejected, 40 unchanged, 0 lowered"
    std::string text() const;
};

struct ImportResult {
    std::vector<Catalog> catalogs; // the catalogs given, with the taken targets
    std::vector<bool> changed;     // per catalog: a target or state was taken
    std::vector<ImportEntry> entries;
    ImportSummary summary;
    // A warning at the returned file's line for each unit not taken (stale, rejected, lowered);
    // an error when no catalog is in the returned file's language.
    Diagnostics diagnostics;
};

// Takes the live units of `returned` (read from the file `returned_name`) back into each of
// `catalogs` whose language fits that has a live unit with the same (context, source), deciding
// each with import_decide(). A returned unit no such catalog has is stale.
ImportResult handoff_import(const Catalog& returned, const std::string& returned_name,
                            std::vector<Catalog> catalogs, const ImportOptions& options = {});

} // namespace policyloc
