// The JSON readers of rows files: JSON Lines (.jsonl) and a JSON list of objects (.json).
#include <cerrno>
#include <cstring>
#include <fstream>

#include "input/detail.hpp"
#include "input/rows_detail.hpp"

namespace vanthu::input::rows {

using nlohmann::json;

namespace {

constexpr size_t npos = std::string::npos;

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

}  // namespace

void parse_jsonl_rows(const std::string& raw, const std::string& name, const RowSink& to) {
    size_t rows = 0;
    const RowSink sink = counted(to, name, rows);
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
void stream_jsonl_rows(const std::filesystem::path& file, const RowSink& to) {
    const std::string name = file.string();
    size_t rows = 0;
    const RowSink sink = counted(to, name, rows);
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

// Items are parsed one at a time, after the whole text has been checked (json::accept, which
// builds nothing): the file's rows are never all held as JSON values at once.
void parse_json_array_rows(const std::string& raw, const std::string& name, const RowSink& to) {
    size_t rows = 0;
    const RowSink sink = counted(to, name, rows);
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

}  // namespace vanthu::input::rows
