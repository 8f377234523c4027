// Inline code kinds: display names and reading them back.
#include <doctest/doctest.h>

#include <string>

#include "policyloc/catalog.h"

using namespace policyloc;

TEST_CASE("code kind: every kind's name reads back as that kind") {
    for (int k = 0; k <= static_cast<int>(CodeKind::other); ++k) {
        const auto kind = static_cast<CodeKind>(k);
        const std::string name = code_kind_name(kind);
        INFO(name);
        CHECK_FALSE(name.empty());
        CHECK(code_kind_from_name(name) == kind);
        const InlineCode code = inline_code_named(1, 2, name);
        CHECK(code.kind == kind);
        CHECK(code.kind_name() == name);
    }
    CHECK(std::string(code_kind_name(CodeKind::date)) == "date, written per locale");
}

TEST_CASE("code kind: an unknown name is other and keeps its name") {
    CHECK(code_kind_from_name("bold") == CodeKind::other);
    CHECK(code_kind_from_name("") == CodeKind::other);
    CHECK(code_kind_from_name("Code Span") == CodeKind::other);

    const InlineCode bold = inline_code_named(0, 4, "bold");
    CHECK(bold.kind == CodeKind::other);
    CHECK(bold.other_name == "bold");
    CHECK(bold.kind_name() == "bold");

    const InlineCode known = inline_code_named(0, 4, "code span");
    CHECK(known.kind == CodeKind::code_span);
    CHECK(known.other_name.empty());
}
