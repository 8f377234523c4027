#include "policyloc/check_page.h"

#include "policyloc/check_wording.h"
#include "policyloc/i18n.h"
#include "policyloc/merge.h"

namespace policyloc {

std::vector<PageUnit> page_units(const Skeleton& skeleton) {
    std::vector<PageUnit> units;
    for (const Slot& slot : skeleton.slots) {
        if (const auto* u = std::get_if<UnitSlot>(&slot))
            units.push_back({u->context, u->source, u->span.line, u->codes});
        else if (const auto* f = std::get_if<FieldSlot>(&slot))
            units.push_back({f->context, f->source, f->span.line, {}});
    }
    return units;
}

PageCompleteness completeness_of_page(const std::string& page, const std::string& locale,
                                      const std::vector<PageUnit>& units,
                                      const std::vector<LocaleCatalog>& catalogs,
                                      WordCounter& words) {
    PageCompleteness pc;
    pc.page = page;
    pc.locale = locale;
    for (const LocaleCatalog& c : catalogs) pc.catalogs.push_back(c.path);
    for (const PageUnit& pu : units) {
        const Unit* found = nullptr;
        for (const LocaleCatalog& c : catalogs)
            if (!found && c.catalog) found = c.catalog->find(pu.context, pu.source);
        Count* into = &pc.missing;
        if (found && found->has_usable_target())
            into = &pc.translated;
        else if (found && found->state == UnitState::fuzzy && !found->target.empty())
            into = &pc.fuzzy;
        else if (found)
            into = &pc.untranslated;
        into->units += 1;
        into->words += words.count(pu.source);
    }
    return pc;
}

CatalogCompleteness completeness_of_catalog(const std::string& path, const std::string& locale,
                                            const Catalog& catalog) {
    CatalogCompleteness cc;
    cc.catalog = path;
    cc.locale = locale;
    cc.language = catalog.target_lang;
    cc.stats = catalog_stats(catalog);
    return cc;
}

namespace {

void set_wording(PageFinding& f, const char* format) {
    Wording w = check_wording(format);
    f.message = std::move(w.message);
    f.text = std::move(w.text);
}

} // namespace

std::vector<PageFinding> check_page_merge(std::string_view page, const Skeleton& skeleton,
                                          const LocaleCatalog& catalog, const std::string& locale,
                                          LineBreaker* line_breaker) {
    MergeOptions options;
    options.locale = locale;
    options.line_breaker = line_breaker;
    options.dates = DateMode::keep; // dates do not change which translations are used
    MergeResult merged = merge_page(page, skeleton, {{catalog.path, catalog.catalog}}, options);
    std::vector<PageFinding> out;
    for (const Fallback& fb : merged.stats.fallbacks) {
        PageFinding f;
        f.unit_id = fb.unit_id;
        f.page_line = fb.line;
        switch (fb.reason) {
        case FallbackReason::would_change_structure:
            f.id = "structure";
            set_wording(
                f, N_("the translation would change the page's block structure; merge uses the "
                      "source text instead"));
            break;
        case FallbackReason::front_matter_cannot_hold:
            f.id = "structure";
            set_wording(
                f, N_("the translation cannot be written into the front matter so that it reads "
                      "back unchanged; merge uses the source text instead"));
            break;
        case FallbackReason::protected_span_changed:
            f.id = "protected-span";
            set_wording(
                f,
                N_("the translation drops or alters a protected span of the page; merge uses the "
                   "source text instead"));
            break;
        default:
            continue;
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace policyloc
