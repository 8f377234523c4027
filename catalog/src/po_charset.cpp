#include "po_charset.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <unicode/unistr.h>

#include <cstring>

#include "policyloc/charset.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/text.h"

namespace policyloc::detail {

PoCharset po_content_type_charset(const std::string& content_type) {
    PoCharset result;
    const std::string lower = text_lower_ascii(content_type);
    for (size_t pos = lower.find("charset="); pos != std::string::npos;
         pos = lower.find("charset=", pos)) {
        pos += 8;
        size_t end = pos;
        while (end < lower.size() && lower[end] != ';' && lower[end] != ' ' && lower[end] != '\t')
            ++end;
        std::string value = content_type.substr(pos, end - pos);
        if (result.name.empty())
            result.name = value;
        else if (result.second.empty() && text_lower_ascii(value) != text_lower_ascii(result.name))
            result.second = value;
        pos = end;
    }
    return result;
}

bool po_charset_is_utf8(const std::string& charset) {
    std::string c = text_lower_ascii(charset);
    return c.empty() || c == "utf-8" || c == "utf8" || c == "charset" || c == "ascii" ||
           c == "us-ascii" || c == "ansi_x3.4-1968";
}

PoDecoding po_choose_decoding(const PoCharset& charset, std::string_view bytes,
                              const std::string& file) {
    PoDecoding d;
    if (charset.second.empty() && po_charset_is_utf8(charset.name)) return d;
    if (charset.second.empty() && charset_known(charset.name)) {
        CharsetDecoded decoded = charset_decode(bytes, charset.name);
        if (decoded.status != CharsetDecoded::Status::ok) {
            TextPosition at = text_position(std::string(bytes), decoded.invalid_offset);
            d.ok = false;
            d.diagnostic = Diagnostic{
                Severity::error, file, at.line, at.column,
                i18n_format(_("byte not valid in the charset '%s' that the header names; file not "
                              "read"),
                            charset.name.c_str())};
            return d;
        }
        d.converter = charset.name;
        return d;
    }
    const bool two = !charset.second.empty();
    const char* one_name = charset.name.c_str();
    const char* other_name = charset.second.c_str();
    if (auto bad = utf8_check(bytes, file)) {
        d.ok = false;
        const char* why = bad->message.c_str();
        bad->message =
            two ? i18n_format(_("the header names two charsets, '%s' and '%s', and the file is not "
                                "valid UTF-8 (%s); file not read: convert it to UTF-8 and name "
                                "that charset"),
                              one_name, other_name, why)
                : i18n_format(_("the charset '%s' that the header names is unknown, and the file "
                                "is not valid UTF-8 (%s); file not read: convert it to UTF-8 and "
                                "name that charset"),
                              one_name, why);
        d.diagnostic = *bad;
        return d;
    }
    d.diagnostic = Diagnostic{
        Severity::warning, file, 0, 0,
        two ? i18n_format(_("the header names two charsets, '%s' and '%s'; the file is valid "
                            "UTF-8 and was read as UTF-8"),
                          one_name, other_name)
            : i18n_format(_("the charset '%s' that the header names is unknown; the file is "
                            "valid UTF-8 and was read as UTF-8"),
                          one_name)};
    return d;
}

std::string PoRecoder::operator()(const char* s) const {
    if (s == nullptr) return {};
    if (converter_.empty()) return s;
    icu::UnicodeString u(s, static_cast<int32_t>(std::strlen(s)), converter_.c_str());
    std::string out;
    u.toUTF8String(out);
    return out;
}

PoCharset po_header_charset(po_file_t file) {
    // po_file_domain_header() returns a malloc'd copy of the header entry.
    std::unique_ptr<char, decltype(&std::free)> header_copy(
        const_cast<char*>(po_file_domain_header(file, nullptr)), &std::free);
    const char* header = header_copy.get();
    PoCharset charset;
    if (header != nullptr) {
        if (char* ct = po_header_field(header, "Content-Type")) {
            charset = po_content_type_charset(ct);
            std::free(ct);
        }
    }
    return charset;
}

PoReadMode::PoReadMode(bool valid_utf8) {
    const char* value = std::getenv("OLD_PO_FILE_INPUT");
    if (value == nullptr || *value == '\0') return;
    byte_wise_ = valid_utf8;
    if (valid_utf8) return;
    restore_ = value;
    ::setenv("OLD_PO_FILE_INPUT", "", 1);
}

bool po_byte_read_stands(po_file_t file, const Diagnostics& diagnostics) {
    if (!file || diagnostics_have_error(diagnostics)) return false;
    const PoCharset charset = po_header_charset(file);
    return charset.second.empty() && po_charset_is_utf8(charset.name);
}

PoReadMode::~PoReadMode() {
    if (restore_) ::setenv("OLD_PO_FILE_INPUT", restore_->c_str(), 1);
}

void po_drop_charset_name_warnings(Diagnostics& ds) {
    std::erase_if(ds, [](const Diagnostic& d) {
        return d.severity == Severity::warning &&
               d.message.find("is not a portable encoding name") != std::string::npos;
    });
}

} // namespace policyloc::detail

namespace policyloc {

void po_prefer_byte_io() {
    ::setenv("OLD_PO_FILE_INPUT", "yes", 0);
    ::setenv("OLD_PO_FILE_OUTPUT", "yes", 0);
}

} // namespace policyloc
