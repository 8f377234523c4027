#include "policyloc/pseudo.h"

#include <algorithm>
#include <cctype>

#include "pseudo_pieces.h"

namespace policyloc {

namespace {

struct PseudoLocaleInfo {
    const char* tag;
    const char* team;
    // gettext's plural rule of the language the pseudo-locale stands for, and which form
    // holds the singular.
    const char* plural_forms;
    size_t plural_count;
    size_t singular_form;
};

const PseudoLocaleInfo& info(PseudoLocale locale) {
    static constexpr PseudoLocaleInfo en_xa{"en-XA", "en-XA (accented English pseudo-locale)",
                                            "nplurals=2; plural=(n != 1);", 2, 0};
    static constexpr PseudoLocaleInfo ar_xb{
        "ar-XB", "ar-XB (right-to-left pseudo-locale)",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5);",
        6, 1};
    return locale == PseudoLocale::en_XA ? en_xa : ar_xb;
}

std::string pseudo_text(std::string_view text, const std::vector<InlineCode>& codes,
                        PseudoLocale locale) {
    // A trailing attribute list ("Settings {#settings}") must stay at the end, where it applies
    // to the block: the pseudo text goes before it.
    if (!codes.empty() && codes.back().kind == CodeKind::attribute &&
        codes.back().end == text.size()) {
        size_t cut = codes.back().begin;
        while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\t')) --cut;
        if (cut > 0) {
            std::vector<InlineCode> head(codes.begin(), codes.end() - 1);
            return pseudo_text(text.substr(0, cut), head, locale) +
                   std::string(text.substr(cut));
        }
    }
    std::vector<PseudoPiece> pieces = pseudo_pieces(text, codes);
    return locale == PseudoLocale::en_XA ? pseudo_accent(text, pieces) : pseudo_bidi(text, pieces);
}

// The template's header in gettext's order, with the fields of a translated catalog in the
// pseudo-locale; fields gettext does not define follow, as the template has them.
std::vector<std::pair<std::string, std::string>> pseudo_header(const Catalog& tmpl,
                                                               const PseudoLocaleInfo& pi) {
    auto field = [&](const char* name, const char* otherwise) {
        return tmpl.header_field(name).value_or(otherwise);
    };
    std::vector<std::pair<std::string, std::string>> h = {
        {"Project-Id-Version", field("Project-Id-Version", "PACKAGE VERSION")},
        {"Report-Msgid-Bugs-To", field("Report-Msgid-Bugs-To", "")},
    };
    if (auto created = tmpl.header_field("POT-Creation-Date")) {
        h.emplace_back("POT-Creation-Date", *created);
        h.emplace_back("PO-Revision-Date", *created); // made with the template, no later
    } else {
        h.emplace_back("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE");
    }
    h.emplace_back("Last-Translator", "policyloc pseudo");
    h.emplace_back("Language-Team", pi.team);
    h.emplace_back("Language", locale_to_gettext(pi.tag));
    h.emplace_back("MIME-Version", "1.0");
    h.emplace_back("Content-Type", "text/plain; charset=UTF-8");
    h.emplace_back("Content-Transfer-Encoding", "8bit");
    h.emplace_back("Plural-Forms", pi.plural_forms);
    for (const auto& [name, value] : tmpl.header)
        if (std::none_of(h.begin(), h.end(), [&](const auto& f) { return f.first == name; }) &&
            name != "PO-Revision-Date")
            h.emplace_back(name, value);
    return h;
}

} // namespace

const char* pseudo_locale_tag(PseudoLocale locale) {
    return info(locale).tag;
}

std::optional<PseudoLocale> pseudo_locale_from_tag(std::string_view tag) {
    std::string t(tag);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) {
        return c == '_' ? '-' : static_cast<char>(std::tolower(c));
    });
    if (t == "en-xa") return PseudoLocale::en_XA;
    if (t == "ar-xb") return PseudoLocale::ar_XB;
    return std::nullopt;
}

std::string pseudo_translate(const Unit& unit, PseudoLocale locale) {
    return pseudo_text(unit.source, unit.codes, locale);
}

Catalog pseudo_catalog(const Catalog& tmpl, PseudoLocale locale) {
    const PseudoLocaleInfo& pi = info(locale);
    Catalog out;
    out.source_lang = tmpl.source_lang;
    out.target_lang = pi.tag;
    out.header = pseudo_header(tmpl, pi);
    out.header_comment = tmpl.header_comment;
    out.original = tmpl.original;
    for (const Unit& u : tmpl.units()) {
        if (u.obsolete) continue;
        Unit t = u;
        t.target = pseudo_translate(u, locale);
        t.state = UnitState::translated;
        t.previous_context.reset();
        t.previous_source.reset();
        if (u.source_plural) {
            std::string plural = pseudo_text(*u.source_plural, {}, locale);
            t.plural_targets.assign(pi.plural_count, plural);
            t.plural_targets[pi.singular_form] = t.target;
        }
        out.add(std::move(t));
    }
    return out;
}

} // namespace policyloc
