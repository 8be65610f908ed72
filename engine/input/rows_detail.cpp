// Helpers shared by the readers of rows files (csv.cpp, json_rows.cpp).
#include "input/rows_detail.hpp"

#include "core/limits.hpp"
#include "input/detail.hpp"
#include "input/utf8.hpp"
#include "text/text.hpp"

namespace vanthu::input::rows {

using nlohmann::json;

core::Diagnostic error(std::string code, std::string message,
                       std::optional<core::SourceLocation> where, std::vector<std::string> hints) {
    return core::Diagnostic{core::Severity::error, std::move(code), std::move(message),
                            std::move(where), std::move(hints)};
}

core::SourceLocation file_only(const std::string& file) { return {file, 0, 0, {}}; }

std::string strip_bom(const std::string& text) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) return text.substr(3);
    return text;
}

const std::string& without_bom(const std::string& text, std::string& storage) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return storage = text.substr(3);
    return text;
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

std::optional<core::Diagnostic> encoding_problem(const std::string& text, const std::string& name,
                                                 const std::string& code) {
    if (const size_t bad = detail::invalid_utf8_at(text); bad != std::string::npos)
        return error(code, "the file is not valid UTF-8 (save it as UTF-8)",
                     core::locate(name, text, bad),
                     {"in a spreadsheet, save as \"CSV UTF-8\"; in a text editor, choose the "
                      "UTF-8 encoding"});
    if (const size_t ctl = detail::control_char_at(text, true); ctl != std::string::npos)
        return error(code,
                     "the file contains the control character " +
                         detail::code_point_name(text, ctl) +
                         " (only line breaks and tabs are allowed)",
                     core::locate(name, text, ctl));
    return std::nullopt;
}

core::Diagnostic too_many_rows(const std::string& name, int line) {
    const std::string limit = std::to_string(core::limits::kRows);
    return error(
        "data.limit",
        "the rows file has more than " + limit + " rows; one batch makes at most " + limit +
            " documents",
        core::SourceLocation{name, line, 0, {}},
        {"split the rows into files of at most " + limit + " rows and run vanthu batch on each"});
}

RowSink counted(const RowSink& sink, const std::string& name, size_t& count) {
    return [&sink, &name, &count](json&& row, int line) {
        if (++count > core::limits::kRows) throw core::Failure(too_many_rows(name, line));
        sink(std::move(row), line);
    };
}

}  // namespace vanthu::input::rows
