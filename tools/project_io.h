// Reading the project's policyloc.toml for the project commands (build, update, check).
#pragma once

#include <optional>
#include <string>

#include "policyloc/project_config.h"

namespace policyloc::cli {

inline constexpr const char* kDefaultConfig = "policyloc.toml";

// Reads and parses the config; prints diagnostics; empty when it is missing or wrong.
std::optional<ProjectConfig> load_project(const std::string& path);

} // namespace policyloc::cli
