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

    // A code named by an XLIFF attribute or element name (CodeKind::other unless it is the name
    // of a known kind).
    void add_code(const std::string& id, std::string text, std::string_view kind) {
        if (text.empty()) {
            auto it = known_.find(id);
            if (it != known_.end()) text = it->second;
        } else if (record_ && !id.empty()) {
            known_.emplace(id, text);
        }
        if (text.empty()) return;
        const size_t begin = out_.text.size();
        out_.text += text;
        if (record_) out_.codes.push_back(inline_code_named(begin, out_.text.size(), kind));
    }

    void walk(const pugi::xml_node& n) {
        for (pugi::xml_node c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                out_.text += c.value();
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local_name(c.name());
            const std::string id = attr(c, "id");
            if (!v2_) {
                std::string kind = attr(c, "ctype");
                if (kind.empty()) kind = std::string(name);
                if (name == "x" || name == "bx" || name == "ex") {
                    add_code(id + std::string(name), attr(c, "equiv-text"), kind);
                } else if (name == "ph" || name == "bpt" || name == "ept" || name == "it") {
                    add_code(id + std::string(name), all_text(c), kind);
                } else {
                    walk(c); // g, mrk (segment wrappers included), sub, unknown elements
                }
                continue;
            }
            if (name == "ph" || name == "sc" || name == "ec") {
                std::string text = data_text(c, "dataRef");
                add_code(id + std::string(name), text, std::string(name));
            } else if (name == "pc") {
                add_code(id + "pcs", data_text(c, "dataRefStart"), "pc");
                walk(c);
                add_code(id + "pce", data_text(c, "dataRefEnd"), "pc");
            } else if (name == "cp") {
                unsigned long cp = std::strtoul(attr(c, "hex").c_str(), nullptr, 16);
                utf8_append(out_.text, static_cast<std::int32_t>(cp));
            } else if (name == "sm" || name == "em") {
                // annotation markers hold no text
            } else {
                walk(c); // mrk and unknown elements
            }
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
