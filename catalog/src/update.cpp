#include "policyloc/update.h"

#include <unordered_map>

namespace policyloc {

namespace {

bool has_translation(const Unit& u) {
    return !u.target.empty() || !u.plural_targets.empty();
}

// The translation, state and what belongs with them, from an old unit of the same source.
void take_translation(Unit& u, const Unit& old) {
    u.target = old.target;
    u.plural_targets = old.plural_targets;
    u.state = old.state;
    u.comments = old.comments;
    u.flags = old.flags;
    if (old.state == UnitState::fuzzy) {
        u.previous_context = old.previous_context;
        u.previous_source = old.previous_source;
    }
}

class Updater {
  public:
    Updater(const Catalog& existing, const UpdateOptions& options)
        : existing_(existing), options_(options), old_index_(options.fuzzy_threshold) {
        for (size_t i = 0; i < existing.units().size(); ++i) {
            const Unit& u = existing.units()[i];
            if (u.obsolete && has_translation(u))
                obsolete_.emplace(unit_key(u.context, u.source), &u);
            if (!u.obsolete && !u.target.empty()) old_index_.add(u, i);
        }
        // As msgmerge does, obsolete translations are candidates too (a deleted paragraph that
        // comes back reworded); after the live ones, which win a tie.
        for (size_t i = 0; i < existing.units().size(); ++i)
            if (existing.units()[i].obsolete && !existing.units()[i].target.empty())
                old_index_.add(existing.units()[i], i);
        for (const Catalog* c : options.compendia) {
            compendium_index_.emplace_back(options.fuzzy_threshold);
            for (size_t i = 0; i < c->units().size(); ++i)
                if (!c->units()[i].obsolete && c->units()[i].has_usable_target())
                    compendium_index_.back().add(c->units()[i], i);
        }
    }

    Unit update(const Unit& t, UpdateStats& stats) {
        Unit u = t;
        const Unit* live = existing_.find(t.context, t.source);
        if (live && has_translation(*live)) {
            take_translation(u, *live);
            ++stats.kept;
            return u;
        }
        if (auto it = obsolete_.find(unit_key(t.context, t.source)); it != obsolete_.end()) {
            take_translation(u, *it->second);
            ++stats.revived;
            return u;
        }
        if (live) {
            // Known and untranslated: as msgmerge does, an exact match, even without a
            // translation, is not offered a fuzzy one.
            u.comments = live->comments;
            return u;
        }
        if (const Unit* match = options_.fuzzy_matching ? fuzzy_match(t) : nullptr) {
            u.target = match->target;
            u.state = UnitState::fuzzy;
            if (u.comments.empty()) u.comments = match->comments;
            // The previous source is what the translation was made from: a fuzzy match's own
            // previous source, if it has one (as msgmerge writes "#|").
            const bool carried = match->state == UnitState::fuzzy && match->previous_source;
            u.previous_context = carried ? match->previous_context : match->context;
            u.previous_source = carried ? match->previous_source : match->source;
            ++stats.fuzzy;
            return u;
        }
        ++stats.added;
        return u;
    }

  private:
    const Catalog& existing_;
    const UpdateOptions& options_;
    std::unordered_map<std::string, const Unit*> obsolete_;
    FuzzyIndex old_index_;
    std::vector<FuzzyIndex> compendium_index_;

    const Unit* fuzzy_match(const Unit& t) const {
        if (auto m = old_index_.best(t)) return &existing_.units()[m->id];
        for (size_t c = 0; c < compendium_index_.size(); ++c)
            if (auto m = compendium_index_[c].best(t))
                return &options_.compendia[c]->units()[m->id];
        return nullptr;
    }
};

} // namespace

Catalog catalog_update(const Catalog& existing, const Catalog& page_template, UpdateStats* stats,
                       const UpdateOptions& options) {
    UpdateStats local;
    Catalog out;
    out.source_lang =
        existing.source_lang.empty() ? page_template.source_lang : existing.source_lang;
    out.target_lang =
        existing.target_lang.empty() ? page_template.target_lang : existing.target_lang;
    out.header = existing.header.empty() ? page_template.header : existing.header;
    out.header_comment = existing.header_comment;
    out.header_fuzzy = existing.header_fuzzy;
    out.original = page_template.original.empty() ? existing.original : page_template.original;
    Updater updater(existing, options);
    for (const Unit& t : page_template.units()) out.add(updater.update(t, local));
    for (const Unit& old : existing.units()) {
        if (!has_translation(old)) continue;
        if (out.find(old.context, old.source)) continue; // still live, or revived
        if (!old.obsolete) ++local.obsoleted;
        if (options.drop_obsolete) continue;
        Unit o = old;
        o.obsolete = true;
        out.add(std::move(o));
    }
    if (stats) *stats = local;
    return out;
}

bool catalog_has_translations(const Catalog& catalog) {
    for (const Unit& u : catalog.units())
        if (has_translation(u)) return true;
    return false;
}

} // namespace policyloc
