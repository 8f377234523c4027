// The template of one or more pages: their units in page order (identical units once, with
// every reference), and the header a template carries.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policyloc/catalog.h"
#include "policyloc/extract.h"

namespace policyloc::cli {

// Extracts each page with `keys`; prints diagnostics; empty when a page cannot be read or cut.
// `names`, when given, are what references and diagnostics call the pages (one per page).
// `source_lang` is the pages' language (their written dates); `shortcode_params` the
// translatable shortcode parameters (nothing: the defaults).
// `finders`, when given, are the source language's ICU date patterns, reused.
std::optional<Catalog>
page_template_build(const std::vector<std::string>& pages, const std::vector<std::string>& keys,
                    const std::vector<std::string>* names = nullptr,
                    const std::string& source_lang = "en",
                    const std::optional<std::vector<std::string>>& shortcode_params = std::nullopt,
                    DateFinders* finders = nullptr);

// The templates of a project's catalogs: most are made from the same pages with the same
// options, so each is built (and its pages' diagnostics printed) once, and copied after.
class PageTemplates {
  public:
    std::optional<Catalog> build(const std::vector<std::string>& pages,
                                 const std::vector<std::string>& keys,
                                 const std::vector<std::string>* names,
                                 const std::string& source_lang,
                                 const std::optional<std::vector<std::string>>& shortcode_params);

  private:
    std::map<std::string, std::optional<Catalog>> made_;
    DateFinders finders_;
};

// Languages, Project-Id-Version (from `original`, the page, or "pages"), the keys when they
// are not the defaults, and POT-Creation-Date only under SOURCE_DATE_EPOCH.
// The shortcode parameters, when not the defaults, too.
void page_template_header(
    Catalog& cat, const std::string& source_lang, const std::string& target_lang,
    const std::string& original, const std::vector<std::string>& keys,
    const std::optional<std::vector<std::string>>& shortcode_params = std::nullopt);

// The --shortcode-params list: nothing when not given; prints a usage error and sets `ok`
// false when it names something that is not NAME.PARAM.
std::optional<std::vector<std::string>>
shortcode_params_option(const std::optional<std::string>& option, bool& ok);

} // namespace policyloc::cli
