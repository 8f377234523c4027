#include "policyloc/per_page_outputs.h"

#include <filesystem>
#include <map>

#include "policyloc/atomic_file.h"
#include "policyloc/i18n.h"

namespace policyloc {

namespace fs = std::filesystem;

PerPageOutputs per_page_outputs(const std::vector<std::string>& pages, const std::string& dir,
                                const std::string& extension) {
    PerPageOutputs r;
    std::map<std::string, std::string> page_of; // output -> the first page written there
    for (const std::string& page : pages) {
        const std::string output =
            (fs::path(dir) / (fs::path(page).stem().string() + "." + extension)).string();
        auto [it, fresh] = page_of.emplace(output, page);
        if (fresh) {
            r.outputs.push_back({page, output});
            continue;
        }
        if (it->second == page || file_same(it->second, page)) continue;
        r.diagnostics.push_back({Severity::error, page, 0, 0,
                                 i18n_format(_("its template would be %s, as for %s; with "
                                               "--per-page, pages need different file names "
                                               "(nothing written)"),
                                             output.c_str(), it->second.c_str())});
    }
    if (diagnostics_have_error(r.diagnostics)) r.outputs.clear();
    return r;
}

} // namespace policyloc
