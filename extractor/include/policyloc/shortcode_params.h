// Translatable shortcode parameters: "NAME.PARAM" names a named parameter of a shortcode
// ("alert.text" in {{< alert text="Read this carefully" >}}); "*.PARAM" names it in every
// shortcode ("*.title"). Their values are text in the unit; the rest of the shortcode stays
// protected.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policyloc/catalog.h"

namespace policyloc {

// alert.text, figure.caption, figure.alt, *.title.
std::vector<std::string> shortcode_params_default();

// "alert.text, figure.caption" -> {"alert.text", "figure.caption"}; blanks around each name
// are dropped, empty names skipped. The error names the first entry that is not NAME.PARAM.
struct ShortcodeParamsParse {
    std::vector<std::string> params;
    std::string error;
};
ShortcodeParamsParse shortcode_params_parse(std::string_view list);
// The same check for a list given as separate names.
std::string shortcode_params_check(const std::vector<std::string>& params);

// Whether `list` makes parameter `param` of shortcode `name` translatable.
bool shortcode_param_listed(const std::vector<std::string>& list, std::string_view name,
                            std::string_view param);

// The note of a unit that holds translatable parameter values.
inline constexpr const char* kShortcodeValuesNote =
    "Shortcode: the text between the quotes of a shortcode parameter is translatable; keep the "
    "quotes and write \\\" for a quote inside them";

// The header field that records a template's list when it is not the default one ("none" for
// an empty list), so that a merge rebuilds the same units.
inline constexpr const char* kShortcodeParamsHeaderField = "X-Policyloc-Shortcode-Params";
// The list a catalog's header records; nothing when it records none (the default list).
std::optional<std::vector<std::string>> shortcode_params_of_catalog(const Catalog& catalog);
// The header value for `params`; nothing for the default list.
std::optional<std::string> shortcode_params_header_value(const std::vector<std::string>& params);

} // namespace policyloc
