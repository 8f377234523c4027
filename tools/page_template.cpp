#include "page_template.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "cli_io.h"
#include "policyloc/extract.h"
#include "policyloc/file_io.h"
#include "policyloc/shortcode_params.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

std::optional<Catalog>
page_template_build(const std::vector<std::string>& pages, const std::vector<std::string>& keys,
                    const std::vector<std::string>* names, const std::string& source_lang,
                    const std::optional<std::vector<std::string>>& shortcode_params,
                    DateFinders* finders) {
    DateFinders own;
    ExtractOptions options;
    options.front_matter_keys = keys;
    options.source_locale = source_lang;
    options.shortcode_params = shortcode_params;
    options.date_finders = finders ? finders : &own;
    Catalog combined;
    for (size_t i = 0; i < pages.size(); ++i) {
        const std::string& page = pages[i];
        FileReadResult in = file_read(page);
        print(in.diagnostics);
        if (!in.content) return std::nullopt;
        options.file_name = names ? (*names)[i] : page;
        ExtractResult r = extract_page(*in.content, options);
        print(r.diagnostics);
        if (!r.ok()) return std::nullopt;
        catalog_append(combined, std::move(r.catalog));
    }
    return combined;
}

std::optional<Catalog>
PageTemplates::build(const std::vector<std::string>& pages, const std::vector<std::string>& keys,
                     const std::vector<std::string>* names, const std::string& source_lang,
                     const std::optional<std::vector<std::string>>& shortcode_params) {
    ExtractOptions options;
    options.source_locale = source_lang;
    options.front_matter_keys = keys;
    options.shortcode_params = shortcode_params;
    std::string key = extract_options_key(options);
    for (size_t i = 0; i < pages.size(); ++i) // the pages, and what they are called
        key += '\x1c' + pages[i] + '\x1f' + (names ? (*names)[i] : std::string());
    auto [it, first] = made_.try_emplace(std::move(key));
    if (first)
        it->second =
            page_template_build(pages, keys, names, source_lang, shortcode_params, &finders_);
    return it->second;
}

void page_template_header(Catalog& cat, const std::string& source_lang,
                          const std::string& target_lang, const std::string& original,
                          const std::vector<std::string>& keys,
                          const std::optional<std::vector<std::string>>& shortcode_params) {
    cat.source_lang = source_lang;
    cat.target_lang = target_lang;
    cat.original = original;
    std::string project = original.empty() ? "pages" : fs::path(original).stem().string();
    cat.set_header_field("Project-Id-Version", project);
    // Keys beyond the defaults travel with the catalog, so that merge rebuilds the same slots.
    if (keys != front_matter_default_keys()) {
        std::string list;
        for (const std::string& k : keys) list += (list.empty() ? "" : ",") + k;
        cat.set_header_field(kKeysHeaderField, list);
    }
    if (shortcode_params)
        if (auto value = shortcode_params_header_value(*shortcode_params))
            cat.set_header_field(kShortcodeParamsHeaderField, *value);
    // No timestamp unless asked for: the same pages give the same bytes.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char buf[32] = "";
        std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
        std::tm tm{};
        if (gmtime_r(&t, &tm) && std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M+0000", &tm))
            cat.set_header_field("POT-Creation-Date", buf);
    }
}

std::optional<std::vector<std::string>>
shortcode_params_option(const std::optional<std::string>& option, bool& ok) {
    if (!option) return std::nullopt;
    ShortcodeParamsParse r = shortcode_params_parse(*option);
    if (!r.error.empty()) {
        usage_error("--shortcode-params: " + r.error);
        ok = false;
    }
    return r.params;
}

} // namespace policyloc::cli
