#include "input/schema.hpp"

#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "input/nearest.hpp"
#include "input/utf8.hpp"
#include "text/text.hpp"

namespace vanthu::input {

using nlohmann::json;

namespace {

constexpr const char* kRequired = "required but not given";

const std::vector<std::string> kKeywords = {
    "type",        "required",  "properties", "additionalProperties",
    "items",       "enum",      "minItems",   "maxItems",
    "minLength",   "maxLength", "pattern",    "format",
    "description", "title",     "$schema",    "$comment"};
const std::vector<std::string> kTypes = {"string", "number", "integer", "boolean",
                                         "array",  "object", "null"};

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
    return out;
}

// ---- regular expressions (ICU) ----------------------------------------------------------------

using Pattern = std::unique_ptr<icu::RegexPattern>;

Pattern compile(const std::string& pattern, std::string& why) {
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    Pattern compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
    if (U_FAILURE(status)) {
        why = std::string(u_errorName(status));
        if (parse_error.offset >= 0)
            why += " near character " + std::to_string(parse_error.offset + 1);
        return nullptr;
    }
    return compiled;
}

bool search(const icu::RegexPattern& pattern, const std::string& text) {
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(input, status));
    if (U_FAILURE(status)) return false;
    const bool found = matcher->find(status);
    return U_SUCCESS(status) && found;
}

// ---- checking the schema ----------------------------------------------------------------------

std::string pointer_segment(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return "/" + out;
}

struct SchemaChecker {
    const std::string& file;
    std::vector<core::Diagnostic> problems;

    void problem(const std::string& pointer, const std::string& message,
                 std::vector<std::string> hints = {}) {
        problems.push_back(core::Diagnostic{
            core::Severity::error, "template.schema",
            "the data schema " + (pointer.empty() ? std::string("(top level)") : "at " + pointer) +
                ": " + message,
            core::SourceLocation{file, 0, 0, {}}, std::move(hints)});
    }

    void count(const std::string& pointer, const std::string& keyword, const json& v) {
        if (!(v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0)))
            problem(pointer, "\"" + keyword + "\" must be a whole number ≥ 0, not " + v.dump());
    }

    void check(const json& s, const std::string& pointer) {
        if (!s.is_object()) {
            problem(pointer, "a schema must be an object { … }, not " + s.dump());
            return;
        }
        for (const auto& [keyword, v] : s.items()) {
            if (!contains(kKeywords, keyword)) {
                std::vector<std::string> hints;
                if (auto near = nearest_name(keyword, kKeywords))
                    hints.push_back("did you mean \"" + *near + "\"?");
                hints.push_back("supported: " + join(kKeywords));
                problem(pointer, "unknown keyword \"" + keyword + "\"", std::move(hints));
            } else if (keyword == "type") {
                const bool ok_list =
                    v.is_array() && !v.empty() &&
                    std::all_of(v.begin(), v.end(), [](const json& t) {
                        return t.is_string() && contains(kTypes, t.get<std::string>());
                    });
                if (!(v.is_string() && contains(kTypes, v.get<std::string>())) && !ok_list)
                    problem(pointer, "\"type\" must be one of " + join(kTypes) +
                                         " (or a list of them), not " + v.dump());
            } else if (keyword == "required") {
                if (!v.is_array() ||
                    !std::all_of(v.begin(), v.end(), [](const json& n) { return n.is_string(); }))
                    problem(pointer, "\"required\" must be a list of field names, not " + v.dump());
            } else if (keyword == "properties") {
                if (!v.is_object()) {
                    problem(pointer, "\"properties\" must map field names to schemas");
                    continue;
                }
                for (const auto& [name, sub] : v.items())
                    check(sub, pointer + "/properties" + pointer_segment(name));
            } else if (keyword == "additionalProperties") {
                if (!v.is_boolean())
                    problem(pointer,
                            "\"additionalProperties\" must be true or false (a schema "
                            "there is not supported)");
            } else if (keyword == "items") {
                if (v.is_array())
                    problem(pointer,
                            "\"items\" must be one schema for every item (a list of "
                            "schemas is not supported)");
                else
                    check(v, pointer + "/items");
            } else if (keyword == "enum") {
                if (!v.is_array() || v.empty())
                    problem(pointer, "\"enum\" must be a non-empty list of the allowed values");
            } else if (keyword == "minItems" || keyword == "maxItems" || keyword == "minLength" ||
                       keyword == "maxLength") {
                count(pointer, keyword, v);
            } else if (keyword == "pattern") {
                std::string why;
                if (!v.is_string())
                    problem(pointer, "\"pattern\" must be a text (a regular expression)");
                else if (!compile(v.get<std::string>(), why))
                    problem(pointer, "the pattern " + v.dump() +
                                         " is not a valid regular "
                                         "expression (" +
                                         why + ")");
            } else if (keyword == "format") {
                if (!v.is_string() || v.get<std::string>() != "date")
                    problem(pointer,
                            "\"format\" " + v.dump() +
                                " is not supported (only \"date\": YYYY-MM-DD, YYYY-MM or YYYY)");
            }
            // description, title, $schema, $comment: annotations.
        }
    }
};

// ---- checking data ----------------------------------------------------------------------------

bool is_empty(const json& v) {
    return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty());
}

bool digits(const std::string& s, size_t& i) {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
}

bool looks_integer(const std::string& s) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    return digits(s, i) && i == s.size();
}

bool looks_number(const std::string& s) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    bool mantissa = digits(s, i);
    if (i < s.size() && s[i] == '.') {
        ++i;
        mantissa = digits(s, i) || mantissa;
    }
    if (!mantissa) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits(s, i)) return false;
    }
    return i == s.size();
}

bool type_ok(const std::string& type, const json& v) {
    const bool text = v.is_string();
    const std::string empty;
    const std::string& s = text ? v.get_ref<const std::string&>() : empty;
    if (type == "string") return text || v.is_null() || v.is_number();
    if (type == "number") return v.is_number() || is_empty(v) || (text && looks_number(s));
    if (type == "integer") {
        if (v.is_number_integer()) return true;
        if (v.is_number_float()) {
            const double d = v.get<double>();
            return std::isfinite(d) && std::floor(d) == d;
        }
        return is_empty(v) || (text && looks_integer(s));
    }
    if (type == "boolean") return v.is_boolean();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    if (type == "null") return v.is_null();
    return true;
}

std::string type_name(const std::string& type) {
    if (type == "string") return "a text";
    if (type == "number") return "a number";
    if (type == "integer") return "a whole number";
    if (type == "boolean") return "true or false";
    if (type == "array") return "a list";
    if (type == "object") return "a set of named fields";
    return "nothing";
}

// "10/5" in double quotes, JSON-escaped, shortened past 60 code points.
std::string quote_value(const std::string& s) {
    size_t count = 0, cut = s.size();
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++count == 58) cut = i;
    }
    return json(count > 60 ? s.substr(0, cut) + "…" : s).dump();
}

// How a value is described after "got": `a text`, `"10/5"`, `a list`, `the number 12`, …
// `show_text`: quote a string's value instead of saying "a text".
std::string describe(const json& v, bool show_text) {
    switch (v.type()) {
        case json::value_t::string:
            if (v.get_ref<const std::string&>().empty()) return "an empty text";
            return show_text ? quote_value(v.get<std::string>()) : "a text";
        case json::value_t::array:
            return "a list";
        case json::value_t::object:
            return "a set of named fields";
        case json::value_t::boolean:
            return v.get<bool>() ? "true" : "false";
        case json::value_t::null:
            return "nothing";
        default:
            return "the number " + v.dump();
    }
}

std::string nfc_if_valid(const std::string& s) { return text::is_valid_utf8(s) ? text::nfc(s) : s; }

bool enum_equal(const json& value, const json& item) {
    if (value == item) return true;
    if (value.is_string() && item.is_string())
        return nfc_if_valid(value.get<std::string>()) == nfc_if_valid(item.get<std::string>());
    if (value.is_string() && item.is_number()) return value.get<std::string>() == item.dump();
    if (value.is_number() && item.is_string()) return value.dump() == item.get<std::string>();
    return false;
}

std::string plural(size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

struct DataChecker {
    const std::string& data_file;
    core::Diagnostics& diags;
    std::map<std::string, Pattern> patterns;

    void report(const std::string& path, const std::string& message,
                std::vector<std::string> hints = {}) {
        std::optional<core::SourceLocation> where;
        if (!data_file.empty()) where = core::SourceLocation{data_file, 0, 0, {}};
        diags.add(core::Diagnostic{core::Severity::error, "data.schema",
                                   path.empty() ? message : path + ": " + message, std::move(where),
                                   std::move(hints)});
    }

    const icu::RegexPattern* pattern(const std::string& source) {
        auto it = patterns.find(source);
        if (it == patterns.end()) {
            std::string why;
            it = patterns.emplace(source, compile(source, why)).first;
        }
        return it->second.get();
    }

    static std::string child(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

    // The "type" keyword; false (after reporting) if `v` has none of the types.
    bool check_type(const json& type, const json& v, const std::string& path) {
        std::vector<std::string> types;
        if (type.is_string())
            types.push_back(type.get<std::string>());
        else
            for (const auto& t : type) types.push_back(t.get<std::string>());
        for (const auto& t : types)
            if (type_ok(t, v)) return true;
        std::vector<std::string> names;
        bool show_text = false;
        for (const auto& t : types) {
            names.push_back(type_name(t));
            show_text =
                show_text || t == "number" || t == "integer" || t == "boolean" || t == "null";
        }
        report(path, "expected " + join(names, " or ") + ", got " + describe(v, show_text));
        return false;
    }

    void check_text(const json& s, const json& v, const std::string& path) {
        const std::string empty;
        const std::string& text = v.is_string() ? v.get_ref<const std::string&>() : empty;
        const auto min_length = s.find("minLength");
        const auto max_length = s.find("maxLength");
        if (min_length != s.end() || max_length != s.end()) {
            const std::string normal = nfc_if_valid(text);
            const size_t n = detail::count_code_points(normal, 0, normal.size());
            const std::string got = v.is_null() ? "nothing"
                                    : text.empty()
                                        ? "an empty text"
                                        : std::to_string(n) + " (" + quote_value(text) + ")";
            if (min_length != s.end() && n < min_length->get<size_t>())
                report(path, "expected at least " + plural(min_length->get<size_t>(), "character") +
                                 ", got " + got);
            if (max_length != s.end() && n > max_length->get<size_t>())
                report(path, "expected at most " + plural(max_length->get<size_t>(), "character") +
                                 ", got " + got);
        }
        if (text.empty()) return;
        if (auto p = s.find("pattern"); p != s.end()) {
            const icu::RegexPattern* compiled = pattern(p->get<std::string>());
            if (compiled && !search(*compiled, nfc_if_valid(text))) {
                // The pattern says little to a clerk; the field's description says what to write.
                std::vector<std::string> hints;
                if (auto d = s.find("description"); d != s.end() && d->is_string())
                    hints.push_back(d->get<std::string>());
                report(path,
                       "expected a text matching " + p->get<std::string>() + ", got " +
                           quote_value(text),
                       std::move(hints));
            }
        }
        if (auto f = s.find("format"); f != s.end() && *f == "date") {
            if (const std::string why = text::date_problem(text); !why.empty()) {
                // "expected a date like …, got "10/5"", or "… got "2023-02-29" (no such day …)".
                const bool shape = why.starts_with("expected");
                report(path, (shape ? why : std::string("expected a date like 2024-05-10")) +
                                 ", got " + quote_value(text) + (shape ? "" : " (" + why + ")"));
            }
        }
    }

    void check_list(const json& s, const json& v, const std::string& path) {
        if (auto m = s.find("minItems"); m != s.end() && v.size() < m->get<size_t>())
            report(path, "expected at least " + plural(m->get<size_t>(), "item") + ", got " +
                             std::to_string(v.size()));
        if (auto m = s.find("maxItems"); m != s.end() && v.size() > m->get<size_t>())
            report(path, "expected at most " + plural(m->get<size_t>(), "item") + ", got " +
                             std::to_string(v.size()));
        if (auto items = s.find("items"); items != s.end())
            for (size_t i = 0; i < v.size(); ++i)
                check(*items, v[i], path + "[" + std::to_string(i) + "]");
    }

    void check_object(const json& s, const json& v, const std::string& path) {
        const json no_properties = json::object();
        const auto p = s.find("properties");
        const json& properties = p != s.end() ? *p : no_properties;
        if (auto required = s.find("required"); required != s.end()) {
            for (const auto& name : *required) {
                const std::string key = name.get<std::string>();
                if (v.contains(key)) continue;
                std::vector<std::string> hints;
                if (auto field = properties.find(key); field != properties.end()) {
                    if (auto d = field->find("description"); d != field->end() && d->is_string())
                        hints.push_back(key + ": " + d->get<std::string>());
                }
                report(child(path, key), kRequired, std::move(hints));
            }
        }
        const auto additional = s.find("additionalProperties");
        const bool closed = additional != s.end() && *additional == false;
        std::vector<std::string> known;
        for (const auto& [name, sub] : properties.items()) known.push_back(name);
        for (const auto& [key, value] : v.items()) {
            if (auto field = properties.find(key); field != properties.end()) {
                check(*field, value, child(path, key));
            } else if (closed) {
                std::vector<std::string> hints;
                if (auto near = nearest_name(key, known))
                    hints.push_back("did you mean \"" + *near + "\"?");
                report(path, "unknown field \"" + key + "\" (known: " + join(known) + ")",
                       std::move(hints));
            }
        }
    }

    void check(const json& s, const json& v, const std::string& path) {
        if (auto type = s.find("type"); type != s.end() && !check_type(*type, v, path)) return;
        if (auto e = s.find("enum"); e != s.end() && !is_empty(v)) {
            const bool found = std::any_of(e->begin(), e->end(),
                                           [&](const json& item) { return enum_equal(v, item); });
            if (!found) {
                std::vector<std::string> allowed;
                for (const auto& item : *e)
                    allowed.push_back(item.is_string() ? item.get<std::string>() : item.dump());
                report(path, "expected one of " + join(allowed) + ", got " + describe(v, true));
            }
        }
        if (v.is_string() || v.is_null()) check_text(s, v, path);
        if (v.is_array()) check_list(s, v, path);
        if (v.is_object()) check_object(s, v, path);
    }
};

}  // namespace

bool has_schema(const json& manifest) {
    return manifest.is_object() &&
           (manifest.contains("properties") || manifest.contains("required"));
}

std::vector<core::Diagnostic> check_schema(const json& schema, const std::string& schema_file) {
    SchemaChecker checker{schema_file, {}};
    checker.check(schema, "");
    return std::move(checker.problems);
}

void check_data(const json& schema, const json& data, const std::string& data_file,
                core::Diagnostics& diags, const std::string& schema_file) {
    std::vector<core::Diagnostic> problems = check_schema(schema, schema_file);
    if (!problems.empty()) {
        for (auto& p : problems) diags.add(std::move(p));
        return;
    }
    DataChecker checker{data_file, diags, {}};
    checker.check(schema, data, "");
}

std::optional<std::string> missing_required_path(const core::Diagnostic& d) {
    const std::string suffix = std::string(": ") + kRequired;
    if (d.code != "data.schema" || d.message.size() <= suffix.size() ||
        d.message.compare(d.message.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return d.message.substr(0, d.message.size() - suffix.size());
}

}  // namespace vanthu::input
