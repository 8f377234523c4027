#include "policyloc/plural_forms.h"

#include <string>

namespace policyloc {

std::optional<int> catalog_plural_count(const Catalog& catalog) {
    std::optional<std::string> field = catalog.header_field("Plural-Forms");
    if (!field) return std::nullopt;
    size_t pos = field->find("nplurals");
    if (pos == std::string::npos) return std::nullopt;
    pos += 8;
    while (pos < field->size() && ((*field)[pos] == ' ' || (*field)[pos] == '\t')) ++pos;
    if (pos >= field->size() || (*field)[pos] != '=') return std::nullopt;
    ++pos;
    while (pos < field->size() && ((*field)[pos] == ' ' || (*field)[pos] == '\t')) ++pos;
    int n = 0;
    size_t digits = 0;
    for (; pos < field->size() && (*field)[pos] >= '0' && (*field)[pos] <= '9' && digits < 4;
         ++pos, ++digits)
        n = n * 10 + ((*field)[pos] - '0');
    if (digits == 0 || n < 1 || n > 100) return std::nullopt;
    return n;
}

} // namespace policyloc
