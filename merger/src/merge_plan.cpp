#include "policyloc/merge_plan.h"

#include <algorithm>
#include <filesystem>

#include "policyloc/i18n.h"
#include "policyloc/locale_chain.h"

namespace policyloc {

namespace fs = std::filesystem;

const char* chain_role_name(ChainRole role) {
    switch (role) {
    case ChainRole::locale:
        return _("locale");
    case ChainRole::fallback:
        return _("fallback");
    case ChainRole::parent:
        return _("CLDR parent");
    }
    return _("locale");
}

std::optional<std::string> catalog_file_for_locale(const std::vector<std::string>& files,
                                                   const std::string& locale) {
    for (const std::string& name : {locale, locale_to_gettext(locale)})
        for (const char* ext : {".po", ".xlf", ".xliff"})
            if (std::find(files.begin(), files.end(), name + ext) != files.end()) return name + ext;
    return std::nullopt;
}

namespace {

class PlanBuilder {
  public:
    explicit PlanBuilder(const MergePlanInput& in) : in_(in) {
        plan_.locale = in.locale;
        plan_.lookup_locale = locale_lookup_tag(in.locale);
    }

    MergePlan build() {
        std::vector<std::string> parents = locale_parent_chain(plan_.lookup_locale);
        size_t own_level = add_own(parents);
        for (const auto& f : in_.fallbacks) add_fallback(f);
        for (size_t i = own_level + 1; i < parents.size(); ++i)
            if (auto name = catalog_file_for_locale(in_.directory.files, parents[i]))
                add({in_path(*name), ChainRole::parent, parents[i]});
        return std::move(plan_);
    }

  private:
    const MergePlanInput& in_;
    MergePlan plan_;

    std::string in_path(const std::string& name) const {
        return (fs::path(in_.directory.path) / name).lexically_normal().string();
    }

    void add(PlannedCatalog c) {
        std::string key = fs::path(c.path).lexically_normal().string();
        for (const PlannedCatalog& p : plan_.chain)
            if (fs::path(p.path).lexically_normal().string() == key) return;
        plan_.chain.push_back(std::move(c));
    }

    void error(const std::string& message) {
        plan_.diagnostics.push_back({Severity::error, in_.directory.path, 0, 0, message});
    }

    // The locale's own catalog; returns the index in `parents` of the locale it is for.
    size_t add_own(const std::vector<std::string>& parents) {
        if (in_.catalog_file) {
            add({*in_.catalog_file, ChainRole::locale, plan_.lookup_locale});
            return 0;
        }
        for (size_t i = 0; i < parents.size(); ++i) {
            if (auto name = catalog_file_for_locale(in_.directory.files, parents[i])) {
                add({in_path(*name), ChainRole::locale, parents[i]});
                return i;
            }
        }
        std::string tried;
        for (const std::string& p : parents)
            tried += (tried.empty() ? "" : ", ") + p + ".po|.xlf|.xliff";
        error(i18n_format(_("no catalog for locale '%s' in %s (looked for %s)"),
                          plan_.lookup_locale.c_str(), in_.directory.path.c_str(), tried.c_str()));
        return parents.size();
    }

    void add_fallback(const MergePlanInput::Fallback& f) {
        if (f.is_file) {
            add({f.text, ChainRole::fallback, ""});
            return;
        }
        std::string tag = locale_lookup_tag(f.text);
        if (auto name = catalog_file_for_locale(in_.directory.files, tag)) {
            add({in_path(*name), ChainRole::fallback, tag});
            return;
        }
        error(i18n_format(
            _("--fallback '%s': no such catalog file, and no catalog for that locale in %s"),
            f.text.c_str(), in_.directory.path.c_str()));
    }
};

} // namespace

MergePlan merge_plan_build(const MergePlanInput& input) {
    return PlanBuilder(input).build();
}

Diagnostics merge_plan_check_language(const PlannedCatalog& planned, const Catalog& catalog) {
    Diagnostics out;
    if (planned.expected_language.empty()) return out;
    const std::string& lang = catalog.target_lang;
    if (lang.empty()) {
        out.push_back({Severity::warning, planned.path, 0, 0,
                       i18n_format(_("the catalog names no language (Language, target-language "
                                     "or trgLang); taken as %s"),
                                   planned.expected_language.c_str())});
        return out;
    }
    switch (locale_language_fit(lang, planned.expected_language)) {
    case LanguageFit::same:
        break;
    case LanguageFit::variant:
        out.push_back(
            {Severity::warning, planned.path, 0, 0,
             i18n_format(_("the catalog is in %s, a variant of %s; used for %s"), lang.c_str(),
                         planned.expected_language.c_str(), planned.expected_language.c_str())});
        break;
    case LanguageFit::different:
        out.push_back({Severity::error, planned.path, 0, 0,
                       i18n_format(_("the catalog is in %s, but its place in the chain (%s) "
                                     "needs %s"),
                                   lang.c_str(), chain_role_name(planned.role),
                                   planned.expected_language.c_str())});
        break;
    }
    return out;
}

} // namespace policyloc
