#include "bench_catalogs.h"

#include <utility>

namespace policyloc::bench {

namespace {

char rot13(char c) {
    if (c >= 'a' && c <= 'z') return static_cast<char>('a' + (c - 'a' + 13) % 26);
    if (c >= 'A' && c <= 'Z') return static_cast<char>('A' + (c - 'A' + 13) % 26);
    return c;
}

// The unit's source with every letter outside its inline codes rotated.
std::string rotated(const Unit& u) {
    std::string out = u.source;
    size_t code = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        while (code < u.codes.size() && u.codes[code].end <= i) ++code;
        if (code < u.codes.size() && u.codes[code].begin <= i) continue;
        out[i] = rot13(out[i]);
    }
    return out;
}

template <typename Target>
Catalog catalog_with(const Catalog& page_template, const std::string& locale, Target target) {
    Catalog c = page_template;
    c.target_lang = locale;
    c.set_header_field("Language", locale);
    for (Unit& u : c.units()) {
        u.target = target(u);
        u.state = UnitState::translated;
    }
    return c;
}

} // namespace

Catalog identity_catalog(const Catalog& page_template, const std::string& locale) {
    return catalog_with(page_template, locale, [](const Unit& u) { return u.source; });
}

Catalog translated_catalog(const Catalog& page_template, const std::string& locale) {
    return catalog_with(page_template, locale, [](const Unit& u) { return rotated(u); });
}

} // namespace policyloc::bench
