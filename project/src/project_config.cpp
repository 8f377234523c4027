// policyloc.toml over toml++: known keys only, each of its type, with the line and column of
// whatever is wrong.
#include "policyloc/project_config.h"
#include "policyloc/shortcode_params.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <toml++/toml.h>
#include <unicode/uloc.h>

#include "policyloc/dates.h"
#include "policyloc/i18n.h"
#include "policyloc/pseudo.h"

namespace policyloc {

namespace {

class ConfigReader {
  public:
    ConfigReader(const std::string& file, Diagnostics& diagnostics)
        : file_(file), diagnostics_(diagnostics) {}

    std::optional<ProjectConfig> read(std::string_view text);

  private:
    const std::string& file_;
    Diagnostics& diagnostics_;

    void error(const toml::node* at, const std::string& message) {
        int line = 0, column = 0;
        if (at) {
            line = static_cast<int>(at->source().begin.line);
            column = static_cast<int>(at->source().begin.column);
        }
        diagnostics_.push_back({Severity::error, file_, line, column, message});
    }
    void unknown_keys(const toml::table& t, const std::set<std::string>& known,
                      const std::string& where) {
        for (const auto& entry : t) {
            const toml::key& key = entry.first;
            if (known.count(std::string(key.str()))) continue;
            std::string list;
            for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
            diagnostics_.push_back(
                {Severity::error, file_, static_cast<int>(key.source().begin.line),
                 static_cast<int>(key.source().begin.column),
                 i18n_format(_("unknown key '%s'%s (known: %s)"), std::string(key.str()).c_str(),
                             where.c_str(), list.c_str())});
        }
    }
    std::optional<std::string> string_at(const toml::table& t, const char* key) {
        const toml::node* n = t.get(key);
        if (!n) return std::nullopt;
        if (auto s = n->value<std::string>()) return *s;
        error(n, i18n_format(_("'%s' must be a string"), key));
        return std::nullopt;
    }
    std::optional<bool> bool_at(const toml::table& t, const char* key) {
        const toml::node* n = t.get(key);
        if (!n) return std::nullopt;
        if (n->is_boolean()) return n->value<bool>();
        error(n, i18n_format(_("'%s' must be true or false"), key));
        return std::nullopt;
    }
    std::optional<double> number_at(const toml::table& t, const char* key) {
        const toml::node* n = t.get(key);
        if (!n) return std::nullopt;
        if (n->is_integer() || n->is_floating_point()) return n->value<double>();
        error(n, i18n_format(_("'%s' must be a number"), key));
        return std::nullopt;
    }
    std::optional<std::vector<std::string>> strings_at(const toml::table& t, const char* key) {
        const toml::node* n = t.get(key);
        if (!n) return std::nullopt;
        const toml::array* a = n->as_array();
        std::vector<std::string> out;
        if (a)
            for (const toml::node& e : *a) {
                if (auto s = e.value<std::string>()) {
                    out.push_back(*s);
                } else {
                    error(&e, i18n_format(_("'%s' must hold strings only"), key));
                    return std::nullopt;
                }
            }
        else
            error(n, i18n_format(_("'%s' must be an array of strings"), key));
        return out;
    }

    bool valid_tag(const std::string& tag) const {
        if (tag.empty()) return false;
        char id[ULOC_FULLNAME_CAPACITY];
        int32_t parsed = 0;
        UErrorCode status = U_ZERO_ERROR;
        uloc_forLanguageTag(tag.c_str(), id, sizeof id, &parsed, &status);
        return U_SUCCESS(status) && parsed == static_cast<int32_t>(tag.size()) && id[0] != '\0';
    }

    void read_top(const toml::table& root, ProjectConfig& c);
    void read_catalogs(const toml::table& t, ProjectConfig& c);
    void read_output(const toml::table& t, ProjectConfig& c);
    void read_locale(const toml::table& t, LocaleSettings& s, const std::string& where);
    void read_locales(const toml::node& n, const LocaleSettings& defaults, ProjectConfig& c);
    bool check_pattern(const toml::table& t, const char* key, const std::string& pattern,
                       bool needs_page);
};

void ConfigReader::read_top(const toml::table& root, ProjectConfig& c) {
    unknown_keys(root,
                 {"source_language", "pages", "pages_base", "keys", "keys_only", "catalogs",
                  "output", "defaults", "locales", "shortcode_params"},
                 "");
    if (auto s = string_at(root, "source_language")) {
        if (!valid_tag(*s))
            error(root.get("source_language"),
                  i18n_format(_("'%s' is not a BCP 47 language tag"), s->c_str()));
        c.source_language = *s;
    }
    if (auto p = strings_at(root, "pages")) c.pages = *p;
    if (c.pages.empty())
        error(root.get("pages"), _("'pages' must name at least one page (a glob)"));
    if (auto s = string_at(root, "pages_base")) c.pages_base = *s;
    if (auto k = strings_at(root, "keys")) c.keys = *k;
    if (auto b = bool_at(root, "keys_only")) c.keys_only = *b;
    if (auto p = strings_at(root, "shortcode_params")) {
        if (std::string e = shortcode_params_check(*p); !e.empty())
            error(root.get("shortcode_params"), e);
        c.shortcode_params = *p;
    }
}

bool ConfigReader::check_pattern(const toml::table& t, const char* key, const std::string& pattern,
                                 bool needs_page) {
    if (pattern.find("{locale}") == std::string::npos) {
        error(t.get(key), i18n_format(_("'%s' must contain {locale}"), key));
        return false;
    }
    if (needs_page && pattern.find("{page}") == std::string::npos &&
        pattern.find("{name}") == std::string::npos) {
        error(t.get(key), i18n_format(_("'%s' must contain {page} or {name}"), key));
        return false;
    }
    return true;
}

void ConfigReader::read_catalogs(const toml::table& t, ProjectConfig& c) {
    unknown_keys(t, {"path", "xliff_version"}, _(" in [catalogs]"));
    if (auto s = string_at(t, "path")) {
        check_pattern(t, "path", *s, false);
        c.catalog_path = *s;
    }
    if (auto s = string_at(t, "xliff_version")) {
        if (*s != "1.2" && *s != "2.0")
            error(t.get("xliff_version"), _("'xliff_version' is 1.2 or 2.0"));
        c.xliff_version = *s;
    }
}

void ConfigReader::read_output(const toml::table& t, ProjectConfig& c) {
    unknown_keys(t, {"layout", "root", "path"}, _(" in [output]"));
    if (auto s = string_at(t, "layout")) {
        static const std::map<std::string, OutputLayout> layouts = {
            {"hugo-dirs", OutputLayout::hugo_dirs},
            {"hugo-suffix", OutputLayout::hugo_suffix},
            {"jekyll", OutputLayout::jekyll},
            {"pattern", OutputLayout::pattern}};
        auto it = layouts.find(*s);
        if (it == layouts.end())
            error(t.get("layout"), _("'layout' is hugo-dirs, hugo-suffix, jekyll or pattern"));
        else
            c.layout = it->second;
    }
    if (auto s = string_at(t, "root")) c.output_root = *s;
    if (c.layout == OutputLayout::jekyll && c.output_root.empty()) c.output_root = "_pages";
    if (c.layout != OutputLayout::pattern && c.output_root.empty())
        error(t.get("layout"), _("this layout needs 'root', the directory pages are written to"));
    if (auto s = string_at(t, "path")) {
        check_pattern(t, "path", *s, true);
        c.output_path = *s;
    }
}

void ConfigReader::read_locale(const toml::table& t, LocaleSettings& s, const std::string& where) {
    unknown_keys(t,
                 {"min_complete", "required", "below_threshold", "fallbacks", "numbering",
                  "calendar", "timezone", "date", "use_fuzzy", "pseudo", "format"},
                 where);
    if (auto n = number_at(t, "min_complete")) {
        if (*n < 0 || *n > 100)
            error(t.get("min_complete"), _("'min_complete' is a percent, 0 to 100"));
        s.min_complete = *n;
    }
    if (auto b = bool_at(t, "required")) s.required = *b;
    if (auto v = string_at(t, "below_threshold")) {
        if (*v == "remove")
            s.below = BelowThreshold::remove;
        else if (*v == "keep")
            s.below = BelowThreshold::keep;
        else if (*v == "source")
            s.below = BelowThreshold::source;
        else
            error(t.get("below_threshold"), _("'below_threshold' is remove, keep or source"));
    }
    if (auto f = strings_at(t, "fallbacks")) {
        for (const std::string& tag : *f)
            if (!valid_tag(tag))
                error(t.get("fallbacks"), i18n_format(_("'%s' is not a BCP 47 tag"), tag.c_str()));
        s.fallbacks = *f;
    }
    if (auto v = string_at(t, "numbering")) s.numbering = *v;
    if (auto v = string_at(t, "calendar")) s.calendar = *v;
    if (auto v = string_at(t, "timezone")) {
        if (!date_time_zone_known(*v))
            error(t.get("timezone"), i18n_format(_("unknown time zone '%s'"), v->c_str()));
        s.time_zone = *v;
    }
    if (auto v = string_at(t, "date")) {
        if (!date_parse_iso(*v)) error(t.get("date"), _("'date' is YYYY-MM-DD"));
        s.date = *v;
    }
    if (auto b = bool_at(t, "use_fuzzy")) s.use_fuzzy = *b;
    if (auto v = string_at(t, "format")) {
        if (*v != "po" && *v != "xliff-1.2" && *v != "xliff-2.0")
            error(t.get("format"), _("'format' is po, xliff-1.2 or xliff-2.0"));
        s.format = *v;
    }
    if (auto b = bool_at(t, "pseudo")) {
        if (*b && !pseudo_locale_from_tag(s.tag))
            error(t.get("pseudo"),
                  i18n_format(_("'pseudo' needs a pseudo-locale tag (en-XA or ar-XB), not '%s'"),
                              s.tag.c_str()));
        s.pseudo = *b;
    }
    if (!s.icu_tag().empty() && !valid_tag(s.icu_tag()))
        error(&t, i18n_format(_("numbering '%s' or calendar '%s' is not a BCP 47 Unicode "
                                "extension value"),
                              s.numbering.c_str(), s.calendar.c_str()));
}

void ConfigReader::read_locales(const toml::node& n, const LocaleSettings& defaults,
                                ProjectConfig& c) {
    const toml::table* t = n.as_table();
    if (!t) {
        error(&n, _("'locales' must be a table: one key per locale, e.g. de = {}"));
        return;
    }
    // toml++ keeps a table's keys sorted; the project's order is the file's.
    std::vector<std::pair<std::string, const toml::node*>> entries;
    for (const auto& [key, value] : *t) entries.emplace_back(std::string(key.str()), &value);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.second->source().begin;
        const auto& pb = b.second->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    for (const auto& [key_text, node] : entries) {
        const toml::node& value = *node;
        LocaleSettings s = defaults;
        s.tag = key_text;
        if (!valid_tag(s.tag) || s.tag.find("-u-") != std::string::npos) {
            error(&value, i18n_format(_("'%s' is not a BCP 47 language tag (set numbering and "
                                        "calendar as keys)"),
                                      s.tag.c_str()));
            continue;
        }
        if (const toml::table* lt = value.as_table())
            read_locale(*lt, s, i18n_format(_(" in locale %s"), s.tag.c_str()));
        else
            error(&value, i18n_format(_("locale %s must be a table (e.g. %s = {})"), s.tag.c_str(),
                                      s.tag.c_str()));
        c.locales.push_back(std::move(s));
    }
}

std::optional<ProjectConfig> ConfigReader::read(std::string_view text) {
    toml::table root;
    try {
        root = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
        diagnostics_.push_back({Severity::error, file_, static_cast<int>(e.source().begin.line),
                                static_cast<int>(e.source().begin.column),
                                std::string(e.description())});
        return std::nullopt;
    }
    ProjectConfig c;
    c.file = file_;
    c.root = std::filesystem::path(file_).parent_path().string();
    if (c.root.empty()) c.root = ".";
    read_top(root, c);
    auto section = [&](const char* name) -> const toml::table* {
        const toml::node* n = root.get(name);
        if (n && !n->is_table()) error(n, i18n_format(_("'%s' must be a table"), name));
        return n ? n->as_table() : nullptr;
    };
    if (const toml::table* t = section("catalogs")) read_catalogs(*t, c);
    if (const toml::table* t = section("output"))
        read_output(*t, c);
    else
        check_pattern(root, "output", c.output_path, true);
    LocaleSettings defaults;
    if (const toml::table* t = section("defaults")) read_locale(*t, defaults, _(" in [defaults]"));
    if (const toml::node* n = root.get("locales"))
        read_locales(*n, defaults, c);
    else
        error(nullptr, _("the project names no locales ([locales] with one key per locale)"));
    if (diagnostics_have_error(diagnostics_)) return std::nullopt;
    return c;
}

} // namespace

std::string LocaleSettings::icu_tag() const {
    if (numbering.empty() && calendar.empty()) return tag;
    std::string out = tag + "-u";
    if (!calendar.empty()) out += "-ca-" + calendar;
    if (!numbering.empty()) out += "-nu-" + numbering;
    return out;
}

const LocaleSettings* project_locale(const ProjectConfig& config, const std::string& tag) {
    for (const LocaleSettings& l : config.locales)
        if (l.tag == tag) return &l;
    return nullptr;
}

std::string project_xliff_version(const ProjectConfig& config, const std::string& tag) {
    const LocaleSettings* l = project_locale(config, tag);
    if (l && l->format.starts_with("xliff-")) return l->format.substr(6);
    return config.xliff_version;
}

ProjectConfigResult project_config_parse(std::string_view text, const std::string& file) {
    ProjectConfigResult r;
    ConfigReader reader(file, r.diagnostics);
    r.config = reader.read(text);
    return r;
}

} // namespace policyloc
