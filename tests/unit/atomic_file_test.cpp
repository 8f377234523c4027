// AtomicFile: the temporary file lies beside the destination and is locked while in use; stale
// ones of ours are removed by the next write; symbolic links are written through; owner and
// mode are kept; a hard-linked destination is replaced with a warning.
#include "policyloc/atomic_file.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "policyloc/file_io.h"
#include "test_support.h"

using namespace policyloc;
namespace t = policyloc::test;
namespace fs = std::filesystem;

namespace {

int temps_in(const fs::path& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

} // namespace

TEST_CASE("atomic file: a stale temporary file is removed, one held by a writer is not") {
    fs::path dir = t::temp_dir("atomic-stale");
    fs::path out = dir / "out.po";
    t::write_file(dir / ".out.po.tmp-AbC123", "left by a killed process");
    t::write_file(dir / ".out.po.tmp-Held42", "being written");
    t::write_file(dir / ".other.po.tmp-XyZ987", "another destination's");
    t::write_file(dir / ".out.po.tmp-toolongname", "not ours");
    int held = ::open((dir / ".out.po.tmp-Held42").c_str(), O_RDONLY);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);

    FileWriteResult r = file_write_atomic(out.string(), "new\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(t::read_file(out) == "new\n");
    CHECK_FALSE(fs::exists(dir / ".out.po.tmp-AbC123"));
    CHECK(fs::exists(dir / ".out.po.tmp-Held42"));
    CHECK(fs::exists(dir / ".other.po.tmp-XyZ987"));
    CHECK(fs::exists(dir / ".out.po.tmp-toolongname"));
    ::close(held);
    CHECK(file_clear_stale_temps(out.string()) == 1);
    CHECK(temps_in(dir) == 2);
}

TEST_CASE("atomic file: an uncommitted temporary file is removed, a committed one renamed") {
    fs::path dir = t::temp_dir("atomic-commit");
    fs::path out = dir / "out.txt";
    Diagnostics ds;
    {
        AtomicFile f;
        REQUIRE(f.open(out.string(), ds));
        CHECK(fs::path(f.temp_path()).parent_path() == dir);
        CHECK(temps_in(dir) == 1);
    }
    CHECK(temps_in(dir) == 0);
    CHECK_FALSE(fs::exists(out));
    AtomicFile f;
    REQUIRE(f.open(out.string(), ds));
    REQUIRE(::write(f.fd(), "abc", 3) == 3);
    CHECK(f.commit().outcome == WriteOutcome::written);
    CHECK(t::read_file(out) == "abc");
    AtomicFile same;
    REQUIRE(same.open(out.string(), ds));
    REQUIRE(::write(same.fd(), "abc", 3) == 3);
    CHECK(same.commit().outcome == WriteOutcome::unchanged);
    CHECK(temps_in(dir) == 0);
}

TEST_CASE("atomic file: a symbolic link is written through and stays a link") {
    fs::path dir = t::temp_dir("atomic-symlink");
    fs::create_directories(dir / "real");
    t::write_file(dir / "real/page.de.md", "old\n");
    fs::create_symlink("real/page.de.md", dir / "link.md");
    fs::create_symlink("link.md", dir / "link2.md"); // a chain
    FileWriteResult r = file_write_atomic((dir / "link2.md").string(), "new\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(fs::is_symlink(dir / "link.md"));
    CHECK(fs::is_symlink(dir / "link2.md"));
    CHECK(t::read_file(dir / "real/page.de.md") == "new\n");
    CHECK(temps_in(dir) == 0);
    CHECK(temps_in(dir / "real") == 0);
    CHECK(file_same((dir / "link2.md").string(), (dir / "real/page.de.md").string()));
    CHECK_FALSE(file_same((dir / "link2.md").string(), (dir / "missing").string()));
}

TEST_CASE("atomic file: a hard-linked output is replaced, with a warning for the other names") {
    fs::path dir = t::temp_dir("atomic-hardlink");
    t::write_file(dir / "a.md", "old\n");
    fs::create_hard_link(dir / "a.md", dir / "b.md");
    FileWriteResult r = file_write_atomic((dir / "a.md").string(), "new\n");
    CHECK(r.outcome == WriteOutcome::written);
    CHECK(t::read_file(dir / "a.md") == "new\n");
    CHECK(t::read_file(dir / "b.md") == "old\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("hard link") != std::string::npos);
}

TEST_CASE("atomic file: owner and mode of an existing output are kept") {
    fs::path dir = t::temp_dir("atomic-owner");
    fs::path out = dir / "out.po";
    t::write_file(out, "old\n");
    REQUIRE(::chmod(out.c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(out.c_str(), 65534, 65534) == 0);
    CHECK(file_write_atomic(out.string(), "new\n").outcome == WriteOutcome::written);
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    if (root) {
        CHECK(st.st_uid == 65534);
        CHECK(st.st_gid == 65534);
    }
}
