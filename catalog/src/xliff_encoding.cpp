#include "xliff_encoding.h"

#include <pugixml.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

#include "policyloc/charset.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/text.h"

namespace policyloc::detail {

namespace {

// UTF-16 or UTF-32 by signature or by how "<?" is laid out; the signature's length in `skip`.
std::string wide_encoding(const std::string& bytes, int32_t& skip) {
    UErrorCode status = U_ZERO_ERROR;
    skip = 0;
    const char* name = ucnv_detectUnicodeSignature(
        bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 4)), &skip, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
    skip = 0;
    auto starts = [&](std::string_view p) { return bytes.compare(0, p.size(), p) == 0; };
    using namespace std::string_view_literals;
    if (starts("\0\0\0<"sv)) return "UTF-32BE";
    if (starts("<\0\0\0"sv)) return "UTF-32LE";
    if (starts("\0<\0?"sv)) return "UTF-16BE";
    if (starts("<\0?\0"sv)) return "UTF-16LE";
    return {};
}

// The encoding that the XML declaration of an 8-bit document names ("" without one), read by
// pugixml from the declaration alone.
std::string declared_encoding(const std::string& bytes) {
    size_t start = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    if (bytes.compare(start, 5, "<?xml") != 0) return {};
    size_t end = bytes.find("?>", start);
    if (end == std::string::npos) return {};
    pugi::xml_document doc;
    if (!doc.load_buffer(bytes.data() + start, end + 2 - start,
                         pugi::parse_declaration | pugi::parse_fragment, pugi::encoding_utf8))
        return {};
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_declaration) return n.attribute("encoding").value();
    return {};
}

Diagnostic error_at(const std::string& text, size_t offset, const std::string& file,
                    const std::string& message) {
    TextPosition at = text_position(text, offset);
    return Diagnostic{Severity::error, file, at.line, at.column, message};
}

bool is_utf8_name(const std::string& lower) {
    return lower.empty() || lower == "utf-8" || lower == "utf8";
}

// The code point of the reference starting at `ref` ("&#...;"); -1 when it is not one.
int64_t char_ref_value(std::string_view ref) {
    size_t i = 2;
    const bool hex = i < ref.size() && (ref[i] == 'x');
    if (hex) ++i;
    int64_t v = 0;
    size_t digits = 0;
    for (; i < ref.size() && ref[i] != ';'; ++i, ++digits) {
        char c = ref[i];
        int d = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0) return -1;
        if (v <= 0x110000) v = v * (hex ? 16 : 10) + d;
    }
    return digits > 0 && i < ref.size() ? v : -1;
}

bool bad_code_point(int64_t v) {
    return v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF;
}

// The offset in `raw` of the first bad reference, from `from` on.
std::optional<size_t> first_bad_ref(std::string_view raw, size_t from = 0) {
    for (size_t pos = raw.find("&#", from); pos != std::string_view::npos;
         pos = raw.find("&#", pos + 2))
        if (int64_t v = char_ref_value(raw.substr(pos, 16)); v >= 0 && bad_code_point(v))
            return pos;
    return std::nullopt;
}

} // namespace

std::optional<std::string> xliff_decode(std::string bytes, const std::string& file,
                                        Diagnostics& diagnostics) {
    int32_t skip = 0;
    std::string encoding = wide_encoding(bytes, skip);
    const bool wide = !encoding.empty() && text_lower_ascii(encoding) != "utf-8";
    if (!wide) {
        encoding = declared_encoding(bytes);
        const std::string lower = text_lower_ascii(encoding);
        if (lower.rfind("utf-16", 0) == 0 || lower.rfind("utf-32", 0) == 0 ||
            lower.rfind("ucs-", 0) == 0 || lower == "unicode") {
            diagnostics.push_back(error_at(bytes, 0, file,
                                           i18n_format(_("the document declares the encoding "
                                                         "'%s' but its bytes are 8-bit (no "
                                                         "byte-order mark)"),
                                                       encoding.c_str())));
            return std::nullopt;
        }
        if (is_utf8_name(lower)) encoding.clear();
    }
    std::string text;
    if (encoding.empty()) {
        text = std::move(bytes);
        if (auto bad = utf8_check(text, file)) {
            diagnostics.push_back(*bad);
            return std::nullopt;
        }
    } else {
        if (!charset_known(encoding)) {
            diagnostics.push_back(error_at(bytes, 0, file,
                                           i18n_format(_("the document declares the encoding "
                                                         "'%s', which is unknown; not read"),
                                                       encoding.c_str())));
            return std::nullopt;
        }
        CharsetDecoded decoded =
            charset_decode(std::string_view(bytes).substr(static_cast<size_t>(skip)), encoding);
        if (decoded.status != CharsetDecoded::Status::ok) {
            const size_t at = decoded.invalid_offset + static_cast<size_t>(skip);
            diagnostics.push_back(error_at(wide ? std::string() : bytes, wide ? 0 : at, file,
                                           i18n_format(_("byte not valid in the document's "
                                                         "encoding '%s' (at byte %zu); not read"),
                                                       encoding.c_str(), at)));
            return std::nullopt;
        }
        text = std::move(decoded.utf8);
    }
    if (size_t nul = text.find('\0'); nul != std::string::npos) {
        diagnostics.push_back(error_at(text, nul, file, _("NUL byte in the document; not read")));
        return std::nullopt;
    }
    return text;
}

std::optional<Diagnostic> xliff_bad_char_ref(const std::string& xml, const std::string& file) {
    // Almost every document has none: only then is the document parsed again, without
    // expanding references, to tell text and attribute values from comments and CDATA.
    std::optional<size_t> candidate = first_bad_ref(xml);
    if (!candidate) return std::nullopt;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_minimal | pugi::parse_ws_pcdata,
                         pugi::encoding_utf8))
        return std::nullopt; // the reader reports malformed XML itself
    std::optional<size_t> found;
    auto consider = [&](size_t offset) {
        if (!found || offset < *found) found = offset;
    };
    struct Walker : pugi::xml_tree_walker {
        const std::string* xml;
        std::function<void(size_t)> consider;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata) {
                std::string_view v = n.value();
                if (auto at = first_bad_ref(v))
                    consider(static_cast<size_t>(n.offset_debug()) + *at);
            } else if (n.type() == pugi::node_element) {
                for (pugi::xml_attribute a : n.attributes())
                    if (first_bad_ref(a.value())) {
                        // Attributes carry no offset: the reference's place in the start tag.
                        const size_t tag = static_cast<size_t>(n.offset_debug());
                        const size_t close = xml->find('>', tag);
                        if (auto at = first_bad_ref(std::string_view(*xml).substr(0, close), tag))
                            consider(*at);
                    }
            }
            return true;
        }
    } walker;
    walker.xml = &xml;
    walker.consider = consider;
    doc.traverse(walker);
    if (!found) return std::nullopt;
    return error_at(xml, *found, file,
                    i18n_format(_("character reference %s to a code point that text cannot "
                                  "hold (NUL, a surrogate or past U+10FFFF)"),
                                xml.substr(*found, xml.find(';', *found) + 1 - *found).c_str()));
}

} // namespace policyloc::detail
