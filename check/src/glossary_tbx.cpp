// Reading a TBX-Basic glossary with pugixml (TBX 2 and TBX 3 element names).
#include <pugixml.hpp>

#include "policyloc/glossary.h"
#include "policyloc/i18n.h"
#include "policyloc/locale_chain.h"

namespace policyloc {

namespace {

std::string_view local_name(const pugi::xml_node& n) {
    std::string_view q = n.name();
    size_t colon = q.find(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

bool named(const pugi::xml_node& n, std::string_view a, std::string_view b) {
    std::string_view l = local_name(n);
    return n.type() == pugi::node_element && (l == a || l == b);
}

std::string text_of(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
            out += c.value();
        else if (c.type() == pugi::node_element)
            out += text_of(c);
    }
    return out;
}

struct Term {
    std::string text;
    bool forbidden = false;
};

// The terms of a langSet (TBX 2: tig or ntig) or langSec (TBX 3: termSec).
std::vector<Term> terms_of(const pugi::xml_node& lang_set) {
    std::vector<Term> terms;
    for (pugi::xml_node holder : lang_set.children()) {
        if (!named(holder, "tig", "termSec") && !named(holder, "ntig", "ntig")) continue;
        Term t;
        for (pugi::xpath_node x : holder.select_nodes(".//*")) {
            pugi::xml_node n = x.node();
            std::string_view l = local_name(n);
            if (l == "term" && t.text.empty()) t.text = text_of(n);
            if (l == "termNote" &&
                std::string_view(n.attribute("type").value()) == "administrativeStatus") {
                std::string status = text_of(n);
                t.forbidden = status.starts_with("deprecatedTerm") ||
                              status.starts_with("supersededTerm") || status == "deprecated" ||
                              status == "superseded";
            }
        }
        if (!t.text.empty()) terms.push_back(std::move(t));
    }
    return terms;
}

void read_entry(const pugi::xml_node& entry, const std::string& source_lang, Glossary& g) {
    std::vector<std::string> sources;
    std::vector<std::pair<std::string, std::vector<Term>>> targets;
    for (pugi::xml_node ls : entry.children()) {
        if (!named(ls, "langSet", "langSec")) continue;
        std::string lang = ls.attribute("xml:lang").value();
        std::vector<Term> terms = terms_of(ls);
        if (locale_language_fit(lang, source_lang) == LanguageFit::same) {
            for (const Term& t : terms)
                if (!t.forbidden) sources.push_back(t.text);
        } else {
            targets.emplace_back(lang, std::move(terms));
        }
    }
    for (const std::string& s : sources) {
        for (const auto& [lang, terms] : targets) {
            GlossaryEntry e;
            e.term = s;
            e.locale = lang;
            for (const Term& t : terms) (t.forbidden ? e.forbidden : e.approved).push_back(t.text);
            g.entries.push_back(std::move(e));
        }
    }
}

} // namespace

GlossaryReadResult glossary_read_tbx(std::string_view xml, const std::string& name,
                                     const std::string& source_lang) {
    GlossaryReadResult r;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!parsed) {
        TextPosition p = text_position(std::string(xml), static_cast<size_t>(parsed.offset));
        r.diagnostics.push_back({Severity::error, name, p.line, p.column,
                                 std::string(_("malformed TBX: ")) + parsed.description()});
        return r;
    }
    Glossary g;
    for (pugi::xpath_node x : doc.select_nodes("//*[local-name()='termEntry' or "
                                               "local-name()='conceptEntry']"))
        read_entry(x.node(), source_lang, g);
    if (g.entries.empty())
        r.diagnostics.push_back(
            {Severity::warning, name, 0, 0,
             i18n_format(_("the glossary has no entry with a term in %s and another language"),
                         source_lang.c_str())});
    r.glossary = std::move(g);
    return r;
}

} // namespace policyloc
