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
    return any;
}

} // namespace policyloc
