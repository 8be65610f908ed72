#include "batch/plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "batch/names.hpp"
#include "batch/row.hpp"
#include "batch/sha256.hpp"
#include "core/paths.hpp"
#include "input/catalogue.hpp"
#include "input/csv.hpp"
#include "input/data.hpp"

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

// A template the common data names by path must lie in the common data's folder or the
// templates folder, or an allowed one, as for render (the Engine checks a document's own
// data the same way).
void check_template_from_data(const Plan& plan, const BatchOptions& o, Engine& engine) {
    const std::string& name = plan.template_name;
    if (name.find('/') == std::string::npos) return;
    std::vector<fs::path> folders = o.allowed_paths;
    folders.push_back(engine.data_dir() / "templates");
    const fs::path folder = fs::path(plan.data_name).parent_path();
    folders.push_back(folder.empty() ? fs::path(".") : folder);
    if (core::is_within_any(name, folders)) return;
    Diagnostic d = problem("data.path",
                           "the template \"" + name +
                               "\" (field template) is outside the data file's folder and the "
                               "templates folder " +
                               (engine.data_dir() / "templates").string(),
                           plan.data_name);
    d.hints = {
        "name a template of the templates folder, or give the template on the command "
        "line, or allow its folder with --allow-path DIR"};
    throw Error(std::move(d));
}

// Everything besides the row that decides a document's bytes.
std::string common_digest(const BatchOptions& o, const Plan& plan, Engine& engine) {
    Sha256 h;
    h.field(sha256_file("/proc/self/exe"));  // a rebuilt engine may lay out differently
    h.field(plan.template_name).field(engine.template_source(plan.template_name, o.allowed_paths));
    h.field(read_text(engine.data_dir() / "fonts" / "fonts.json"));
    for (const auto& d : o.engine.font_dirs) h.field(d.string());
    h.field(o.engine.font_family);
    h.field(o.draft ? "draft" : "final");
    h.field(o.fit ? "fit" : "no-fit");
    // Signed or not, and with what key and timestamp authority (never the password or PIN:
    // the same key gives the same documents whatever secret opened it).
    if (o.sign) {
        const SignOptions& s = *o.sign;
        h.field("signed").field(s.p12_file.string()).field(s.pkcs11_module.string());
        h.field(s.token).field(s.key_label).field(std::to_string(s.time)).field(s.signer_name);
        h.field(s.organisation).field(s.location).field(s.tsa_url);
    }
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    h.field(epoch ? epoch : "");
    h.field(fs::absolute(plan.data_name).parent_path().string());  // relative image paths
    h.field(plan.common.dump());
    for (const auto& name : plan.name_only) h.field(name);
    return h.hex();
}

// The rows of the rows file as read, CSV list columns ("x[]") made lists.
void for_each_row(const Plan& plan, const std::function<void(json&&, int)>& take) {
    const std::string ext = fs::path(plan.rows_file).extension().string();
    const bool csv = ext == ".csv" || ext == ".CSV";
    input::for_each_row(plan.rows_file, [&](json&& row, int line) {
        if (csv) make_csv_lists(row, plan.rows_file);
        take(std::move(row), line);
    });
}

std::string zero_padded(size_t n, size_t width) {
    std::string s = std::to_string(n);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

// The output name of row `index`: the pattern filled with the row over the common data and
// _row; empty with `why` and `field` set when it cannot be.
std::string name_of(const Plan& plan, const json& row, size_t index, std::string& why,
                    std::string& field) {
    json data = plan.common;
    data.merge_patch(row);
    data["_row"] = zero_padded(index + 1, std::to_string(plan.rows).size());
    return plan.pattern->render(data, why, field);
}

}  // namespace

json document_data(const Plan& plan, const json& row) {
    json data = plan.common;
    data.merge_patch(row);
    for (const auto& name : plan.name_only) data.erase(name);
    return data;
}

std::string field_of(const Diagnostic& d) {
    if (d.code == "data.schema" || d.code == "data.encoding" || d.code == "text.date") {
        const size_t colon = d.message.find(": ");
        if (colon != std::string::npos && d.message.find(' ') >= colon)
            return d.message.substr(0, colon);
    }
    // A value's characters (data.encoding, text.bidi-control, …): "the value of <path> …".
    static constexpr std::string_view kValueOf = "the value of ";
    if (d.message.starts_with(kValueOf)) {
        const size_t end = d.message.find(' ', kValueOf.size());
        if (end != std::string::npos)
            return d.message.substr(kValueOf.size(), end - kValueOf.size());
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
    if (!o.common_data.empty()) plan.common = input::load_data(o.common_data).value;
    plan.data_name = o.common_data.empty() ? plan.rows_file : o.common_data.string();

    // First reading: every row checked and counted (the width of _row needs the count).
    std::error_code ec;
    plan.rows_mtime = fs::last_write_time(o.rows_file, ec);
    plan.rows_size = fs::file_size(o.rows_file, ec);
    for_each_row(plan, [&](json&&, int) { ++plan.rows; });
    if (plan.rows == 0)
        throw Error(
            problem("batch.rows", "the rows file has no rows: nothing to render", plan.rows_file));

    plan.template_name = o.template_name;
    if (plan.template_name.empty()) {
        plan.template_name = input::template_from_data(plan.common, engine.data_dir() / "templates",
                                                       plan.data_name, "the common data");
        check_template_from_data(plan, o, engine);
    }

    if (o.shard_count < 1 || o.shard_index < 1 || o.shard_index > o.shard_count)
        throw Error(problem("batch.shard", "--shard K/N needs 1 <= K <= N (got " +
                                               std::to_string(o.shard_index) + "/" +
                                               std::to_string(o.shard_count) + ")"));
    plan.shard_begin =
        plan.rows * static_cast<size_t>(o.shard_index - 1) / static_cast<size_t>(o.shard_count);
    plan.shard_end =
        plan.rows * static_cast<size_t>(o.shard_index) / static_cast<size_t>(o.shard_count);
    plan.manifest_name = o.shard_count == 1 ? "manifest.json"
                                            : "manifest.shard-" + std::to_string(o.shard_index) +
                                                  "-of-" + std::to_string(o.shard_count) + ".json";

    // Second reading: every name is checked, not only this shard's (shards write into one
    // folder). Names are kept as hashes; the few rows whose hashes clash are named again.
    plan.pattern = std::make_unique<NamePattern>(o.name_pattern);
    std::vector<Diagnostic> problems;
    FolderGuard guard(o.out_dir);
    plan.names.reserve(plan.rows);
    size_t index = 0;
    for_each_row(plan, [&](json&& row, int line) {
        const size_t i = index++;
        if (problems.size() >= kMaxNameProblems) return;
        std::string why, field;
        std::string name = name_of(plan, row, i, why, field);
        if (name.empty()) {
            problems.push_back(problem("batch.name", "row " + std::to_string(i + 1) + ": " + why,
                                       plan.rows_file, line));
            return;
        }
        const NamedRow named{std::move(name), static_cast<int>(i) + 1, line};
        if (auto p = guard.check(named, plan.rows_file)) problems.push_back(std::move(*p));
        plan.names.add(named.name, i);
    });
    if (problems.empty()) {
        const std::vector<size_t> suspects = plan.names.suspects(plan.manifest_name);
        if (!suspects.empty()) {
            std::vector<NamedRow> named;
            index = 0;
            for_each_row(plan, [&](json&& row, int line) {
                const size_t i = index++;
                if (!std::binary_search(suspects.begin(), suspects.end(), i)) return;
                std::string why, field;
                named.push_back({name_of(plan, row, i, why, field), static_cast<int>(i) + 1, line});
            });
            problems = check_names(named, plan.manifest_name, plan.rows_file);
        }
    }
    if (!problems.empty()) {
        problems.front().hints.push_back("the name pattern is \"" + o.name_pattern + "\"");
        throw Error(std::move(problems));
    }

    const auto fields = engine.template_fields(plan.template_name, o.allowed_paths);
    if (!fields.empty()) {
        const std::set<std::string> declared(fields.begin(), fields.end());
        for (const auto& name : plan.pattern->used())
            if (!declared.count(name)) plan.name_only.insert(name);
    }
    plan.common_digest = common_digest(o, plan, engine);
    return plan;
}

void for_each_job(const Plan& plan, const std::function<void(Job&&)>& take) {
    std::error_code ec;
    if (fs::last_write_time(plan.rows_file, ec) != plan.rows_mtime ||
        fs::file_size(plan.rows_file, ec) != plan.rows_size)
        throw Error(problem("batch.rows",
                            "the rows file has changed since the batch checked it; run the batch "
                            "again",
                            plan.rows_file));
    size_t index = 0;
    for_each_row(plan, [&](json&& row, int line) {
        const size_t i = index++;
        if (i < plan.shard_begin || i >= plan.shard_end) return;
        std::string why, field;
        std::string name = name_of(plan, row, i, why, field);
        std::string input = Sha256().field(plan.common_digest).field(row.dump()).field(name).hex();
        take(Job{i, line, std::move(name), std::move(input), std::move(row)});
    });
}

}  // namespace vanthu::batch
