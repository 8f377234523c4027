#include "policyloc/markdown_extensions.h"

#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

namespace policyloc {

namespace {

// cmark-gfm's own process-wide state, which this lock guards (see the header).
std::mutex& parse_lock() {
    static std::mutex lock;
    return lock;
}

} // namespace

cmark_node* markdown_parse(std::string_view markdown, int options) {
    static std::once_flag registered;
    std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
    std::lock_guard<std::mutex> lock(parse_lock());
    cmark_parser* parser = cmark_parser_new(options);
    for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
            cmark_parser_attach_syntax_extension(parser, e);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return root;
}

} // namespace policyloc
