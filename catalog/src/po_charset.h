// The charset of a PO file: which one its header names, and how its bytes are decoded. A
// charset that ICU does not know, or a Content-Type naming two different ones, is read as
// UTF-8 when the bytes are valid UTF-8 (with a warning that says so) and refused otherwise;
// bytes that are not valid in a known charset are refused with their line and column. Private
// to the PO codec.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <gettext-po.h>

#include "policyloc/diagnostic.h"

namespace policyloc::detail {

// The charset parameters of a Content-Type value ("text/plain; charset=UTF-8").
struct PoCharset {
    std::string name;   // the first one; empty without any
    std::string second; // a different one named too (an ambiguous header); empty without
};
PoCharset po_content_type_charset(const std::string& content_type);

// UTF-8 or a subset of it (ASCII); also the "CHARSET" placeholder of an unfilled template.
bool po_charset_is_utf8(const std::string& charset);

struct PoDecoding {
    bool ok = true;                       // false: the file is refused (the reason in `diagnostic`)
    std::string converter;                // empty: the bytes are UTF-8
    std::optional<Diagnostic> diagnostic; // the refusal, or a warning that UTF-8 was assumed
};
// How the bytes of `file` (named `charset` in its header) are read.
PoDecoding po_choose_decoding(const PoCharset& charset, std::string_view bytes,
                              const std::string& file);

// Converts the strings of a PO file in another charset to UTF-8 (the whole file's bytes were
// checked by po_choose_decoding, so nothing here fails).
class PoRecoder {
  public:
    explicit PoRecoder(std::string converter) : converter_(std::move(converter)) {}
    std::string operator()(const char* s) const;

  private:
    std::string converter_;
};

// The charsets that the header entry of a file libgettextpo has read names in its Content-Type.
PoCharset po_header_charset(po_file_t file);

// While it lives, libgettextpo reads a file that is not valid UTF-8 through iconv, character by
// character, even when po_prefer_byte_io chose byte-wise reading (OLD_PO_FILE_INPUT is emptied
// and then set back): in Shift_JIS, Big5 or GBK a character's second byte may be a backslash or
// a quote, which a byte-wise reader takes for the PO syntax it writes. In valid UTF-8 no byte of
// a multibyte character is ASCII, so the two ways read the same. The variable's value is
// swapped in place (it exists already), which glibc's getenv on other threads tolerates.
class PoReadMode {
  public:
    explicit PoReadMode(bool valid_utf8);
    ~PoReadMode();
    PoReadMode(const PoReadMode&) = delete;
    PoReadMode& operator=(const PoReadMode&) = delete;
    bool byte_wise() const { return byte_wise_; } // libgettextpo reads byte by byte

  private:
    std::optional<std::string> restore_;
    bool byte_wise_ = false;
};

// A byte-wise read stands when it succeeded and the header names UTF-8 (or ASCII): valid UTF-8
// that a header calls Shift_JIS, say, is read through iconv again, as the header says, since
// there a UTF-8 character's last byte and a backslash may make one Shift_JIS character.
bool po_byte_read_stands(po_file_t file, const Diagnostics& diagnostics);

// Drops libgettextpo's own warning about the charset's name ("is not a portable encoding
// name"): po_choose_decoding says what was done instead.
void po_drop_charset_name_warnings(Diagnostics& ds);

} // namespace policyloc::detail
