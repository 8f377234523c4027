// Reflow: greedy filling at whitespace that ICU allows to break, in display columns, without
// changing the Markdown structure of the paragraph.
#include "policyloc/reflow.h"

#include <doctest/doctest.h>

#include <cmark-gfm.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

using policyloc::display_width;
using policyloc::LineBreaker;
using policyloc::reflow;
using policyloc::ReflowOptions;

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

struct Wrapped {
    std::vector<std::string> lines; // continuation lines without their prefix
    std::vector<std::string> gaps;  // the whitespace each break replaced
    std::string error;              // empty when the output is a faithful wrapping of the input
};

// Splits `out` at the options' newline, strips the continuation prefix, and matches the lines
// against `input`: input == line0 gap0 line1 gap1 ... where every gap is a non-empty run of
// spaces and tabs and no line begins or ends with one.
Wrapped unwrap(std::string_view input, const std::string& out, const ReflowOptions& o) {
    Wrapped w;
    size_t pos = 0;
    for (;;) {
        const size_t nl = out.find(o.newline, pos);
        w.lines.push_back(out.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
        if (nl == std::string::npos) break;
        pos = nl + o.newline.size();
    }
    for (size_t i = 1; i < w.lines.size(); ++i) {
        if (!w.lines[i].starts_with(o.continuation_prefix)) {
            w.error = "line " + std::to_string(i) + " lacks the prefix: " + w.lines[i];
            return w;
        }
        w.lines[i].erase(0, o.continuation_prefix.size());
    }
    size_t at = 0;
    for (size_t i = 0; i < w.lines.size(); ++i) {
        const std::string& line = w.lines[i];
        if (input.substr(at, line.size()) != line) {
            w.error = "line " + std::to_string(i) + " is not the input's text: " + line;
            return w;
        }
        at += line.size();
        if (i + 1 == w.lines.size()) break;
        if (line.empty() || is_blank(line.back())) {
            w.error = "line " + std::to_string(i) + " is empty or ends with a blank";
            return w;
        }
        const size_t gap_begin = at;
        while (at < input.size() && is_blank(input[at])) ++at;
        if (at == gap_begin) {
            w.error = "break " + std::to_string(i) + " is not at whitespace";
            return w;
        }
        w.gaps.emplace_back(input.substr(gap_begin, at - gap_begin));
    }
    if (at != input.size()) w.error = "the output ends before the input";
    return w;
}

// unwrap() of a reflow output that must be a faithful wrapping of `input`.
Wrapped require_faithful(std::string_view input, const std::string& out, const ReflowOptions& o) {
    Wrapped w = unwrap(input, out, o);
    REQUIRE_MESSAGE(w.error.empty(), w.error);
    return w;
}

std::string first_token(std::string_view s) {
    size_t end = 0;
    while (end < s.size() && !is_blank(s[end])) ++end;
    return std::string(s.substr(0, end));
}

std::string last_token(std::string_view s) {
    size_t begin = s.size();
    while (begin > 0 && !is_blank(s[begin - 1])) --begin;
    return std::string(s.substr(begin));
}

size_t line_columns(const Wrapped& w, size_t i, const ReflowOptions& o) {
    return (i == 0 ? o.first_line_columns : display_width(o.continuation_prefix)) +
           display_width(w.lines[i]);
}

// Columns by code point ranges, independent of display_width: Hangul syllables, CJK
// ideographs and kana count 2, everything else 1.
size_t columns_by_ranges(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    size_t columns = 0;
    int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        const bool wide = (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) ||
                          (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3000 && c <= 0x303F);
        columns += wide ? 2 : 1;
    }
    return columns;
}

// What cmark-gfm (with tables and footnotes) makes of a document: the types of the
// top-level blocks, descending through a single block quote, list, or item.
std::vector<std::string> block_structure(const std::string& markdown) {
    const policyloc::test::ParsedMarkdown document(markdown);
    std::vector<std::string> types;
    cmark_node* parent = document.root;
    for (;;) {
        std::vector<cmark_node*> children;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
            children.push_back(n);
        for (cmark_node* n : children) types.emplace_back(cmark_node_get_type_string(n));
        if (children.size() != 1) break;
        const cmark_node_type t = cmark_node_get_type(children[0]);
        if (t != CMARK_NODE_BLOCK_QUOTE && t != CMARK_NODE_LIST && t != CMARK_NODE_ITEM) break;
        parent = children[0];
        types.emplace_back("/");
    }
    return types;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
    return out;
}

const std::string kEnglish =
    "We collect the information you give us when you create an account, subscribe to our "
    "newsletter or contact our support team, and the information your browser sends when you "
    "visit the site, such as your IP address, the pages you view and the time of your visit. "
    "We keep this information only as long as we need it for the purposes described in this "
    "policy, and we never sell it to third parties.";

// Text crafted so that naive filling would start lines with Markdown block markers.
const std::string kMarkdownBait =
    "Prices vary: the basic plan costs 10 - 20 euros a month, see section # 1. for details and "
    "section ## 2) for taxes. Since 2024. we accept + and * as separators, > and = signs, | "
    "pipes, <div> tags, ``` fences, === and --- and ___ lines, [^1]: notes, - - - and * * * "
    "rows, 3) items, 123456789. and 1234567890. numbers, all of it = fine - really.";

const std::vector<std::string> kForbiddenStarts = {
    "- ", "+ ", "* ", "# ",  "## ",  "1. ",   "2) ",    "3) ", ">",          "=",
    "|",  "-",  "_",  "```", "<div", "[^1]:", "2024. ", "*\n", "123456789. "};

} // namespace

TEST_CASE("display_width counts East Asian wide characters 2 and combining marks 0") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("日本語") == 6);
    CHECK(display_width("e\u0301") == 1);
    CHECK(display_width("") == 0);
    CHECK(display_width("한국어") == 6);
    CHECK(display_width("\uFF21") == 2);       // FULLWIDTH LATIN CAPITAL LETTER A
    CHECK(display_width("\uFF71") == 1);       // HALFWIDTH KATAKANA LETTER A
    CHECK(display_width("a\u200Bb") == 2);     // ZERO WIDTH SPACE
    CHECK(display_width("\u1100\u1161") == 2); // conjoining jamo: one syllable
    CHECK(display_width("a\xFF"
                        "b") == 3);        // an invalid byte counts 1
    CHECK(display_width("\xE6\x97") == 2); // a truncated sequence: 1 per byte
}

TEST_CASE("printable ASCII is one column, as ICU's properties say") {
    for (UChar32 c = 0x20; c <= 0x7E; ++c) {
        CAPTURE(c);
        const auto category = static_cast<UCharCategory>(u_charType(c));
        CHECK(category != U_NON_SPACING_MARK);
        CHECK(category != U_ENCLOSING_MARK);
        CHECK(category != U_FORMAT_CHAR);
        const int hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
        CHECK(hangul == U_HST_NOT_APPLICABLE);
        const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        CHECK(east_asian != U_EA_WIDE);
        CHECK(east_asian != U_EA_FULLWIDTH);
        CHECK(!u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
        CHECK(display_width(std::string(1, static_cast<char>(c))) == 1);
    }
    CHECK(display_width("Gr\u00FC\u00DFe, \u00AB \u00E9t\u00E9 \u00BB") == 14);
    CHECK(display_width("a\u00ADb") == 2); // SOFT HYPHEN is a format character
}

TEST_CASE("text that fits is returned unchanged") {
    ReflowOptions o;
    o.width = 40;
    const std::string text = "Short text  with\tdouble  spaces";
    CHECK(reflow(text, o) == text);
    const std::string exact(40, 'x');
    CHECK(reflow(exact + " y", o) == exact + "\ny");
    CHECK(reflow(std::string(38, 'x') + " y", o) == std::string(38, 'x') + " y");
    o.first_line_columns = 2;
    CHECK(reflow(std::string(38, 'x') + " y", o) == std::string(38, 'x') + "\ny");
    // A first line already past the width breaks at the first opportunity.
    o.width = 10;
    o.first_line_columns = 12;
    CHECK(reflow("a b", o) == "a\nb");
}

TEST_CASE("one LineBreaker serves many paragraphs as a fresh iterator would") {
    const std::vector<std::string> texts = {
        kEnglish,
        kMarkdownBait,
        "日本語のテキストは空白なしで続きます。English words inside it wrap at spaces only.",
        "한국어 문장은 띄어쓰기에서 줄을 바꿉니다 그리고 각 음절은 두 칸입니다",
        "Le texte « entre guillemets » reste avec ses mots ! Et la ponctuation ? Aussi.",
        "short",
        "First line of the address  \nSecond line\\\nThird line of the address, quite long",
        "Invalid \xFF bytes and a truncated \xE6\x97 sequence stay where they are in the text",
        "",
    };
    LineBreaker shared;
    for (const std::string& prefix : {std::string(), std::string("> "), std::string("   ")}) {
        for (size_t width = 8; width <= 90; width += 7) {
            for (size_t k = 0; k < texts.size(); ++k) {
                // Alternate the order so the breaker is reused after texts of every kind.
                const std::string& text = texts[(width % 2 == 0) ? k : texts.size() - 1 - k];
                ReflowOptions o;
                o.width = width;
                o.continuation_prefix = prefix;
                o.first_line_columns = width % 3;
                CAPTURE(text);
                CAPTURE(width);
                CHECK(reflow(text, o, &shared) == reflow(text, o));
            }
        }
    }
}

TEST_CASE("an English paragraph wrapped at 80 columns rejoins to the text") {
    ReflowOptions o;
    o.width = 80;
    const std::string out = reflow(kEnglish, o);
    const Wrapped w = require_faithful(kEnglish, out, o);
    CHECK(w.lines.size() >= 5);
    for (const std::string& line : w.lines) CHECK(display_width(line) <= 80);
    CHECK(join(w.lines, " ") == kEnglish);
    // Greedy: no line could have taken the next word.
    for (size_t i = 0; i + 1 < w.lines.size(); ++i)
        CHECK(display_width(w.lines[i]) + 1 + display_width(first_token(w.lines[i + 1])) > 80);
    CHECK(block_structure(out) == std::vector<std::string>{"paragraph"});
}

TEST_CASE("continuation prefix and first-line columns for list items and quotes") {
    SUBCASE("list item") {
        ReflowOptions o;
        o.width = 50;
        o.first_line_columns = 2;
        o.continuation_prefix = "  ";
        const std::string out = reflow(kEnglish, o);
        const Wrapped w = require_faithful(kEnglish, out, o);
        CHECK(w.lines.size() > 2);
        for (size_t i = 0; i < w.lines.size(); ++i) CHECK(line_columns(w, i, o) <= 50);
        CHECK(out.find("\n  ") != std::string::npos);
        CHECK(block_structure("- " + out) ==
              std::vector<std::string>{"list", "/", "item", "/", "paragraph"});
    }
    SUBCASE("block quote") {
        ReflowOptions o;
        o.width = 60;
        o.first_line_columns = 2;
        o.continuation_prefix = "> ";
        const std::string out = reflow(kEnglish, o);
        const Wrapped w = require_faithful(kEnglish, out, o);
        for (size_t i = 0; i < w.lines.size(); ++i) CHECK(line_columns(w, i, o) <= 60);
        CHECK(block_structure("> " + out) ==
              std::vector<std::string>{"block_quote", "/", "paragraph"});
    }
    SUBCASE("first-line columns shorten only the first line") {
        ReflowOptions o;
        o.width = 40;
        o.first_line_columns = 12;
        const std::string out = reflow(kEnglish, o);
        const Wrapped w = require_faithful(kEnglish, out, o);
        CHECK(12 + display_width(w.lines[0]) <= 40);
        CHECK(12 + display_width(w.lines[0]) + 1 + display_width(first_token(w.lines[1])) > 40);
        for (size_t i = 1; i < w.lines.size(); ++i) CHECK(display_width(w.lines[i]) <= 40);
        // Without them, the first line takes more.
        o.first_line_columns = 0;
        const Wrapped plain = unwrap(kEnglish, reflow(kEnglish, o), o);
        CHECK(plain.lines[0].size() > w.lines[0].size());
    }
}

TEST_CASE("a German compound longer than the width stays whole on its own line") {
    const std::string word = "Datenschutzgrundverordnungsdurchführungsbestimmungen";
    const std::string text =
        "Es gelten die " + word + " sowie alle weiteren gesetzlichen Vorgaben.";
    ReflowOptions o;
    o.width = 30;
    REQUIRE(display_width(word) > 30);
    const Wrapped w = require_faithful(text, reflow(text, o), o);
    bool alone = false;
    for (const std::string& line : w.lines) {
        if (line == word) alone = true;
        if (line != word) CHECK(display_width(line) <= 30);
    }
    CHECK(alone);
}

TEST_CASE("Japanese and Chinese without spaces are never broken") {
    const std::string japanese =
        "当社は、お客様の個人情報を適切に取り扱うことが社会的責務であると考え、個人情報の保護に"
        "関する法律その他の関係法令を遵守し、以下のとおりプライバシーポリシーを定めます。";
    const std::string chinese =
        "我们非常重视您的个人信息和隐私保护。为了保障您的权益，我们将按照法律法规的要求，采取相应"
        "的安全保护措施来保护您的个人信息。";
    for (const size_t width : {10, 20, 40, 80}) {
        ReflowOptions o;
        o.width = width;
        o.continuation_prefix = "> ";
        CHECK(reflow(japanese, o) == japanese);
        CHECK(reflow(chinese, o) == chinese);
    }
}

TEST_CASE("Japanese with an embedded English phrase breaks only at its spaces") {
    const std::string text =
        "当社はアクセス解析のために Google Analytics を使用しています。詳しくは "
        "Google Privacy Policy をご覧ください。このツールはトラフィックデータの"
        "収集のために Cookie を使用しています。";
    size_t broken = 0;
    for (size_t width = 10; width <= 90; width += 4) {
        ReflowOptions o;
        o.width = width;
        const std::string out = reflow(text, o);
        const Wrapped w = require_faithful(text, out, o);
        broken += w.gaps.size();
        for (const std::string& gap : w.gaps) CHECK(gap == " ");
    }
    CHECK(broken > 0);
}

TEST_CASE("Korean wraps at spaces, two columns per Hangul syllable") {
    const std::string text =
        "개인정보 처리방침은 회사가 이용자의 개인정보를 어떻게 수집하고 이용하며 "
        "보호하는지 설명합니다. 이용자는 언제든지 자신의 개인정보에 대한 열람, "
        "정정, 삭제를 요청할 수 있습니다.";
    ReflowOptions o;
    o.width = 30;
    const Wrapped w = require_faithful(text, reflow(text, o), o);
    CHECK(w.lines.size() >= 6);
    for (const std::string& line : w.lines) {
        CHECK(display_width(line) <= 30);
        CHECK(columns_by_ranges(line) <= 30);
    }
    // Counting one column per syllable would have filled the lines further.
    for (size_t i = 0; i + 1 < w.lines.size(); ++i)
        CHECK(columns_by_ranges(w.lines[i] + " " + first_token(w.lines[i + 1])) > 30);
}

TEST_CASE("French punctuation stays with its word: no break before ! or », none after «") {
    const std::string text =
        "Vous pouvez nous écrire à tout moment ! Nous répondons « rapidement » et « gratuitement "
        "» à chaque demande ? Oui : toujours ; même le dimanche ! Et « vraiment » !";
    size_t broken = 0;
    for (size_t width = 6; width <= 80; ++width) {
        CAPTURE(width);
        ReflowOptions o;
        o.width = width;
        const Wrapped w = require_faithful(text, reflow(text, o), o);
        broken += w.gaps.size();
        for (size_t i = 0; i < w.lines.size(); ++i) {
            const std::string& line = w.lines[i];
            for (const char* closing : {"!", "?", ":", ";", "»"}) CHECK(!line.starts_with(closing));
            if (i + 1 < w.lines.size()) CHECK(!line.ends_with("«"));
        }
    }
    CHECK(broken > 0);
    // No-break spaces, as French typography writes them, are never broken at all.
    const std::string nbsp = "Écrivez-nous\u00A0! «\u00A0vite\u00A0»";
    ReflowOptions o;
    o.width = 4;
    CHECK(reflow(nbsp, o) == "Écrivez-nous\u00A0!\n«\u00A0vite\u00A0»");
}

TEST_CASE("keep-together ranges are never broken") {
    const std::string action = "{{ .Site.Params.company | default \"the company\" }}";
    const std::string code = "`git log --oneline --graph`";
    const std::string text = "This site is run by " + action + " and its history is shown by " +
                             code + " on any copy of the repository.";
    ReflowOptions o;
    o.keep_together = {{text.find(action), text.find(action) + action.size()},
                       {text.find(code), text.find(code) + code.size()}};
    size_t broken = 0;
    for (size_t width = 5; width <= 100; ++width) {
        CAPTURE(width);
        o.width = width;
        const std::string out = reflow(text, o);
        const Wrapped w = require_faithful(text, out, o);
        broken += w.gaps.size();
        CHECK(out.find(action) != std::string::npos);
        CHECK(out.find(code) != std::string::npos);
    }
    CHECK(broken > 0);
    // Without the ranges the same text does break inside them.
    o.keep_together.clear();
    o.width = 30;
    CHECK(reflow(text, o).find(action) == std::string::npos);
}

TEST_CASE("no line starts with a Markdown block marker after wrapping") {
    REQUIRE(block_structure(kMarkdownBait) == std::vector<std::string>{"paragraph"});
    for (const char* prefix : {"", "  ", "> "}) {
        for (size_t width = 8; width <= 90; ++width) {
            CAPTURE(width);
            const std::string prefix_text = prefix;
            CAPTURE(prefix_text);
            ReflowOptions o;
            o.width = width;
            o.continuation_prefix = prefix;
            const std::string out = reflow(kMarkdownBait, o);
            const Wrapped w = require_faithful(kMarkdownBait, out, o);
            CHECK(w.lines.size() > 1);
            for (size_t i = 1; i < w.lines.size(); ++i) {
                for (const std::string& start : kForbiddenStarts)
                    CHECK_MESSAGE(!w.lines[i].starts_with(start), w.lines[i]);
                CHECK(w.lines[i] != "-");
                CHECK(w.lines[i] != "*");
            }
            const std::string_view p = prefix;
            if (p.empty()) {
                CHECK(block_structure(out) == std::vector<std::string>{"paragraph"});
            } else if (p == "> ") {
                CHECK(block_structure("> " + out) ==
                      std::vector<std::string>{"block_quote", "/", "paragraph"});
            } else {
                CHECK(block_structure("- " + out) ==
                      std::vector<std::string>{"list", "/", "item", "/", "paragraph"});
            }
        }
    }
}

TEST_CASE("no break after a backslash, which would make a hard line break") {
    const std::string text = "Use the folder C:\\ or D:\\ or E:\\ for the backups of the data.";
    for (size_t width = 4; width <= 60; ++width) {
        ReflowOptions o;
        o.width = width;
        const std::string out = reflow(text, o);
        const Wrapped w = require_faithful(text, out, o);
        CHECK(out.find("\\\n") == std::string::npos);
    }
}

TEST_CASE("CRLF pages get CRLF breaks") {
    ReflowOptions o;
    o.width = 40;
    o.newline = "\r\n";
    o.continuation_prefix = "> ";
    const std::string out = reflow(kEnglish, o);
    const Wrapped w = require_faithful(kEnglish, out, o);
    CHECK(w.lines.size() > 3);
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i] == '\n') CHECK((i > 0 && out[i - 1] == '\r'));
    CHECK(reflow("first  \nsecond", o) == "first  \r\n> second");
}

TEST_CASE("hard line breaks are kept and followed by the prefix") {
    ReflowOptions o;
    o.width = 80;
    o.continuation_prefix = "> ";
    CHECK(reflow("First line of the address  \nSecond line\\\nThird line", o) ==
          "First line of the address  \n> Second line\\\n> Third line");
    CHECK(reflow("one\r\ntwo", o) == "one\n> two");
    // No trailing blanks: a blank line gets the prefix without them, a final newline none.
    CHECK(reflow("one\n\ntwo", o) == "one\n>\n> two");
    CHECK(reflow("one\n", o) == "one\n");

    // Each hard-broken segment is filled on its own.
    o.width = 30;
    const std::string segment1 = "The company's postal address for written requests is";
    const std::string segment2 = "Example Street 1, 12345 Example Town, Exampleland.";
    const std::string out = reflow(segment1 + "  \n" + segment2, o);
    const size_t hard = out.find("  \n> ");
    REQUIRE(hard != std::string::npos);
    const std::string first = out.substr(0, hard);
    const std::string second = out.substr(hard + 5);
    ReflowOptions rest = o;
    rest.first_line_columns = 2;
    CHECK(first + "  " == reflow(segment1 + "  ", o));
    CHECK(second == reflow(segment2, rest));
    CHECK(first.find('\n') != std::string::npos);
    CHECK(second.find('\n') != std::string::npos);
    CHECK(block_structure("> " + out) == std::vector<std::string>{"block_quote", "/", "paragraph"});
}

TEST_CASE("generated paragraphs: widths hold, breaks are greedy and only at whitespace") {
    static const char* const cjk[] = {"日", "本", "語", "文", "字", "の", "は", "を",
                                      "中", "国", "人", "民", "个", "信", "息", "テ"};
    static const char* const hangul[] = {"한", "국", "어", "개", "인", "정", "보", "처"};
    static const char* const prefixes[] = {"", "  ", "> ", "   ", "> > "};
    std::mt19937 rng(20240611);
    const auto pick = [&](uint32_t n) { return static_cast<size_t>(rng() % n); };
    size_t breaks = 0;
    LineBreaker shared;
    for (int round = 0; round < 600; ++round) {
        std::string text;
        const size_t words = 1 + pick(60);
        for (size_t i = 0; i < words; ++i) {
            if (i > 0) {
                const size_t s = pick(10);
                text += s < 7 ? " " : s < 9 ? "  " : "\t";
            }
            const size_t kind = pick(100);
            if (kind < 80) {
                const size_t length = pick(20) == 0 ? 20 + pick(30) : 1 + pick(12);
                for (size_t k = 0; k < length; ++k)
                    text += static_cast<char>((k == 0 && pick(4) == 0 ? 'A' : 'a') + pick(26));
            } else if (kind < 92) {
                for (size_t k = 1 + pick(15); k > 0; --k) text += cjk[pick(16)];
            } else {
                for (size_t k = 1 + pick(5); k > 0; --k) text += hangul[pick(8)];
            }
        }
        ReflowOptions o;
        o.width = 10 + pick(90);
        o.continuation_prefix = prefixes[pick(5)];
        o.first_line_columns = pick(5);
        o.newline = pick(4) == 0 ? "\r\n" : "\n";
        CAPTURE(round);
        CAPTURE(text);
        CAPTURE(o.width);
        const std::string out = reflow(text, o);
        CHECK(reflow(text, o, &shared) == out);
        const Wrapped w = require_faithful(text, out, o);
        breaks += w.gaps.size();
        if (o.first_line_columns + display_width(text) <= o.width) CHECK(out == text);
        for (size_t i = 0; i < w.lines.size(); ++i) {
            const bool single_token = w.lines[i].find_first_of(" \t") == std::string::npos;
            if (!single_token) CHECK(line_columns(w, i, o) <= o.width);
            if (i + 1 < w.lines.size())
                CHECK(line_columns(w, i, o) + display_width(w.gaps[i]) +
                          display_width(first_token(w.lines[i + 1])) >
                      o.width);
        }
    }
    CHECK(breaks > 1000);
}

TEST_CASE("generated paragraphs with Markdown and French punctuation keep their structure") {
    static const char* const bait[] = {"-",   "+",   "*",     "#",   "##",  "1.",    "12)",
                                       ">",   "=",   "==",    "---", "|",   "<div>", "```",
                                       "!",   "»",   "«",     "?",   ":",   "[^1]:", "\\",
                                       "___", "~~~", "2024.", "* *", "- -", "<!--",  "#5"};
    constexpr uint32_t kBait = sizeof(bait) / sizeof(bait[0]);
    std::mt19937 rng(77);
    const auto pick = [&](uint32_t n) { return static_cast<size_t>(rng() % n); };
    size_t checked = 0;
    LineBreaker shared;
    for (int round = 0; round < 400; ++round) {
        std::string text = "Start";
        for (size_t i = 1 + pick(40); i > 0; --i) {
            text += pick(8) == 0 ? "  " : " ";
            if (pick(100) < 30) {
                text += bait[pick(kBait)];
            } else {
                for (size_t k = 1 + pick(9); k > 0; --k) text += static_cast<char>('a' + pick(26));
            }
        }
        ReflowOptions o;
        o.width = 6 + pick(50);
        o.continuation_prefix = pick(2) == 0 ? "" : "> ";
        CAPTURE(round);
        CAPTURE(text);
        CAPTURE(o.width);
        const std::string out = reflow(text, o);
        CHECK(reflow(text, o, &shared) == out);
        const Wrapped w = require_faithful(text, out, o);
        for (size_t i = 1; i < w.lines.size(); ++i) {
            const std::string& line = w.lines[i];
            for (const char* start :
                 {"- ",  "+ ", "* ", "# ", "## ", "1. ",   "12) ",  ">",    "=",   "|",   "```",
                  "~~~", "!",  "»",  "?",  ":",   "[^1]:", "<div>", "<!--", "---", "___", "2024. "})
                CHECK_MESSAGE(!line.starts_with(start), line);
            for (const char* whole : {"-", "+", "*", "#", "##", "==", "1.", "12)", "2024."})
                CHECK(line != whole);
        }
        for (size_t i = 0; i + 1 < w.lines.size(); ++i) {
            CHECK(!w.lines[i].ends_with("\\"));
            CHECK(last_token(w.lines[i]) != "«");
        }
        const std::string container = o.continuation_prefix.empty() ? "" : "> ";
        const std::vector<std::string> before = block_structure(container + text);
        if (before.back() == "paragraph") {
            ++checked;
            CHECK(block_structure(container + out) == before);
        }
    }
    CHECK(checked > 100);
}
