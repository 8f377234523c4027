// Wrapping translated paragraphs at the source's width with ICU's line break iterator.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policyloc/utf8_text.h" // display_width

namespace policyloc {

struct ReflowOptions {
    size_t width = 80;               // maximum display columns per line, prefix included
    size_t first_line_columns = 0;   // columns before the text on the first line ("- ", "## ")
    std::string continuation_prefix; // written at the start of every continuation line
    std::string newline = "\n";
    // Byte ranges [first, second) of the text that must not be broken (protected spans).
    std::vector<std::pair<size_t, size_t>> keep_together;
};

// ICU's line break iterator (root locale), created on first use and then shared by every
// reflow() call given this object: creating one costs far more than wrapping a paragraph. Not
// safe to use from two threads at once.
class LineBreaker {
  public:
    LineBreaker();
    ~LineBreaker();
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;
    struct Impl; // the ICU iterator, created on first use
    Impl& impl() { return *impl_; }

  private:
    std::unique_ptr<Impl> impl_;
};

// Breaks `text` only at whitespace that ICU also allows as a break opportunity (so no break
// is ever inserted between two CJK characters, and none before "!" in "texte !"), replacing
// that whitespace run with newline + continuation_prefix. Never breaks where the next line
// would start with a character that could open a Markdown block (#, >, -, +, *, =, |, <, `,
// ~, digits followed by . or )), nor after a backslash. "\n" or "\r\n" already in the text (a
// hard line break) is written as options.newline followed by the prefix. A word longer than the
// width stays whole on its own line. Text that fits is returned unchanged.
// `breaker` supplies the line break iterator; nullptr creates one for this call only.
std::string reflow(std::string_view text, const ReflowOptions& options,
                   LineBreaker* breaker = nullptr);

} // namespace policyloc
