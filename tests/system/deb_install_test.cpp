// The .deb that CPack makes, installed into a bare Debian 12 root (debootstrap, minbase) with
// dpkg -i, brings the libraries it depends on and runs there, in English and in German. Needs
// root, debootstrap and the Debian mirror; without them the test reports itself skipped.
#include <doctest/doctest.h>

#include <unistd.h>

#include "test_support.h"

using namespace policyloc::test;

TEST_CASE("deb: the package installs into a bare Debian 12 root and runs there") {
    if (geteuid() != 0) return skip("not root: debootstrap and chroot need it");
    if (!require_tool("debootstrap") || !require_tool("cpack") || !require_tool("dpkg-shlibdeps"))
        return;
    fs::path dir = temp_dir("deb-debian12");
    fs::path build = policyloc_exe().parent_path().parent_path();
    CommandResult pack = run("cd " + sh_quote(build) + " && cpack -G DEB -B " + sh_quote(dir));
    REQUIRE_MESSAGE(pack.exit_code == 0, (pack.out + pack.err));
    CommandResult deb = run("ls " + sh_quote(dir) + "/policyloc_*.deb");
    REQUIRE(deb.exit_code == 0);
    std::string file = deb.out.substr(0, deb.out.find('\n'));

    fs::path script = source_dir() / "tests" / "system" / "deb_in_debian12.sh";
    CommandResult r = run("timeout 840 " + sh_quote(script) + " " + sh_quote(file));
    if (r.exit_code == 77) return skip(r.err);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    size_t help = r.out.find("== help\n");
    REQUIRE(help != std::string::npos);
    std::string version = r.out.substr(0, help);
    std::string german = r.out.substr(help);
    CHECK_MESSAGE(version.find("== version\npolicyloc 0.1.0\n") != std::string::npos, r.out);
    CHECK_MESSAGE(german.find("Aufruf:") != std::string::npos, german);
    CHECK(german.find("Unterbefehle:") != std::string::npos);
    CHECK(german.find("Diese Hilfe anzeigen und beenden") != std::string::npos);
    CHECK(german.find("Usage:") == std::string::npos);
}
