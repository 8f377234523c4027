// Inline content of XLIFF <source> and <target>: the codes of 1.2 (<x/>, <bx/>, <ex/>,
// <ph>, <bpt>, <ept>, <it>) and 2.0 (<ph/>, <sc/>, <ec/>, <pc> with originalData, <cp/>)
// turned back into the text they stand for, with their kinds and byte ranges.
#include <cstdint>
#include <cstdlib>

#include "policyloc/utf8_text.h"
#include "xliff_common.h"

namespace policyloc::detail {

namespace {

class InlineReader {
  public:
    // `data`: XLIFF 2.0 originalData (id -> text); `known`: code texts by id, filled from the
    // source and used for target codes that carry no text of their own.
    InlineReader(bool v2, const std::map<std::string, std::string>& data,
                 std::map<std::string, std::string>& known, bool record)
        : v2_(v2), data_(data), known_(known), record_(record) {}

    InlineText read(const pugi::xml_node& n) {
        walk(n);
        return std::move(out_);
    }

  private:
    std::string data_text(const pugi::xml_node& e, const char* ref_attr) {
        auto it = data_.find(attr(e, ref_attr));
        return it == data_.end() ? std::string() : it->second;
    }

    // The code's text: its own, else the source's code of the same id (`key`).
    std::string code_text(const std::string& key, std::string text) {
        if (text.empty()) {
            auto it = known_.find(key);
            if (it != known_.end()) text = it->second;
        } else if (record_ && !key.empty()) {
            known_.emplace(key, text);
        }
        return text;
    }

    // A code named by an XLIFF attribute or element name (CodeKind::other unless it is the name
    // of a known kind).
    void add_code(const std::string& id, const std::string& key, std::string text,
                  std::string_view kind) {
        text = code_text(key, std::move(text));
        const size_t begin = out_.text.size();
        out_.text += text;
        out_.hits.push_back({id, CodeHit::Role::standalone, begin, out_.text.size(), {}});
        if (text.empty()) return;
        if (record_) out_.codes.push_back(inline_code_named(begin, out_.text.size(), kind));
    }

    // One end of a pair of formatting codes.
    void add_end(const std::string& id, const std::string& key, std::string text, bool open,
                 std::string kind) {
        text = code_text(key, std::move(text));
        const size_t begin = out_.text.size();
        out_.text += text;
        out_.hits.push_back({id, open ? CodeHit::Role::open : CodeHit::Role::close, begin,
                             out_.text.size(), std::move(kind)});
    }

    static std::string kind12(const std::string& ctype) {
        for (MarkupKind k : {MarkupKind::emphasis, MarkupKind::strong, MarkupKind::strikethrough,
                             MarkupKind::link, MarkupKind::image})
            if (ctype == markup_ctype12(k)) return markup_kind_name(k);
        return {};
    }

    static std::string kind20(const pugi::xml_node& e) {
        for (MarkupKind k : {MarkupKind::emphasis, MarkupKind::strong, MarkupKind::strikethrough,
                             MarkupKind::link, MarkupKind::image}) {
            const MarkupType20 t = markup_type20(k);
            if (attr(e, "type") == t.type && attr(e, "subType") == t.sub_type)
                return markup_kind_name(k);
        }
        return {};
    }

    void element12(const pugi::xml_node& c, std::string_view name, const std::string& id) {
        std::string kind = attr(c, "ctype");
        if (kind.empty()) kind = std::string(name);
        const std::string key = id + std::string(name);
        if ((name == "bpt" || name == "ept") && pair_number(id) > 0) {
            add_end(id, key, all_text(c), name == "bpt", kind12(attr(c, "ctype")));
        } else if (name == "x" || name == "bx" || name == "ex") {
            add_code(id, key, attr(c, "equiv-text"), kind);
        } else if (name == "ph" || name == "bpt" || name == "ept" || name == "it") {
            add_code(id, key, all_text(c), kind);
        } else {
            walk(c); // g, mrk (segment wrappers included), sub, unknown elements
        }
    }

    void element20(const pugi::xml_node& c, std::string_view name, const std::string& id) {
        const std::string start_ref = attr(c, "startRef");
        if (name == "sc" && pair_number(id) > 0) {
            add_end(id, id + "sc", data_text(c, "dataRef"), true, kind20(c));
        } else if (name == "ec" && pair_number(start_ref) > 0) {
            add_end(start_ref, start_ref + "ec", data_text(c, "dataRef"), false, {});
        } else if (name == "ph" || name == "sc" || name == "ec") {
            add_code(id, id + std::string(name), data_text(c, "dataRef"), std::string(name));
        } else if (name == "pc" && pair_number(id) > 0) {
            add_end(id, id + "pcs", data_text(c, "dataRefStart"), true, kind20(c));
            walk(c);
            add_end(id, id + "pce", data_text(c, "dataRefEnd"), false, {});
        } else if (name == "pc") {
            add_code(id, id + "pcs", data_text(c, "dataRefStart"), "pc");
            walk(c);
            add_code(id, id + "pce", data_text(c, "dataRefEnd"), "pc");
        } else if (name == "cp") {
            unsigned long cp = std::strtoul(attr(c, "hex").c_str(), nullptr, 16);
            utf8_append(out_.text, static_cast<std::int32_t>(cp));
        } else if (name != "sm" && name != "em") { // annotation markers hold no text
            walk(c);                               // mrk and unknown elements
        }
    }

    void walk(const pugi::xml_node& n) {
        for (pugi::xml_node c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                out_.text += c.value();
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            if (v2_)
                element20(c, local_name(c.name()), attr(c, "id"));
            else
                element12(c, local_name(c.name()), attr(c, "id"));
        }
    }

    bool v2_;
    const std::map<std::string, std::string>& data_;
    std::map<std::string, std::string>& known_;
    bool record_;
    InlineText out_;
};

} // namespace

InlineText inline_text_read(const pugi::xml_node& n, bool v2,
                            const std::map<std::string, std::string>& data,
                            std::map<std::string, std::string>& known, bool record) {
    return InlineReader(v2, data, known, record).read(n);
}

} // namespace policyloc::detail
