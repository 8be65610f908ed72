// Which files a request may read besides the data and the template it names: a signature image
// named by the data must lie in the data file's folder, a template named by the data's
// "template" field in the data's folder or the templates folder, or in a folder the caller
// allows (RenderRequest::allowed_paths, --allow-path). Symbolic links are resolved first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace vanthu::api {

// The folder files named by the data may come from: the data file's, or none when the data
// came through a pipe (/dev/stdin, "<(…)": it has no folder of its own) or has no name.
// `in_memory`: the data was handed over in memory, data_file only names it.
std::filesystem::path data_folder(const std::filesystem::path& data_file, bool in_memory);

// Makes every signature image's path absolute (a relative one from `folder`) with links
// resolved, and reports data.path for one outside `folder` and `allowed`. `data` is searched
// for the field that gave the path, to name it.
void confine_images(model::Document& doc, const nlohmann::json& data,
                    const std::filesystem::path& folder,
                    const std::vector<std::filesystem::path>& allowed, core::Diagnostics& diags);

// The hint every refused path ends with: where the file must be and how to allow another folder.
std::string allow_hint(const std::filesystem::path& folder);

}  // namespace vanthu::api
