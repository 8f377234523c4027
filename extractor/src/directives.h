// Directives in the page (private to the extractor): HTML comments
// "<!-- policyloc: command argument -->" on their own line before a block.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <cmark-gfm.h>

namespace policyloc {

struct Directive {
    std::string command;
    std::string argument;
};

// "<!-- policyloc: command argument -->" (one directive per comment); nothing for any other
// HTML.
std::optional<Directive> parse_directive(std::string_view html);

// A directive that applies to the next block and to every block inside it ("skip-dates",
// "translate-links"): set when the directive is read, entered with the next block, left
// when the walk leaves that block.
class NextBlockScope {
  public:
    void arm() { armed_ = true; }
    // The walk enters a block (not an HTML block).
    void enter(cmark_node* block);
    // The walk leaves a block.
    void leave(cmark_node* block) {
        if (block == node_) node_ = nullptr;
    }
    bool active() const { return node_ != nullptr; }

  private:
    bool armed_ = false;
    cmark_node* node_ = nullptr;
};

} // namespace policyloc
