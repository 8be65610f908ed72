#include "expand/csv.hpp"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "core/diagnostics.hpp"
#include "expand/detail.hpp"
#include "expand/utf8.hpp"
#include "text/text.hpp"

namespace vanthu::expand {

using nlohmann::json;

namespace {

constexpr size_t npos = std::string::npos;
constexpr int kMaxRowProblems = 20;

core::Diagnostic error(std::string code, std::string message,
                       std::optional<core::SourceLocation> where = std::nullopt,
                       std::vector<std::string> hints = {}) {
    return core::Diagnostic{core::Severity::error, std::move(code), std::move(message),
                            std::move(where), std::move(hints)};
}

core::SourceLocation file_only(const std::string& file) { return {file, 0, 0, {}}; }

std::string strip_bom(const std::string& text) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) return text.substr(3);
    return text;
}

// `text` without a leading byte-order mark: `text` itself when it has none (a rows file can be
// large; it is not copied), else a copy in `storage`.
const std::string& without_bom(const std::string& text, std::string& storage) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return storage = text.substr(3);
    return text;
}

std::string lower_extension(const std::string& name) {
    std::string ext = std::filesystem::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string quote_name(const std::string& s) { return "\"" + s + "\""; }

// "a text", "a list", … for messages about what a row holds instead of an object.
std::string kind_of(const json& v) {
    switch (v.type()) {
        case json::value_t::string:
            return "a text";
        case json::value_t::array:
            return "a list";
        case json::value_t::boolean:
            return v.get<bool>() ? "true" : "false";
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        default:
            return "a number";
    }
}

// NFC of every string and key in `v`. Two keys of one object that are equal after
// normalisation are reported (as a duplicate key) at `where`.
json nfc_all(const json& v, const std::string& path, const core::SourceLocation& where,
             std::vector<core::Diagnostic>& problems) {
    if (v.is_string()) return text::nfc(v.get_ref<const std::string&>());
    if (v.is_array()) {
        json out = json::array();
        for (size_t i = 0; i < v.size(); ++i)
            out.push_back(nfc_all(v[i], path + "[" + std::to_string(i) + "]", where, problems));
        return out;
    }
    if (v.is_object()) {
        json out = json::object();
        for (const auto& [key, child] : v.items()) {
            const std::string k = text::nfc(key);
            const std::string child_path = path.empty() ? k : path + "." + k;
            if (out.contains(k)) {
                problems.push_back(
                    error("data.duplicate-key",
                          "the key " + child_path + " is given twice (in different Unicode forms)",
                          where));
                continue;
            }
            out[k] = nfc_all(child, child_path, where, problems);
        }
        return out;
    }
    return v;
}

// Invalid UTF-8 or a control character (other than \n, \t, \r) anywhere in `text`.
std::optional<core::Diagnostic> encoding_problem(const std::string& text, const std::string& name,
                                                 const std::string& code) {
    if (const size_t bad = detail::invalid_utf8_at(text); bad != npos)
        return error(code, "the file is not valid UTF-8 (save it as UTF-8)",
                     core::locate(name, text, bad),
                     {"in a spreadsheet, save as \"CSV UTF-8\"; in a text editor, choose the "
                      "UTF-8 encoding"});
    if (const size_t ctl = detail::control_char_at(text, true); ctl != npos)
        return error(code,
                     "the file contains the control character " +
                         detail::code_point_name(text, ctl) +
                         " (only line breaks and tabs are allowed)",
                     core::locate(name, text, ctl));
    return std::nullopt;
}

// ---- CSV --------------------------------------------------------------------------------------

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
        if (problems.empty()) (*sink)(std::move(object), row_line);
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

// ---- JSON -------------------------------------------------------------------------------------

// Gives a diagnostic from parsing one line of a .jsonl file the file's line number.
core::Diagnostic on_line(core::Diagnostic d, const std::string& name, int line,
                         const std::string& line_text) {
    if (d.where && d.where->line > 0)
        d.where->line = line;
    else
        d.where = core::SourceLocation{name, line, 0, line_text};
    return d;
}

// One line of a .jsonl file: its row handed to `sink`, or its problems added to `problems`.
// Rows go on to `sink` only while there are no problems, as load_rows() promises.
void parse_jsonl_line(std::string l, int line, const std::string& name,
                      std::vector<core::Diagnostic>& problems, const RowSink& sink) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    const size_t first = l.find_first_not_of(" \t\r");
    if (first == npos) return;
    json value;
    try {
        value = detail::parse_json_text(l, name, "data.syntax");
    } catch (const core::Failure& f) {
        for (const auto& d : f.diagnostics()) problems.push_back(on_line(d, name, line, l));
        return;
    }
    if (!value.is_object()) {
        problems.push_back(error("data.top-level",
                                 "line " + std::to_string(line) + " holds " + kind_of(value) +
                                     ", not an object: each line must be one object { … }",
                                 core::SourceLocation{name, line, static_cast<int>(first) + 1, l}));
        return;
    }
    const core::SourceLocation where{name, line, 0, l};
    const size_t before = problems.size();
    for (auto& d : detail::check_data_strings(value, name))
        problems.push_back(on_line(std::move(d), name, line, l));
    if (problems.size() != before) return;
    json row = nfc_all(value, "", where, problems);
    if (problems.empty()) sink(std::move(row), line);
}

void parse_jsonl_rows(const std::string& raw, const std::string& name, const RowSink& sink) {
    std::string stripped;
    const std::string& text = without_bom(raw, stripped);
    if (auto problem = encoding_problem(text, name, "data.encoding"))
        throw core::Failure(std::move(*problem));
    std::vector<core::Diagnostic> problems;
    size_t start = 0;
    for (int line = 1; start <= text.size(); ++line) {
        size_t end = text.find('\n', start);
        if (end == npos) end = text.size();
        parse_jsonl_line(text.substr(start, end - start), line, name, problems, sink);
        start = end + 1;
    }
    if (!problems.empty()) throw core::Failure(std::move(problems));
}

// As parse_jsonl_rows, reading the file a line at a time: a batch of many rows never holds
// the whole file. An encoding problem stops at its line, as it stops the whole-text check.
void stream_jsonl_rows(const std::filesystem::path& file, const RowSink& sink) {
    const std::string name = file.string();
    std::error_code ec;
    std::ifstream in(file, std::ios::binary);
    if (!in || std::filesystem::is_directory(file, ec))
        throw core::Failure(error("data.io",
                                  std::string("cannot read the rows file: ") +
                                      (in ? "it is a folder" : std::strerror(errno)),
                                  file_only(name)));
    std::vector<core::Diagnostic> problems;
    std::string l;
    for (int line = 1; std::getline(in, l); ++line) {
        if (line == 1) l = strip_bom(l);
        if (auto problem = encoding_problem(l, name, "data.encoding"))
            throw core::Failure(on_line(std::move(*problem), name, line, {}));
        parse_jsonl_line(std::move(l), line, name, problems, sink);
    }
    if (in.bad())
        throw core::Failure(error("data.io", "cannot read the rows file", file_only(name)));
    if (!problems.empty()) throw core::Failure(std::move(problems));
}

// The items of the top-level array of JSON text that json::accept() took, one at a time. Lines
// are counted as the scan goes: n items cost one pass over the text, not n.
class ArrayItems {
  public:
    // `open`: the offset of the array's "[".
    ArrayItems(const std::string& text, size_t open) : t_(text), pos_(open + 1) {}

    // The next item's bytes [begin, end); false after the last.
    bool next(size_t& begin, size_t& end) {
        if (done_) return false;
        while (pos_ < t_.size() &&
               (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r'))
            ++pos_;
        if (pos_ >= t_.size() || t_[pos_] == ']') {
            done_ = true;
            return false;
        }
        begin = pos_;
        int depth = 0;
        bool in_string = false, escaped = false;
        for (; pos_ < t_.size(); ++pos_) {
            const char c = t_[pos_];
            if (in_string) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '[' || c == '{') {
                ++depth;
            } else if ((c == ']' || c == '}') && depth-- == 0) {
                break;  // the array's own "]"
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        end = pos_;
        if (pos_ < t_.size() && t_[pos_] == ',')
            ++pos_;
        else
            done_ = true;
        return true;
    }

    // The line of byte `offset`; offsets must not go back.
    int line_at(size_t offset) {
        for (; counted_ < offset; ++counted_)
            if (t_[counted_] == '\n') {
                ++line_;
                line_start_ = counted_ + 1;
            }
        return line_;
    }

    // Where byte `offset` is, with its column and line (for a message); offsets must not go back.
    core::SourceLocation where(const std::string& name, size_t offset) {
        line_at(offset);
        return core::locate_on_line(name, t_, offset, line_, line_start_);
    }

  private:
    const std::string& t_;
    size_t pos_;
    bool done_ = false;
    size_t counted_ = 0;
    int line_ = 1;
    size_t line_start_ = 0;
};

// What a JSON text that is not an array is, from its first character (the text is valid).
std::string kind_of_text(char first) {
    switch (first) {
        case '{':
            return "an object";
        case '"':
            return "a text";
        case 't':
            return "true";
        case 'f':
            return "false";
        case 'n':
            return "null";
        default:
            return "a number";
    }
}

// Items are parsed one at a time, after the whole text has been checked (json::accept, which
// builds nothing): the file's rows are never all held as JSON values at once.
void parse_json_array_rows(const std::string& raw, const std::string& name, const RowSink& sink) {
    std::string stripped;
    const std::string& text = without_bom(raw, stripped);
    if (auto problem = encoding_problem(text, name, "data.encoding"))
        throw core::Failure(std::move(*problem));
    if (!json::accept(text)) {
        detail::parse_json_text(text, name, "data.syntax");  // throws, at the error
        throw core::Failure(error("data.syntax", "JSON syntax error", file_only(name)));
    }
    const size_t first = std::min(text.find_first_not_of(" \t\r\n"), text.size());
    if (first == text.size() || text[first] != '[')
        throw core::Failure(error("data.top-level",
                                  "a .json rows file must be a list of objects [ { … }, { … } ], "
                                  "not " +
                                      kind_of_text(first < text.size() ? text[first] : ' '),
                                  core::locate(name, text, first)));
    ArrayItems items(text, first);
    std::vector<core::Diagnostic> problems;
    size_t begin = 0, end = 0;
    for (size_t i = 0; items.next(begin, end); ++i) {
        const int line = items.line_at(begin);
        const std::string item = "[" + std::to_string(i) + "]";
        json value;
        try {
            value =
                detail::parse_json_text(text.substr(begin, end - begin), name, "data.syntax", item);
        } catch (const core::Failure& f) {  // a key given twice (the syntax was checked)
            for (const auto& d : f.diagnostics()) problems.push_back(d);
            continue;
        }
        if (!value.is_object()) {
            problems.push_back(error("data.top-level",
                                     "item " + item + " is " + kind_of(value) +
                                         ", not an object: every item must be an object { … }",
                                     items.where(name, begin)));
            continue;
        }
        const size_t before = problems.size();
        for (auto& d : detail::check_data_strings(value, name)) {
            d.message = "item " + item + ": " + d.message;
            d.where = core::SourceLocation{name, line, 0, {}};
            problems.push_back(std::move(d));
        }
        if (problems.size() != before) continue;
        json row = nfc_all(value, item, core::SourceLocation{name, line, 0, {}}, problems);
        if (problems.size() != before) {
            const core::SourceLocation where = items.where(name, begin);
            for (size_t k = before; k < problems.size(); ++k) problems[k].where = where;
            continue;
        }
        if (problems.empty()) sink(std::move(row), line);
    }
    if (!problems.empty()) throw core::Failure(std::move(problems));
}

void check_rows_format(const std::string& name) {
    const std::string ext = lower_extension(name);
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
        if (reader.stop && reader.records > 1 && reader.pos < text.size())
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
    const std::string ext = lower_extension(name);
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
    if (lower_extension(name) == ".jsonl") return stream_jsonl_rows(file, sink);
    parse_any(read_rows_file(file), name, sink);
}

}  // namespace vanthu::expand
