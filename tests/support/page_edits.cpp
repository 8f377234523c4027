#include "page_edits.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <variant>

#include "policyloc/extract.h"
#include "test_support.h"

namespace policyloc::test {

Random::Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}

std::uint64_t Random::next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1Dull;
}

size_t Random::below(size_t n) {
    return n == 0 ? 0 : static_cast<size_t>(next() % n);
}

bool Random::chance(unsigned percent) {
    return below(100) < percent;
}

const char* edit_kind_name(EditKind kind) {
    switch (kind) {
    case EditKind::insert:
        return "insert";
    case EditKind::remove:
        return "delete";
    case EditKind::move:
        return "move";
    case EditKind::reword:
        return "reword";
    case EditKind::rewrap:
        return "rewrap";
    case EditKind::rename_heading:
        return "rename heading";
    case EditKind::front_matter:
        return "front matter";
    case EditKind::revert:
        return "revert";
    }
    return "?";
}

namespace {

struct Range {
    size_t begin = 0;
    size_t end = 0;
};

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Where an author's change to `text` could alter text translators must keep: code spans,
// template actions and shortcodes, HTML tags, link destinations and labels, footnote
// references, attributes, entities, escapes and URLs. True for each such byte.
std::vector<bool> protected_bytes(std::string_view text) {
    std::vector<bool> mark(text.size(), false);
    auto cover = [&](size_t b, size_t e) {
        for (size_t i = b; i < std::min(e, text.size()); ++i) mark[i] = true;
    };
    // One past the first `what` from `from`; without one, the opening is literal: `from`.
    auto closing = [&](size_t from, std::string_view what) {
        size_t at = text.find(what, from);
        return at == std::string_view::npos ? from : at + what.size();
    };
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        size_t end = i; // nothing protected here unless a construct opens
        if (c == '`') {
            size_t run = text.find_first_not_of('`', i) - i;
            if (i + run > text.size()) run = text.size() - i;
            end = closing(i + run, text.substr(i, run));
        } else if (text.substr(i, 2) == "{{") {
            end = closing(i + 2, "}}");
        } else if (c == '<' || c == '{' || (c == '[' && text.substr(i, 2) == "[^")) {
            end = closing(i + 1, c == '<' ? ">" : c == '{' ? "}" : "]");
        } else if (c == ']' && i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == '[')) {
            end = closing(i + 2, text[i + 1] == '(' ? ")" : "]");
        } else if (c == '&' || c == '\\') {
            end = c == '&' ? std::min(closing(i, ";"), i + 10) : i + 2;
        } else if (text.substr(i, 4) == "http" || text.substr(i, 4) == "www.") {
            end = text.find_first_of(" \n\t", i);
            if (end == std::string_view::npos) end = text.size();
        }
        cover(i, end);
        i = std::max(end, i + 1);
    }
    return mark;
}

// ASCII words of `text` an author could change without touching protected text; `spaced`: only
// words with a space on both sides (those can be deleted, or have a word inserted after them).
std::vector<Range> changeable_words(std::string_view text, bool spaced) {
    const std::vector<bool> prot = protected_bytes(text);
    const std::string_view before_ok = " \n(\"*", after_ok = " \n.,;:!?)\"*";
    std::vector<Range> out;
    for (size_t i = 0; i < text.size();) {
        if (!is_letter(text[i])) {
            ++i;
            continue;
        }
        size_t e = i;
        bool clean = true;
        for (; e < text.size() && is_letter(text[e]); ++e)
            if (prot[e]) clean = false;
        const char prev = i == 0 ? ' ' : text[i - 1];
        const char next = e == text.size() ? ' ' : text[e];
        const char after_next = e + 1 >= text.size() ? ' ' : text[e + 1];
        bool ok = clean && e - i >= 2 && before_ok.find(prev) != std::string_view::npos &&
                  after_ok.find(next) != std::string_view::npos &&
                  !(std::string_view(".:").find(next) != std::string_view::npos &&
                    after_next != ' ' && after_next != '\n');
        if (spaced) ok = ok && i > 0 && text[i - 1] == ' ' && e < text.size() && text[e] == ' ';
        if (ok) out.push_back({i, e});
        i = e;
    }
    return out;
}

const std::set<std::string_view> yaml_words = {"yes", "no", "on", "off", "true", "false", "null"};

const std::vector<std::string> extra_words = {
    "promptly", "securely", "additional", "reasonable", "relevant", "applicable", "written",
    "lawful",   "limited",  "specific",   "personal",   "requests", "partners",   "records"};

std::string capitalized(std::string w) {
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

struct PageView {
    Skeleton skeleton;
    bool ok = false;
};

PageView parse(const std::string& page, const std::string& file_name) {
    ExtractOptions o;
    o.file_name = file_name;
    ExtractResult r = extract_page(page, o);
    return {std::move(r.skeleton), r.ok()};
}

size_t line_begin(const std::string& page, size_t pos) {
    size_t nl = pos == 0 ? std::string::npos : page.rfind('\n', pos - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

size_t line_end(const std::string& page, size_t pos) { // one past the '\n'
    size_t nl = page.find('\n', pos);
    return nl == std::string::npos ? page.size() : nl + 1;
}

bool blank_line_before(const std::string& page, size_t line_start, size_t body_begin) {
    if (line_start <= body_begin) return true;
    size_t prev = line_begin(page, line_start - 1);
    return page.find_first_not_of(" \t\r\n", prev) >= line_start;
}

bool top_level_paragraph(const UnitSlot& s) {
    return s.block_kind == "paragraph" && s.prefix.empty() && s.first_line_columns == 0;
}

bool atx_heading(const std::string& page, const UnitSlot& s) {
    return s.heading && !s.setext_heading && page[line_begin(page, s.span.begin)] == '#';
}

int heading_level(const std::string& page, size_t line_start) {
    return static_cast<int>(page.find_first_not_of('#', line_start) - line_start);
}

std::vector<const UnitSlot*> unit_slots(const Skeleton& sk) {
    std::vector<const UnitSlot*> out;
    for (const Slot& s : sk.slots)
        if (const auto* u = std::get_if<UnitSlot>(&s)) out.push_back(u);
    return out;
}

} // namespace

PageEditor::PageEditor(std::string page, std::string file_name, std::uint64_t seed)
    : page_(std::move(page)), file_name_(std::move(file_name)), random_(seed) {
    std::set<std::string> seen;
    for (const Range& w : changeable_words(page_, false)) {
        std::string word = page_.substr(w.begin, w.end - w.begin);
        for (char& c : word)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (word.size() >= 3 && word.size() <= 12 && !yaml_words.count(word) &&
            seen.insert(word).second)
            words_.push_back(word);
    }
    for (const std::string& w : extra_words)
        if (seen.insert(w).second) words_.push_back(w);
    PageView view = parse(page_, file_name_);
    for (const UnitSlot* u : unit_slots(view.skeleton))
        if (u->block_kind == "paragraph" && !u->hard_breaks)
            paragraphs_.push_back(page_.substr(u->span.begin, u->span.end - u->span.begin));
}

std::optional<PageEdit> PageEditor::step() {
    // Rewording is what revisions mostly are; the other kinds come half as often.
    static constexpr EditKind weighted[] = {
        EditKind::reword, EditKind::reword,         EditKind::reword,       EditKind::insert,
        EditKind::remove, EditKind::move,           EditKind::rewrap,       EditKind::rewrap,
        EditKind::revert, EditKind::rename_heading, EditKind::front_matter, EditKind::revert};
    for (int attempt = 0; attempt < 40; ++attempt) {
        EditKind kind = weighted[random_.below(std::size(weighted))];
        if (auto e = try_kind(kind)) return e;
    }
    for (EditKind kind : kAllEditKinds)
        if (auto e = try_kind(kind)) return e;
    return std::nullopt;
}

std::optional<PageEdit> PageEditor::apply(EditKind kind) {
    for (int attempt = 0; attempt < 20; ++attempt)
        if (auto e = try_kind(kind)) return e;
    return std::nullopt;
}

bool PageEditor::commit(PageEdit edit, size_t at) {
    std::string next = page_;
    next.replace(at, edit.before.size(), edit.after);
    if (next == page_ || !parse(next, file_name_).ok) return false;
    page_ = std::move(next);
    history_.push_back(std::move(edit));
    return true;
}

namespace {

// A few word changes (replace, insert after, delete) in `text`; empty when it has no word.
std::string reword_text(std::string text, Random& random, const std::vector<std::string>& words,
                        bool allow_delete) {
    const size_t ops = 1 + (random.chance(40) ? 1 + random.below(2) : 0);
    bool changed = false;
    for (size_t op = 0; op < ops; ++op) {
        const unsigned what = static_cast<unsigned>(random.below(allow_delete ? 3 : 2));
        std::vector<Range> found = changeable_words(text, what != 0);
        if (found.empty()) continue;
        const Range w = found[random.below(found.size())];
        std::string word = words[random.below(words.size())];
        const std::string old = text.substr(w.begin, w.end - w.begin);
        if (what == 0) { // replace
            if (old[0] >= 'A' && old[0] <= 'Z') word = capitalized(word);
            if (word == old) continue;
            text.replace(w.begin, w.end - w.begin, word);
        } else if (what == 1) { // insert after
            text.insert(w.end, " " + word);
        } else { // delete, with the space before it
            text.erase(w.begin - 1, w.end - w.begin + 1);
        }
        changed = true;
    }
    return changed ? text : std::string();
}

// The text of a paragraph on one line: line breaks and the prefixes after them as one space.
std::string folded(std::string_view raw) {
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\n') {
            out += raw[i];
            continue;
        }
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
        while (i + 1 < raw.size() && (raw[i + 1] == ' ' || raw[i + 1] == '\t' || raw[i + 1] == '>'))
            ++i;
        out += ' ';
    }
    return out;
}

// `text` broken into lines of at most `width` columns (the first `first_columns` narrower) at
// single spaces outside protected text before a letter, continuation lines after `prefix`.
std::string wrapped(const std::string& text, size_t width, size_t first_columns,
                    const std::string& prefix) {
    const std::vector<bool> prot = protected_bytes(text);
    std::string out;
    size_t line_start = 0, last_break = std::string::npos, columns = first_columns;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool can_break = text[i] == ' ' && i > 0 && i + 1 < text.size() && !prot[i] &&
                               text[i - 1] != ' ' && text[i - 1] != '\\' && is_letter(text[i + 1]);
        if (can_break) {
            if (columns + (i - line_start) > width && last_break != std::string::npos) {
                out += text.substr(line_start, last_break - line_start) + "\n" + prefix;
                line_start = last_break + 1;
                columns = prefix.size();
            }
            last_break = i;
        }
    }
    if (columns + (text.size() - line_start) > width && last_break != std::string::npos &&
        last_break >= line_start) {
        out += text.substr(line_start, last_break - line_start) + "\n" + prefix;
        line_start = last_break + 1;
    }
    return out + text.substr(line_start);
}

} // namespace

std::optional<PageEdit> PageEditor::try_kind(EditKind kind) {
    PageView view = parse(page_, file_name_);
    if (!view.ok) return std::nullopt;
    const Skeleton& sk = view.skeleton;
    std::vector<const UnitSlot*> units = unit_slots(sk);
    auto replace_span = [&](EditKind k, size_t b, size_t e, std::string after) {
        PageEdit edit{k, page_.substr(b, e - b), std::move(after)};
        return commit(std::move(edit), b) ? std::optional<PageEdit>(history_.back()) : std::nullopt;
    };
    // Places a new block can go: the start of a top-level heading or paragraph after a blank
    // line, and the end of the page.
    auto insertion_points = [&]() {
        std::vector<size_t> points;
        for (const UnitSlot* u : units) {
            size_t l = line_begin(page_, u->span.begin);
            if ((top_level_paragraph(*u) || atx_heading(page_, *u)) &&
                blank_line_before(page_, l, sk.body_begin))
                points.push_back(l);
        }
        if (!page_.empty() && page_.back() == '\n') points.push_back(page_.size());
        return points;
    };
    auto insert_block = [&](EditKind k, size_t at, std::string block) {
        std::string text = at == page_.size() ? "\n" + block + "\n" : block + "\n\n";
        PageEdit edit{k, "", text};
        return commit(std::move(edit), at) ? std::optional<PageEdit>(history_.back())
                                           : std::nullopt;
    };

    switch (kind) {
    case EditKind::reword:
    case EditKind::rename_heading: {
        std::vector<const UnitSlot*> c;
        for (const UnitSlot* u : units)
            if (u->heading == (kind == EditKind::rename_heading)) c.push_back(u);
        if (c.empty()) return std::nullopt;
        const UnitSlot* u = c[random_.below(c.size())];
        std::string text = page_.substr(u->span.begin, u->span.end - u->span.begin);
        std::string after = reword_text(text, random_, words_, true);
        if (after.empty()) return std::nullopt;
        return replace_span(kind, u->span.begin, u->span.end, after);
    }
    case EditKind::front_matter: {
        std::vector<const FieldSlot*> c;
        for (const Slot& s : sk.slots)
            if (const auto* f = std::get_if<FieldSlot>(&s)) c.push_back(f);
        if (c.empty()) return std::nullopt;
        const FieldSlot* f = c[random_.below(c.size())];
        std::string text = page_.substr(f->span.begin, f->span.end - f->span.begin);
        std::string after = reword_text(text, random_, words_, false);
        if (after.empty()) return std::nullopt;
        return replace_span(kind, f->span.begin, f->span.end, after);
    }
    case EditKind::rewrap: {
        std::vector<const UnitSlot*> c;
        for (const UnitSlot* u : units)
            if (!u->heading && !u->table_cell && !u->hard_breaks &&
                u->prefix.find_first_not_of(" >") == std::string::npos &&
                u->span.end - u->span.begin > 60)
                c.push_back(u);
        if (c.empty()) return std::nullopt;
        const UnitSlot* u = c[random_.below(c.size())];
        std::string text = folded(page_.substr(u->span.begin, u->span.end - u->span.begin));
        std::string after = wrapped(text, 30 + random_.below(70), u->first_line_columns, u->prefix);
        return replace_span(kind, u->span.begin, u->span.end, after);
    }
    case EditKind::insert: {
        std::vector<size_t> points = insertion_points();
        const size_t at = points[random_.below(points.size())];
        std::string block;
        std::vector<std::string> paragraphs;
        for (const UnitSlot* u : units)
            if (u->block_kind == "paragraph" && !u->hard_breaks)
                paragraphs.push_back(page_.substr(u->span.begin, u->span.end - u->span.begin));
        const size_t choice = random_.below(100);
        if (choice < 25 && !paragraphs.empty()) { // a paragraph much like one of the page
            block = reword_text(folded(paragraphs[random_.below(paragraphs.size())]), random_,
                                words_, true);
        } else if (choice < 50 && !paragraphs_.empty()) { // one the page had, deleted if any
            std::vector<std::string> gone;
            for (const std::string& p : paragraphs_)
                if (std::find(paragraphs.begin(), paragraphs.end(), p) == paragraphs.end())
                    gone.push_back(p);
            const std::vector<std::string>& from = gone.empty() ? paragraphs_ : gone;
            block = reword_text(folded(from[random_.below(from.size())]), random_, words_, true);
        } else if (choice < 85) { // a new sentence
            const size_t n = 6 + random_.below(25);
            for (size_t i = 0; i < n; ++i)
                block += (i ? " " : "") + words_[random_.below(words_.size())];
            block = capitalized(block) + ".";
        } else { // a new heading
            block = "## " + capitalized(words_[random_.below(words_.size())]) + " " +
                    words_[random_.below(words_.size())];
        }
        if (block.empty()) return std::nullopt;
        return insert_block(kind, at, block);
    }
    case EditKind::remove: {
        std::vector<const UnitSlot*> c;
        for (const UnitSlot* u : units)
            if (top_level_paragraph(*u) || atx_heading(page_, *u) || u->block_kind == "list item")
                c.push_back(u);
        if (c.empty()) return std::nullopt;
        const UnitSlot* u = c[random_.below(c.size())];
        size_t b = line_begin(page_, u->span.begin);
        size_t e = line_end(page_, u->span.end == 0 ? 0 : u->span.end - 1);
        if (u->block_kind != "list item" && e < page_.size() &&
            page_.find_first_not_of(" \t\r", e) == page_.find('\n', e))
            e = line_end(page_, e); // the blank line after it too
        return replace_span(kind, b, e, "");
    }
    case EditKind::move: {
        // A section (a top-level heading and what follows, up to the next heading of its level
        // or above) goes before another heading of its level or above, or to the end.
        std::vector<size_t> heads;
        for (const UnitSlot* u : units)
            if (atx_heading(page_, *u)) heads.push_back(line_begin(page_, u->span.begin));
        if (heads.size() < 2) return std::nullopt;
        const size_t i = random_.below(heads.size());
        const int level = heading_level(page_, heads[i]);
        size_t end = page_.size();
        for (size_t j = i + 1; j < heads.size(); ++j)
            if (heading_level(page_, heads[j]) <= level) {
                end = heads[j];
                break;
            }
        std::vector<size_t> targets;
        for (size_t h : heads)
            if ((h < heads[i] || h >= end) && heading_level(page_, h) <= level)
                targets.push_back(h);
        if (end != page_.size()) targets.push_back(page_.size());
        if (targets.empty()) return std::nullopt;
        size_t to = targets[random_.below(targets.size())];
        std::string section = page_.substr(heads[i], end - heads[i]);
        if (section.back() != '\n') section += '\n';
        std::string moved = page_;
        moved.erase(heads[i], end - heads[i]);
        if (to > heads[i]) to -= end - heads[i];
        if (to == moved.size()) {
            if (moved.size() >= 2 && moved.substr(moved.size() - 2) != "\n\n") moved += '\n';
            to = moved.size();
        }
        moved.insert(to, section);
        // Recorded as a change of the whole body, so that it can be reverted as one.
        PageEdit edit{kind, page_.substr(sk.body_begin), moved.substr(sk.body_begin)};
        return commit(std::move(edit), sk.body_begin) ? std::optional<PageEdit>(history_.back())
                                                      : std::nullopt;
    }
    case EditKind::revert: {
        std::vector<size_t> c;
        for (size_t h = 0; h < history_.size(); ++h) {
            const PageEdit& e = history_[h];
            if (e.kind == EditKind::revert || e.kind == EditKind::remove || e.after.empty())
                continue;
            size_t at = page_.find(e.after);
            if (at != std::string::npos && page_.find(e.after, at + 1) == std::string::npos)
                c.push_back(h);
        }
        if (c.empty()) return std::nullopt;
        const PageEdit& e = history_[c[random_.below(c.size())]];
        PageEdit edit{kind, e.after, e.before};
        size_t at = page_.find(e.after);
        return commit(std::move(edit), at) ? std::optional<PageEdit>(history_.back())
                                           : std::nullopt;
    }
    }
    return std::nullopt;
}

EditScript edit_script(const std::string& page, const std::string& file_name, std::uint64_t seed,
                       size_t edits) {
    EditScript script;
    script.pages.push_back(page);
    PageEditor editor(page, file_name, seed);
    for (size_t i = 0; i < edits; ++i) {
        std::optional<PageEdit> e = editor.step();
        if (!e) break;
        script.edits.push_back(std::move(*e));
        script.pages.push_back(editor.page());
    }
    return script;
}

std::vector<std::filesystem::path> corpus_pages_for_edits(size_t max_bytes, size_t min_units) {
    std::vector<fs::path> pages;
    const fs::path root = shared_dir() / "corpus" / "hugo";
    if (!fs::is_directory(root)) return pages;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".md" && e.file_size() <= max_bytes)
            pages.push_back(e.path());
    std::sort(pages.begin(), pages.end());
    std::vector<fs::path> out;
    for (const fs::path& p : pages) {
        ExtractOptions o;
        o.file_name = "page.md";
        ExtractResult r = extract_page(read_file(p), o);
        if (r.ok() && r.catalog.size() >= min_units) out.push_back(p);
    }
    return out;
}

} // namespace policyloc::test
