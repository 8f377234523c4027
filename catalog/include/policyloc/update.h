// Carrying translations over to a new template, as gettext's msgmerge does: exact matches keep
// their translation and state, an obsolete entry whose source is back is revived, and a unit
// whose source changed gets the most similar old translation as a fuzzy match with its
// previous source, from the old catalog and then from compendia.
#pragma once

#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/similarity.h"

namespace policyloc {

struct UpdateOptions {
    // Other catalogs of the same language, used as a translation memory after the old catalog.
    std::vector<const Catalog*> compendia;
    bool fuzzy_matching = true;
    double fuzzy_threshold = kFuzzyThreshold; // msgmerge's 0.6
    bool drop_obsolete = false;               // leave out obsolete units (--drop-obsolete)
};

struct UpdateStats {
    size_t kept = 0;      // exact matches whose translation was carried over
    size_t fuzzy = 0;     // new sources given a similar old translation, marked fuzzy
    size_t added = 0;     // new units, untranslated
    size_t obsoleted = 0; // translated units no longer in the template, now obsolete
    size_t revived = 0;   // obsolete entries whose source is back, live again
};

// The template's units in its order. Each takes, from `existing`: the same (context, source)'s
// translation, state, translator comments and flags (a live entry, or else an obsolete one,
// revived); otherwise the translation of the most similar translated unit (protected spans
// masked; the old catalog's live units, then its obsolete ones, then each compendium), marked
// fuzzy, with the source its translation was made from as previous source (the matched source,
// or the previous source of a fuzzy match). Translated units of `existing` that the template no
// longer has are kept as obsolete (units used as fuzzy matches too). Header and languages come
// from `existing`.
Catalog catalog_update(const Catalog& existing, const Catalog& page_template,
                       UpdateStats* stats = nullptr, const UpdateOptions& options = {});

// Whether the catalog holds any translation (a target of a live or obsolete unit).
bool catalog_has_translations(const Catalog& catalog);

} // namespace policyloc
