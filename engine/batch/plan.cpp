#include "batch/plan.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "batch/names.hpp"
#include "batch/sha256.hpp"
#include "expand/csv.hpp"
#include "expand/data.hpp"

namespace vanthu::batch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kMaxNameProblems = 20;

Diagnostic problem(std::string code, std::string message, std::string file = {}, int line = 0,
                   std::vector<std::string> hints = {}) {
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    if (!file.empty()) d.where = core::SourceLocation{file, line, 0, {}};
    d.hints = std::move(hints);
    return d;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A CSV column named "x[]" holds the list x, its items separated by ";" (a cell cannot hold a
// list otherwise): "Quận ủy Ba Đình; Hội LHPN quận Ba Đình".
void make_csv_lists(json& row, const std::string& file) {
    json out = json::object();
    for (auto& [key, value] : row.items()) {
        if (key.size() < 3 || key.compare(key.size() - 2, 2, "[]") != 0) {
            out[key] = value;
            continue;
        }
        const std::string name = key.substr(0, key.size() - 2);
        if (row.contains(name))
            throw Error(problem(
                "data.csv", "the columns \"" + name + "\" and \"" + key + "\" name the same field",
                file, 1, {"keep one: \"" + key + "\" for a list"}));
        json list = json::array();
        const std::string& text = value.get_ref<const std::string&>();
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find(';', start);
            if (end == std::string::npos) end = text.size();
            std::string item = text.substr(start, end - start);
            const size_t b = item.find_first_not_of(" \t\n");
            const size_t e = item.find_last_not_of(" \t\n");
            if (b != std::string::npos) list.push_back(item.substr(b, e - b + 1));
            start = end + 1;
        }
        out[name] = std::move(list);
    }
    row = std::move(out);
}

// Everything besides the row that decides a document's bytes.
std::string common_digest(const BatchOptions& o, const Plan& plan, Engine& engine) {
    Sha256 h;
    h.field(sha256_file("/proc/self/exe"));  // a rebuilt engine may lay out differently
    h.field(plan.template_name).field(engine.template_source(plan.template_name));
    h.field(read_text(engine.data_dir() / "fonts" / "fonts.json"));
    for (const auto& d : o.engine.font_dirs) h.field(d.string());
    h.field(o.engine.font_family);
    h.field(o.draft ? "draft" : "final");
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    h.field(epoch ? epoch : "");
    h.field(fs::absolute(plan.data_name).parent_path().string());  // relative image paths
    h.field(plan.common.dump());
    for (const auto& name : plan.name_only) h.field(name);
    return h.hex();
}

std::string zero_padded(int n, int width) {
    std::string s = std::to_string(n);
    return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') +
           s;
}

}  // namespace

json row_data(const Plan& plan, size_t index) {
    json data = plan.common;
    data.merge_patch(plan.rows[index]);  // RowStore decodes a copy
    return data;
}

json document_data(const Plan& plan, size_t index) {
    json data = row_data(plan, index);
    for (const auto& name : plan.name_only) data.erase(name);
    return data;
}

std::string field_of(const Diagnostic& d) {
    if (d.code == "data.schema" || d.code == "data.encoding" || d.code == "text.date") {
        const size_t colon = d.message.find(": ");
        if (colon != std::string::npos && d.message.find(' ') >= colon)
            return d.message.substr(0, colon);
    }
    if (d.code == "data.missing" || d.code == "data.reserved-name") {
        const size_t open = d.message.find('"');
        const size_t close = open == std::string::npos ? open : d.message.find('"', open + 1);
        if (close != std::string::npos) return d.message.substr(open + 1, close - open - 1);
    }
    return {};
}

Plan make_plan(const BatchOptions& o, Engine& engine) {
    Plan plan;
    plan.rows_file = o.rows_file.string();
    if (!o.common_data.empty()) plan.common = expand::load_data(o.common_data).value;
    plan.data_name = o.common_data.empty() ? plan.rows_file : o.common_data.string();

    std::vector<int> lines;
    const std::string ext = o.rows_file.extension().string();
    const bool csv = ext == ".csv" || ext == ".CSV";
    expand::for_each_row(o.rows_file, [&](json&& row, int line) {
        if (csv) make_csv_lists(row, plan.rows_file);
        plan.rows.add(row);
        lines.push_back(line);
    });
    if (plan.rows.empty())
        throw Error(
            problem("batch.rows", "the rows file has no rows: nothing to render", plan.rows_file));

    plan.template_name = o.template_name;
    if (plan.template_name.empty()) {
        auto t = plan.common.find("template");
        if (t == plan.common.end() || !t->is_string())
            throw Error(problem("template.none",
                                "no template given: name one on the command line or add "
                                "\"template: <name>\" to the common data",
                                plan.data_name));
        plan.template_name = t->get<std::string>();
    }

    const int count = static_cast<int>(plan.rows.size());
    if (o.shard_count < 1 || o.shard_index < 1 || o.shard_index > o.shard_count)
        throw Error(problem("batch.shard", "--shard K/N needs 1 <= K <= N (got " +
                                               std::to_string(o.shard_index) + "/" +
                                               std::to_string(o.shard_count) + ")"));
    plan.shard_begin = static_cast<size_t>(count) * static_cast<size_t>(o.shard_index - 1) /
                       static_cast<size_t>(o.shard_count);
    plan.shard_end = static_cast<size_t>(count) * static_cast<size_t>(o.shard_index) /
                     static_cast<size_t>(o.shard_count);
    plan.manifest_name = o.shard_count == 1 ? "manifest.json"
                                            : "manifest.shard-" + std::to_string(o.shard_index) +
                                                  "-of-" + std::to_string(o.shard_count) + ".json";

    // Every name is checked, not only this shard's: shards write into one folder.
    NamePattern pattern(o.name_pattern);
    std::vector<Diagnostic> problems;
    std::vector<NamedRow> named;
    const int width = static_cast<int>(std::to_string(count).size());
    for (int i = 0; i < count; ++i) {
        json data = row_data(plan, static_cast<size_t>(i));
        data["_row"] = zero_padded(i + 1, width);
        std::string why, field;
        std::string name = pattern.render(data, why, field);
        if (name.empty()) {
            if (problems.size() < kMaxNameProblems)
                problems.push_back(problem("batch.name",
                                           "row " + std::to_string(i + 1) + ": " + why,
                                           plan.rows_file, lines[static_cast<size_t>(i)]));
            continue;
        }
        named.push_back({std::move(name), i + 1, lines[static_cast<size_t>(i)]});
    }
    if (problems.empty())
        problems = check_names(named, o.out_dir, plan.manifest_name, plan.rows_file);
    if (!problems.empty()) {
        problems.front().hints.push_back("the name pattern is \"" + o.name_pattern + "\"");
        throw Error(std::move(problems));
    }

    const auto fields = engine.template_fields(plan.template_name);
    if (!fields.empty()) {
        const std::set<std::string> declared(fields.begin(), fields.end());
        for (const auto& name : pattern.used())
            if (!declared.count(name)) plan.name_only.insert(name);
    }
    const std::string digest = common_digest(o, plan, engine);
    plan.planned.reserve(named.size());
    for (auto& n : named) {
        const json row = plan.rows[static_cast<size_t>(n.row - 1)];
        plan.planned.push_back(
            {n.row, n.line, n.name, Sha256().field(digest).field(row.dump()).field(n.name).hex()});
    }
    return plan;
}

}  // namespace vanthu::batch
