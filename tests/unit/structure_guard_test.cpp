// The structure guard on hostile translations: each translation that would change the block
// tree falls back alone, however many there are and wherever they sit, found from one parse
// of the spliced page; a page never gains a byte order mark.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "policyloc/extract.h"
#include "policyloc/merge.h"

using namespace policyloc;

namespace {

// Merges `page` with a German catalog whose unit n (in page order) is translated as
// `translate(n, source)`; nullopt leaves it untranslated.
using Translate = std::function<std::optional<std::string>(size_t, const std::string&)>;

MergeResult merge_translated(const std::string& page, const Translate& translate) {
    ExtractOptions extract_options;
    extract_options.file_name = "page.md";
    ExtractResult ex = extract_page(page, extract_options);
    REQUIRE(ex.ok());
    Catalog de = ex.catalog;
    de.target_lang = "de";
    for (size_t i = 0; i < de.units().size(); ++i) {
        Unit& u = de.units()[i];
        if (std::optional<std::string> t = translate(i, u.source)) {
            u.target = *t;
            u.state = UnitState::translated;
        }
    }
    MergeOptions options;
    options.locale = "de";
    return merge_page(page, ex.skeleton, {{"de.po", &de}}, options);
}

size_t structure_fallbacks(const MergeResult& r) {
    auto it = r.stats.reasons.find(FallbackReason::would_change_structure);
    return it == r.stats.reasons.end() ? 0 : it->second;
}

std::string paragraphs(size_t n) {
    std::string page;
    for (size_t i = 0; i < n; ++i) page += "Paragraph " + std::to_string(i) + ".\n\n";
    return page;
}

} // namespace

TEST_CASE("structure guard: a blank first translation falls back alone among 20 paragraphs") {
    MergeResult r = merge_translated(paragraphs(20), [](size_t i, const std::string& s) {
        return std::optional<std::string>(i == 0 ? " " : "DE " + s);
    });
    REQUIRE(r.ok());
    CHECK(structure_fallbacks(r) == 1);
    CHECK(r.stats.translated == 19);
    CHECK(r.output.starts_with("Paragraph 0.\n\nDE Paragraph 1.\n"));
}

TEST_CASE("structure guard: every other and every one of 2000 translations broken") {
    for (size_t step : {1, 2, 7}) {
        MergeResult r = merge_translated(paragraphs(2000), [&](size_t i, const std::string& s) {
            return std::optional<std::string>(i % step == 0 ? " " : "DE " + s);
        });
        REQUIRE(r.ok());
        CHECK_MESSAGE(structure_fallbacks(r) == (2000 + step - 1) / step, "every " << step);
        CHECK(r.stats.translated == 2000 - (2000 + step - 1) / step);
        std::string kept = "\nParagraph " + std::to_string(step * 285) + ".\n";
        CHECK_MESSAGE(r.output.find(kept) != std::string::npos, kept);
    }
}

TEST_CASE("structure guard: a thematic break and a setext heading are no front matter") {
    std::string page = "---\nFoo\n---\n\nText.\n";
    MergeResult r = merge_translated(page, [](size_t i, const std::string& s) {
        return std::optional<std::string>(i == 0 ? "Titel: Foo" : "DE " + s);
    });
    REQUIRE(r.ok());
    CHECK(structure_fallbacks(r) == 1);
    CHECK(r.output == "---\nFoo\n---\n\nDE Text.\n");
}

TEST_CASE("structure guard: a page without a byte order mark does not gain one") {
    std::string page = "First para.\n\nSecond para.\n";
    MergeResult r = merge_translated(page, [](size_t i, const std::string& s) {
        return std::optional<std::string>(i == 0 ? "\xEF\xBB\xBF\xEF\xBB\xBF" : "DE " + s);
    });
    REQUIRE(r.ok());
    CHECK(structure_fallbacks(r) == 1);
    CHECK(r.output == "First para.\n\nDE Second para.\n");
}

TEST_CASE("structure guard: a page with a byte order mark keeps it, whatever the translation") {
    std::string page = "\xEF\xBB\xBFHello world\n";
    for (const char* t : {"H", "Hallo Welt"}) {
        MergeResult r = merge_translated(
            page, [&](size_t, const std::string&) { return std::optional<std::string>(t); });
        REQUIRE(r.ok());
        CHECK(r.output == std::string("\xEF\xBB\xBF") + t + "\n");
    }
}
