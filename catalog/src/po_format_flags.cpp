#include "po_format_flags.h"

namespace policyloc::detail {

bool po_bytes_may_name_formats(std::string_view bytes) {
    static constexpr std::string_view suffix = "-format";
    for (const char* const* f = po_format_list(); *f != nullptr; ++f)
        if (!std::string_view(*f).ends_with(suffix)) return true;
    // Flags stand on "#," lines (of an obsolete entry too, behind "#~"); "-format" in a
    // message's text or a file name says nothing.
    for (size_t at = bytes.find(suffix); at != std::string_view::npos;
         at = bytes.find(suffix, at + 1)) {
        size_t begin = bytes.rfind('\n', at);
        std::string_view line = bytes.substr(begin == std::string_view::npos ? 0 : begin + 1);
        if (line.starts_with("#~")) line.remove_prefix(2);
        while (line.starts_with(' ')) line.remove_prefix(1);
        if (line.starts_with("#,")) return true;
    }
    return false;
}

void po_append_format_flags(po_message_t m, bool may_name_formats,
                            std::vector<std::string>& flags) {
    if (!may_name_formats) return;
    for (const char* const* f = po_format_list(); *f != nullptr; ++f)
        if (po_message_is_format(m, *f)) flags.emplace_back(*f);
}

} // namespace policyloc::detail
