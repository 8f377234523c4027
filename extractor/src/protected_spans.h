// Protected spans of a unit's text (private to the extractor): code spans, raw HTML,
// autolinks, link destinations and labels, footnote references (located in the order
// cmark-gfm's inline tree gives them) and Hugo template actions and shortcodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "policyloc/catalog.h"

namespace policyloc {

// A Hugo tag: template action "{{ ... }}" or shortcode "{{< ... >}}" / "{{% ... %}}".
struct ShortcodeTag {
    size_t begin = 0;
    size_t end = 0;
    bool shortcode = false; // false: a template action
    bool closing = false;   // {{< /name >}}
    bool self_closing = false;
    bool unclosed = false; // no end in the text: the tag runs to its end (a tag that
                           // spans several blocks, e.g. ">}}" on a line of its own)
    std::string name;      // shortcode name
};

// Every Hugo tag of `text`, in order. Go string literals inside tags are honoured.
std::vector<ShortcodeTag> scan_shortcode_tags(std::string_view text);

// Skips a Go string literal starting at pos ("..." with escapes, not across a line, or
// `raw`); returns the position after it, or npos when it is not closed.
size_t skip_go_string(std::string_view text, size_t pos);

// The byte ranges of `tag` (a shortcode's text) of the quoted values of its named parameters
// that `list` makes translatable (shortcode_params.h), without their quotes.
std::vector<std::pair<size_t, size_t>> shortcode_param_values(std::string_view tag,
                                                              std::string_view name,
                                                              const std::vector<std::string>& list);

struct SpanScan {
    std::string text;               // the unit text; collapsed and shortcut references are
                                    // written out as full references ("[a][]" -> "[a][a]")
    std::vector<InlineCode> codes;  // sorted, not overlapping
    std::vector<MarkupPair> markup; // inline formatting as pairs of codes (inline_markup.h)
    size_t shortcode_values = 0;    // translatable shortcode parameter values in the text
};

// `block` is the cmark-gfm block whose inline children were parsed from `text`. The quoted
// values of the shortcode parameters `shortcode_params` names and the titles of links and
// images are text between the protected parts of their shortcode or destination.
SpanScan find_protected_spans(std::string_view text, cmark_node* block,
                              const std::vector<std::string>& shortcode_params = {});

} // namespace policyloc
