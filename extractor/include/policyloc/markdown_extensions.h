// The one way policyloc parses Markdown: cmark-gfm with the extensions Hugo's Goldmark enables
// (tables, strikethrough, autolinks, task lists).
//
// cmark-gfm is not safe to run on two threads at once with extensions: they are registered in a
// process-wide list it fills without a lock, and the characters its inline extensions react to
// live in one process-wide table that every parse fills when it starts parsing inlines and
// clears when it ends (a table row's cells do the same). A parse on another thread at that
// moment misses autolinks and strikethrough. markdown_parse registers the extensions once and
// holds one process-wide lock for each parse; the tree it returns is the caller's alone.
#pragma once

#include <string_view>

#include <cmark-gfm.h>

namespace policyloc {

// The document's root (free it with cmark_node_free); `options` are cmark's (CMARK_OPT_...).
cmark_node* markdown_parse(std::string_view markdown, int options);

} // namespace policyloc
