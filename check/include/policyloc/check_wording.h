// A check report's message in two languages: English, as the report's data (the JSON report is
// the same in every locale), and the user's language, for the table and the HTML report.
#pragma once

#include <string>
#include <vector>

namespace policyloc {

struct Wording {
    std::string message; // English
    std::string text;    // the user's language
};

// `format` (an English msgid marked with N_) with its %s filled by `args`, in English and
// translated through the policyloc text domain.
Wording check_wording(const char* format, const std::vector<std::string>& args = {});

} // namespace policyloc
