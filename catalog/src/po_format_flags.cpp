#include "po_format_flags.h"

namespace policyloc::detail {

bool po_bytes_may_name_formats(std::string_view bytes) {
    static constexpr std::string_view suffix = "-format";
    for (const char* const* f = po_format_list(); *f != nullptr; ++f)
        if (!std::string_view(*f).ends_with(suffix)) return true;
    return bytes.find(suffix) != std::string_view::npos;
}

void po_append_format_flags(po_message_t m, bool may_name_formats,
                            std::vector<std::string>& flags) {
    if (!may_name_formats) return;
    for (const char* const* f = po_format_list(); *f != nullptr; ++f)
        if (po_message_is_format(m, *f)) flags.emplace_back(*f);
}

} // namespace policyloc::detail
