#include "expand/helpers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "core/xml_escape.hpp"
#include "expand/inline_markup.hpp"
#include "expand/rendered_markup.hpp"
#include "expand/siblings.hpp"
#include "expand/source_map.hpp"
#include "text/text.hpp"

namespace vanthu::expand {

namespace {

namespace km = kainjow::mustache;

constexpr char kMarkBegin = '\x01';
constexpr char kMarkEnd = '\x02';
constexpr char kEscapedVariable = '\x03';
constexpr char kRawVariable = '\x04';

// ---- The text stage, in one place -------------------------------------------------------------

// A value helper's formatter: the result, or nullopt with `problem` set ("is not a number").
using Format =
    std::function<std::optional<std::string>(const std::string& value, std::string& problem)>;

// Digits of `s` after its decimal mark as parse_number() read it: all digits minus those of the
// integer part (leading zeros aside, which only makes trailing zeros that are dropped anyway).
int decimals_given(const std::string& s, double value) {
    int digits = 0;
    for (const char c : s) digits += c >= '0' && c <= '9';
    const double whole = std::floor(std::fabs(value));
    int whole_digits = 1;
    for (double w = whole; w >= 10; w /= 10) ++whole_digits;
    return std::clamp(digits - whole_digits, 0, 15);
}

std::optional<double> number_in(const std::string& value, std::string& problem) {
    const auto n = text::parse_number(value);
    if (!n || !std::isfinite(*n)) {
        problem = "is not a number";
        return std::nullopt;
    }
    return n;
}

// Whole numbers only, and only those a double holds exactly.
std::optional<long long> whole_number_in(const std::string& value, std::string& problem) {
    const auto n = number_in(value, problem);
    if (!n) return std::nullopt;
    if (std::floor(*n) != *n) {
        problem = "is not a whole number";
        return std::nullopt;
    }
    if (std::fabs(*n) >= 1e15) {
        problem = "is too large (at most 15 digits)";
        return std::nullopt;
    }
    return static_cast<long long>(*n);
}

std::optional<std::string> format_number_value(const std::string& value, std::string& problem) {
    const auto n = number_in(value, problem);
    if (!n) return std::nullopt;
    return text::format_number(*n, decimals_given(value, *n));
}

std::optional<std::string> amount_words_value(const std::string& value, std::string& problem) {
    const auto n = whole_number_in(value, problem);
    if (!n) return std::nullopt;
    return text::amount_in_words(*n);
}

std::optional<std::string> roman_value(const std::string& value, std::string& problem) {
    const auto n = whole_number_in(value, problem);
    if (n && (*n < 1 || *n > 3999)) problem = "is outside 1 to 3999";
    if (!n || *n < 1 || *n > 3999) return std::nullopt;
    return text::roman(static_cast<int>(*n));
}

std::string tone_style(const std::string& s, bool new_style) {
    return text::convert_tone_style(
        s, new_style ? text::ToneStyle::new_style : text::ToneStyle::old_style);
}

using namespace rendered;  // tokenize, map_text, split_value, decode_entity

// ---- Reporting ---------------------------------------------------------------------------------

class State {
  public:
    explicit State(std::shared_ptr<HelperEnv> env) : env_(std::move(env)) {}

    bool is_placeholder(const std::string& text) const {
        return env_->is_placeholder && env_->is_placeholder(text);
    }

    // Reports a problem of `helper`, whose section text (as kainjow gave it) is `section`.
    // `in_draft` says what the draft shows instead.
    void report(const std::string& helper, const std::string& section, std::string message,
                std::vector<std::string> hints, const std::string& in_draft) {
        core::Diagnostic d{env_->strict ? core::Severity::error : core::Severity::warning,
                           "template.helper", std::move(message), locate(helper, section),
                           std::move(hints)};
        if (!env_->strict) d.hints.push_back(in_draft);
        std::string key = d.message;
        if (d.where)
            key += "\n" + d.where->file + ":" + std::to_string(d.where->line) + ":" +
                   std::to_string(d.where->column);
        if (!reported_.insert(std::move(key)).second) return;
        if (env_->diags != nullptr) env_->diags->add(std::move(d));
    }

  private:
    struct Section {
        std::string name;
        size_t start = 0;  // of the {{#name}} tag in tmpl.source
        std::string text;  // between the tags
    };

    std::optional<core::SourceLocation> locate(const std::string& helper,
                                               const std::string& section) {
        const Template* tmpl = env_->tmpl;
        if (tmpl == nullptr) return std::nullopt;
        if (!indexed_) index(*tmpl);
        std::string text;
        text.reserve(section.size());
        for (const char c : section)
            if (c != kEscapedVariable && c != kRawVariable) text += c;
        const Section* first = nullptr;
        for (const Section& s : sections_) {
            if (s.name != helper) continue;
            if (first == nullptr) first = &s;
            if (s.text == text) return locate_in_source(tmpl->source, s.start, tmpl->files);
        }
        if (first != nullptr) return locate_in_source(tmpl->source, first->start, tmpl->files);
        if (!tmpl->files.empty()) return core::SourceLocation{tmpl->files[0].path, 0, 0, {}};
        return std::nullopt;
    }

    void index(const Template& tmpl) {
        indexed_ = true;
        const detail::ScanResult scan = detail::scan_tags(tmpl.source);
        std::vector<const detail::Tag*> open;
        for (const auto& tag : scan.tags) {
            if (tag.kind == detail::TagKind::section_begin ||
                tag.kind == detail::TagKind::inverted_begin) {
                open.push_back(&tag);
            } else if (tag.kind == detail::TagKind::section_end && !open.empty()) {
                const detail::Tag* begin = open.back();
                open.pop_back();
                if (begin->kind == detail::TagKind::section_begin && is_helper_name(begin->name))
                    sections_.push_back({begin->name, begin->start,
                                         tmpl.source.substr(begin->end, tag.start - begin->end)});
            }
        }
        std::stable_sort(sections_.begin(), sections_.end(),
                         [](const Section& a, const Section& b) { return a.start < b.start; });
    }

    std::shared_ptr<HelperEnv> env_;
    bool indexed_ = false;
    std::vector<Section> sections_;
    std::set<std::string> reported_;
};

// ---- The helpers -------------------------------------------------------------------------------

struct ValueHelper {
    std::string name;
    Format format;
    std::string hint;
};

km::data value_helper(std::shared_ptr<State> state, ValueHelper helper) {
    return km::lambda2{[state, helper](const std::string& section, const km::renderer& render) {
        Value v = split_value(render(section));
        if (v.value.empty() || state->is_placeholder(v.value))
            return v.before + core::xml_escape(v.value) + v.after;
        std::string problem;
        std::optional<std::string> result;
        try {
            result = helper.format(v.value, problem);
        } catch (const std::exception& e) {
            problem = std::string("cannot be formatted (") + e.what() + ")";
        }
        if (result) return v.before + core::xml_escape(*result) + v.after;
        state->report(helper.name, section,
                      "helper \"" + helper.name + "\": " + shown(v.value) + " " + problem,
                      {helper.hint}, "shown as [" + helper.name + ": …] in the draft");
        return v.before + core::xml_escape("[" + helper.name + ": " + v.value + "]") + v.after;
    }};
}

km::data text_helper(std::function<std::string(const std::string&)> f) {
    return km::lambda2{[f](const std::string& section, const km::renderer& render) {
        return map_text(render(section), f);
    }};
}

// sort and punctuate: a problem leaves the section as rendered.
km::data siblings_helper(std::shared_ptr<State> state, std::string name,
                         siblings::Result (*apply)(const std::string&), std::string hint) {
    return km::lambda2{
        [state, name, apply, hint](const std::string& section, const km::renderer& render) {
            siblings::Result r = apply(render(section));
            if (!r.problem.empty())
                state->report(
                    name, section,
                    "helper \"" + name + "\": " + r.problem + "; nothing " +
                        (name == "sort" ? "sorted" : "changed"),
                    {hint},
                    name == "sort" ? "left unsorted in the draft" : "left as typed in the draft");
            return r.text;
        }};
}

std::optional<std::string> type_abbreviation_value(const std::string& value, std::string& problem) {
    auto abbreviation = text::type_abbreviation(value);
    if (!abbreviation)
        problem = "is not a type name of Decree 30";
    else if (abbreviation->empty())
        problem = "has no abbreviation (Decree 30 gives none to công văn and thư công)";
    if (!abbreviation || abbreviation->empty()) return std::nullopt;
    return abbreviation;
}

std::string type_names_hint() {
    std::string all;
    for (const auto& n : text::abbreviated_type_names()) all += (all.empty() ? "" : ", ") + n;
    return "the type names that have an abbreviation: " + all;
}

std::string all_helper_names() {
    std::string all;
    for (const auto& n : helper_names()) all += (all.empty() ? "" : ", ") + n;
    return all;
}

void collect_reserved(const nlohmann::json& value, const std::string& path, const std::string& file,
                      std::vector<core::Diagnostic>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            const std::string child_path = path.empty() ? key : path + "." + key;
            if (is_helper_name(key))
                out.push_back(
                    {core::Severity::error,
                     "data.reserved-name",
                     "the data key " + child_path +
                         " has the name of the template "
                         "helper \"" +
                         key + "\"",
                     core::SourceLocation{file, 0, 0, {}},
                     {"rename it; the names " + all_helper_names() + " are reserved for helpers"}});
            collect_reserved(child, child_path, file, out);
        }
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            collect_reserved(value[i], path + "[" + std::to_string(i) + "]", file, out);
    }
}

}  // namespace

const std::vector<std::string>& helper_names() {
    static const std::vector<std::string> names{"upper",      "tone_old", "tone_new",  "date",
                                                "date_short", "number",   "words",     "roman",
                                                "sort",       "inline",   "type_abbr", "punctuate"};
    return names;
}

bool is_helper_name(std::string_view name) {
    const auto& names = helper_names();
    return std::find(names.begin(), names.end(), name) != names.end();
}

void add_helpers(km::data& root, std::shared_ptr<HelperEnv> env) {
    auto state = std::make_shared<State>(std::move(env));
    const auto date = [](bool long_form) {
        return
            [long_form](const std::string& v, std::string& problem) -> std::optional<std::string> {
                // The long form leaves the parts not known yet blank ("ngày     tháng 4 năm
                // 2026"); the short form needs the whole date.
                const auto d = long_form ? text::parse_partial_date(v) : text::parse_iso_date(v);
                if (!d)
                    problem = long_form ? "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
                                        : "is not a whole date (YYYY-MM-DD)";
                if (!d) return std::nullopt;
                return long_form ? text::date_long(*d) : text::date_short(*d);
            };
    };
    const std::string date_hint =
        "write the date in the data as YYYY-MM-DD (e.g. 2024-02-05); the day must exist";
    root.set("upper", text_helper([](const std::string& s) { return text::upper(s); }));
    root.set("tone_old", text_helper([](const std::string& s) { return tone_style(s, false); }));
    root.set("tone_new", text_helper([](const std::string& s) { return tone_style(s, true); }));
    root.set("date", value_helper(state, {"date", date(true), date_hint}));
    root.set("date_short", value_helper(state, {"date_short", date(false), date_hint}));
    root.set("number",
             value_helper(state, {"number", format_number_value,
                                  "write the number as digits with a decimal point or comma, "
                                  "e.g. 1234567.5 or 1.234.567,5"}));
    root.set("words",
             value_helper(state, {"words", amount_words_value,
                                  "the amount must be a whole number of đồng, e.g. 1250000"}));
    root.set("roman",
             value_helper(state, {"roman", roman_value, "Roman numerals exist for 1 to 3999"}));
    root.set("type_abbr",
             value_helper(state, {"type_abbr", type_abbreviation_value, type_names_hint()}));
    root.set("sort", siblings_helper(state, "sort", siblings::sort_elements,
                                     "sort reorders sibling elements: "
                                     "{{#sort}}{{#list}}<item>{{.}}</item>{{/list}}{{/sort}}"));
    root.set("punctuate",
             siblings_helper(state, "punctuate", siblings::punctuate_elements,
                             "punctuate ends the text of sibling elements: "
                             "{{#punctuate}}{{#list}}<p>{{.}}</p>{{/list}}{{/punctuate}}"));
    root.set("inline", km::lambda2{[state](const std::string& section, const km::renderer& render) {
                 std::string text = render(section);
                 try {
                     return inline_markup(text);
                 } catch (const std::length_error& e) {
                     state->report("inline", section, std::string("helper \"inline\": ") + e.what(),
                                   {"write bold, italic and underline around whole words, at "
                                    "most a few inside one another: **Điều 1** or *__chú ý__*"},
                                   "shown with its marks as typed in the draft");
                     return text;
                 }
             }});
}

std::vector<core::Diagnostic> check_reserved_names(const nlohmann::json& data,
                                                   const std::string& data_file) {
    std::vector<core::Diagnostic> out;
    collect_reserved(data, "", data_file, out);
    return out;
}

std::vector<core::Diagnostic> check_helper_tags(const Template& tmpl,
                                                const detail::ScanResult& scan) {
    std::vector<core::Diagnostic> out;
    for (const auto& tag : scan.tags) {
        const bool variable = tag.kind == detail::TagKind::variable ||
                              tag.kind == detail::TagKind::unescaped_variable;
        if (!(variable || tag.kind == detail::TagKind::inverted_begin) || !is_helper_name(tag.name))
            continue;
        const std::string open = tag.delimiters.begin, close = tag.delimiters.end;
        out.push_back(
            {core::Severity::error,
             "template.helper",
             "\"" + tag.name + "\" is a helper and can only be used as a section, " + open + "#" +
                 tag.name + close + "…" + open + "/" + tag.name + close,
             locate_in_source(tmpl.source, tag.start, tmpl.files),
             {"a helper formats what its section contains, e.g. " + open + "#" + tag.name + close +
              open + "value" + close + open + "/" + tag.name + close}});
    }
    return out;
}

}  // namespace vanthu::expand
