// The format flags of a PO message ("c-format", "python-format", ...), read through
// libgettextpo without asking about every known format when the file names none (private to
// the PO codec).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <gettext-po.h>

namespace policyloc::detail {

// False only when no message of a PO file with these bytes can carry a format flag: every
// format libgettextpo knows is named "...-format", and no flag line ("#,") of the bytes says
// "-format".
bool po_bytes_may_name_formats(std::string_view bytes);

// Appends the message's format flags to `flags`; nothing when `may_name_formats` is false.
void po_append_format_flags(po_message_t m, bool may_name_formats, std::vector<std::string>& flags);

} // namespace policyloc::detail
