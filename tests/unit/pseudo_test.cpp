// Pseudo-locales (pseudo library): en-XA accents letters, grows the text by about 35% and
// brackets it; ar-XB wraps each run of left-to-right letters in bidi controls so that it shows
// mirrored. Protected spans, Markdown delimiters, escapes and entity references never change,
// and the pseudo text parses to the same inline Markdown as its source. Checked on examples
// and on every unit of the bundled page.
#include <doctest/doctest.h>

#include <iostream>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

#include <cmark-gfm.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "policyloc/extract.h"
#include "policyloc/pseudo.h"
#include "pseudo_pieces.h"
#include "test_support.h"

using namespace policyloc;
using namespace policyloc::test;

namespace {

const std::string kRlm = "\u200F", kRlo = "\u202E", kPdf = "\u202C";

std::u32string code_points(std::string_view s) {
    std::u32string out;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        out += static_cast<char32_t>(c);
    }
    return out;
}

Unit unit_with(std::string source, std::vector<std::pair<std::string, CodeKind>> codes = {}) {
    Unit u;
    u.source = std::move(source);
    size_t from = 0;
    for (const auto& [text, kind] : codes) {
        size_t at = u.source.find(text, from);
        REQUIRE(at != std::string::npos);
        u.codes.push_back({at, at + text.size(), kind, {}});
        from = at + text.size();
    }
    return u;
}

std::vector<Unit> bundled_units() {
    ExtractOptions eo;
    eo.file_name = "privacy.md";
    ExtractResult r = extract_page(read_file(source_dir() / "locales/privacy.md"), eo);
    REQUIRE(r.ok());
    REQUIRE(r.catalog.size() > 100);
    return r.catalog.units();
}

// Byte mask of what must stay: protected spans, entity references, e-mail addresses and URLs,
// found here without the library's help.
std::vector<bool> kept_bytes(const Unit& u) {
    std::vector<bool> kept(u.source.size(), false);
    for (const InlineCode& c : u.codes)
        for (size_t i = c.begin; i < c.end; ++i) kept[i] = true;
    static const std::regex kept_text("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);|"
                                      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+|"
                                      "(https?://|www\\.)[^\\s<>()\\[\\]]+");
    for (auto it = std::sregex_iterator(u.source.begin(), u.source.end(), kept_text);
         it != std::sregex_iterator(); ++it) {
        const auto begin = static_cast<size_t>(it->position());
        for (size_t i = begin; i < begin + static_cast<size_t>(it->length()); ++i) kept[i] = true;
    }
    return kept;
}

// en-XA's body: the text between the brackets without the number words appended.
std::string accented_body(const std::string& pseudo) {
    REQUIRE(pseudo.size() >= 2);
    REQUIRE(pseudo.front() == '[');
    REQUIRE(pseudo.back() == ']');
    static const std::regex words(
        "( (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
        "twenty[a-z]*|thirty[a-z]*|forty))+ ?$");
    return std::regex_replace(pseudo.substr(1, pseudo.size() - 2), words, "");
}

// Checks that `pseudo` is `u.source` with exactly its free ASCII letters accented: every
// protected byte, delimiter, space and digit the same, in the same place.
void check_accented(const Unit& u, const std::string& pseudo) {
    std::u32string want = code_points(u.source);
    std::u32string got = code_points(accented_body(pseudo));
    REQUIRE_MESSAGE(got.size() == want.size(), u.source << " -> " << pseudo);
    std::vector<bool> kept = kept_bytes(u);
    size_t byte = 0;
    for (size_t i = 0; i < want.size(); ++i) {
        char32_t w = want[i], g = got[i];
        bool ascii_letter = (w >= 'a' && w <= 'z') || (w >= 'A' && w <= 'Z');
        if (ascii_letter && !kept[byte]) {
            CHECK_MESSAGE(g > 0x7F, u.source);
            CHECK(u_isalpha(static_cast<UChar32>(g)));
            CHECK(u_isupper(static_cast<UChar32>(g)) == u_isupper(static_cast<UChar32>(w)));
        } else {
            CHECK_MESSAGE(g == w, u.source << " -> " << pseudo << " at " << i);
        }
        byte += U8_LENGTH(static_cast<UChar32>(w));
    }
}

// Every protected span of `u`, byte for byte and in order, in `pseudo`.
void check_codes_kept(const Unit& u, const std::string& pseudo) {
    size_t from = 0;
    for (const InlineCode& c : u.codes) {
        std::string span = u.source.substr(c.begin, c.end - c.begin);
        size_t at = pseudo.find(span, from);
        CHECK_MESSAGE(at != std::string::npos, span << " not in " << pseudo);
        if (at != std::string::npos) from = at + span.size();
    }
}

std::string without_bidi_controls(std::string s) {
    for (const std::string& c : {kRlm, kRlo, kPdf})
        for (size_t at; (at = s.find(c)) != std::string::npos;) s.erase(at, c.size());
    return s;
}

// What a reader sees, left to right, of `text` in a right-to-left paragraph (ICU's bidi
// algorithm), bidi controls removed.
std::string visual_rtl(const std::string& text) {
    icu::UnicodeString logical = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_open();
    ubidi_setPara(bidi, logical.getBuffer(), logical.length(), UBIDI_RTL, nullptr, &status);
    std::u16string out(static_cast<size_t>(logical.length()) * 2 + 1, u'\0');
    int32_t n = ubidi_writeReordered(bidi, out.data(), static_cast<int32_t>(out.size()),
                                     UBIDI_REMOVE_BIDI_CONTROLS, &status);
    ubidi_close(bidi);
    REQUIRE(U_SUCCESS(status));
    std::string utf8;
    icu::UnicodeString(out.data(), n).toUTF8String(utf8);
    return utf8;
}

std::string reversed(std::string_view ascii) {
    return std::string(ascii.rbegin(), ascii.rend());
}

// The inline nodes of Markdown text, in order, with what makes each one: link and image
// destinations, code and HTML literals. Plain text is left out.
std::string inline_shape(const std::string& markdown) {
    ParsedMarkdown doc(markdown);
    std::string shape;
    CmarkIter it = iterate(doc.root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        std::string_view type = cstr_view(cmark_node_get_type_string(n));
        if (type == "text" || type == "document" || type == "paragraph") continue;
        shape += std::string(ev == CMARK_EVENT_EXIT ? "/" : "") + std::string(type);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE))
            shape += "(" + std::string(cstr_view(cmark_node_get_url(n))) + ")";
        if (t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE)
            shape += "{" + std::string(cstr_view(cmark_node_get_literal(n))) + "}";
        shape += ' ';
    }
    return shape;
}

} // namespace

TEST_CASE("pseudo: locale tags in BCP 47 and gettext spelling") {
    CHECK(pseudo_locale_from_tag("en-XA") == PseudoLocale::en_XA);
    CHECK(pseudo_locale_from_tag("en_xa") == PseudoLocale::en_XA);
    CHECK(pseudo_locale_from_tag("AR-XB") == PseudoLocale::ar_XB);
    CHECK(!pseudo_locale_from_tag("en"));
    CHECK(!pseudo_locale_from_tag("ar-XA"));
    CHECK(!pseudo_locale_from_tag("en-XA-x"));
    CHECK(std::string(pseudo_locale_tag(PseudoLocale::en_XA)) == "en-XA");
    CHECK(std::string(pseudo_locale_tag(PseudoLocale::ar_XB)) == "ar-XB");
}

TEST_CASE("pseudo: pieces keep protected spans, escapes and character references") {
    CHECK(character_reference_length("&amp; x", 0) == 5);
    CHECK(character_reference_length("&#169;", 0) == 6);
    CHECK(character_reference_length("&#xA9;", 0) == 6);
    CHECK(character_reference_length("&#12345678;", 0) == 0); // 8 digits: not a reference
    CHECK(character_reference_length("&amp", 0) == 0);
    CHECK(character_reference_length("& amp;", 0) == 0);
    CHECK(character_reference_length("x&amp;", 0) == 0);

    Unit u = unit_with("a `b` \\* c &amp; d\\\ne \\q", {{"`b`", CodeKind::code_span}});
    std::vector<PseudoPiece> pieces = pseudo_pieces(u.source, u.codes);
    std::vector<std::pair<std::string, bool>> got;
    for (const PseudoPiece& p : pieces)
        got.emplace_back(u.source.substr(p.begin, p.end - p.begin), p.kept);
    // A backslash before a letter is no escape: it is text like any other.
    std::vector<std::pair<std::string, bool>> want = {
        {"a ", false},   {"`b`", true}, {" ", false},   {"\\*", true},    {" c ", false},
        {"&amp;", true}, {" d", false}, {"\\\n", true}, {"e \\q", false},
    };
    CHECK(got == want);

    // URLs and e-mail addresses in running text (a link's text) are kept, without the
    // punctuation that ends the sentence; a word that only contains "@" is no address.
    Unit link = unit_with("[www.example.com/a](x) or me@example.com. Not a@b, x.www.y");
    got.clear();
    for (const PseudoPiece& p : pseudo_pieces(link.source, link.codes))
        if (p.kept) got.emplace_back(link.source.substr(p.begin, p.end - p.begin), true);
    want = {{"www.example.com/a", true}, {"me@example.com", true}};
    CHECK(got == want);

    // A code overlapping an earlier one, or past the end, is ignored; the pieces cover the text.
    Unit bad = unit_with("abcdef");
    bad.codes = {
        {1, 3, CodeKind::code_span, {}}, {2, 4, CodeKind::html, {}}, {5, 9, CodeKind::html, {}}};
    pieces = pseudo_pieces(bad.source, bad.codes);
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[1].kept);
    CHECK(pieces[1].begin == 1);
    CHECK(pieces[1].end == 3);
    CHECK(pieces[2].end == 6);
}

TEST_CASE("pseudo: en-XA accents letters, brackets the text and grows it") {
    Unit u = unit_with(
        "We **collect** data from `cookies` and [forms](https://x.example/a) "
        "&amp; _more_ ~~less~~ \\*escaped\\*",
        {{"`cookies`", CodeKind::code_span}, {"https://x.example/a", CodeKind::link_destination}});
    std::string xa = pseudo_translate(u, PseudoLocale::en_XA);
    CHECK(xa.rfind("[Ŵé **çöļļéçţ** ðåţå ƒŕöɱ `cookies` åñð [ƒöŕɱš](https://x.example/a) "
                   "&amp; _ɱöŕé_ ~~ļéšš~~ \\*éšçåþéð\\* one",
                   0) == 0);
    check_accented(u, xa);
    check_codes_kept(u, xa);
    CHECK(inline_shape(xa) == inline_shape(u.source));

    CHECK(pseudo_translate(unit_with("We collect your data"), PseudoLocale::en_XA) ==
          "[Ŵé çöļļéçţ ýöûŕ ðåţå one]");
    // Short texts: brackets alone are the growth; a backslash never escapes the bracket.
    CHECK(pseudo_translate(unit_with("OK"), PseudoLocale::en_XA) == "[ÖĶ]");
    CHECK(pseudo_translate(unit_with("C:\\"), PseudoLocale::en_XA) == "[Ç:\\ ]");
    CHECK(pseudo_translate(unit_with("a \\\\"), PseudoLocale::en_XA) == "[å \\\\]");
    // Digits, punctuation and letters outside ASCII are kept.
    CHECK(pseudo_translate(unit_with("Größe 13"), PseudoLocale::en_XA) == "[Ĝŕößé 13]");
    // The growth: number words up to about 35% of the running text.
    Unit long_text = unit_with(std::string(100, 'a'));
    std::string grown = pseudo_translate(long_text, PseudoLocale::en_XA);
    CHECK(code_points(grown).size() >= 133);
    CHECK(code_points(grown).size() <= 138);
}

TEST_CASE("pseudo: ar-XB wraps left-to-right runs so that they show mirrored") {
    Unit u = unit_with("We **collect** data, 13 `cookies`", {{"`cookies`", CodeKind::code_span}});
    std::string xb = pseudo_translate(u, PseudoLocale::ar_XB);
    auto w = [&](const std::string& word) { return kRlm + kRlo + word + kPdf + kRlm; };
    CHECK(xb == w("We") + " **" + w("collect") + "** " + w("data") + ", 13 `cookies`");
    CHECK(without_bidi_controls(xb) == u.source);
    CHECK(inline_shape(xb) == inline_shape(u.source));
    // A reader sees the sentence mirrored: letters and words right to left.
    std::string plain = "We collect your data";
    CHECK(visual_rtl(pseudo_translate(unit_with(plain), PseudoLocale::ar_XB)) == reversed(plain));
    // Combining marks stay with their letter; right-to-left text is left alone.
    CHECK(pseudo_translate(unit_with("cafe\u0301 \u0645\u0631"), PseudoLocale::ar_XB) ==
          w("cafe\u0301") + " \u0645\u0631");
    // Entity references and escapes are not split by controls.
    CHECK(pseudo_translate(unit_with("&amp;x\\*"), PseudoLocale::ar_XB) ==
          "&amp;" + w("x") + "\\*");
}

TEST_CASE("pseudo: every unit of the bundled page keeps its codes and Markdown") {
    size_t source_cp = 0, xa_cp = 0, units = 0;
    std::vector<double> ratios;
    for (const Unit& u : bundled_units()) {
        CAPTURE(u.source);
        std::string xa = pseudo_translate(u, PseudoLocale::en_XA);
        std::string xb = pseudo_translate(u, PseudoLocale::ar_XB);
        check_accented(u, xa);
        check_codes_kept(u, xa);
        check_codes_kept(u, xb);
        CHECK(without_bidi_controls(xb) == u.source);
        CHECK(inline_shape(xa) == inline_shape(u.source));
        CHECK(inline_shape(xb) == inline_shape(u.source));
        // Each word of the source shows mirrored to a reader of the ar-XB text.
        std::string seen = visual_rtl(xb);
        std::string free_text = u.source;
        std::vector<bool> kept = kept_bytes(u);
        for (size_t i = 0; i < free_text.size(); ++i)
            if (kept[i]) free_text[i] = ' ';
        for (const std::string& word : words_of(free_text))
            if (word.find_first_of("0123456789") == std::string::npos)
                CHECK_MESSAGE(seen.find(reversed(word)) != std::string::npos, word);
        source_cp += code_points(u.source).size();
        xa_cp += code_points(xa).size();
        ratios.push_back(static_cast<double>(code_points(xa).size()) /
                         static_cast<double>(code_points(u.source).size()));
        ++units;
    }
    double total = static_cast<double>(xa_cp) / static_cast<double>(source_cp);
    std::sort(ratios.begin(), ratios.end());
    double median = ratios[ratios.size() / 2];
    std::cout << "en-XA over " << units << " units: " << source_cp << " -> " << xa_cp
              << " code points (x" << total << "), median unit x" << median << '\n';
    CHECK(total >= 1.30);
    CHECK(total <= 1.50);
    CHECK(median >= 1.30);
    CHECK(median <= 1.50);
}

TEST_CASE("pseudo: catalogs translate every unit in the pseudo-locale") {
    Catalog tmpl;
    tmpl.set_header_field("Project-Id-Version", "privacy");
    tmpl.set_header_field("POT-Creation-Date", "2026-11-28 00:00+0000");
    tmpl.set_header_field("X-Policyloc-Keys", "title,lead");
    tmpl.header_fuzzy = true;
    tmpl.add(unit_with("Privacy Policy"));
    Unit with_code = unit_with("Use `policyloc`", {{"`policyloc`", CodeKind::code_span}});
    with_code.notes = "Type: paragraph";
    with_code.refs = {{"privacy.md", 12}};
    tmpl.add(with_code);
    Unit plural = unit_with("one file");
    plural.source_plural = "many files";
    tmpl.add(plural);
    Unit gone = unit_with("Old text");
    gone.obsolete = true;
    gone.target = "Alter Text";
    tmpl.add(gone);

    Catalog xa = pseudo_catalog(tmpl, PseudoLocale::en_XA);
    CHECK(xa.target_lang == "en-XA");
    CHECK(!xa.header_fuzzy);
    REQUIRE(xa.size() == 3); // the obsolete unit is left out
    for (const Unit& u : xa.units()) {
        CHECK(u.state == UnitState::translated);
        CHECK(u.has_usable_target());
        CHECK(u.target == pseudo_translate(u, PseudoLocale::en_XA));
    }
    CHECK(xa.units()[1].notes == "Type: paragraph");
    CHECK(xa.units()[1].refs == with_code.refs);
    CHECK(xa.units()[1].codes == with_code.codes);
    CHECK(xa.units()[2].plural_targets.size() == 2);
    CHECK(xa.units()[2].plural_targets[1] == "[ɱåñý ƒîļéš one]");
    CHECK(xa.header_field("Plural-Forms") == "nplurals=2; plural=(n != 1);");
    CHECK(xa.header_field("Language") == "en_XA");
    CHECK(xa.header_field("PO-Revision-Date") == "2026-11-28 00:00+0000");
    CHECK(xa.header_field("X-Policyloc-Keys") == "title,lead");
    CHECK(xa.header.front().first == "Project-Id-Version");
    CHECK(xa.header.back().first == "X-Policyloc-Keys");

    Catalog xb = pseudo_catalog(tmpl, PseudoLocale::ar_XB);
    CHECK(xb.target_lang == "ar-XB");
    CHECK(xb.header_field("Plural-Forms")->rfind("nplurals=6;", 0) == 0);
    REQUIRE(xb.units()[2].plural_targets.size() == 6);
    CHECK(xb.units()[2].plural_targets[1] == xb.units()[2].target); // n==1 is Arabic's form 1
    CHECK(without_bidi_controls(xb.units()[2].plural_targets[0]) == "many files");
}
