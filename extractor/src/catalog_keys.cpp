// What a template records so that a merge rebuilds the same slots: the front-matter keys its
// units came from, the options that decide a cut, and combining the templates of several pages.
#include <algorithm>

#include "policyloc/extract.h"
#include "policyloc/text.h"

namespace policyloc {

namespace {

// Keys select fields without regard to case, as Hugo reads them ("linktitle" is "linkTitle"),
// so a list holds each key once in any case.
bool has_key(const std::vector<std::string>& keys, const std::string& key) {
    const std::string lower = text_lower_ascii(key);
    return std::any_of(keys.begin(), keys.end(),
                       [&](const std::string& k) { return text_lower_ascii(k) == lower; });
}

} // namespace

std::vector<std::string> front_matter_keys_of_catalog(const Catalog& catalog) {
    std::vector<std::string> keys;
    auto add = [&](std::string key) {
        if (!key.empty() && !has_key(keys, key)) keys.push_back(std::move(key));
    };
    if (auto field = catalog.header_field(kKeysHeaderField)) {
        std::string_view list = *field;
        for (size_t pos = 0; pos <= list.size();) {
            size_t comma = std::min(list.find(',', pos), list.size());
            std::string_view key = list.substr(pos, comma - pos);
            while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
            while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
            add(std::string(key));
            pos = comma + 1;
        }
    }
    constexpr std::string_view marker = "Front matter: ";
    for (const Unit& u : catalog.units()) {
        for (size_t pos = 0; (pos = u.notes.find(marker, pos)) != std::string::npos;) {
            if (pos > 0 && u.notes[pos - 1] != '\n') {
                pos += marker.size();
                continue;
            }
            size_t b = pos + marker.size();
            size_t e = std::min(u.notes.find('\n', b), u.notes.size());
            std::string path = u.notes.substr(b, e - b);
            // An array element ("keywords[2]") comes from its array's key.
            if (!path.empty() && path.back() == ']')
                if (size_t open = path.rfind('['); open != std::string::npos) path.resize(open);
            add(std::move(path));
            pos = e;
        }
    }
    return keys;
}

std::vector<std::string> front_matter_keys_with(const std::vector<std::string>& extra, bool only) {
    std::vector<std::string> keys = only ? std::vector<std::string>{} : front_matter_default_keys();
    for (const std::string& k : extra)
        if (!has_key(keys, k)) keys.push_back(k);
    return keys;
}

std::string extract_options_key(const ExtractOptions& options) {
    // Each field ends with a separator that no locale, key or parameter holds.
    std::string key = options.source_locale + '\x1e';
    for (const std::string& k : options.front_matter_keys) key += k + '\x1f';
    key += options.shortcode_params ? '\x1e' : '\x1d';
    if (options.shortcode_params)
        for (const std::string& p : *options.shortcode_params) key += p + '\x1f';
    return key;
}

void catalog_append(Catalog& into, const Catalog& page_template) {
    catalog_append(into, Catalog(page_template));
}

void catalog_append(Catalog& into, Catalog&& page_template) {
    if (into.size() == 0) {
        // The first page's units become the catalog's as they are: no copy of their texts.
        into.units() = std::move(page_template.units());
        into.reindex();
        return;
    }
    into.units().reserve(into.size() + page_template.size());
    for (Unit& u : page_template.units()) into.add(std::move(u));
}

} // namespace policyloc
