#include "policyloc/catalog.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace policyloc {

const char* unit_state_name(UnitState s) {
    switch (s) {
    case UnitState::untranslated:
        return "untranslated";
    case UnitState::fuzzy:
        return "fuzzy";
    case UnitState::translated:
        return "translated";
    case UnitState::reviewed:
        return "reviewed";
    case UnitState::final_state:
        return "final";
    }
    return "untranslated";
}

const char* code_kind_name(CodeKind kind) {
    switch (kind) {
    case CodeKind::code_span:
        return "code span";
    case CodeKind::html:
        return "HTML";
    case CodeKind::autolink:
        return "autolink";
    case CodeKind::link_destination:
        return "link destination";
    case CodeKind::image_destination:
        return "image destination";
    case CodeKind::link_reference:
        return "link reference";
    case CodeKind::footnote_reference:
        return "footnote reference";
    case CodeKind::template_action:
        return "template action";
    case CodeKind::date:
        return "date, written per locale";
    case CodeKind::shortcode:
        return "shortcode";
    case CodeKind::attribute:
        return "attribute";
    case CodeKind::liquid_tag:
        return "Liquid tag";
    case CodeKind::other:
        break;
    }
    return "other";
}

CodeKind code_kind_from_name(std::string_view name) {
    for (int k = 0; k < static_cast<int>(CodeKind::other); ++k) {
        const auto kind = static_cast<CodeKind>(k);
        if (name == code_kind_name(kind)) return kind;
    }
    return CodeKind::other;
}

const char* markup_kind_name(MarkupKind kind) {
    switch (kind) {
    case MarkupKind::emphasis:
        return "emphasis";
    case MarkupKind::strong:
        return "strong";
    case MarkupKind::strikethrough:
        return "strikethrough";
    case MarkupKind::link:
        return "link";
    case MarkupKind::image:
        return "image";
    }
    return "emphasis";
}

std::optional<MarkupKind> markup_kind_from_name(std::string_view name) {
    for (MarkupKind k : {MarkupKind::emphasis, MarkupKind::strong, MarkupKind::strikethrough,
                         MarkupKind::link, MarkupKind::image})
        if (name == markup_kind_name(k)) return k;
    return std::nullopt;
}

std::string_view InlineCode::kind_name() const {
    return kind == CodeKind::other ? std::string_view(other_name) : code_kind_name(kind);
}

InlineCode inline_code_named(size_t begin, size_t end, std::string_view kind_name) {
    InlineCode code{begin, end, code_kind_from_name(kind_name), {}};
    if (code.kind == CodeKind::other) code.other_name = std::string(kind_name);
    return code;
}

std::string unit_key(const std::optional<std::string>& context, std::string_view source) {
    std::string key;
    if (context) {
        key = *context;
        key += '\x04';
    }
    key += source;
    return key;
}

std::uint64_t unit_key_hash(const std::optional<std::string>& context, std::string_view source) {
    // The source's hash, mixed with the context's when there is one (so that no context and an
    // empty context differ, as their keys do).
    std::uint64_t h = std::hash<std::string_view>{}(source);
    if (context) h ^= (std::hash<std::string_view>{}(*context) + 0x9e3779b97f4a7c15ull) * 31u;
    return h;
}

std::string Unit::id() const {
    return unit_id(context, source);
}

std::string unit_id(const std::optional<std::string>& context, std::string_view source) {
    // FNV-1a, 64 bits, over the key: stable across runs and platforms.
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : unit_key(context, source)) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "u%016llx", static_cast<unsigned long long>(h));
    return buf;
}

bool Unit::has_usable_target() const {
    return !obsolete && state >= UnitState::translated && !target.empty();
}

Unit& Catalog::add(Unit u) {
    if (!u.obsolete) {
        if (Unit* existing = find(u.context, u.source)) {
            for (auto& r : u.refs)
                if (std::find(existing->refs.begin(), existing->refs.end(), r) ==
                    existing->refs.end())
                    existing->refs.push_back(std::move(r));
            return *existing;
        }
        index_.emplace(unit_key_hash(u.context, u.source), units_.size());
    }
    units_.push_back(std::move(u));
    return units_.back();
}

const Unit* Catalog::find(const std::optional<std::string>& context,
                          std::string_view source) const {
    size_t i = position(context, source);
    return i == units_.size() ? nullptr : &units_[i];
}

Unit* Catalog::find(const std::optional<std::string>& context, std::string_view source) {
    size_t i = position(context, source);
    return i == units_.size() ? nullptr : &units_[i];
}

size_t Catalog::position(const std::optional<std::string>& context, std::string_view source) const {
    auto [first, last] = index_.equal_range(unit_key_hash(context, source));
    for (auto it = first; it != last; ++it) {
        const Unit& u = units_[it->second];
        if (u.source == source && u.context == context) return it->second;
    }
    return units_.size();
}

void Catalog::reindex() {
    index_.clear();
    index_.reserve(units_.size());
    for (size_t i = 0; i < units_.size(); ++i)
        if (!units_[i].obsolete)
            index_.emplace(unit_key_hash(units_[i].context, units_[i].source), i);
}

std::optional<std::string> Catalog::header_field(std::string_view name) const {
    for (const auto& [k, v] : header)
        if (k == name) return v;
    return std::nullopt;
}

void Catalog::set_header_field(const std::string& name, const std::string& value) {
    for (auto& [k, v] : header)
        if (k == name) {
            v = value;
            return;
        }
    header.emplace_back(name, value);
}

std::string locale_to_gettext(std::string_view bcp47) {
    // gettext names Chinese by region and marks scripts with a modifier.
    if (bcp47 == "zh-Hans") return "zh_CN";
    if (bcp47 == "zh-Hant") return "zh_TW";
    std::string tag(bcp47);
    std::string modifier;
    for (auto [script, name] : {std::pair{"-Latn", "@latin"}, std::pair{"-Cyrl", "@cyrillic"}}) {
        if (auto at = tag.find(script); at != std::string::npos) {
            tag.erase(at, 5);
            modifier = name;
        }
    }
    for (auto& c : tag)
        if (c == '-') c = '_';
    return tag + modifier;
}

std::string locale_to_bcp47(std::string_view gettext_locale) {
    std::string s(gettext_locale);
    // Drop an encoding (".UTF-8"); a modifier ("@latin") becomes a script subtag.
    std::string modifier;
    if (auto at = s.find('@'); at != std::string::npos) {
        modifier = s.substr(at + 1);
        s.resize(at);
    }
    if (auto dot = s.find('.'); dot != std::string::npos) s.resize(dot);
    // The inverse of locale_to_gettext's names for Chinese.
    if (s == "zh_CN") return "zh-Hans";
    if (s == "zh_TW") return "zh-Hant";
    for (auto& c : s)
        if (c == '_') c = '-';
    // A script subtag follows the language, before any region ("sr-Latn-RS").
    const char* script = modifier == "latin" ? "-Latn" : modifier == "cyrillic" ? "-Cyrl" : "";
    s.insert(std::min(s.find('-'), s.size()), script);
    return s;
}

} // namespace policyloc
