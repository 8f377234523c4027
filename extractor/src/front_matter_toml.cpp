// TOML front matter over toml++: each node's source region gives the scalar's byte range, and
// a string's opening quotes give its kind.
#include <algorithm>
#include <cstdint>

#include <toml++/toml.h>
#include <unicode/utf8.h>

#include "front_matter_internal.h"
#include "policyloc/i18n.h"

namespace policyloc::detail {

namespace {

class TomlWalker {
  public:
    TomlWalker(std::string_view page, size_t content_begin, size_t content_end,
               const LineIndex& lines, const std::string& file)
        : page_(page), content_begin_(content_begin),
          content_(page.substr(content_begin, content_end - content_begin)),
          content_lines_(content_), lines_(lines), file_(file) {}

    std::optional<Diagnostic> run(std::vector<FrontMatterField>& scalars) {
        try {
            toml::table root = toml::parse(content_, file_);
            visit(root, "", scalars);
        } catch (const toml::parse_error& err) {
            return error_at(file_, page_, page_offset(err.source().begin),
                            _("invalid TOML front matter: ") + std::string(err.description()));
        }
        return std::nullopt;
    }

  private:
    std::string_view page_;
    size_t content_begin_;
    std::string_view content_;
    LineIndex content_lines_;
    const LineIndex& lines_;
    const std::string& file_;

    // toml++ positions are 1-based lines and 1-based columns counted in code points.
    size_t page_offset(const toml::source_position& p) const {
        size_t start = content_lines_.line_begin(static_cast<int>(p.line));
        auto i = static_cast<int32_t>(start);
        const auto n = static_cast<int32_t>(content_.size());
        for (toml::source_index c = 1;
             c < p.column && i < n && content_[static_cast<size_t>(i)] != '\n'; ++c)
            U8_FWD_1(content_.data(), i, n);
        return content_begin_ + static_cast<size_t>(i);
    }

    void visit(const toml::node& node, const std::string& path,
               std::vector<FrontMatterField>& scalars) const {
        if (const toml::table* t = node.as_table()) {
            for (auto&& [key, child] : *t) visit(child, join_path(path, key.str()), scalars);
            return;
        }
        if (const toml::array* a = node.as_array()) {
            for (size_t i = 0; i < a->size(); ++i) visit(*a->get(i), index_path(path, i), scalars);
            return;
        }
        // A value's source region runs from its first character to one past its last: for a
        // string, from the opening to past the closing quotes of whichever of the four kinds,
        // so the extent needs no scan of the string grammar; the opening quotes tell the kind.
        size_t begin = page_offset(node.source().begin);
        size_t end = std::max(begin, page_offset(node.source().end));
        std::string_view written = page_.substr(begin, end - begin);
        if (const auto* s = node.as_string()) {
            ScalarStyle style = ScalarStyle::toml_basic;
            if (written.substr(0, 3) == "\"\"\"")
                style = ScalarStyle::toml_multiline_basic;
            else if (written.substr(0, 3) == "'''")
                style = ScalarStyle::toml_multiline_literal;
            else if (written.substr(0, 1) == "'")
                style = ScalarStyle::toml_literal;
            scalars.push_back(make_field(lines_, path, s->get(), begin, end, style, true));
        } else {
            // Numbers, booleans, dates and times: the value as written.
            scalars.push_back(make_field(lines_, path, std::string(written), begin, end,
                                         ScalarStyle::toml_basic, false));
        }
    }
};

} // namespace

std::optional<Diagnostic> toml_read_scalars(std::string_view page, size_t content_begin,
                                            size_t content_end, const LineIndex& lines,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars) {
    return TomlWalker(page, content_begin, content_end, lines, file).run(scalars);
}

} // namespace policyloc::detail
