// What the unit tests of the check families build their cases from.
#pragma once

#include <string>
#include <vector>

#include "policyloc/check_unit.h"

namespace policyloc::test {

// A protected span of bytes [b, e) (its kind does not matter to the checks).
inline InlineCode span(size_t b, size_t e) {
    InlineCode c;
    c.begin = b;
    c.end = e;
    return c;
}

// A translated unit.
inline Unit unit(std::string source, std::string target) {
    Unit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.state = UnitState::translated;
    return u;
}

using Ids = std::vector<std::string>;

// The check ids of the findings, in order.
inline Ids ids(const UnitFindings& fs) {
    Ids out;
    for (const auto& f : fs) out.push_back(f.id);
    return out;
}

} // namespace policyloc::test
