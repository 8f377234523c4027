#include "policyloc/shortcode_params.h"

#include <algorithm>

#include "markdown_util.h"
#include "policyloc/i18n.h"
#include "protected_spans.h"

namespace policyloc {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space_or_tab_or_newline(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space_or_tab_or_newline(s.back())) s.remove_suffix(1);
    return s;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool valid_entry(std::string_view entry) {
    size_t dot = entry.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == entry.size()) return false;
    std::string_view name = entry.substr(0, dot);
    std::string_view param = entry.substr(dot + 1);
    auto names = [](std::string_view s) { return std::all_of(s.begin(), s.end(), is_name_char); };
    return (name == "*" || names(name)) && names(param);
}

} // namespace

std::vector<std::string> shortcode_params_default() {
    return {"alert.text", "figure.caption", "figure.alt", "*.title"};
}

std::string shortcode_params_check(const std::vector<std::string>& params) {
    for (const std::string& p : params)
        if (!valid_entry(p))
            return i18n_format(_("'%s' is not a shortcode parameter (NAME.PARAM, or *.PARAM for "
                                 "any shortcode)"),
                               p.c_str());
    return {};
}

ShortcodeParamsParse shortcode_params_parse(std::string_view list) {
    ShortcodeParamsParse r;
    for (size_t pos = 0; pos <= list.size();) {
        size_t comma = std::min(list.find(',', pos), list.size());
        std::string_view entry = trim(list.substr(pos, comma - pos));
        if (!entry.empty() && entry != "none") r.params.emplace_back(entry);
        pos = comma + 1;
    }
    r.error = shortcode_params_check(r.params);
    return r;
}

bool shortcode_param_listed(const std::vector<std::string>& list, std::string_view name,
                            std::string_view param) {
    for (const std::string& entry : list) {
        size_t dot = entry.find('.');
        if (dot == std::string::npos || std::string_view(entry).substr(dot + 1) != param) continue;
        std::string_view n = std::string_view(entry).substr(0, dot);
        if (n == "*" || n == name) return true;
    }
    return false;
}

std::optional<std::vector<std::string>> shortcode_params_of_catalog(const Catalog& catalog) {
    std::optional<std::string> field = catalog.header_field(kShortcodeParamsHeaderField);
    if (!field) return std::nullopt;
    ShortcodeParamsParse r = shortcode_params_parse(*field);
    if (!r.error.empty()) return std::nullopt;
    return r.params;
}

std::optional<std::string> shortcode_params_header_value(const std::vector<std::string>& params) {
    if (params == shortcode_params_default()) return std::nullopt;
    std::string value;
    for (const std::string& p : params) value += (value.empty() ? "" : ",") + p;
    return value.empty() ? "none" : value;
}

std::vector<std::pair<size_t, size_t>>
shortcode_param_values(std::string_view tag, std::string_view name,
                       const std::vector<std::string>& list) {
    std::vector<std::pair<size_t, size_t>> values;
    size_t at = tag.find(name);
    if (name.empty() || list.empty() || at == std::string_view::npos) return values;
    for (size_t i = at + name.size(); i < tag.size();) {
        char c = tag[i];
        if (c == '"' || c == '`') { // a positional value
            size_t e = skip_go_string(tag, i);
            if (e == std::string_view::npos) break;
            i = e;
            continue;
        }
        if (!is_name_char(c)) {
            ++i;
            continue;
        }
        size_t key_begin = i;
        while (i < tag.size() && is_name_char(tag[i])) ++i;
        std::string_view key = tag.substr(key_begin, i - key_begin);
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '`')) {
            size_t e = skip_go_string(tag, i);
            if (e == std::string_view::npos) break;
            // Only quoted values: a translation may hold blanks.
            if (e - i > 2 && shortcode_param_listed(list, name, key))
                values.emplace_back(i + 1, e - 1);
            i = e;
        } else {
            while (i < tag.size() && !is_space_or_tab_or_newline(tag[i])) ++i;
        }
    }
    return values;
}

} // namespace policyloc
