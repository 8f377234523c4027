// Carrying translations over to a new template (what msgmerge does, without fuzzy matching).
#pragma once

#include "policyloc/catalog.h"

namespace policyloc {

struct UpdateStats {
    size_t kept = 0;      // units whose translation was carried over
    size_t added = 0;     // new units, untranslated
    size_t obsoleted = 0; // translated units no longer in the template, kept as obsolete
};

// The template's units in its order, each with the translation, state and translator
// comments of the same (context, source) in `existing`; translated units of `existing` that
// the template no longer has are kept as obsolete; an obsolete entry of `existing` that the
// template has again is revived (used as a live unit's translation, not kept beside it).
// Header and languages come from `existing`.
Catalog catalog_update(const Catalog& existing, const Catalog& page_template,
                       UpdateStats* stats = nullptr);

// Whether the catalog holds any translation (a target of a live or obsolete unit).
bool catalog_has_translations(const Catalog& catalog);

} // namespace policyloc
