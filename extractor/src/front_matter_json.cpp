// JSON front matter over nlohmann-json: a SAX handler, fed through an input iterator that
// records how far the parser has read, gives each scalar's byte range.
#include <iterator>

#include <nlohmann/json.hpp>

#include "front_matter_internal.h"
#include "policyloc/i18n.h"

namespace policyloc::detail {

namespace {

// An input iterator over the page that records how far the parser has read. nlohmann's
// lexer reads one byte at a time and reads past a token only for numbers (one byte of
// look-ahead), so when the SAX handler is called for a string, a key or the end of an
// object, the furthest byte read is the last byte of that token.
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char** furthest = nullptr;

    reference operator*() const {
        if (at + 1 > *furthest) *furthest = at + 1;
        return *at;
    }
    CountingIterator& operator++() {
        ++at;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++at;
        return old;
    }
    bool operator==(const CountingIterator& o) const { return at == o.at; }
    bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

class JsonHandler : public nlohmann::json_sax<nlohmann::json> {
  public:
    JsonHandler(std::string_view page, const char** furthest, const LineIndex& lines,
                std::vector<FrontMatterField>& scalars)
        : page_(page), furthest_(furthest), lines_(lines), scalars_(scalars) {}

    std::optional<size_t> error_offset;
    std::string error_message;

    bool null() override { return literal(); }
    bool boolean(bool) override { return literal(); }
    bool number_integer(number_integer_t) override { return literal(); }
    bool number_unsigned(number_unsigned_t) override { return literal(); }
    bool number_float(number_float_t, const string_t&) override { return literal(); }
    bool binary(binary_t&) override { return literal(); }

    bool string(string_t& value) override {
        auto [begin, end] = string_token();
        scalars_.push_back(
            make_field(lines_, next_path(), value, begin, end, ScalarStyle::json_string, true));
        value_done();
        return true;
    }
    bool key(string_t& value) override {
        string_token();
        if (!stack_.empty()) stack_.back().key = value;
        return true;
    }
    bool start_object(std::size_t) override { return start_container(true); }
    bool start_array(std::size_t) override { return start_container(false); }
    bool end_object() override { return end_container(); }
    bool end_array() override { return end_container(); }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        // `position` counts the bytes read, the offending one included.
        error_offset = position > 0 ? position - 1 : 0;
        error_message = e.what();
        return false;
    }

  private:
    struct Frame {
        bool object = false;
        std::string path;
        std::string key;
        size_t index = 0;
    };
    std::string_view page_;
    const char** furthest_;
    const LineIndex& lines_;
    std::vector<FrontMatterField>& scalars_;
    std::vector<Frame> stack_;
    size_t last_ = 0; // end of the previous token the handler saw

    size_t read() const { return static_cast<size_t>(*furthest_ - page_.data()); }

    std::string next_path() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        return f.object ? join_path(f.path, f.key) : index_path(f.path, f.index);
    }
    void value_done() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }

    // The string token just read ends at the furthest byte read. Between the previous token
    // and this one there are only blanks and the structural characters : , [ {, none of them
    // a quote, so the token's opening quote is the first '"' after the previous token.
    std::pair<size_t, size_t> string_token() {
        size_t end = read();
        size_t begin = page_.find('"', last_);
        if (begin == std::string_view::npos || begin >= end) begin = last_;
        last_ = end;
        return {begin, end};
    }

    // true, false, null and numbers: the token starts after the blanks and structural
    // characters that follow the previous token and runs to the next of them (a number is
    // followed by one byte of look-ahead, so the furthest byte read cannot bound it).
    bool literal() {
        auto separator = [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == ',' ||
                   c == '[' || c == ']' || c == '{' || c == '}';
        };
        size_t limit = read();
        size_t begin = last_;
        while (begin < limit && separator(page_[begin])) ++begin;
        size_t end = begin;
        while (end < limit && !separator(page_[end])) ++end;
        scalars_.push_back(make_field(lines_, next_path(),
                                      std::string(page_.substr(begin, end - begin)), begin, end,
                                      ScalarStyle::json_string, false));
        last_ = end;
        value_done();
        return true;
    }

    bool start_container(bool object) {
        Frame f;
        f.object = object;
        f.path = next_path();
        stack_.push_back(std::move(f));
        last_ = read();
        return true;
    }
    bool end_container() {
        if (!stack_.empty()) stack_.pop_back();
        last_ = read();
        value_done();
        return true;
    }
};

} // namespace

std::optional<Diagnostic> json_read_scalars(std::string_view page, size_t start,
                                            const std::string& file,
                                            std::vector<FrontMatterField>& scalars,
                                            size_t& object_end) {
    // Hugo's rule: the JSON object ends where its braces balance, i.e. where the parser
    // has read the first complete value (strict=false stops there).
    std::string_view rest = page.substr(start);
    const char* furthest = rest.data();
    LineIndex lines(page);
    JsonHandler handler(page, &furthest, lines, scalars);
    bool ok = false;
    try {
        ok = nlohmann::json::sax_parse(CountingIterator{rest.data(), &furthest},
                                       CountingIterator{rest.data() + rest.size(), &furthest},
                                       &handler, nlohmann::json::input_format_t::json,
                                       /*strict=*/false);
    } catch (const nlohmann::json::exception& e) {
        handler.error_offset = static_cast<size_t>(furthest - rest.data());
        handler.error_message = e.what();
    }
    if (!ok || handler.error_offset) {
        size_t at = start + handler.error_offset.value_or(0);
        return error_at(file, page, at, _("invalid JSON front matter: ") + handler.error_message);
    }
    object_end = static_cast<size_t>(furthest - page.data());
    return std::nullopt;
}

} // namespace policyloc::detail
