// What a batch will do, worked out before any output is written: the data of every row, each
// output's name and the digest of everything that goes into it.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/row_store.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::batch {

struct PlannedRow {
    int row = 0;         // 1-based
    int line = 0;        // where the row starts in the rows file
    std::string file;    // output path relative to the output folder
    std::string digest;  // of the engine, template, options, common data and this row
};

struct Plan {
    std::string template_name;
    std::string data_name;  // names the data in the engine's messages (the common data file)
    std::string rows_file;
    nlohmann::json common = nlohmann::json::object();
    RowStore rows;                          // as read, CSV list columns ("x[]") made lists
    std::vector<PlannedRow> planned;        // one per row
    size_t shard_begin = 0, shard_end = 0;  // the rows [begin, end) of this shard
    std::string manifest_name;              // "manifest.json" or "manifest.shard-K-of-N.json"
    // Fields only the name pattern uses ("ma"), which the template does not declare: they are
    // left out of the documents' data, where the template's check would refuse them.
    std::set<std::string> name_only;
};

// Reads the common data and the rows, loads the template (through `engine`, which keeps it
// for the workers) and names every output. Throws vanthu::Error with every problem found.
Plan make_plan(const BatchOptions& options, Engine& engine);

// The data of row `index`: the row merged over the common data (JSON merge patch: objects
// merge key by key, anything else replaces, null removes).
nlohmann::json row_data(const Plan& plan, size_t index);

// The data the document of row `index` is made from: row_data() without Plan::name_only.
nlohmann::json document_data(const Plan& plan, size_t index);

// The data field a diagnostic is about ("ngay", "noi_nhan[2]"), when it names one.
std::string field_of(const Diagnostic& d);

}  // namespace vanthu::batch
