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

std::string i18n_substitute(std::string_view format, const std::vector<std::string>& args) {
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        size_t j = i + 1;
        size_t n = 0;
        while (j < format.size() && format[j] >= '0' && format[j] <= '9')
            n = n * 10 + static_cast<size_t>(format[j++] - '0');
        bool positional =
            n > 0 && j + 1 < format.size() && format[j] == '$' && format[j + 1] == 's';
        if (format[i + 1] == '%') {
            out += '%';
            i += 1;
        } else if (format[i + 1] == 's') {
            if (next < args.size()) out += args[next];
            ++next;
            i += 1;
        } else if (positional) {
            if (n <= args.size()) out += args[n - 1];
            i = j + 1;
        } else {
            out += format[i];
        }
    }
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
