#include "policyloc/markdown_extensions.h"

#include <mutex>

#include <cmark-gfm-core-extensions.h>

namespace policyloc {

void markdown_extensions_register() {
    static std::once_flag registered;
    std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
}

} // namespace policyloc
