#include "cli_errors.h"

#include <regex>

#include "policyloc/i18n.h"

namespace policyloc::cli {

namespace {

// One wording of a CLI11 message: the whole message must match; its parts are m[1], m[2], ...
struct Wording {
    std::smatch m;
    const std::string& what;

    bool is(const char* pattern) { return std::regex_match(what, m, std::regex(pattern)); }
    std::string operator[](size_t i) const { return m[i].str(); }
    unsigned long number(size_t i) const { return std::stoul(m[i].str()); }
};

std::string extras_text(Wording& w) {
    if (!w.is("The following (argument was|arguments were) not expected: (.+)")) return w.what;
    return i18n_format(P_("The following argument was not expected: %s",
                          "The following arguments were not expected: %s",
                          w.m[1].str() == "argument was" ? 1 : 2),
                       w[2].c_str());
}

std::string required_text(Wording& w) {
    if (w.what == "A subcommand is required") return _("A subcommand is required");
    if (w.is("Requires at least ([0-9]+) subcommands"))
        return i18n_format(P_("At least %lu subcommand is required",
                              "At least %lu subcommands are required", w.number(1)),
                           w.number(1));
    if (w.is("Exactly 1 option from \\[(.*)\\] is required and ([0-9]+) were given"))
        return i18n_format(P_("Exactly 1 option from [%s] is required and %lu was given",
                              "Exactly 1 option from [%s] is required and %lu were given",
                              w.number(2)),
                           w[1].c_str(), w.number(2));
    if (w.is("Exactly 1 option from \\[(.*)\\] is required"))
        return i18n_format(_("Exactly 1 option from [%s] is required"), w[1].c_str());
    if (w.is("At least 1 option from \\[(.*)\\] is required"))
        return i18n_format(_("At least 1 option from [%s] is required"), w[1].c_str());
    if (w.is("(.+) is required")) return i18n_format(_("%s is required"), w[1].c_str());
    return w.what;
}

std::string conversion_text(Wording& w) {
    if (w.is("The value (.+) is not an allowed value for (.+)"))
        return i18n_format(_("The value %s is not an allowed value for %s"), w[1].c_str(),
                           w[2].c_str());
    if (w.is("Could not convert: (.+)"))
        return i18n_format(_("Could not convert: %s"), w[1].c_str());
    if (w.is("(.+): too many inputs for a flag"))
        return i18n_format(_("%s: too many inputs for a flag"), w[1].c_str());
    if (w.is("(.+): Should be true/false or a number"))
        return i18n_format(_("%s: Should be true/false or a number"), w[1].c_str());
    return w.what;
}

// A validator's message after the option's name; policyloc's own validators are translated.
std::string validation_text(Wording& w) {
    if (w.is("(.+): Value (.+) not in range (.+) to (.+)"))
        return i18n_format(_("%s: Value %s not in range %s to %s"), w[1].c_str(), w[2].c_str(),
                           w[3].c_str(), w[4].c_str());
    if (w.is("(.+): Value (.+) could not be converted"))
        return i18n_format(_("%s: Value %s could not be converted"), w[1].c_str(), w[2].c_str());
    if (w.is("(.+): (.+) not in \\{(.*)\\}"))
        return i18n_format(_("%s: %s not in {%s}"), w[1].c_str(), w[2].c_str(), w[3].c_str());
    return w.what;
}

std::string mismatch_text(Wording& w) {
    if (w.is("Expected exactly ([0-9]+) arguments to (.+), got ([0-9]+)"))
        return i18n_format(P_("Expected exactly %lu argument to %s, got %lu",
                              "Expected exactly %lu arguments to %s, got %lu", w.number(1)),
                           w.number(1), w[2].c_str(), w.number(3));
    if (w.is("Expected at least ([0-9]+) arguments to (.+), got ([0-9]+)"))
        return i18n_format(P_("Expected at least %lu argument to %s, got %lu",
                              "Expected at least %lu arguments to %s, got %lu", w.number(1)),
                           w.number(1), w[2].c_str(), w.number(3));
    if (w.is("(.+): At least ([0-9]+) required but received ([0-9]+)"))
        return i18n_format(_("%s: At least %lu required but received %lu"), w[1].c_str(),
                           w.number(2), w.number(3));
    if (w.is("(.+): At Most ([0-9]+) required but received ([0-9]+)"))
        return i18n_format(_("%s: At most %lu allowed but received %lu"), w[1].c_str(), w.number(2),
                           w.number(3));
    if (w.is("(.+): ([0-9]+) required (.+) missing")) {
        // TRANSLATORS: "--locale: 1 required TEXT missing": an option given without its value;
        // the last %s is the value's type as the help shows it (TEXT, FILE, UINT...).
        const char* format =
            P_("%s: %lu required %s missing", "%s: %lu required %s missing", w.number(2));
        return i18n_format(format, w[1].c_str(), w.number(2), w[3].c_str());
    }
    if (w.is("(.+) was given a disallowed flag override"))
        return i18n_format(_("%s was given a disallowed flag override"), w[1].c_str());
    return w.what;
}

} // namespace

std::string cli_error_text(const CLI::Error& e) {
    const std::string what = e.what();
    Wording w{{}, what};
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return extras_text(w);
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return required_text(w);
    if (dynamic_cast<const CLI::ConversionError*>(&e)) return conversion_text(w);
    if (dynamic_cast<const CLI::ValidationError*>(&e)) return validation_text(w);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return mismatch_text(w);
    if (dynamic_cast<const CLI::ExcludesError*>(&e) && w.is("(.+) excludes (.+)"))
        return i18n_format(_("%s excludes %s"), w[1].c_str(), w[2].c_str());
    if (dynamic_cast<const CLI::RequiresError*>(&e) && w.is("(.+) requires (.+)"))
        return i18n_format(_("%s requires %s"), w[1].c_str(), w[2].c_str());
    if (dynamic_cast<const CLI::OptionNotFound*>(&e) && w.is("(.+) not found"))
        return i18n_format(_("%s not found"), w[1].c_str());
    if (dynamic_cast<const CLI::FileError*>(&e) && w.is("(.+) was not readable \\(missing\\?\\)"))
        return i18n_format(_("%s was not readable (missing?)"), w[1].c_str());
    return what;
}

} // namespace policyloc::cli
