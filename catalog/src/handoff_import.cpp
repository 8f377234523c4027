// Hand-off import: which returned targets are taken back, and why the others are not (see
// handoff.h).
#include <map>

#include "policyloc/handoff.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace {

size_t count_in(std::string_view text, std::string_view what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string_view::npos;
         at = text.find(what, at + what.size()))
        ++n;
    return n;
}

std::string times(size_t n) {
    return i18n_format(P_("%zu time", "%zu times", n), n);
}

bool same_targets(const Unit& a, const Unit& b) {
    return a.target == b.target && a.plural_targets == b.plural_targets;
}

// The returned unit's targets: the singular and each plural form with text.
std::vector<std::string_view> targets_of(const Unit& u) {
    std::vector<std::string_view> out{u.target};
    for (const std::string& t : u.plural_targets)
        if (!t.empty() && t != u.target) out.push_back(t);
    return out;
}

} // namespace

const char* import_outcome_name(ImportOutcome outcome) {
    switch (outcome) {
    case ImportOutcome::taken:
        return N_("taken");
    case ImportOutcome::stale:
        return N_("stale");
    case ImportOutcome::rejected:
        return N_("rejected");
    case ImportOutcome::unchanged:
        return N_("unchanged");
    case ImportOutcome::lowered:
        return N_("lowered");
    }
    return N_("unchanged");
}

std::string handoff_codes_mismatch(const Unit& unit, std::string_view target) {
    std::string out;
    std::map<std::string_view, bool> seen;
    for (const InlineCode& c : unit.codes) {
        if (c.begin >= c.end || c.end > unit.source.size()) continue;
        const std::string_view text =
            std::string_view(unit.source).substr(c.begin, c.end - c.begin);
        if (!seen.emplace(text, true).second) continue;
        const size_t in_source = count_in(unit.source, text), in_target = count_in(target, text);
        if (in_source == in_target) continue;
        // TRANSLATORS: "`x` is 2 times in the source, 1 in the translation".
        out += (out.empty() ? "" : "; ") +
               i18n_format(_("`%s` is %s in the source, %zu in the translation"),
                           std::string(text).c_str(), times(in_source).c_str(), in_target);
    }
    return out;
}

UnitState import_state(const Unit& returned) {
    return returned.state == UnitState::untranslated ? UnitState::fuzzy : returned.state;
}

ImportDecision import_decide(const Unit& returned, const Unit* current,
                             const ImportOptions& options) {
    if (!current)
        return {ImportOutcome::stale, _("its source is in no catalog given (edited in the "
                                        "returned file, or the page changed since the export)")};
    if (handoff_state(returned) == UnitState::untranslated)
        return {ImportOutcome::unchanged, _("no translation returned")};
    const UnitState state = import_state(returned);
    if (same_targets(returned, *current) && state == current->state)
        return {ImportOutcome::unchanged, _("the catalog has this translation")};
    for (std::string_view target : targets_of(returned)) {
        std::string mismatch = handoff_codes_mismatch(*current, target);
        if (!mismatch.empty())
            return {ImportOutcome::rejected,
                    _("its protected spans do not match the source: ") + mismatch};
    }
    if (!options.force && current->state >= UnitState::reviewed && state < current->state) {
        if (same_targets(returned, *current))
            return {ImportOutcome::unchanged, i18n_format(_("the catalog has this translation, %s"),
                                                          unit_state_name(current->state))};
        return {ImportOutcome::lowered,
                i18n_format(_("the catalog's translation is %s and this one %s (--force takes it)"),
                            unit_state_name(current->state), unit_state_name(state))};
    }
    return {ImportOutcome::taken, {}};
}

void import_apply(const Unit& returned, Unit& current) {
    current.target = returned.target;
    if (!returned.plural_targets.empty()) current.plural_targets = returned.plural_targets;
    current.state = import_state(returned);
    if (!returned.comments.empty()) current.comments = returned.comments;
    if (current.state != UnitState::fuzzy) {
        current.previous_source.reset();
        current.previous_context.reset();
    }
}

void ImportSummary::add(ImportOutcome outcome) {
    switch (outcome) {
    case ImportOutcome::taken:
        ++taken;
        break;
    case ImportOutcome::stale:
        ++stale;
        break;
    case ImportOutcome::rejected:
        ++rejected;
        break;
    case ImportOutcome::unchanged:
        ++unchanged;
        break;
    case ImportOutcome::lowered:
        ++lowered;
        break;
    }
}

std::string ImportSummary::text() const {
    return i18n_format(_("%zu taken, %zu stale, %zu rejected, %zu unchanged, %zu lowered"), taken,
                       stale, rejected, unchanged, lowered);
}

namespace {

// The start of a source, for a diagnostic: at most 60 bytes, cut before a UTF-8 sequence.
std::string excerpt(const std::string& source) {
    if (source.size() <= 60) return source;
    size_t end = 57;
    while (end > 0 && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80) --end;
    return source.substr(0, end) + "...";
}

// Why a stale unit is stale, told from the id the returned file gives it.
std::string stale_reason(const Unit& returned, const std::vector<Catalog>& catalogs,
                         const std::vector<size_t>& fitting) {
    if (returned.catalog_id.empty() || returned.catalog_id == returned.id())
        return _("its source is in no catalog given (the page changed since the export)");
    for (size_t i : fitting)
        for (const Unit& u : catalogs[i].units())
            if (!u.obsolete && u.id() == returned.catalog_id)
                return i18n_format(
                    _("its source was changed in the returned file; the catalog's is \"%s\""),
                    u.source.c_str());
    return _("its source is in no catalog given (edited in the returned file, or the page "
             "changed since the export)");
}

class Importer {
  public:
    Importer(const std::string& name, std::vector<Catalog> catalogs, const ImportOptions& options)
        : name_(name), options_(options) {
        result_.catalogs = std::move(catalogs);
        result_.changed.assign(result_.catalogs.size(), false);
    }

    ImportResult run(const Catalog& returned) {
        for (size_t i = 0; i < result_.catalogs.size(); ++i)
            if (handoff_language_fits(returned.target_lang, result_.catalogs[i].target_lang))
                fitting_.push_back(i);
        if (fitting_.empty()) {
            result_.diagnostics.push_back({Severity::error, name_, 0, 0,
                                           i18n_format(_("the returned file is in '%s' and no "
                                                         "catalog given is; nothing was imported"),
                                                       returned.target_lang.c_str())});
            return std::move(result_);
        }
        for (const Unit& r : returned.units())
            if (!r.obsolete) take(r);
        return std::move(result_);
    }

  private:
    void take(const Unit& r) {
        bool found = false;
        for (size_t i : fitting_) {
            Unit* current = result_.catalogs[i].find(r.context, r.source);
            if (!current) continue;
            found = true;
            const ImportDecision d = import_decide(r, current, options_);
            if (d.outcome == ImportOutcome::taken) {
                import_apply(r, *current);
                result_.changed[i] = true;
            }
            record(r, d.outcome, i, d.reason);
        }
        if (!found)
            record(r, ImportOutcome::stale, ImportEntry::kNoCatalog,
                   stale_reason(r, result_.catalogs, fitting_));
    }

    void record(const Unit& r, ImportOutcome outcome, size_t catalog, std::string reason) {
        ImportEntry e{outcome,  r.catalog_id.empty() ? r.id() : r.catalog_id,
                      r.source, r.catalog_line,
                      catalog,  std::move(reason)};
        result_.summary.add(outcome);
        if (outcome == ImportOutcome::stale || outcome == ImportOutcome::rejected ||
            outcome == ImportOutcome::lowered)
            result_.diagnostics.push_back(
                {Severity::warning, name_, e.line, 0,
                 i18n_format(_("%s: unit %s (\"%s\") not taken: %s"),
                             _(import_outcome_name(outcome)), e.id.c_str(),
                             excerpt(e.source).c_str(), e.reason.c_str())});
        result_.entries.push_back(std::move(e));
    }

    const std::string& name_;
    const ImportOptions& options_;
    std::vector<size_t> fitting_; // catalogs whose language fits the returned file's
    ImportResult result_;
};

} // namespace

ImportResult handoff_import(const Catalog& returned, const std::string& returned_name,
                            std::vector<Catalog> catalogs, const ImportOptions& options) {
    return Importer(returned_name, std::move(catalogs), options).run(returned);
}

} // namespace policyloc
