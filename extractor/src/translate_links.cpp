#include "translate_links.h"

#include <algorithm>

namespace policyloc {

bool unprotect_link_destinations(SpanScan& scan) {
    auto is_link = [](const InlineCode& c) {
        return c.kind == CodeKind::link_destination || c.kind == CodeKind::autolink;
    };
    auto removed = std::remove_if(scan.codes.begin(), scan.codes.end(), is_link);
    bool any = removed != scan.codes.end();
    scan.codes.erase(removed, scan.codes.end());
    // A link's closing code would hold its destination: as text, the link is no pair.
    if (any)
        std::erase_if(scan.markup, [](const MarkupPair& m) {
            return m.kind == MarkupKind::link || m.kind == MarkupKind::image;
        });
    return any;
}

} // namespace policyloc
