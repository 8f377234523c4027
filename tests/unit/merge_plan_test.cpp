// The merge plan as a pure function: the order of the chain, lookups by locale, language
// checks, and the front-matter keys a catalog carries.
#include <doctest/doctest.h>

#include "policyloc/extract.h"
#include "policyloc/locale_chain.h"
#include "policyloc/merge_plan.h"

using namespace policyloc;

namespace {

std::vector<std::string> paths(const MergePlan& plan) {
    std::vector<std::string> out;
    for (const PlannedCatalog& c : plan.chain) out.push_back(c.path);
    return out;
}

MergePlanInput in_dir(const std::string& locale, std::vector<std::string> files) {
    MergePlanInput in;
    in.locale = locale;
    in.directory = {"cats", std::move(files)};
    return in;
}

} // namespace

TEST_CASE("plan: a directory gives the locale's catalog first, then --fallback, then parents") {
    MergePlanInput in = in_dir("de-CH", {"de.po", "fr.po", "de-CH.xlf", "it.po"});
    in.fallbacks = {{"fr", false}, {"extra/it.po", true}};
    MergePlan plan = merge_plan_build(in);
    REQUIRE(plan.ok());
    CHECK(paths(plan) ==
          std::vector<std::string>{"cats/de-CH.xlf", "cats/fr.po", "extra/it.po", "cats/de.po"});
    CHECK(plan.chain[0].role == ChainRole::locale);
    CHECK(plan.chain[0].expected_language == "de-CH");
    CHECK(plan.chain[1].role == ChainRole::fallback);
    CHECK(plan.chain[1].expected_language == "fr");
    CHECK(plan.chain[2].expected_language.empty()); // a file the user named
    CHECK(plan.chain[3].role == ChainRole::parent);
    CHECK(plan.chain[3].expected_language == "de");
}

TEST_CASE("plan: without the locale's own catalog its nearest parent's is the locale's") {
    MergePlan plan = merge_plan_build(in_dir("es-MX", {"es.po", "es-419.po"}));
    REQUIRE(plan.ok());
    CHECK(paths(plan) == std::vector<std::string>{"cats/es-419.po", "cats/es.po"});
    CHECK(plan.chain[0].role == ChainRole::locale);
    CHECK(plan.chain[1].role == ChainRole::parent);
}

TEST_CASE("plan: gettext spellings, Unicode extensions and a file argument") {
    MergePlan pt = merge_plan_build(in_dir("pt-BR", {"pt_BR.po"}));
    CHECK(paths(pt) == std::vector<std::string>{"cats/pt_BR.po"});
    MergePlan zh = merge_plan_build(in_dir("zh-Hans", {"zh_CN.po"}));
    CHECK(paths(zh) == std::vector<std::string>{"cats/zh_CN.po"});
    MergePlan ar = merge_plan_build(in_dir("ar-u-nu-latn", {"ar.po"}));
    REQUIRE(ar.ok());
    CHECK(ar.locale == "ar-u-nu-latn");
    CHECK(ar.lookup_locale == "ar");
    CHECK(paths(ar) == std::vector<std::string>{"cats/ar.po"});

    MergePlanInput file = in_dir("de-CH", {"mine.po", "de.po", "de-CH.po"});
    file.catalog_file = "cats/mine.po";
    MergePlan f = merge_plan_build(file);
    // The file given is the locale's catalog; the parents beside it follow, the locale's own
    // name in the directory is not taken as well.
    CHECK(paths(f) == std::vector<std::string>{"cats/mine.po", "cats/de.po"});
    // The same file named twice is in the chain once.
    MergePlanInput twice = in_dir("de", {"de.po"});
    twice.fallbacks = {{"cats/de.po", true}, {"./cats/de.po", true}};
    CHECK(paths(merge_plan_build(twice)) == std::vector<std::string>{"cats/de.po"});
}

TEST_CASE("plan: errors name what is missing") {
    MergePlan none = merge_plan_build(in_dir("de", {"fr.po"}));
    CHECK_FALSE(none.ok());
    REQUIRE(none.diagnostics.size() == 1);
    CHECK(none.diagnostics[0].message.find("no catalog for locale 'de' in cats") == 0);
    // A fallback locale without a catalog.
    MergePlanInput in = in_dir("de", {"de.po"});
    in.fallbacks = {{"fr", false}};
    MergePlan bad = merge_plan_build(in);
    CHECK_FALSE(bad.ok());
    CHECK(bad.diagnostics[0].message.find("--fallback 'fr'") == 0);
}

TEST_CASE("plan: a catalog's language is checked against its place in the chain") {
    PlannedCatalog own{"de.po", ChainRole::locale, "de"};
    Catalog c;
    c.target_lang = "de";
    CHECK(merge_plan_check_language(own, c).empty());
    c.target_lang = "de-DE";
    CHECK(merge_plan_check_language(own, c).empty());
    c.target_lang = "fr";
    Diagnostics fr = merge_plan_check_language(own, c);
    REQUIRE(fr.size() == 1);
    CHECK(fr[0].severity == Severity::error);
    CHECK(fr[0].message.find("is in fr") != std::string::npos);
    CHECK(fr[0].message.find("needs de") != std::string::npos);
    c.target_lang.clear();
    Diagnostics none = merge_plan_check_language(own, c);
    REQUIRE(none.size() == 1);
    CHECK(none[0].severity == Severity::warning);
    // A fallback file the user named may be in any language.
    PlannedCatalog named{"x.po", ChainRole::fallback, ""};
    c.target_lang = "fr";
    CHECK(merge_plan_check_language(named, c).empty());
    // A regional variant is a warning.
    PlannedCatalog br{"pt-BR.po", ChainRole::locale, "pt-BR"};
    c.target_lang = "pt-PT";
    Diagnostics variant = merge_plan_check_language(br, c);
    REQUIRE(variant.size() == 1);
    CHECK(variant[0].severity == Severity::warning);
}

TEST_CASE("locale: lookup tags, language fit, right to left") {
    CHECK(locale_lookup_tag("ar-u-nu-latn") == "ar");
    CHECK(locale_lookup_tag("th-TH-u-ca-buddhist") == "th-TH");
    CHECK(locale_lookup_tag("pt-BR") == "pt-BR");
    CHECK(locale_lookup_tag("PT-br") == "pt-BR");
    CHECK(locale_language_fit("zh-CN", "zh-Hans") == LanguageFit::same);
    CHECK(locale_language_fit("zh_CN", "zh-Hans") == LanguageFit::same);
    CHECK(locale_language_fit("zh-TW", "zh-Hans") == LanguageFit::different);
    CHECK(locale_language_fit("de", "de-CH") == LanguageFit::same);
    CHECK(locale_language_fit("de-CH", "de") == LanguageFit::same);
    CHECK(locale_language_fit("pt-PT", "pt-BR") == LanguageFit::variant);
    CHECK(locale_language_fit("sr-Latn", "sr-Cyrl") == LanguageFit::different);
    CHECK(locale_language_fit("fr", "de") == LanguageFit::different);
    CHECK(locale_parent_chain("ar-u-nu-latn") == std::vector<std::string>{"ar"});
    CHECK(locale_is_right_to_left("ar"));
    CHECK(locale_is_right_to_left("he"));
    CHECK(locale_is_right_to_left("fa-IR"));
    CHECK_FALSE(locale_is_right_to_left("de"));
    CHECK_FALSE(locale_is_right_to_left("ja"));
}

TEST_CASE("keys: --keys adds to the defaults, --keys-only replaces them, catalogs carry theirs") {
    std::vector<std::string> defaults = front_matter_default_keys();
    std::vector<std::string> added = front_matter_keys_with({"lead"}, false);
    CHECK(added.size() == defaults.size() + 1);
    CHECK(added.back() == "lead");
    CHECK(front_matter_keys_with({"title"}, false) == defaults);
    CHECK(front_matter_keys_with({"lead"}, true) == std::vector<std::string>{"lead"});

    Catalog c;
    c.set_header_field(kKeysHeaderField, "title, params.lead");
    auto add = [&](const char* source, const char* notes) {
        Unit u;
        u.source = source;
        u.notes = notes;
        c.add(u);
    };
    add("privacy", "Front matter: keywords[2]");
    add("Body", "Type: paragraph\nSection: Front matter: not a key");
    CHECK(front_matter_keys_of_catalog(c) ==
          std::vector<std::string>{"title", "params.lead", "keywords"});

    // Keys select fields without regard to case, as Hugo reads them: a page's "linktitle" (a
    // unit's note names the field as the page writes it) is the default "linkTitle", not a
    // key the configuration lacks (a build would cut every page again for it).
    add("Short title", "Front matter: linktitle");
    add("Lead", "Front matter: Params.Lead");
    CHECK(front_matter_keys_of_catalog(c) ==
          std::vector<std::string>{"title", "params.lead", "keywords", "linktitle"});
    CHECK(front_matter_keys_with({"linktitle", "Title"}, false) == defaults);
    CHECK(front_matter_keys_with({"Lead", "lead"}, true) == std::vector<std::string>{"Lead"});
}
