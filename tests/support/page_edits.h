// Random revisions of a Markdown page, as an author revising a policy makes them: insert a
// paragraph, delete one, move a section, reword a few words, rewrap a paragraph, rename a
// heading, change a front-matter value, revert an earlier edit. Deterministic: the same page and
// seed give the same edits on every platform (own generator, no std distributions).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace policyloc::test {

// xorshift64*: small, fast and the same everywhere.
class Random {
  public:
    explicit Random(std::uint64_t seed);
    std::uint64_t next();
    size_t below(size_t n); // in [0, n); 0 when n is 0
    bool chance(unsigned percent);

  private:
    std::uint64_t state_;
};

enum class EditKind { insert, remove, move, reword, rewrap, rename_heading, front_matter, revert };
inline constexpr EditKind kAllEditKinds[] = {
    EditKind::insert, EditKind::remove,         EditKind::move,         EditKind::reword,
    EditKind::rewrap, EditKind::rename_heading, EditKind::front_matter, EditKind::revert};
const char* edit_kind_name(EditKind kind);

struct PageEdit {
    EditKind kind = EditKind::reword;
    std::string before; // the page text replaced (empty for an insertion)
    std::string after;  // what replaced it (empty for a deletion)
    // Whether the edit changes no unit's text: rewrapping and moving (the set of units stays).
    bool keeps_units() const { return kind == EditKind::rewrap || kind == EditKind::move; }
};

// Edits one page in place, one random edit at a time. Every edit leaves a page that extracts.
class PageEditor {
  public:
    PageEditor(std::string page, std::string file_name, std::uint64_t seed);

    // One random edit (reword is the most frequent kind), or none when the page offers no
    // place for any kind.
    std::optional<PageEdit> step();
    // An edit of the given kind, if the page has a place for it.
    std::optional<PageEdit> apply(EditKind kind);

    const std::string& page() const { return page_; }

  private:
    std::string page_;
    std::string file_name_;
    Random random_;
    std::vector<PageEdit> history_;
    std::vector<std::string> words_;      // the page's own words, for rewording and new text
    std::vector<std::string> paragraphs_; // the first page's paragraphs, to bring one back

    std::optional<PageEdit> try_kind(EditKind kind);
    bool commit(PageEdit edit, size_t at);
};

// A page and the versions a script of random edits makes of it: pages[0] is the page as given,
// pages[i] the page after edits[i - 1].
struct EditScript {
    std::vector<std::string> pages;
    std::vector<PageEdit> edits;
};
EditScript edit_script(const std::string& page, const std::string& file_name, std::uint64_t seed,
                       size_t edits);

// Hugo corpus pages (../shared/corpus/hugo) of at most `max_bytes` with at least `min_units`
// units, in path order: pages a script of edits can work on in a test's time.
std::vector<std::filesystem::path> corpus_pages_for_edits(size_t max_bytes, size_t min_units);

} // namespace policyloc::test
