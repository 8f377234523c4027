// Hostile XLIFF through the CLI under a memory limit (prlimit): huge attributes are read in
// time and memory linear in their size; deep nesting stops with a diagnostic naming the line.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "test_support.h"

namespace t = policyloc::test;

namespace {

// A 1.2 document whose unit has a resname (the context) and a note of `size` bytes each.
std::string huge_attribute_xliff(size_t size) {
    const std::string big(size, 'a');
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" "
           "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"" +
           big + "\" source-language=\"en\" target-language=\"de\" datatype=\"x-markdown\">" +
           "<body>\n<trans-unit id=\"u1\" resname=\"" + big + "\"><source>Text</source>" +
           "<target state=\"translated\">Text</target></trans-unit>\n</body></file></xliff>\n";
}

// 1.5 GB of address space: a reader that copies a huge attribute a few times stays below it.
const char* limit = "prlimit --as=1500000000 --cpu=120 ";

} // namespace

TEST_CASE("xliff hostile: huge attributes convert under a memory limit, in linear time") {
    if (!t::require_tool("prlimit")) return;
    t::fs::path dir = t::temp_dir("xliff_hostile_attr");
    double seconds[2] = {0, 0};
    const size_t sizes[2] = {8u << 20, 32u << 20};
    for (int i = 0; i < 2; ++i) {
        const t::fs::path in = dir / ("big" + std::to_string(i) + ".xlf");
        const t::fs::path out = dir / ("big" + std::to_string(i) + ".po");
        t::write_file(in, huge_attribute_xliff(sizes[i]));
        const auto start = std::chrono::steady_clock::now();
        auto r = t::run(std::string(limit) + t::sh_quote(t::policyloc_exe()) + " convert " +
                        t::sh_quote(in) + " " + t::sh_quote(out));
        seconds[i] =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(t::read_file(out).find("aaaaaaaaaaaaaaaa") != std::string::npos);
        MESSAGE("attribute of " << (sizes[i] >> 20) << " MB: " << seconds[i] << " s");
    }
    // Four times the size takes nowhere near sixteen times the time (with room for load).
    CHECK(seconds[1] < 10 * seconds[0] + 2.0);
}

TEST_CASE("xliff hostile: 8,000 nested groups and 30,000 nested <g> stop with file:line") {
    if (!t::require_tool("prlimit")) return;
    t::fs::path dir = t::temp_dir("xliff_hostile_deep");
    std::string groups = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
                         "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"p\" "
                         "source-language=\"en\" datatype=\"x\"><body>\n";
    for (int i = 0; i < 8000; ++i) groups += "<group>";
    for (int i = 0; i < 8000; ++i) groups += "</group>";
    groups += "\n</body></file></xliff>\n";
    t::write_file(dir / "groups.xlf", groups);
    std::string inl = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
                      "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"p\" "
                      "source-language=\"en\" datatype=\"x\"><body>\n<trans-unit id=\"a\">\n"
                      "<source>";
    for (int i = 0; i < 30000; ++i) inl += "<g id=\"g\">";
    inl += "x";
    for (int i = 0; i < 30000; ++i) inl += "</g>";
    inl += "</source></trans-unit>\n</body></file></xliff>\n";
    t::write_file(dir / "inline.xlf", inl);
    for (const auto& [name, line] : {std::pair{"groups.xlf", 4}, std::pair{"inline.xlf", 5}}) {
        CAPTURE(name);
        auto r = t::run(std::string(limit) + "--stack=1048576 " + t::sh_quote(t::policyloc_exe()) +
                        " convert " + t::sh_quote(dir / name) + " " + t::sh_quote(dir / "out.po"));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(std::string(name) + ":" + std::to_string(line) + ":") !=
              std::string::npos);
        CHECK(r.err.find("nested deeper than 1000 levels") != std::string::npos);
        CHECK_FALSE(t::fs::exists(dir / "out.po"));
    }
}
