// Messages for people in the user's language: gettext's libintl on the "policyloc" text domain.
// `_()` translates a message, `N_()` only marks one for the template (translated where it is
// shown), `P_()` picks the plural form for a count. The catalogs are looked up with dgettext and
// dngettext on the domain, so a library keeps no state of its own; the program sets the locale
// and binds the domain once (see i18n_locale_dir).
#pragma once

#include <libintl.h>

#include <string>
#include <string_view>
#include <vector>

namespace policyloc {

inline constexpr const char* i18n_domain = "policyloc";

[[gnu::format_arg(1)]] inline const char* i18n_translate(const char* msgid) {
    return dgettext(i18n_domain, msgid);
}

[[gnu::format_arg(1)]] [[gnu::format_arg(2)]] inline const char*
i18n_translate_plural(const char* singular, const char* plural, unsigned long n) {
    return dngettext(i18n_domain, singular, plural, n);
}

// printf into a std::string; translated formats may reorder their arguments ("%2$s").
[[gnu::format(printf, 1, 2)]] std::string i18n_format(const char* format, ...);

// `format` with its "%s" filled by `args` in order, "%N$s" by the Nth (1-based), "%%" as "%";
// for messages whose words are kept as data (a check report) and shown translated later.
std::string i18n_substitute(std::string_view format, const std::vector<std::string>& args);

// The folder that holds <lang>/LC_MESSAGES/policyloc.mo for the program at `executable`: the
// build tree's locale/ when the program runs from a build tree (CMakeCache.txt one folder up),
// else <prefix>/share/locale for a program installed as <prefix>/bin/policyloc.
std::string i18n_locale_dir(const std::string& executable);

} // namespace policyloc

#define _(msgid) ::policyloc::i18n_translate(msgid)
#define N_(msgid) msgid
#define P_(singular, plural, n) ::policyloc::i18n_translate_plural(singular, plural, n)
