// policyloc extract: pages -> a template, or an update of an existing catalog.
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "cli_io.h"
#include "commands.h"
#include "policyloc/extract.h"
#include "policyloc/file_io.h"
#include "policyloc/update.h"

namespace policyloc::cli {

namespace fs = std::filesystem;

namespace {

// A template written over an existing catalog keeps that catalog's translations: they are
// carried over to the new units, and those no longer in the page become obsolete (PO keeps
// them as "#~" entries; XLIFF has no such entries, so there the run stops instead).
bool write_template(const Catalog& page_template, const std::string& path, CatalogFormat format) {
    if (path == "-" || !fs::is_regular_file(path))
        return write_catalog(page_template, path, format);
    auto existing = load_catalog(path);
    if (!existing) {
        print({{Severity::error, path, 0, 0,
                "the existing file is not a readable catalog; not replaced"}});
        return false;
    }
    if (!catalog_has_translations(*existing)) return write_catalog(page_template, path, format);
    UpdateStats stats;
    Catalog updated = catalog_update(*existing, page_template, &stats);
    if (auto keys = page_template.header_field(kKeysHeaderField))
        updated.set_header_field(kKeysHeaderField, *keys);
    if (format != CatalogFormat::po && stats.obsoleted > 0) {
        print({{Severity::error, path, 0, 0,
                std::to_string(stats.obsoleted) +
                    " translations are no longer in the page and XLIFF cannot keep them as "
                    "obsolete entries; extract to a PO file, or move the old file away"}});
        return false;
    }
    print({{Severity::note, path, 0, 0,
            "kept " + std::to_string(stats.kept) + " translations, added " +
                std::to_string(stats.added) + " units, " + std::to_string(stats.obsoleted) +
                " translations now obsolete"}});
    return write_catalog(updated, path, format);
}

void set_template_header(Catalog& cat, const ExtractCommand& c, const std::string& original,
                         const std::vector<std::string>& keys) {
    cat.source_lang = c.source_lang;
    cat.target_lang = c.target_lang;
    cat.original = original;
    std::string project = original.empty() ? "pages" : fs::path(original).stem().string();
    cat.set_header_field("Project-Id-Version", project);
    // Keys beyond the defaults travel with the catalog, so that merge rebuilds the same slots.
    if (keys != front_matter_default_keys()) {
        std::string list;
        for (const std::string& k : keys) list += (list.empty() ? "" : ",") + k;
        cat.set_header_field(kKeysHeaderField, list);
    }
    // No timestamp unless asked for: the same pages give the same bytes.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char buf[32] = "";
        std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
        std::tm tm{};
        if (gmtime_r(&t, &tm) && std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M+0000", &tm))
            cat.set_header_field("POT-Creation-Date", buf);
    }
}

} // namespace

int run_extract(const ExtractCommand& c) {
    auto format_for = [&](const std::string& path) -> std::optional<CatalogFormat> {
        if (path == "-") return CatalogFormat::po; // standard output: a PO template
        return catalog_format_for_path(path, xliff_format(c.xliff_version));
    };
    if (!c.per_page && !format_for(c.output))
        return usage_error("cannot tell the catalog format of '" + c.output +
                           "' (use .pot, .po, .xlf or .xliff)");
    const std::vector<std::string> keys = front_matter_keys_with(c.keys, c.keys_only);
    Catalog combined;
    std::vector<std::pair<std::string, Catalog>> per_page;
    for (const std::string& page : c.pages) {
        FileReadResult in = file_read(page);
        print(in.diagnostics);
        if (!in.content) return exit_bad_input;
        ExtractOptions options;
        options.file_name = page;
        options.front_matter_keys = keys;
        ExtractResult r = extract_page(*in.content, options);
        print(r.diagnostics);
        if (!r.ok()) return exit_bad_input;
        if (c.per_page)
            per_page.emplace_back(page, std::move(r.catalog));
        else
            catalog_append(combined, r.catalog);
    }
    if (!c.per_page) {
        set_template_header(combined, c, c.pages.size() == 1 ? c.pages[0] : std::string(), keys);
        return write_template(combined, c.output, *format_for(c.output)) ? exit_ok : exit_bad_input;
    }
    std::error_code ec;
    fs::create_directories(c.output, ec);
    for (auto& [page, cat] : per_page) {
        set_template_header(cat, c, page, keys);
        bool xliff = !c.target_lang.empty();
        fs::path out =
            fs::path(c.output) / (fs::path(page).stem().string() + (xliff ? ".xlf" : ".pot"));
        if (!write_template(cat, out.string(),
                            xliff ? xliff_format(c.xliff_version) : CatalogFormat::po))
            return exit_bad_input;
    }
    return exit_ok;
}

} // namespace policyloc::cli
