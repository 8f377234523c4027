#include "policyloc/update.h"

#include <unordered_map>

namespace policyloc {

Catalog catalog_update(const Catalog& existing, const Catalog& page_template, UpdateStats* stats) {
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
    // An obsolete entry whose source is back is revived, as msgmerge revives it.
    std::unordered_map<std::string, const Unit*> obsolete;
    for (const Unit& old : existing.units())
        if (old.obsolete) obsolete.emplace(unit_key(old.context, old.source), &old);
    for (const Unit& t : page_template.units()) {
        Unit u = t;
        const Unit* old = existing.find(t.context, t.source);
        if (!old) {
            auto it = obsolete.find(unit_key(t.context, t.source));
            if (it != obsolete.end()) old = it->second;
        }
        if (old) {
            u.target = old->target;
            u.state = old->state;
            u.comments = old->comments;
            u.flags = old->flags;
            u.previous_context = old->previous_context;
            u.previous_source = old->previous_source;
            if (!old->target.empty()) ++local.kept;
        } else {
            ++local.added;
        }
        out.add(std::move(u));
    }
    for (const Unit& old : existing.units()) {
        if (old.target.empty() && old.plural_targets.empty()) continue;
        if (out.find(old.context, old.source)) continue; // still live, or revived
        Unit o = old;
        o.obsolete = true;
        if (!old.obsolete) ++local.obsoleted;
        out.add(std::move(o));
    }
    if (stats) *stats = local;
    return out;
}

bool catalog_has_translations(const Catalog& catalog) {
    for (const Unit& u : catalog.units())
        if (!u.target.empty()) return true;
    return false;
}

} // namespace policyloc
