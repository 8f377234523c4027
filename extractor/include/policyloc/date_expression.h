// Date expressions in Hugo templates: {{ .Lastmod.Format "January 2, 2006" }}, .Date,
// .PublishDate, .ExpiryDate, now.Format, dateFormat "LAYOUT" X, time.Format "LAYOUT" X,
// X | time.Format ":date_long".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace policyloc {

struct DateExpression {
    std::string field;  // "Lastmod", "Date", "PublishDate", "ExpiryDate", "now", or the
                        // expression text when it is something else (e.g. ".Params.updated")
    std::string layout; // Go layout ("January 2, 2006") or Hugo style (":date_long")
};

// `action` is a whole template action, "{{" to "}}" inclusive (trim markers allowed).
std::optional<DateExpression> date_expression_parse(std::string_view action);

} // namespace policyloc
