// The merge plan: which catalogs a merge takes translations from, in which order, and which
// language each must be in. One definition for `merge`, `build` and `check`; pure functions
// over what the caller found on disk, so that every rule has a unit test.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/diagnostic.h"

namespace policyloc {

// Why a catalog is in the chain.
enum class ChainRole {
    locale,   // the locale's own catalog (or, without one, that of its nearest CLDR parent)
    fallback, // named by --fallback, in the order given
    parent,   // a CLDR parent of the locale found beside the locale's catalog
};
const char* chain_role_name(ChainRole role); // "locale", "fallback", "CLDR parent"

struct PlannedCatalog {
    std::string path;
    ChainRole role = ChainRole::locale;
    // BCP 47 tag the catalog's language must fit; empty for a fallback given as a file, whose
    // language the user chose.
    std::string expected_language;
};

// A directory and the names of the regular files in it.
struct CatalogDirectory {
    std::string path;
    std::vector<std::string> files;
};

struct MergePlanInput {
    std::string locale; // BCP 47, Unicode extensions allowed (ar-u-nu-latn)
    // The catalog argument: a file, or (when empty) the locale's catalog is looked up in
    // `directory`. A file's own directory is given as `directory` for the parents.
    std::optional<std::string> catalog_file;
    CatalogDirectory directory;
    // --fallback entries, in order: each a catalog file (`is_file`) or a locale tag looked up
    // in `directory`.
    struct Fallback {
        std::string text;
        bool is_file = false;
    };
    std::vector<Fallback> fallbacks;
};

struct MergePlan {
    std::string locale;        // as given, extensions kept (what ICU formats dates with)
    std::string lookup_locale; // without extensions: what catalogs are found by
    std::vector<PlannedCatalog> chain;
    Diagnostics diagnostics; // errors: no catalog for the locale, a fallback not found
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

// The chain: the locale's own catalog first (the file given, or <locale>.po|.xlf|.xliff in the
// directory, in BCP 47 or gettext spelling, else that of its nearest CLDR parent), then the
// --fallback catalogs in the order given, then the locale's other CLDR parents found in the
// directory, each once. The source text comes after the chain.
MergePlan merge_plan_build(const MergePlanInput& input);

// The name of `locale`'s catalog among `files` (<tag>.po, .xlf, .xliff; BCP 47 or gettext).
std::optional<std::string> catalog_file_for_locale(const std::vector<std::string>& files,
                                                   const std::string& locale);

// Checks a catalog read for a place of the chain: a language other than the expected one is
// an error naming both; a catalog without a language is accepted with a warning; a regional
// variant of the expected language (pt-PT for pt-BR) is accepted with a warning.
Diagnostics merge_plan_check_language(const PlannedCatalog& planned, const Catalog& catalog);

} // namespace policyloc
