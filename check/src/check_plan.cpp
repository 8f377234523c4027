#include "policyloc/check_plan.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "policyloc/catalog.h"
#include "policyloc/locale_chain.h"

namespace policyloc {

namespace {

namespace fs = std::filesystem;

// A file name stem that reads as a language tag: 2 or 3 letters, then '-' or '_' and more.
bool looks_like_locale(const std::string& stem) {
    size_t n = 0;
    while (n < stem.size() && std::isalpha(static_cast<unsigned char>(stem[n]))) ++n;
    return (n == 2 || n == 3) && (n == stem.size() || stem[n] == '-' || stem[n] == '_');
}

bool is_catalog_name(const fs::path& p) {
    std::string ext = p.extension().string();
    return ext == ".po" || ext == ".xlf" || ext == ".xliff";
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::vector<std::string> found_locales(const CheckPlanInput& in) {
    std::vector<std::string> locales;
    for (const CatalogDirectory& d : in.directories) {
        std::vector<std::string> names = d.files;
        std::sort(names.begin(), names.end());
        for (const std::string& name : names) {
            fs::path p(name);
            std::string stem = p.stem().string();
            if (is_catalog_name(p) && looks_like_locale(stem))
                add_unique(locales, locale_lookup_tag(locale_to_bcp47(stem)));
        }
    }
    return locales;
}

std::string file_locale(const CheckPlanInput::File& f) {
    if (!f.language.empty()) return locale_lookup_tag(f.language);
    return locale_lookup_tag(locale_to_bcp47(fs::path(f.path).stem().string()));
}

} // namespace

CheckPlan check_plan_build(const CheckPlanInput& in) {
    CheckPlan plan;
    std::vector<std::string> locales = in.locales.empty() ? found_locales(in) : in.locales;
    auto add = [&](const std::string& locale, const MergePlan& mp) {
        for (const Diagnostic& d : mp.diagnostics) plan.diagnostics.push_back(d);
        if (!mp.ok() || mp.chain.empty()) return;
        for (const CheckTarget& t : plan.targets)
            if (t.locale == locale && t.planned.path == mp.chain.front().path) return;
        plan.targets.push_back({locale, mp.chain.front()});
    };
    for (const std::string& locale : locales) {
        for (const CatalogDirectory& d : in.directories) {
            MergePlanInput mi;
            mi.locale = locale;
            mi.directory = d;
            MergePlan mp = merge_plan_build(mi);
            // A locale found in another directory need not be in this one.
            if (in.locales.empty() && !mp.ok()) continue;
            add(locale, mp);
        }
    }
    for (const CheckPlanInput::File& f : in.files) {
        std::vector<std::string> fits;
        if (in.locales.empty()) {
            fits.push_back(file_locale(f));
        } else {
            for (const std::string& l : in.locales)
                if (!f.language.empty() &&
                    locale_language_fit(f.language, l) != LanguageFit::different)
                    fits.push_back(l);
            if (fits.empty()) fits.push_back(in.locales.front());
        }
        for (const std::string& locale : fits) {
            MergePlanInput mi;
            mi.locale = locale;
            mi.catalog_file = f.path;
            mi.directory.path = fs::path(f.path).parent_path().string();
            add(locale, merge_plan_build(mi));
        }
    }
    std::stable_sort(plan.targets.begin(), plan.targets.end(),
                     [&](const CheckTarget& a, const CheckTarget& b) {
                         auto rank = [&](const std::string& l) {
                             auto it = std::find(locales.begin(), locales.end(), l);
                             return it - locales.begin();
                         };
                         return rank(a.locale) < rank(b.locale);
                     });
    return plan;
}

} // namespace policyloc
