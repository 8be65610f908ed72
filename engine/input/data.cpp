#include "input/data.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "expand/source_map.hpp"
#include "input/detail.hpp"
#include "input/utf8.hpp"
#include "input/yaml_check.hpp"
#include "text/text.hpp"

namespace vanthu::input {

using nlohmann::json;

namespace {

core::Diagnostic error(std::string code, std::string message,
                       std::optional<core::SourceLocation> where = std::nullopt) {
    return core::Diagnostic{
        core::Severity::error, std::move(code), std::move(message), std::move(where), {}};
}

core::SourceLocation file_only(const std::string& file) { return {file, 0, 0, {}}; }

// ---- JSON -------------------------------------------------------------------------------------

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …" -> "syntax
// error …"
std::string clean_json_message(const std::string& what) {
    std::string msg = what;
    const size_t column = msg.find("column ");
    if (column != std::string::npos) {
        const size_t colon = msg.find(": ", column);
        if (colon != std::string::npos) msg = msg.substr(colon + 2);
    } else if (msg.rfind("[json.exception.", 0) == 0) {
        const size_t close = msg.find("] ");
        if (close != std::string::npos) msg = msg.substr(close + 2);
    }
    return msg;
}

// Tracks the path of the value being parsed, to name duplicate keys.
struct JsonPathTracker {
    struct Frame {
        bool object = true;
        std::string segment;  // how the parent names this container
        std::set<std::string> keys;
        std::string key;
        size_t count = 0;
    };
    std::string within;  // the path of the whole text in a larger document
    std::vector<Frame> frames;
    std::vector<std::string> duplicates;
    std::string too_long;  // the path of the first text longer than kStringBytes

    std::string path() const {
        std::string p = within;
        for (const auto& f : frames) p += f.segment;
        return p;
    }
    std::string child_segment() const {
        if (frames.empty()) return {};
        const Frame& top = frames.back();
        if (!top.object) return "[" + std::to_string(top.count) + "]";
        return frames.size() == 1 && within.empty() ? top.key : "." + top.key;
    }
    void element_done() {
        if (!frames.empty() && !frames.back().object) ++frames.back().count;
    }
    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start: {
                Frame f;
                f.object = event == json::parse_event_t::object_start;
                f.segment = child_segment();
                frames.push_back(std::move(f));
                break;
            }
            case json::parse_event_t::key: {
                Frame& top = frames.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second)
                    duplicates.push_back(path() + child_segment());
                if (top.key.size() > core::limits::kStringBytes && too_long.empty())
                    too_long = path() + child_segment();
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                frames.pop_back();
                element_done();
                break;
            case json::parse_event_t::value:
                if (parsed.is_string() &&
                    parsed.get_ref<const std::string&>().size() > core::limits::kStringBytes &&
                    too_long.empty())
                    too_long = path() + child_segment();
                element_done();
                break;
        }
        return true;
    }
};

// ---- string checks ---------------------------------------------------------------------------

// What is wrong with a data string, if anything: its code, "<problem>" to follow "the value of
// <path> " in the message, and what to do.
struct StringProblem {
    std::string code;
    std::string problem;
    std::vector<std::string> hints;
};

std::optional<StringProblem> string_problem(const std::string& s) {
    if (size_t bad = detail::invalid_utf8_at(s); bad != std::string::npos)
        return StringProblem{
            "data.encoding", "is not valid UTF-8 (at byte " + std::to_string(bad) + ")", {}};
    if (size_t ctl = detail::control_char_at(s); ctl != std::string::npos)
        return StringProblem{"data.encoding",
                             "contains the control character " + detail::code_point_name(s, ctl) +
                                 " (only line breaks and tabs are allowed)",
                             {}};
    if (auto refused = text::first_refused_character(s)) {
        return StringProblem{std::move(refused->code), "contains " + text::describe(*refused),
                             std::move(refused->hints)};
    }
    return std::nullopt;
}

core::Diagnostic string_error(const StringProblem& p, const std::string& what,
                              std::optional<core::SourceLocation> where) {
    core::Diagnostic d = error(p.code, what + " " + p.problem, std::move(where));
    d.hints = p.hints;
    return d;
}

void check_json_strings(const json& value, const std::string& path, const std::string& file,
                        std::vector<core::Diagnostic>& out) {
    if (value.is_string()) {
        if (const auto problem = string_problem(value.get_ref<const std::string&>()))
            out.push_back(string_error(*problem, "the value of " + path, file_only(file)));
    } else if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            const std::string child_path = path.empty() ? key : path + "." + key;
            if (const auto problem = string_problem(key))
                out.push_back(string_error(*problem, "the key " + child_path, file_only(file)));
            check_json_strings(child, child_path, file, out);
        }
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            check_json_strings(value[i], path + "[" + std::to_string(i) + "]", file, out);
    }
}

void check_text_encoding(const std::string& text, const std::string& file) {
    const size_t bad = detail::invalid_utf8_at(text);
    if (bad != std::string::npos)
        throw core::Failure(error("data.encoding",
                                  "the data file is not valid UTF-8 (save it as UTF-8)",
                                  core::locate(file, text, bad)));
}

Data parse_json_data(const std::string& text, const std::string& name) {
    check_text_encoding(text, name);
    Data data{detail::parse_json_text(text, name, "data.syntax"), name};
    if (!data.value.is_object()) {
        const size_t first = std::min(text.find_first_not_of(" \t\r\n"), text.size());
        throw core::Failure(
            error("data.top-level",
                  "the data must be an object of names and values ({ \"name\": … }) at the top",
                  core::locate(name, text, first)));
    }
    std::vector<core::Diagnostic> problems = detail::check_data_strings(data.value, name);
    if (!problems.empty()) throw core::Failure(std::move(problems));
    return data;
}

// ---- YAML -------------------------------------------------------------------------------------

core::SourceLocation yaml_location(const std::string& text, const std::string& file,
                                   const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0) return file_only(file);
    if (mark.pos >= 0 && static_cast<size_t>(mark.pos) <= text.size()) {
        core::SourceLocation loc = core::locate(file, text, static_cast<size_t>(mark.pos));
        if (loc.line == mark.line + 1) return loc;
    }
    return {file, mark.line + 1, mark.column + 1, core::line_of(text, mark.line + 1)};
}

struct YamlConverter {
    const std::string& text;
    const std::string& file;
    std::vector<core::Diagnostic> problems;

    static constexpr int kMaxDepth = core::limits::kDataNesting;

    core::SourceLocation where(const YAML::Node& node) const {
        return yaml_location(text, file, node.Mark());
    }

    // YAML 1.2 core schema for plain scalars, except that numbers stay text.
    json scalar(const YAML::Node& node, const std::string& path) {
        const std::string& s = node.Scalar();
        const std::string& tag = node.Tag();
        const bool plain =
            tag == "?" || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null";
        if (plain) {
            if (s == "true" || s == "True" || s == "TRUE") return true;
            if (s == "false" || s == "False" || s == "FALSE") return false;
            if (s == "null" || s == "Null" || s == "NULL" || s == "~" || s.empty()) return nullptr;
        }
        if (const auto problem = string_problem(s))
            problems.push_back(string_error(*problem, "the value of " + path, where(node)));
        return s;
    }

    json convert(const YAML::Node& node, const std::string& path, int depth) {
        if (depth > kMaxDepth) {
            problems.push_back(error("data.syntax", "the data is nested too deeply", where(node)));
            return nullptr;
        }
        switch (node.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                if (node.Tag() == "!") return std::string();  // '' or "" spelled oddly
                return nullptr;
            case YAML::NodeType::Scalar:
                return scalar(node, path);
            case YAML::NodeType::Sequence: {
                json array = json::array();
                size_t i = 0;
                for (const auto& item : node)
                    array.push_back(
                        convert(item, path + "[" + std::to_string(i++) + "]", depth + 1));
                return array;
            }
            case YAML::NodeType::Map: {
                json object = json::object();
                for (const auto& entry : node) {
                    const YAML::Node& key_node = entry.first;
                    if (!key_node.IsScalar() &&
                        !(key_node.IsNull() && !key_node.Scalar().empty())) {
                        problems.push_back(error("data.syntax",
                                                 "a key must be a simple name, not a list or "
                                                 "mapping",
                                                 where(key_node)));
                        continue;
                    }
                    const std::string& key = key_node.Scalar();
                    const std::string child_path = path.empty() ? key : path + "." + key;
                    if (object.contains(key)) {
                        problems.push_back(error("data.duplicate-key",
                                                 "the key " + child_path + " is given twice",
                                                 where(key_node)));
                        continue;
                    }
                    if (const auto problem = string_problem(key))
                        problems.push_back(
                            string_error(*problem, "the key " + child_path, where(key_node)));
                    object[key] = convert(entry.second, child_path, depth + 1);
                }
                return object;
            }
        }
        return nullptr;
    }
};

// Where each document of a YAML stream starts; nothing else of it is kept.
class DocumentStarts : public YAML::EventHandler {
  public:
    std::vector<YAML::Mark> starts;
    void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

struct Documents {
    size_t count = 0;
    YAML::Node first;  // when count > 0
};

// How many documents `text` holds, and the first one. Not YAML::LoadAll:
// yaml-cpp 0.7 reports a document starting with "," as empty without reading the comma, again
// and again, so LoadAll never returns and fills the memory (jbeder/yaml-cpp#1040, fixed in
// 0.8.1). Here a document that starts where the one before it did is a syntax error.
Documents load_documents(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts docs;
    while (parser.HandleNextDocument(docs)) {
        const size_t n = docs.starts.size();
        if (n >= 2 && docs.starts[n - 1].pos == docs.starts[n - 2].pos) {
            const YAML::Mark& at = docs.starts.back();
            const bool comma = at.pos >= 0 && static_cast<size_t>(at.pos) < text.size() &&
                               text[static_cast<size_t>(at.pos)] == ',';
            throw core::Failure(error(
                "data.syntax",
                comma ? "YAML syntax error: a comma outside [ ] or { } (a comma separates the "
                        "items of a list or mapping written between brackets)"
                      : "YAML syntax error: the text cannot be read from here",
                yaml_location(text, name, at)));
        }
    }
    Documents out;
    out.count = docs.starts.size();
    if (out.count > 0) out.first = YAML::Load(text);
    return out;
}

Data parse_yaml_data(const std::string& text, const std::string& name) {
    check_text_encoding(text, name);
    detail::check_yaml_text(text, name);
    Documents docs;
    try {
        docs = load_documents(text, name);
    } catch (const YAML::Exception& e) {
        throw core::Failure(
            error("data.syntax", "YAML syntax error: " + e.msg, yaml_location(text, name, e.mark)));
    }
    if (docs.count > 1)
        throw core::Failure(error("data.top-level",
                                  "the data file holds " + std::to_string(docs.count) +
                                      " YAML documents (separated by ---); expected one",
                                  file_only(name)));
    if (docs.count == 0 || !docs.first.IsMap()) {
        std::optional<core::SourceLocation> where = file_only(name);
        if (docs.count > 0 && docs.first.IsDefined() && !docs.first.IsNull())
            where = yaml_location(text, name, docs.first.Mark());
        throw core::Failure(error("data.top-level",
                                  docs.count == 0 || docs.first.IsNull()
                                      ? "the data file is empty; expected a mapping of names to "
                                        "values (name: value)"
                                      : "the data must be a mapping of names to values (name: "
                                        "value) at the top",
                                  where));
    }
    YamlConverter converter{text, name, {}};
    Data data{converter.convert(docs.first, "", 0), name};
    if (!converter.problems.empty()) throw core::Failure(std::move(converter.problems));
    return data;
}

void check_format(const std::string& name) {
    const std::string ext = detail::lower_extension(name);
    if (ext == ".json" || ext == ".yaml" || ext == ".yml") return;
    throw core::Failure(error("data.format",
                              ext.empty()
                                  ? "the data file has no extension; use .json, .yaml or "
                                    ".yml"
                                  : "unknown data format \"" + ext + "\"; use .json, .yaml or .yml",
                              file_only(name)));
}

}  // namespace

// ---- shared helpers --------------------------------------------------------------------------

std::string detail::lower_extension(const std::string& name) {
    std::string ext = std::filesystem::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool detail::read_file(const std::filesystem::path& path, std::string& out, std::string& why) {
    namespace fs = std::filesystem;
    constexpr size_t kMax = core::limits::kInputFileBytes;
    const std::string limit = std::to_string(kMax >> 20) + " MB";
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);  // through symbolic links
    if (fs::is_directory(status)) {
        why = "it is a folder";
        return false;
    }
    // A device (a link to /dev/zero read 4 GB) or a socket is never a file of data; a pipe may
    // be ("<(…)" in a shell), and is read up to the limit below.
    if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_fifo(status)) {
        why = "it is not a file but a device or socket";
        return false;
    }
    if (fs::is_regular_file(status)) {
        const auto size = fs::file_size(path, ec);
        if (!ec && size > kMax) {
            why = "it is larger than " + limit + " (" + std::to_string(size >> 20) + " MB)";
            return false;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = std::strerror(errno);
        return false;
    }
    out.clear();
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        out.append(buffer, static_cast<size_t>(in.gcount()));
        if (out.size() > kMax) {
            why = "it is larger than " + limit;
            out.clear();
            return false;
        }
    }
    if (in.bad()) {
        why = "read error";
        return false;
    }
    return true;
}

size_t detail::json_too_deep_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

size_t detail::json_long_string_at(std::string_view text, size_t limit) {
    auto hex = [&](size_t at) {
        unsigned value = 0;
        for (size_t k = at; k < at + 4 && k < text.size(); ++k) {
            const char c = text[k];
            value = value * 16 + static_cast<unsigned>(c >= 'a'   ? c - 'a' + 10
                                                       : c >= 'A' ? c - 'A' + 10
                                                                  : c - '0');
        }
        return value;
    };
    bool in_string = false;
    size_t start = 0, length = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!in_string) {
            if (c == '"') {
                in_string = true;
                start = i;
                length = 0;
            }
            continue;
        }
        if (c == '"') {
            in_string = false;
            continue;
        }
        if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'u') {
            const unsigned u = hex(i + 2);
            // A surrogate pair makes 4 bytes: counted at its first half.
            length += u < 0x80                    ? 1
                      : u < 0x800                 ? 2
                      : u >= 0xDC00 && u < 0xE000 ? 0
                      : u >= 0xD800 && u < 0xDC00 ? 4
                                                  : 3;
            i += 5;
        } else {
            if (c == '\\') ++i;
            ++length;
        }
        if (length > limit) return start;
    }
    return std::string::npos;
}

json detail::parse_json_text(const std::string& text, const std::string& file,
                             const std::string& code, const std::string& within) {
    // Checked before parsing: the checks after it walk the value recursively.
    if (const size_t at = json_too_deep_at(text, core::limits::kDataNesting);
        at != std::string::npos)
        throw core::Failure(error(code,
                                  "the data is nested too deeply (more than " +
                                      std::to_string(core::limits::kDataNesting) +
                                      " levels of lists and objects)",
                                  core::locate(file, text, at)));
    JsonPathTracker tracker;
    tracker.within = within;
    json value;
    try {
        value = json::parse(
            text, [&tracker](int d, json::parse_event_t e, json& p) { return tracker(d, e, p); });
    } catch (const json::parse_error& e) {
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        throw core::Failure(error(code, "JSON syntax error: " + clean_json_message(e.what()),
                                  core::locate(file, text, offset)));
    } catch (const json::out_of_range& e) {
        // A number beyond a double (1e999), reported by nlohmann without its place: "number
        // overflow parsing '1e999'". Found by fuzz_data_json (it was an internal error).
        const std::string what = e.what();
        const size_t open = what.find('\''), close = what.rfind('\'');
        const std::string number =
            open < close ? what.substr(open + 1, close - open - 1) : std::string();
        const size_t at = number.empty() ? std::string::npos : text.find(number);
        throw core::Failure(error(
            code, "the number " + number + " is too large; write it in quotes if it is a text",
            at == std::string::npos ? file_only(file) : core::locate(file, text, at)));
    }
    if (!tracker.too_long.empty()) {
        const size_t at = json_long_string_at(text, core::limits::kStringBytes);
        throw core::Failure(
            error(code == "data.syntax" ? "data.limit" : code,
                  "the text of " + tracker.too_long + " is longer than " +
                      std::to_string(core::limits::kStringBytes >> 20) + " MiB",
                  at == std::string::npos ? file_only(file) : core::locate(file, text, at)));
    }
    if (!tracker.duplicates.empty()) {
        std::vector<core::Diagnostic> problems;
        for (const auto& path : tracker.duplicates)
            problems.push_back(error(code == "data.syntax" ? "data.duplicate-key" : code,
                                     "the key " + path + " is given twice", file_only(file)));
        throw core::Failure(std::move(problems));
    }
    return value;
}

std::vector<core::Diagnostic> detail::check_data_strings(const json& value,
                                                         const std::string& file) {
    std::vector<core::Diagnostic> problems;
    check_json_strings(value, "", file, problems);
    return problems;
}

// ---- public -----------------------------------------------------------------------------------

Data load_data(const std::filesystem::path& file) {
    const std::string name = file.string();
    check_format(name);
    std::string text, why;
    if (!detail::read_file(file, text, why))
        throw core::Failure(error("data.io", "cannot read the data file: " + why, file_only(name)));
    return parse_data(text, name);
}

Data parse_data(const std::string& text, const std::string& name) {
    check_format(name);
    if (detail::lower_extension(name) == ".json") return parse_json_data(text, name);
    return parse_yaml_data(text, name);
}

}  // namespace vanthu::input
