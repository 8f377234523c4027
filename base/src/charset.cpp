#include "policyloc/charset.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace policyloc {

namespace {

struct ConverterClose {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterClose>;

ConverterPtr open_converter(const std::string& name) {
    if (name.empty()) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr c(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return c;
}

} // namespace

bool charset_known(const std::string& charset) {
    return open_converter(charset) != nullptr;
}

CharsetDecoded charset_decode(std::string_view bytes, const std::string& charset) {
    CharsetDecoded r;
    ConverterPtr converter = open_converter(charset);
    if (!converter) {
        r.status = CharsetDecoded::Status::unknown_charset;
        return r;
    }
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
    icu::UnicodeString text;
    std::vector<UChar> buffer(16384);
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    for (;;) {
        status = U_ZERO_ERROR;
        UChar* target = buffer.data();
        ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, limit,
                       nullptr, true, &status);
        text.append(buffer.data(), static_cast<int32_t>(target - buffer.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_SUCCESS(status)) break;
        char invalid[32];
        int8_t length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
        const size_t end = static_cast<size_t>(source - bytes.data());
        r.status = CharsetDecoded::Status::invalid_bytes;
        r.invalid_offset =
            end >= static_cast<size_t>(length) ? end - static_cast<size_t>(length) : 0;
        return r;
    }
    text.toUTF8String(r.utf8);
    return r;
}

} // namespace policyloc
