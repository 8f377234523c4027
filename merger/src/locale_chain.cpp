#include "policyloc/locale_chain.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "policyloc/catalog.h"

namespace policyloc {

namespace {

// An ICU locale id ("ar@numbers=latn") from a BCP 47 tag, or a gettext name ("pt_BR").
icu::Locale to_icu(std::string_view tag) {
    std::string bcp47 =
        tag.find('_') != std::string_view::npos || tag.find('@') != std::string_view::npos
            ? locale_to_bcp47(tag)
            : std::string(tag);
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale l = icu::Locale::forLanguageTag(bcp47, status);
    if (U_FAILURE(status)) return icu::Locale(bcp47.c_str());
    return l;
}

std::string to_tag(const icu::Locale& l) {
    UErrorCode status = U_ZERO_ERROR;
    std::string tag = l.toLanguageTag<std::string>(status);
    return U_SUCCESS(status) ? tag : std::string(l.getName());
}

// CLDR's parent where it is not the truncation (es_MX -> es_419), else the truncation.
std::string parent_id(const std::string& id) {
    std::string parent;
    UErrorCode rs = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_openDirect(nullptr, id.c_str(), &rs);
    if (U_SUCCESS(rs)) {
        int32_t len = 0;
        const UChar* p = ures_getStringByKey(bundle, "%%Parent", &len, &rs);
        if (U_SUCCESS(rs) && p && len > 0 && len < 64) {
            char buf[64];
            u_UCharsToChars(p, buf, len);
            parent.assign(buf, static_cast<size_t>(len));
        }
    }
    if (bundle) ures_close(bundle);
    if (parent.empty()) {
        char buf[ULOC_FULLNAME_CAPACITY];
        UErrorCode ps = U_ZERO_ERROR;
        uloc_getParent(id.c_str(), buf, sizeof buf, &ps);
        parent = U_SUCCESS(ps) ? buf : "";
    }
    return parent;
}

bool chain_contains(const std::vector<std::string>& chain, const std::string& tag) {
    for (const std::string& c : chain)
        if (c == tag) return true;
    return false;
}

} // namespace

std::string locale_lookup_tag(std::string_view bcp47) {
    icu::Locale l = to_icu(bcp47);
    icu::Locale base(l.getBaseName());
    if (base.isBogus() || std::string_view(base.getName()).empty()) return std::string(bcp47);
    return to_tag(base);
}

std::vector<std::string> locale_parent_chain(std::string_view bcp47) {
    std::vector<std::string> chain;
    std::string current = to_icu(locale_lookup_tag(bcp47)).getName();
    for (int guard = 0; guard < 8 && !current.empty() && current != "root"; ++guard) {
        chain.push_back(to_tag(icu::Locale(current.c_str())));
        current = parent_id(current);
    }
    if (chain.empty()) chain.emplace_back(bcp47);
    return chain;
}

LanguageFit locale_language_fit(std::string_view catalog_language, std::string_view expected) {
    icu::Locale a = to_icu(catalog_language), b = to_icu(expected);
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale ma = a, mb = b;
    ma.addLikelySubtags(status);
    mb.addLikelySubtags(status);
    if (U_FAILURE(status)) return LanguageFit::different;
    if (std::string_view(ma.getLanguage()) != mb.getLanguage() ||
        std::string_view(ma.getScript()) != mb.getScript())
        return LanguageFit::different;
    std::string ta = locale_lookup_tag(to_tag(a)), tb = locale_lookup_tag(to_tag(b));
    if (ta == tb || chain_contains(locale_parent_chain(tb), ta) ||
        chain_contains(locale_parent_chain(ta), tb))
        return LanguageFit::same;
    // A tag that names no region (zh-Hans) stands for its likely region (zh-Hans-CN).
    if (std::string_view(ma.getCountry()) == mb.getCountry()) return LanguageFit::same;
    return LanguageFit::variant;
}

bool locale_is_right_to_left(std::string_view bcp47) {
    return to_icu(bcp47).isRightToLeft();
}

} // namespace policyloc
