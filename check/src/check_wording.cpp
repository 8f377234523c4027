#include "policyloc/check_wording.h"

#include "policyloc/i18n.h"

namespace policyloc {

Wording check_wording(const char* format, const std::vector<std::string>& args) {
    return {i18n_substitute(format, args), i18n_substitute(_(format), args)};
}

} // namespace policyloc
