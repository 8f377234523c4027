// Plain text helpers shared by the libraries: splitting into lines and escaping for HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policyloc {

// The lines of `text` split at "\n" (a final "\n" makes no empty last line).
std::vector<std::string> text_split_lines(std::string_view text);

// `text` with the ASCII letters A-Z lowered (charset and encoding names).
std::string text_lower_ascii(std::string text);

// Text escaped for HTML element content and attribute values (& < > ").
std::string html_escape(std::string_view text);

} // namespace policyloc
