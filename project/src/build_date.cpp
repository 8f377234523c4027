#include "policyloc/build_date.h"

#include <algorithm>
#include <cctype>

namespace policyloc {

namespace {

const DateAction* first_date(const Skeleton& skeleton) {
    for (const Slot& slot : skeleton.slots) {
        if (const auto* d = std::get_if<DateSlot>(&slot)) return &d->date;
        if (const auto* u = std::get_if<UnitSlot>(&slot); u && !u->dates.empty())
            return &u->dates.front();
    }
    return nullptr;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The front-matter keys a date action's field reads, in order (as the merge reads them).
std::vector<std::string> keys_for(const std::string& field) {
    if (field == "Date") return {"date", "lastmod"};
    if (field == "PublishDate") return {"publishdate", "date"};
    if (field == "ExpiryDate") return {"expirydate"};
    if (field == "now") return {};
    return {"lastmod", "date"};
}

} // namespace

bool page_writes_date(const Skeleton& skeleton) {
    return first_date(skeleton) != nullptr;
}

std::string build_date_text(const Skeleton& skeleton, const LocaleSettings& locale,
                            std::optional<double> fallback, DateFormatter& formatter) {
    const DateAction* action = first_date(skeleton);
    if (!action) return "";
    std::optional<double> when;
    if (locale.date) when = date_parse_iso(*locale.date);
    for (const std::string& key : keys_for(action->expression.field))
        for (const FrontMatterField& f : skeleton.front_matter.scalars)
            if (!when && lower(f.path) == key) when = date_parse_iso(f.value);
    if (!when) when = fallback;
    if (!when) return "?";
    DateFormatResult r =
        formatter.format(*when, action->expression.layout, locale.icu_tag(), locale.time_zone);
    return r.error.empty() ? r.text : "?";
}

} // namespace policyloc
