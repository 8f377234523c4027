// The gettext glue of base/i18n.h: placeholders filled in order and by position, and where a
// program finds its catalogs (build tree or install prefix).
#include <doctest/doctest.h>

#include "policyloc/check_wording.h"
#include "policyloc/i18n.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("i18n_substitute: %s in order, %N$s by position, %% as a percent sign") {
    CHECK(i18n_substitute("the %s of %s", {"number", "the source"}) == "the number of the source");
    CHECK(i18n_substitute("%2$s vor %1$s", {"a", "b"}) == "b vor a");
    CHECK(i18n_substitute("%s%% translated, below %s%%", {"87.5", "90"}) ==
          "87.5% translated, below 90%");
    CHECK(i18n_substitute("no placeholder", {"x"}) == "no placeholder");
    CHECK(i18n_substitute("missing '%s' and '%s'", {"one"}) == "missing 'one' and ''");
    CHECK(i18n_substitute("a trailing %", {}) == "a trailing %");
    CHECK(i18n_substitute("%d stays", {"x"}) == "%d stays");
}

TEST_CASE("i18n_format: printf into a string of any length") {
    CHECK(i18n_format("%zu units, %.1f%%", size_t{3}, 87.25) == "3 units, 87.2%");
    std::string long_text(5000, 'x');
    CHECK(i18n_format("<%s>", long_text.c_str()) == "<" + long_text + ">");
    CHECK(i18n_format("%s", "") == "");
}

TEST_CASE("i18n_locale_dir: the build tree's locale folder, else the prefix's share/locale") {
    fs::path dir = temp_dir("i18n-locale-dir");
    fs::create_directories(dir / "build" / "tools");
    write_file(dir / "build" / "CMakeCache.txt", "");
    CHECK(i18n_locale_dir((dir / "build" / "tools" / "policyloc").string()) ==
          (dir / "build" / "locale").string());
    fs::create_directories(dir / "prefix" / "bin");
    CHECK(i18n_locale_dir((dir / "prefix" / "bin" / "policyloc").string()) ==
          (dir / "prefix" / "share" / "locale").string());
    CHECK(i18n_locale_dir("/usr/bin/policyloc") == "/usr/share/locale");
}

TEST_CASE("check_wording: without a locale set, the message and the text are the same English") {
    Wording w = check_wording("the number %s of the source is missing", {"42"});
    CHECK(w.message == "the number 42 of the source is missing");
    CHECK(w.text == w.message);
}
