#include "policyloc/update.h"

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
    for (const Unit& t : page_template.units()) {
        Unit u = t;
        if (const Unit* old = existing.find(t.context, t.source)) {
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
        if (!old.obsolete && out.find(old.context, old.source)) continue;
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
