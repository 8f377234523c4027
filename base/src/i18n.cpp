#include "policyloc/i18n.h"

#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace policyloc {

std::string i18n_format(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string out;
    if (n > 0) {
        out.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, again);
        out.resize(static_cast<size_t>(n));
    }
    va_end(again);
    return out;
}

std::string i18n_locale_dir(const std::string& executable) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path above = fs::path(executable).parent_path().parent_path();
    if (fs::exists(above / "CMakeCache.txt", ec)) return (above / "locale").string();
    return (above / "share" / "locale").string();
}

} // namespace policyloc
