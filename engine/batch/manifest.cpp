#include "batch/manifest.hpp"

#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"

namespace vanthu::batch {

using nlohmann::json;

std::map<std::string, Recorded> read_manifest(const std::filesystem::path& file) {
    std::map<std::string, Recorded> out;
    std::ifstream in(file, std::ios::binary);
    if (!in) return out;
    std::stringstream ss;
    ss << in.rdbuf();
    const json j = json::parse(ss.str(), nullptr, false);
    if (!j.is_object() || !j.contains("outputs") || !j["outputs"].is_array()) return out;
    for (const auto& o : j["outputs"]) {
        if (!o.is_object()) continue;
        Recorded r;
        r.input = o.value("input", "");
        r.sha256 = o.value("sha256", "");
        r.size = o.value("size", std::uintmax_t{0});
        r.pages = o.value("pages", 0);
        const std::string name = o.value("file", "");
        if (!name.empty() && !r.input.empty() && !r.sha256.empty()) out[name] = r;
    }
    return out;
}

void write_manifest(const std::filesystem::path& file, const BatchOptions& o, const Plan& plan,
                    const ManifestState& state) {
    // Written entry by entry, one line each: no document of the whole manifest in memory
    // (a batch may have many thousands of rows), and easy to grep.
    using ordered = nlohmann::ordered_json;  // keys in the order written, for people reading it
    ordered head = ordered::object();
    head["vanthu"] = VANTHU_VERSION;
    head["template"] = plan.template_name;
    head["common_data"] = o.common_data.string();
    head["rows_file"] = plan.rows_file;
    head["name_pattern"] = o.name_pattern;
    head["rows"] = plan.rows.size();
    head["shard"] = std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
    head["shard_rows"] = {{"first", plan.shard_begin + 1}, {"last", plan.shard_end}};
    head["complete"] = state.complete;
    try {
        core::AtomicFile out(file);
        std::string text = head.dump(2);
        text.resize(text.size() - 2);  // "\n}": the lists follow
        text += ",\n  \"outputs\": [";
        const char* separator = "\n    ";
        for (size_t i = 0; i < state.outputs.size(); ++i) {
            const auto& o = state.outputs[i];
            if (o.pages == 0) continue;
            ordered e = {{"row", o.row},
                         {"line", o.line},
                         {"file", o.file},
                         {"pages", o.pages},
                         {"size", o.size},
                         {"sha256", o.sha256},
                         {"input", plan.planned[i].digest}};
            if (!state.warnings[i].empty()) e["warnings"] = state.warnings[i];
            text += separator + e.dump();
            separator = ",\n    ";
            if (text.size() > (1 << 16)) {
                out.write(text);
                text.clear();
            }
        }
        text += "\n  ],\n  \"failures\": [";
        separator = "\n    ";
        for (const auto& f : state.failures) {
            ordered e = {{"row", f.row}, {"line", f.line}, {"file", f.file}};
            if (!f.field.empty()) e["field"] = f.field;
            e["code"] = f.code;
            e["message"] = f.message;
            ordered where = ordered::array();
            for (const auto& d : f.diagnostics) where.push_back(format(d));
            e["diagnostics"] = std::move(where);
            text += separator + e.dump();
            separator = ",\n    ";
            if (text.size() > (1 << 16)) {
                out.write(text);
                text.clear();
            }
        }
        text += "\n  ]\n}\n";
        out.write(text);
        out.commit();
    } catch (const std::runtime_error& e) {
        throw BatchOutputError(e.what());
    }
}

}  // namespace vanthu::batch
