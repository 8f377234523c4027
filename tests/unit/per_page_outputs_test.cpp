// extract --per-page: one template per page, named after the page; two pages with one name are
// refused before anything is written.
#include "policyloc/per_page_outputs.h"

#include <doctest/doctest.h>

using namespace policyloc;

TEST_CASE("per-page outputs: one per page, named after its stem") {
    PerPageOutputs r = per_page_outputs({"a/privacy.md", "b/terms.md"}, "out", "pot");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.outputs.size() == 2);
    CHECK(r.outputs[0].output == "out/privacy.pot");
    CHECK(r.outputs[1].output == "out/terms.pot");
    CHECK(r.outputs[1].page == "b/terms.md");
}

TEST_CASE("per-page outputs: two pages of the same file name are refused, naming both") {
    PerPageOutputs r = per_page_outputs({"a/privacy.md", "b/privacy.md", "c.md"}, "out", "xlf");
    CHECK(r.outputs.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::error);
    CHECK(r.diagnostics[0].file == "b/privacy.md");
    CHECK(r.diagnostics[0].message.find("a/privacy.md") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("out/privacy.xlf") != std::string::npos);
}

TEST_CASE("per-page outputs: the same page twice is written once") {
    PerPageOutputs r = per_page_outputs({"a/privacy.md", "a/privacy.md"}, "out", "pot");
    CHECK(r.diagnostics.empty());
    CHECK(r.outputs.size() == 1);
}
