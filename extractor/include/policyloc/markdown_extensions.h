// cmark-gfm's extensions (tables, strikethrough, autolinks, task lists) are registered in a
// process-wide list that cmark-gfm fills without a lock: two threads parsing their first page at
// once could each see it half built and parse without an extension. Every parse calls this
// first; it registers them exactly once, whatever the threads.
#pragma once

namespace policyloc {

void markdown_extensions_register();

} // namespace policyloc
