// Rows files: the CSV reader, and load_rows() and its kin choosing the reader by extension
// (the JSON readers are in json_rows.cpp).
#include "input/csv.hpp"

#include <csv.h>

#include <algorithm>
#include <map>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "input/detail.hpp"
#include "input/rows_detail.hpp"
#include "text/text.hpp"

namespace vanthu::input {

using nlohmann::json;
using namespace rows;

namespace {

constexpr size_t npos = std::string::npos;
constexpr int kMaxRowProblems = 20;

// Feeds libcsv one byte at a time so every callback knows the offset (and line) of the byte that
// completed its field or row. Callbacks never throw (they run inside C code); they record
// problems and set `stop`.
struct CsvReader {
    const std::string& text;
    const std::string& name;

    size_t pos = 0;  // offset of the byte being fed (text.size() during csv_fini)
    int line = 1;    // line of `pos`
    size_t row_start = npos;
    int row_line = 0;
    std::vector<std::string> fields;
    std::vector<size_t> field_ends;  // offset of the delimiter / line break ending each field

    int records = 0;  // rows completed, header included
    size_t rows = 0;  // rows handed to `sink`
    std::vector<std::string> header;
    const RowSink* sink = nullptr;
    std::vector<core::Diagnostic> problems;
    bool stop = false;

    static void on_field(void* s, size_t len, void* self) {
        static_cast<CsvReader*>(self)->field(static_cast<const char*>(s), len);
    }
    static void on_row(int /*terminator*/, void* self) { static_cast<CsvReader*>(self)->row(); }

    core::SourceLocation where(size_t offset) const { return core::locate(name, text, offset); }

    // Where field `i` of the current row begins (after dropped spaces).
    size_t field_start(size_t i) const {
        size_t o = i == 0 ? row_start : field_ends[i - 1] + 1;
        while (o < text.size() && (text[o] == ' ' || text[o] == '\t')) ++o;
        return std::min(o, text.size());
    }

    static std::string clean(const std::string& raw) {
        std::string out;
        out.reserve(raw.size());
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\r') {
                out += '\n';
                if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            } else {
                out += raw[i];
            }
        }
        return text::nfc(out);
    }

    void field(const char* s, size_t len) {
        if (stop) return;
        if (len > core::limits::kStringBytes) {
            problems.push_back(error("data.limit",
                                     "row " + std::to_string(records + 1) +
                                         ": the value of column " +
                                         std::to_string(fields.size() + 1) + " is longer than " +
                                         std::to_string(core::limits::kStringBytes >> 20) + " MiB",
                                     where(pos)));
            stop = true;
            return;
        }
        fields.emplace_back(s ? std::string(s, len) : std::string());
        field_ends.push_back(pos);
    }

    void row() {
        if (stop) return;
        if (row_start == npos) {
            row_start = pos;
            row_line = line;
        }
        ++records;
        if (records == 1)
            take_header();
        else
            take_row();
        fields.clear();
        field_ends.clear();
        row_start = npos;
    }

    void take_header() {
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < fields.size(); ++i) {
            header.push_back(clean(fields[i]));
            const std::string& h = header.back();
            if (h.empty()) {
                problems.push_back(error(
                    "data.csv",
                    "column " + std::to_string(i + 1) +
                        " of the header row has no name; the first row must name every column",
                    where(field_start(i))));
            } else if (auto [it, fresh] = seen.emplace(h, i); !fresh) {
                problems.push_back(error(
                    "data.csv",
                    "the column name " + quote_name(h) + " is given twice (columns " +
                        std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + ")",
                    where(field_start(i))));
            }
        }
        if (!problems.empty()) stop = true;
    }

    void row_problem(core::Diagnostic d) {
        problems.push_back(std::move(d));
        if (static_cast<int>(problems.size()) >= kMaxRowProblems) stop = true;
    }

    void take_row() {
        const bool all_empty = std::all_of(fields.begin(), fields.end(),
                                           [](const std::string& f) { return f.empty(); });
        if (all_empty) return;
        const std::string row_name =
            "row " + std::to_string(records) + " (line " + std::to_string(row_line) + ")";
        const size_t n = fields.size(), m = header.size();
        const std::string columns = std::to_string(m) + (m == 1 ? " column" : " columns");
        if (n > m) {
            row_problem(error("data.csv",
                              row_name + " has " + std::to_string(n) +
                                  " values, but the header names only " + columns,
                              where(field_start(m)),
                              {"a value containing a comma must be in double quotes: "
                               "\"Hà Nội, Việt Nam\""}));
            return;
        }
        if (n < m) {
            std::string missing;
            for (size_t i = n; i < m && i < n + 3; ++i)
                missing += (missing.empty() ? "" : ", ") + quote_name(header[i]);
            if (m - n > 3) missing += ", …";
            row_problem(error("data.csv",
                              row_name + " has no value for the column" + (m - n > 1 ? "s " : " ") +
                                  missing + " (it has " + std::to_string(n) + " of " + columns +
                                  ")",
                              where(pos), {"an empty value is still written: a,,c"}));
            return;
        }
        json object = json::object();
        for (size_t i = 0; i < n; ++i) object[header[i]] = clean(fields[i]);
        if (!problems.empty()) return;
        if (++rows > core::limits::kRows) {
            problems.push_back(too_many_rows(name, row_line));
            stop = true;
            return;
        }
        (*sink)(std::move(object), row_line);
    }
};

struct CsvParser {
    csv_parser p{};
    CsvParser() {
        if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
            throw std::bad_alloc();
    }
    ~CsvParser() { csv_free(&p); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
};

void check_rows_format(const std::string& name) {
    const std::string ext = detail::lower_extension(name);
    if (ext == ".csv" || ext == ".jsonl" || ext == ".json") return;
    throw core::Failure(error(
        "data.format",
        ext.empty() ? "the rows file has no extension; use .csv, .jsonl "
                      "or .json"
                    : "unknown rows format " + quote_name(ext) + "; use .csv, .jsonl or .json",
        file_only(name)));
}

std::string read_rows_file(const std::filesystem::path& file) {
    std::string text, why;
    if (!detail::read_file(file, text, why))
        throw core::Failure(
            error("data.io", "cannot read the rows file: " + why, file_only(file.string())));
    return text;
}

}  // namespace

namespace {

void parse_csv(const std::string& raw, const std::string& name, const RowSink& sink) {
    std::string stripped;
    const std::string& text = without_bom(raw, stripped);
    if (auto problem = encoding_problem(text, name, "data.csv"))
        throw core::Failure(std::move(*problem));

    CsvReader reader{text, name};
    reader.sink = &sink;
    CsvParser parser;
    csv_parser& p = parser.p;
    size_t open_quote = npos;
    bool parse_error = false;
    for (reader.pos = 0; reader.pos < text.size() && !reader.stop; ++reader.pos) {
        const char c = text[reader.pos];
        if (reader.row_start == npos && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            reader.row_start = reader.pos;
            reader.row_line = reader.line;
        }
        const bool was_quoted = p.quoted != 0;
        if (csv_parse(&p, text.data() + reader.pos, 1, CsvReader::on_field, CsvReader::on_row,
                      &reader) != 1) {
            parse_error = true;
            break;
        }
        if (!was_quoted && p.quoted) open_quote = reader.pos;
        if (c == '\n') ++reader.line;
    }

    if (parse_error) {
        const int code = csv_error(&p);
        if (code == CSV_EPARSE && p.quoted)
            throw core::Failure(
                error("data.csv", "unexpected text after the closing quote of a quoted value",
                      reader.where(reader.pos),
                      {"a quote inside a quoted value is written twice: \"say \"\"hi\"\"\""}));
        if (code == CSV_EPARSE)
            throw core::Failure(
                error("data.csv", "a quote inside a value that does not start with a quote",
                      reader.where(reader.pos),
                      {"quote the whole value and write the quote twice: \"say \"\"hi\"\"\""}));
        throw core::Failure(error("data.csv",
                                  std::string("cannot read the CSV file: ") + csv_strerror(code),
                                  reader.where(reader.pos)));
    }
    if (!reader.stop) {
        reader.pos = text.size();
        if (csv_fini(&p, CsvReader::on_field, CsvReader::on_row, &reader) != 0) {
            const int code = csv_error(&p);
            throw core::Failure(error(
                "data.csv",
                code == CSV_EPARSE
                    ? std::string("the quoted value that starts here is never closed (a \" is "
                                  "missing)")
                    : std::string("cannot read the CSV file: ") + csv_strerror(code),
                reader.where(code == CSV_EPARSE && open_quote != npos ? open_quote : text.size())));
        }
    }
    if (!reader.problems.empty()) {
        if (reader.stop && reader.records > 1 && reader.pos < text.size() &&
            static_cast<int>(reader.problems.size()) >= kMaxRowProblems)
            reader.problems.push_back(core::Diagnostic{
                core::Severity::note,
                "data.csv",
                "stopped after " + std::to_string(reader.problems.size()) + " problems",
                file_only(name),
                {}});
        throw core::Failure(std::move(reader.problems));
    }
    if (reader.records == 0)
        throw core::Failure(error("data.csv",
                                  "the CSV file is empty; its first row must name the columns",
                                  file_only(name)));
}

void parse_any(const std::string& text, const std::string& name, const RowSink& sink) {
    check_rows_format(name);
    const std::string ext = detail::lower_extension(name);
    if (ext == ".csv") return parse_csv(text, name, sink);
    if (ext == ".jsonl") return parse_jsonl_rows(text, name, sink);
    parse_json_array_rows(text, name, sink);
}

// The rows of `parse` in a list; their lines appended to `row_lines` when given.
template <typename Parse>
std::vector<json> collect(Parse parse, std::vector<int>* row_lines) {
    std::vector<json> rows;
    std::vector<int> lines;
    parse([&](json&& row, int line) {
        rows.push_back(std::move(row));
        lines.push_back(line);
    });
    if (row_lines) row_lines->insert(row_lines->end(), lines.begin(), lines.end());
    return rows;
}

}  // namespace

std::vector<json> parse_csv_rows(const std::string& raw, const std::string& name,
                                 std::vector<int>* row_lines) {
    return collect([&](const RowSink& sink) { parse_csv(raw, name, sink); }, row_lines);
}

std::vector<json> load_csv_rows(const std::filesystem::path& file, std::vector<int>* row_lines) {
    return parse_csv_rows(read_rows_file(file), file.string(), row_lines);
}

std::vector<json> parse_rows(const std::string& text, const std::string& name,
                             std::vector<int>* row_lines) {
    return collect([&](const RowSink& sink) { parse_any(text, name, sink); }, row_lines);
}

std::vector<json> load_rows(const std::filesystem::path& file, std::vector<int>* row_lines) {
    return collect([&](const RowSink& sink) { for_each_row(file, sink); }, row_lines);
}

void for_each_row(const std::filesystem::path& file, const RowSink& sink) {
    const std::string name = file.string();
    check_rows_format(name);
    if (detail::lower_extension(name) == ".jsonl") return stream_jsonl_rows(file, sink);
    parse_any(read_rows_file(file), name, sink);
}

}  // namespace vanthu::input
