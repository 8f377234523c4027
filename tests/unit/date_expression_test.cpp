// Date expressions in Hugo template actions.
#include "policyloc/date_expression.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using policyloc::date_expression_parse;

namespace {

struct Case {
    const char* action;
    const char* field;  // nullptr: not a date expression
    const char* layout; // decoded layout
};

const Case kCases[] = {
    // Method form on the page's dates.
    {R"({{ .Lastmod.Format "January 2, 2006" }})", "Lastmod", "January 2, 2006"},
    {R"({{ .Date.Format "2006-01-02" }})", "Date", "2006-01-02"},
    {R"({{ .PublishDate.Format "Jan 2, 2006" }})", "PublishDate", "Jan 2, 2006"},
    {R"({{ .ExpiryDate.Format "02/01/2006" }})", "ExpiryDate", "02/01/2006"},
    {R"({{ now.Format "2006" }})", "now", "2006"},
    {R"({{ .Page.Lastmod.Format "January 2, 2006" }})", "Lastmod", "January 2, 2006"},
    {R"({{ $.Lastmod.Format "January 2, 2006" }})", "Lastmod", "January 2, 2006"},
    {R"({{ $.Page.Date.Format "Jan 2" }})", "Date", "Jan 2"},
    // Trim markers, spacing.
    {R"({{- .Lastmod.Format "2006" -}})", "Lastmod", "2006"},
    {R"({{.Lastmod.Format "2006"}})", "Lastmod", "2006"},
    {"{{\t.Date.Format\n\"2006\"\t}}", "Date", "2006"},
    // Function forms.
    {R"({{ dateFormat "Monday, Jan 2, 2006" .Date }})", "Date", "Monday, Jan 2, 2006"},
    {R"({{ time.Format "2006-01-02" .Lastmod }})", "Lastmod", "2006-01-02"},
    {R"({{ time.Format "2006" .Params.updated }})", ".Params.updated", "2006"},
    {R"({{ time.Format "2006" (time .Params.updated) }})", "(time .Params.updated)", "2006"},
    {R"({{ dateFormat "2006" now }})", "now", "2006"},
    // Pipe forms.
    {R"({{ .Date | time.Format ":date_long" }})", "Date", ":date_long"},
    {R"({{ .Lastmod | dateFormat "Jan 2, 2006" }})", "Lastmod", "Jan 2, 2006"},
    {R"({{- .Page.PublishDate | time.Format ":date_short" -}})", "PublishDate", ":date_short"},
    {R"({{ $updated | time.Format ":date_medium" }})", "$updated", ":date_medium"},
    // Other receivers keep their text.
    {R"({{ .Site.Lastmod.Format "2006" }})", ".Site.Lastmod", "2006"},
    {R"({{ $d.Format "2006" }})", "$d", "2006"},
    {R"({{ now.UTC.Format "2006" }})", "now.UTC", "2006"},
    // String literals: raw and escaped.
    {"{{ .Lastmod.Format `Jan 2, 2006` }}", "Lastmod", "Jan 2, 2006"},
    {R"({{ .Lastmod.Format "2006\t\"01\"\\02" }})", "Lastmod", "2006\t\"01\"\\02"},
    {R"({{ .Date.Format "2\u00a0Jan\x20\U0001F600\101" }})", "Date",
     "2\xc2\xa0Jan \xf0\x9f\x98\x80"
     "A"},
    {R"({{ dateFormat "a | b" .Date }})", "Date", "a | b"},
    // Not date expressions.
    {"{{ .Title }}", nullptr, nullptr},
    {R"({{ partial "x" . }})", nullptr, nullptr},
    {R"({{ .Lastmod }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format 2006 }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "2006" | upper }})", nullptr, nullptr},
    {R"({{ $d := .Lastmod.Format "2006" }})", nullptr, nullptr},
    {R"({{ time.Format "2006" }})", nullptr, nullptr},
    {R"({{ time.Format .Date "2006" }})", nullptr, nullptr},
    {R"({{ dateFormat "2006" "2026-11-28" }})", nullptr, nullptr},
    {R"({{ printf "%s" .Date }})", nullptr, nullptr},
    {R"({{ .Format "2006" }})", nullptr, nullptr},
    {R"({{ if .Lastmod.Format "2006" }})", nullptr, nullptr},
    {R"({{< figure src="x.png" >}})", nullptr, nullptr},
    {R"({{% notice %}})", nullptr, nullptr},
    {R"({{/* .Lastmod.Format "2006" */}})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "2006 }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "\q" }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "\400" }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "\uD800" }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "2006"x }})", nullptr, nullptr},
    {R"({{ .Lastmod.Format "2006")", nullptr, nullptr},
    {R"(.Lastmod.Format "2006")", nullptr, nullptr},
    {"{{}}", nullptr, nullptr},
    {"", nullptr, nullptr},
};

} // namespace

TEST_CASE("date expressions: table of actions") {
    for (const Case& c : kCases) {
        CAPTURE(c.action);
        std::optional<policyloc::DateExpression> got = date_expression_parse(c.action);
        if (c.field == nullptr) {
            CHECK_FALSE(got.has_value());
            if (got) MESSAGE("unexpected: field=" << got->field << " layout=" << got->layout);
            continue;
        }
        REQUIRE(got.has_value());
        CHECK(got->field == c.field);
        CHECK(got->layout == c.layout);
    }
}

TEST_CASE("date expressions: a trim dash needs a space") {
    // "{{-3}}" is the number -3, not a trim marker; nothing here is a date.
    CHECK_FALSE(date_expression_parse("{{-3}}").has_value());
    CHECK_FALSE(date_expression_parse(R"({{-.Lastmod.Format "2006"}})").has_value());
    CHECK(date_expression_parse("{{-\n.Lastmod.Format \"2006\"\n-}}").has_value());
}

TEST_CASE("date expressions: raw strings keep backslashes and drop carriage returns") {
    auto got = date_expression_parse("{{ .Date.Format `2006\\n\r01` }}");
    REQUIRE(got.has_value());
    CHECK(got->layout == "2006\\n01");
}
