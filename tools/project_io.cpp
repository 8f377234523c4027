#include "project_io.h"

#include "cli_io.h"
#include "policyloc/file_io.h"
#include "policyloc/i18n.h"

namespace policyloc::cli {

std::optional<ProjectConfig> load_project(const std::string& path) {
    FileReadResult in = file_read(path);
    if (!in.content) {
        print({{Severity::error, path, 0, 0,
                _("no project config (give a policyloc.toml with --config, or run where it "
                  "is)")}});
        return std::nullopt;
    }
    ProjectConfigResult r = project_config_parse(*in.content, path);
    print(r.diagnostics);
    return std::move(r.config);
}

} // namespace policyloc::cli
