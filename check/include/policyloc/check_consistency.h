// inconsistent: one source (and context) translated differently in two catalogs of one
// locale (per-page catalogs, or catalogs of several directories). Within one catalog a
// (context, source) pair is one unit; a context exists to allow different translations, so
// units of different contexts are not compared.
#pragma once

#include <string>
#include <vector>

#include "policyloc/check_page.h"
#include "policyloc/check_report.h"

namespace policyloc {

// Each later translation that differs from the first one is a problem at the later unit,
// naming the first as related place.
std::vector<Problem> check_consistency(const std::string& locale,
                                       const std::vector<LocaleCatalog>& catalogs);

} // namespace policyloc
