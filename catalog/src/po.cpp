// PO reading and writing over libgettextpo.
//
// libgettextpo reports problems through a po_xerror_handler whose callbacks must not return
// for PO_SEVERITY_FATAL_ERROR. The C API offers no other way out, so the fatal path leaves
// with longjmp back to a setjmp point placed directly around the library call; the handler
// finds that point through a thread_local pointer (the callbacks receive no user data). Only
// C frames of libgettextpo and the callback's own trivially destructible frame lie between
// the two, and the callback records its diagnostic before jumping. libgettextpo itself keeps
// the handler in process-wide variables while it runs, so PO files must not be read or written
// from two threads at once.

#include <gettext-po.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "entry_lines.h"
#include "inline_codes.h"
#include "po_charset.h"
#include "po_format_flags.h"
#include "po_state.h"
#include "policyloc/atomic_file.h"
#include "policyloc/catalog_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"
#include "policyloc/plural_forms.h"
#include "policyloc/text.h"

namespace policyloc {

namespace {

// po_message_comments() and po_message_extracted_comments() join the comment lines into a
// string they malloc and never free (libgettextpo 0.21 marks this "FIXME: memory leak"); for
// a message without comments they return a literal "". The joined string is copied and freed.
std::string take_joined_comments(const char* joined) {
    if (joined == nullptr) return {};
    std::string copy(joined);
    if (!copy.empty()) std::free(const_cast<char*>(joined));
    return copy;
}

// ---------------------------------------------------------------------------------------------
// Error handling

struct PoErrorContext {
    Diagnostics* diagnostics = nullptr;
    std::string library_name; // the file name libgettextpo reports
    std::string shown_name;   // the name diagnostics use
    std::jmp_buf fatal;
};

thread_local PoErrorContext* current_po_context = nullptr;

int to_position(size_t n) {
    if (n == static_cast<size_t>(-1) || n > 1000000000) return 0;
    return static_cast<int>(n);
}

// Comments come as lines each ending in a newline; the model keeps them joined by '\n'.
std::string drop_final_newline(std::string s) {
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

void record_problem(PoErrorContext& ctx, int severity, const char* filename, size_t lineno,
                    size_t column, const char* text) {
    Diagnostic d;
    d.severity = severity == PO_SEVERITY_WARNING ? Severity::warning : Severity::error;
    if (filename == nullptr || ctx.library_name == filename) {
        d.file = ctx.shown_name;
    } else {
        d.file = filename;
    }
    if (filename != nullptr) {
        d.line = to_position(lineno);
        if (d.line > 0) d.column = to_position(column);
    }
    d.message = drop_final_newline(text ? text : "");
    ctx.diagnostics->push_back(std::move(d));
}

void on_xerror(int severity, po_message_t, const char* filename, size_t lineno, size_t column, int,
               const char* message_text) {
    PoErrorContext* ctx = current_po_context;
    if (ctx == nullptr) {
        if (severity == PO_SEVERITY_FATAL_ERROR) std::abort(); // unreachable: always set
        return;
    }
    record_problem(*ctx, severity, filename, lineno, column, message_text);
    if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(ctx->fatal, 1);
}

void on_xerror2(int severity, po_message_t, const char* filename1, size_t lineno1, size_t column1,
                int, const char* message_text1, po_message_t, const char* filename2, size_t lineno2,
                size_t column2, int, const char* message_text2) {
    PoErrorContext* ctx = current_po_context;
    if (ctx == nullptr) {
        if (severity == PO_SEVERITY_FATAL_ERROR) std::abort();
        return;
    }
    record_problem(*ctx, severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity,
                   filename1, lineno1, column1, message_text1);
    record_problem(*ctx, severity, filename2, lineno2, column2, message_text2);
    if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(ctx->fatal, 1);
}

const po_xerror_handler error_handler = {on_xerror, on_xerror2};

// Restores the previous context pointer on every way out, including the longjmp one (the
// setjmp functions below restore it themselves because no destructor runs on that path).
po_file_t guarded_read(const char* path, PoErrorContext& ctx) {
    PoErrorContext* const previous = current_po_context;
    current_po_context = &ctx;
    if (setjmp(ctx.fatal) != 0) {
        current_po_context = previous;
        return nullptr;
    }
    po_file_t file = po_file_read(path, &error_handler);
    current_po_context = previous;
    return file;
}

bool guarded_write(po_file_t file, const char* path, PoErrorContext& ctx) {
    PoErrorContext* const previous = current_po_context;
    current_po_context = &ctx;
    if (setjmp(ctx.fatal) != 0) {
        current_po_context = previous;
        return false;
    }
    po_file_t written = po_file_write(file, path, &error_handler);
    current_po_context = previous;
    return written != nullptr;
}

struct PoFileDeleter {
    void operator()(po_file_t f) const {
        if (f) po_file_free(f);
    }
};
using PoFilePtr = std::unique_ptr<std::remove_pointer_t<po_file_t>, PoFileDeleter>;

struct IteratorDeleter {
    void operator()(po_message_iterator_t it) const {
        if (it) po_message_iterator_free(it);
    }
};
using IteratorPtr = std::unique_ptr<std::remove_pointer_t<po_message_iterator_t>, IteratorDeleter>;

// A temporary file that is removed when it goes out of scope.
class TempFile {
  public:
    explicit TempFile(const char* suffix) {
        std::error_code ec;
        std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec) dir = "/tmp";
        std::string pattern = (dir / "policyloc-XXXXXX").string() + suffix;
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        int fd = ::mkstemps(buf.data(), static_cast<int>(std::strlen(suffix)));
        if (fd >= 0) {
            ::close(fd);
            path_ = buf.data();
        }
    }
    ~TempFile() {
        if (!path_.empty()) std::remove(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    bool ok() const { return !path_.empty(); }

  private:
    std::string path_;
};

// ---------------------------------------------------------------------------------------------
// Reading

void read_header(const char* header, Catalog& cat, const detail::PoRecoder& recode) {
    for (const std::string& line : text_split_lines(header)) {
        size_t colon = line.find(':');
        if (colon == std::string::npos || colon == 0) continue;
        std::string name = line.substr(0, colon);
        char* value = po_header_field(header, name.c_str());
        if (value == nullptr) continue;
        std::string v = recode(value);
        std::free(value);
        // po_header_field finds the first field of that name; a repeated name keeps its own
        // value from the line itself.
        bool seen = std::any_of(cat.header.begin(), cat.header.end(),
                                [&](const auto& kv) { return kv.first == name; });
        if (seen) {
            size_t vstart = colon + 1;
            while (vstart < line.size() && (line[vstart] == ' ' || line[vstart] == '\t')) ++vstart;
            v = recode(line.substr(vstart).c_str());
        }
        cat.header.emplace_back(recode(name.c_str()), v);
    }
    if (auto lang = cat.header_field("Language"); lang && !lang->empty())
        cat.target_lang = locale_to_bcp47(*lang);
    if (auto src = cat.header_field("X-Source-Language"); src && !src->empty())
        cat.source_lang = locale_to_bcp47(*src);
}

Unit read_message(po_message_t m, const detail::PoRecoder& recode, bool formats) {
    Unit u;
    if (const char* ctx = po_message_msgctxt(m)) u.context = recode(ctx);
    u.source = recode(po_message_msgid(m));
    if (const char* plural = po_message_msgid_plural(m)) {
        u.source_plural = recode(plural);
        for (int i = 0;; ++i) {
            const char* s = po_message_msgstr_plural(m, i);
            if (s == nullptr) break;
            u.plural_targets.push_back(recode(s));
        }
        if (!u.plural_targets.empty()) u.target = u.plural_targets.front();
    } else {
        u.target = recode(po_message_msgstr(m));
    }
    if (po_message_is_fuzzy(m))
        u.state = UnitState::fuzzy;
    else if (!u.target.empty())
        u.state = UnitState::translated;
    else
        u.state = UnitState::untranslated;

    u.comments = drop_final_newline(recode(take_joined_comments(po_message_comments(m)).c_str()));
    std::string extracted =
        drop_final_newline(recode(take_joined_comments(po_message_extracted_comments(m)).c_str()));
    if (!detail::split_code_list(extracted, u.source, u.notes, u.codes)) u.notes = extracted;
    detail::po_state_from_comments(u);

    for (int i = 0;; ++i) {
        po_filepos_t pos = po_message_filepos(m, i);
        if (pos == nullptr) break;
        Reference r;
        r.file = recode(po_filepos_file(pos));
        r.line = to_position(po_filepos_start_line(pos));
        u.refs.push_back(std::move(r));
    }
    detail::po_append_format_flags(m, formats, u.flags);
    int min = 0, max = 0;
    if (po_message_is_range(m, &min, &max))
        u.flags.push_back("range: " + std::to_string(min) + ".." + std::to_string(max));

    if (const char* p = po_message_prev_msgctxt(m)) u.previous_context = recode(p);
    if (const char* p = po_message_prev_msgid(m)) u.previous_source = recode(p);
    u.obsolete = po_message_is_obsolete(m) != 0;
    return u;
}

// The file's bytes, or nothing with the reason (named `shown`) in `diagnostics`.
std::optional<std::string> read_bytes(const std::string& path, const std::string& shown,
                                      Diagnostics& diagnostics) {
    FileReadResult bytes = file_read(path);
    if (bytes.content) return std::move(bytes.content);
    for (Diagnostic d : bytes.diagnostics) {
        if (d.file.empty() || d.file == path) d.file = shown;
        diagnostics.push_back(std::move(d));
    }
    if (!diagnostics_have_error(diagnostics))
        diagnostics.push_back({Severity::error, shown, 0, 0, _("cannot read file")});
    return std::nullopt;
}

// The path libgettextpo reads. It reads files by name; standard input, pipes and devices (which
// cannot be read twice) go through `copy`, a temporary copy of the bytes already read. Nothing
// when the copy cannot be made.
std::optional<std::string> library_path_for(const std::string& path, const std::string& content,
                                            const std::string& shown,
                                            std::unique_ptr<TempFile>& copy,
                                            Diagnostics& diagnostics) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_regular_file(path, ec)) return path;
    copy = std::make_unique<TempFile>(".po");
    if (!copy->ok()) {
        diagnostics.push_back({Severity::error, shown, 0, 0, _("cannot create a temporary file")});
        return std::nullopt;
    }
    if (file_write_atomic(copy->path(), content).outcome == WriteOutcome::failed) {
        diagnostics.push_back({Severity::error, shown, 0, 0, _("cannot write a temporary file")});
        return std::nullopt;
    }
    return copy->path();
}

// The header entry and the messages of a file that libgettextpo has read.
Catalog read_messages(po_file_t file, const detail::PoRecoder& recode, bool formats) {
    Catalog cat;
    size_t count = 0;
    IteratorPtr counter(po_message_iterator(file, nullptr));
    while (po_next_message(counter.get())) ++count;
    cat.units().reserve(count); // no doubling: the units are the largest part of a catalog
    IteratorPtr it(po_message_iterator(file, nullptr));
    bool header_seen = false;
    while (po_message_t m = po_next_message(it.get())) {
        const bool is_header = !header_seen && po_message_msgctxt(m) == nullptr &&
                               po_message_msgid(m)[0] == '\0' && !po_message_is_obsolete(m);
        if (is_header) {
            header_seen = true;
            read_header(po_message_msgstr(m), cat, recode);
            cat.header_comment =
                drop_final_newline(recode(take_joined_comments(po_message_comments(m)).c_str()));
            cat.header_fuzzy = po_message_is_fuzzy(m) != 0;
            continue;
        }
        cat.add(read_message(m, recode, formats));
    }
    return cat;
}

// ---------------------------------------------------------------------------------------------
// Writing

std::string with_final_newline(const std::string& s) {
    return s.empty() ? s : s + "\n";
}

bool catalog_has_targets(const Catalog& cat) {
    for (const Unit& u : cat.units()) {
        if (u.obsolete) continue;
        if (!u.target.empty()) return true;
        for (const auto& t : u.plural_targets)
            if (!t.empty()) return true;
    }
    return false;
}

std::vector<std::pair<std::string, std::string>> header_for_writing(const Catalog& cat) {
    auto header = cat.header;
    auto set = [&](const std::string& name, const std::string& value, bool replace) {
        for (auto& [k, v] : header)
            if (k == name) {
                if (replace) v = value;
                return;
            }
        header.emplace_back(name, value);
    };
    // gettext's boilerplate for the fields msgfmt --check-header asks for.
    set("Project-Id-Version", "PACKAGE VERSION", false);
    set("Report-Msgid-Bugs-To", "", false);
    set("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE", false);
    set("Last-Translator", "FULL NAME <EMAIL@ADDRESS>", false);
    set("Language-Team", "LANGUAGE <LL@li.org>", false);
    // The catalog's target language wins over a Language field it may carry.
    if (cat.target_lang.empty())
        set("Language", "", false);
    else
        set("Language", locale_to_gettext(cat.target_lang), true);
    set("MIME-Version", "1.0", false);
    // Everything is written in UTF-8 (po_read_file converts other charsets).
    set("Content-Type", "text/plain; charset=UTF-8", true);
    set("Content-Transfer-Encoding", "8bit", false);
    if (cat.source_lang != "en" && !cat.source_lang.empty())
        set("X-Source-Language", locale_to_gettext(cat.source_lang), false);
    // Keep the gettext order for fields this function added.
    static const char* const order[] = {"Project-Id-Version", "Report-Msgid-Bugs-To",
                                        "POT-Creation-Date",  "PO-Revision-Date",
                                        "Last-Translator",    "Language-Team",
                                        "Language",           "MIME-Version",
                                        "Content-Type",       "Content-Transfer-Encoding"};
    if (cat.header.empty()) {
        std::stable_sort(header.begin(), header.end(), [](const auto& a, const auto& b) {
            auto rank = [](const std::string& n) {
                for (size_t i = 0; i < std::size(order); ++i)
                    if (n == order[i]) return i;
                return std::size(order);
            };
            return rank(a.first) < rank(b.first);
        });
    }
    return header;
}

bool parse_range_flag(const std::string& flag, int& min, int& max) {
    if (flag.rfind("range:", 0) != 0) return false;
    return std::sscanf(flag.c_str() + 6, " %d..%d", &min, &max) == 2;
}

bool is_format_name(const std::string& flag) {
    for (const char* const* f = po_format_list(); *f != nullptr; ++f)
        if (flag == *f) return true;
    return false;
}

po_message_t make_message(const Unit& u, size_t min_forms,
                          std::vector<std::string>& dropped_flags) {
    po_message_t m = po_message_create();
    if (u.context) po_message_set_msgctxt(m, u.context->c_str());
    po_message_set_msgid(m, u.source.c_str());
    const bool as_fuzzy =
        u.state == UnitState::fuzzy || (u.state == UnitState::untranslated && !u.target.empty());
    if (u.source_plural) {
        po_message_set_msgid_plural(m, u.source_plural->c_str());
        std::vector<std::string> forms = u.plural_targets;
        if (forms.empty()) forms.push_back(u.target);
        if (forms.size() < min_forms) forms.resize(min_forms);
        for (size_t i = 0; i < forms.size(); ++i)
            po_message_set_msgstr_plural(m, static_cast<int>(i), forms[i].c_str());
    } else {
        po_message_set_msgstr(m, u.target.c_str());
    }
    po_message_set_fuzzy(m, as_fuzzy ? 1 : 0);
    po_message_set_comments(m, with_final_newline(detail::po_comments_with_state(u)).c_str());
    po_message_set_extracted_comments(m, with_final_newline(detail::notes_with_codes(u)).c_str());
    for (const Reference& r : u.refs)
        po_message_add_filepos(m, r.file.c_str(),
                               r.line > 0 ? static_cast<size_t>(r.line) : static_cast<size_t>(-1));
    for (const std::string& flag : u.flags) {
        int min = 0, max = 0;
        if (flag == "fuzzy") continue; // the state decides
        if (is_format_name(flag)) {
            po_message_set_format(m, flag.c_str(), 1);
        } else if (flag.rfind("no-", 0) == 0 && is_format_name(flag.substr(3))) {
            po_message_set_format(m, flag.substr(3).c_str(), 0);
        } else if (parse_range_flag(flag, min, max) && min >= 0 && min < max) {
            po_message_set_range(m, min, max);
        } else if (std::find(dropped_flags.begin(), dropped_flags.end(), flag) ==
                   dropped_flags.end()) {
            dropped_flags.push_back(flag);
        }
    }
    if (u.previous_context) po_message_set_prev_msgctxt(m, u.previous_context->c_str());
    if (u.previous_source) po_message_set_prev_msgid(m, u.previous_source->c_str());
    if (u.obsolete) po_message_set_obsolete(m, 1);
    return m;
}

} // namespace

// -------------------------------------------------------------------------------------------------

CatalogReadResult po_read_file(const std::string& path, const std::string& display_name) {
    CatalogReadResult result;
    const std::string shown = display_name.empty() ? path : display_name;
    const std::optional<std::string> bytes = read_bytes(path, shown, result.diagnostics);
    if (!bytes) return result;
    std::unique_ptr<TempFile> copy;
    const std::optional<std::string> library_path =
        library_path_for(path, *bytes, shown, copy, result.diagnostics);
    if (!library_path) return result;

    PoErrorContext ctx;
    ctx.diagnostics = &result.diagnostics;
    ctx.library_name = *library_path;
    ctx.shown_name = shown;
    std::optional<Diagnostic> bad_utf8 = utf8_check(*bytes, shown);
    PoFilePtr file;
    int read_errno = 0;
    // Byte by byte when that reads the same (PoReadMode); through iconv again when a byte-wise
    // read fails or finds a header that names another charset.
    for (bool valid_utf8 : {!bad_utf8, false}) {
        const size_t before = result.diagnostics.size();
        detail::PoReadMode mode(valid_utf8);
        errno = 0;
        file.reset(guarded_read(library_path->c_str(), ctx));
        read_errno = errno;
        if (!mode.byte_wise() || detail::po_byte_read_stands(file.get(), result.diagnostics)) break;
        result.diagnostics.erase(result.diagnostics.begin() + static_cast<ptrdiff_t>(before),
                                 result.diagnostics.end());
    }
    if (!file) {
        if (!diagnostics_have_error(result.diagnostics))
            result.diagnostics.push_back(
                {Severity::error, shown, 0, 0,
                 std::string(_("cannot read PO file: ")) +
                     (read_errno ? std::strerror(read_errno) : _("unknown error"))});
        return result;
    }
    if (diagnostics_have_error(result.diagnostics)) return result;

    detail::po_drop_charset_name_warnings(result.diagnostics);
    const detail::PoDecoding decoding =
        detail::po_choose_decoding(detail::po_header_charset(file.get()), *bytes, shown);
    if (decoding.diagnostic) result.diagnostics.push_back(*decoding.diagnostic);
    if (!decoding.ok) return result;
    const bool utf8 = decoding.converter.empty();
    if (utf8 && bad_utf8) {
        result.diagnostics.push_back(*bad_utf8);
        return result;
    }
    result.catalog = read_messages(file.get(), detail::PoRecoder(decoding.converter),
                                   detail::po_bytes_may_name_formats(*bytes));
    if (utf8) detail::po_set_entry_lines(*bytes, *result.catalog);
    return result;
}

namespace {

// The catalog as a libgettextpo file; nothing, with the error, for a catalog that PO cannot hold.
PoFilePtr build_po_file(const Catalog& catalog, Diagnostics& diagnostics) {
    for (const Unit& u : catalog.units())
        if (u.source.empty() && !u.context) {
            diagnostics.push_back({Severity::error,
                                   {},
                                   u.catalog_line,
                                   0,
                                   _("a unit with an empty source and no context would be read "
                                     "back as the PO header; nothing written")});
            return nullptr;
        }
    const bool is_template = !catalog_has_targets(catalog);
    PoFilePtr file(po_file_create());
    std::vector<std::string> dropped_flags;
    {
        IteratorPtr it(po_message_iterator(file.get(), nullptr));
        std::string header_text;
        for (const auto& [name, value] : header_for_writing(catalog))
            header_text += name + ": " + value + "\n";
        po_message_t h = po_message_create();
        po_message_set_msgid(h, "");
        po_message_set_msgstr(h, header_text.c_str());
        po_message_set_comments(h, with_final_newline(catalog.header_comment).c_str());
        po_message_set_fuzzy(h, (is_template || catalog.header_fuzzy) ? 1 : 0);
        po_message_insert(it.get(), h);
        const size_t min_forms = static_cast<size_t>(catalog_plural_count(catalog).value_or(2));
        for (const Unit& u : catalog.units())
            po_message_insert(it.get(), make_message(u, min_forms, dropped_flags));
    }
    const char* dropped = _("PO flag '%s' cannot be written through libgettextpo and was left out");
    for (const std::string& flag : dropped_flags)
        diagnostics.push_back({Severity::note, {}, 0, 0, i18n_format(dropped, flag.c_str())});
    return file;
}

// libgettextpo writes `file` to `path`; diagnostics name `shown`.
bool write_to(po_file_t file, const std::string& path, const std::string& shown,
              Diagnostics& diagnostics) {
    PoErrorContext ctx;
    ctx.diagnostics = &diagnostics;
    ctx.library_name = path;
    ctx.shown_name = shown;
    return guarded_write(file, path.c_str(), ctx) && !diagnostics_have_error(diagnostics);
}

} // namespace

CatalogWriteResult po_write(const Catalog& catalog) {
    CatalogWriteResult result;
    PoFilePtr file = build_po_file(catalog, result.diagnostics);
    if (!file) return result;
    TempFile out(".po");
    if (!out.ok()) {
        result.diagnostics.push_back(
            {Severity::error, {}, 0, 0, _("cannot create a temporary file")});
        return result;
    }
    if (!write_to(file.get(), out.path(), "<PO output>", result.diagnostics)) return result;
    FileReadResult text = file_read(out.path());
    if (!text.content) {
        for (auto& d : text.diagnostics) result.diagnostics.push_back(d);
        return result;
    }
    result.text = std::move(*text.content);
    return result;
}

FileWriteResult po_write_file(const Catalog& catalog, const std::string& path) {
    FileWriteResult result;
    PoFilePtr file = build_po_file(catalog, result.diagnostics);
    for (Diagnostic& d : result.diagnostics)
        if (d.file.empty()) d.file = path;
    if (!file) return result;
    AtomicFile out;
    if (!out.open(path, result.diagnostics) ||
        !write_to(file.get(), out.temp_path(), path, result.diagnostics))
        return result;
    FileWriteResult committed = out.commit();
    committed.diagnostics.insert(committed.diagnostics.begin(), result.diagnostics.begin(),
                                 result.diagnostics.end());
    return committed;
}

} // namespace policyloc
