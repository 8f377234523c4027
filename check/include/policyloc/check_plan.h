// Which catalogs `check` checks for which locale. The catalog of a locale in a directory is the
// one the merge plan picks (merge_plan_build), so that check and merge agree on it.
#pragma once

#include <string>
#include <vector>

#include "policyloc/diagnostic.h"
#include "policyloc/merge_plan.h"

namespace policyloc {

struct CheckPlanInput {
    // --locale; empty: each catalog's own locale (a directory's catalogs by their file names,
    // <locale>.po|.xlf|.xliff; a catalog file by the language its header names).
    std::vector<std::string> locales;
    std::vector<CatalogDirectory> directories;
    struct File {
        std::string path;
        std::string language; // the header's language; empty when it names none
    };
    std::vector<File> files;
};

// One catalog to check for one locale, with the language the merge plan expects of it.
struct CheckTarget {
    std::string locale;
    PlannedCatalog planned;
};

struct CheckPlan {
    std::vector<CheckTarget> targets; // by locale, in the order the locales were found
    Diagnostics diagnostics;          // errors: a directory without a catalog for a locale
    bool ok() const { return !diagnostics_have_error(diagnostics); }
};

// With --locale, each catalog file is checked for every locale its language fits, and for the
// first locale when it fits none (so that its language is reported as wrong); each directory
// must have a catalog for every locale given. Without --locale, a directory is checked for the
// locales it has catalogs for.
CheckPlan check_plan_build(const CheckPlanInput& input);

} // namespace policyloc
