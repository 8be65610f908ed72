#include "expand/expand.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <set>

#include <kainjow/mustache.hpp>

#include "core/xml_escape.hpp"
#include "expand/helpers.hpp"
#include "expand/mustache_data.hpp"
#include "expand/mustache_scan.hpp"
#include "input/detail.hpp"

namespace vanthu::expand {

namespace {

namespace km = kainjow::mustache;

// Before handing the template to kainjow, the name of every variable tag is prefixed with one of
// these, so the context can tell a {{variable}} lookup (missing = reported, draft placeholder,
// booleans as text) from a {{#section}} / {{^inverted}} lookup (missing = simply false).
constexpr char kEscapedVariable = '\x03';
constexpr char kRawVariable = '\x04';

class RecordingContext : public km::context<std::string> {
  public:
    RecordingContext(const km::data* root, bool draft)
        : km::context<std::string>(root), draft_(draft) {}

    const km::data* get(const std::string& name) const override {
        if (name.empty() || (name[0] != kEscapedVariable && name[0] != kRawVariable))
            return km::context<std::string>::get(name);
        const std::string real = name.substr(1);
        const km::data* value = km::context<std::string>::get(real);
        if (value == nullptr) {
            if (seen_.insert(real).second) missing_.push_back(real);
            if (!draft_) return nullptr;
            return placeholder(real, name[0] == kRawVariable);
        }
        if (value->is_true()) return &true_text_;
        if (value->is_false()) return &false_text_;
        return value;
    }

    // Partials are inlined at load time; data can never supply one.
    const km::data* get_partial(const std::string&) const override { return nullptr; }

    // Names looked up by a {{variable}} tag and not found, in the order first met.
    const std::vector<std::string>& missing() const { return missing_; }

  private:
    const km::data* placeholder(const std::string& name, bool raw) const {
        auto& slot = placeholders_[std::string(1, raw ? kRawVariable : kEscapedVariable) + name];
        if (!slot) {
            const std::string text = "[" + name + "]";
            // A raw tag is not escaped by kainjow, so escape the placeholder here.
            slot = std::make_unique<km::data>(raw ? core::xml_escape(text) : text);
        }
        return slot.get();
    }

    bool draft_;
    km::data true_text_{std::string("true")};
    km::data false_text_{std::string("false")};
    mutable std::vector<std::string> missing_;
    mutable std::set<std::string> seen_;
    mutable std::map<std::string, std::unique_ptr<km::data>> placeholders_;
};

bool is_variable(const detail::Tag& tag) {
    return tag.kind == detail::TagKind::variable || tag.kind == detail::TagKind::unescaped_variable;
}

// kainjow's "Unclosed section \"a\" at 12": splits off the offset.
bool split_offset(const std::string& message, std::string& text, size_t& offset) {
    const size_t at = message.rfind(" at ");
    if (at == std::string::npos) return false;
    const char* begin = message.data() + at + 4;
    const char* end = message.data() + message.size();
    auto [ptr, ec] = std::from_chars(begin, end, offset);
    if (ec != std::errc() || ptr != end || ptr == begin) return false;
    text = message.substr(0, at);
    return true;
}

std::vector<std::string> syntax_hints(const std::string& message) {
    const size_t q1 = message.find('"');
    const size_t q2 = q1 == std::string::npos ? q1 : message.find('"', q1 + 1);
    const std::string name =
        q2 == std::string::npos ? std::string() : message.substr(q1 + 1, q2 - q1 - 1);
    if (message.rfind("Unclosed section", 0) == 0)
        return {"close it with {{/" + name +
                "}} (or a {{/…}} further on names a different section)"};
    if (message.rfind("Unopened section", 0) == 0)
        return {"there is no {{#" + name + "}} or {{^" + name + "}} before this {{/" + name + "}}"};
    if (message.rfind("Unclosed tag", 0) == 0) return {"a tag opened with {{ must end with }}"};
    return {};
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace

Expanded expand(const Template& tmpl, const nlohmann::json& data, const std::string& data_file,
                const ExpandOptions& options, core::Diagnostics& diags) {
    // Data that did not come through load_data() is checked here too: a control character in it
    // could forge a line marker.
    if (!data.is_object()) {
        diags.error("data.top-level", "the data must be an object of names and values",
                    core::SourceLocation{data_file, 0, 0, {}});
        core::throw_if_errors(diags);
    }
    for (auto& problem : input::detail::check_data_strings(data, data_file))
        diags.add(std::move(problem));
    core::throw_if_errors(diags);

    // Mark variable tags (see kEscapedVariable) and remember where the marks went, to map
    // kainjow's error offsets back to offsets in tmpl.source.
    const detail::ScanResult scan = detail::scan_tags(tmpl.source);
    std::string source;
    source.reserve(tmpl.source.size() + scan.tags.size());
    std::vector<size_t> inserted;  // offsets in `source` of the inserted characters
    size_t copied = 0;
    for (const auto& tag : scan.tags) {
        if (!is_variable(tag) || tag.name.empty()) continue;
        source.append(tmpl.source, copied, tag.name_pos - copied);
        inserted.push_back(source.size());
        source += tag.kind == detail::TagKind::variable ? kEscapedVariable : kRawVariable;
        copied = tag.name_pos;
    }
    source.append(tmpl.source, copied, std::string::npos);
    const auto original_offset = [&inserted](size_t offset) {
        const auto before = std::lower_bound(inserted.begin(), inserted.end(), offset);
        return offset - static_cast<size_t>(before - inserted.begin());
    };

    km::mustache mustache{source};
    if (!mustache.is_valid()) {
        std::string text;
        size_t offset = 0;
        core::Diagnostic d{core::Severity::error, "template.syntax", {}, {}, {}};
        if (split_offset(mustache.error_message(), text, offset)) {
            d.message = "mustache syntax error: " + lower_first(text);
            d.where = locate_in_source(tmpl.source, original_offset(offset), tmpl.files);
            d.hints = syntax_hints(text);
        } else {
            d.message = "mustache syntax error: " + lower_first(mustache.error_message());
            if (!tmpl.files.empty()) d.where = core::SourceLocation{tmpl.files[0].path, 0, 0, {}};
        }
        diags.add(std::move(d));
        core::throw_if_errors(diags);
    }
    mustache.set_custom_escape(core::xml_escape);

    // Helpers (helpers.hpp): lambda2 formatters on the root object. A data key named like a
    // helper and a helper used as a {{variable}} / {{^inverted}} tag are errors.
    for (auto& problem : check_reserved_names(data, data_file)) diags.add(std::move(problem));
    for (auto& problem : check_helper_tags(tmpl, scan)) diags.add(std::move(problem));
    core::throw_if_errors(diags);
    km::data root = to_mustache_data(data);
    auto helper_env = std::make_shared<HelperEnv>();
    helper_env->diags = &diags;
    helper_env->tmpl = &tmpl;
    helper_env->strict = options.strict;
    add_helpers(root, helper_env);
    RecordingContext context(&root, !options.strict);
    if (!options.strict) {
        // A draft placeholder of a missing name reaches a helper as "[name]": passed through.
        helper_env->is_placeholder = [&context](const std::string& text) {
            if (text.size() < 3 || text.front() != '[' || text.back() != ']') return false;
            const std::string name = text.substr(1, text.size() - 2);
            const auto& missing = context.missing();
            return std::find(missing.begin(), missing.end(), name) != missing.end();
        };
    }
    std::string marked = mustache.render(context);
    if (!mustache.is_valid()) {
        diags.error("template.render", "cannot fill the template: " + mustache.error_message(),
                    tmpl.files.empty()
                        ? std::nullopt
                        : std::optional(core::SourceLocation{tmpl.files[0].path, 0, 0, {}}));
        core::throw_if_errors(diags);
    }

    // Missing names, reported at the first {{tag}} using them, in template order.
    struct Missing {
        size_t position;
        std::string name;
    };
    std::vector<Missing> missing;
    for (const auto& name : context.missing()) {
        size_t position = std::string::npos;
        for (const auto& tag : scan.tags) {
            if (is_variable(tag) && tag.name == name) {
                position = tag.start;
                break;
            }
        }
        missing.push_back({position, name});
    }
    std::stable_sort(missing.begin(), missing.end(),
                     [](const Missing& a, const Missing& b) { return a.position < b.position; });
    for (const auto& m : missing) {
        core::Diagnostic d{options.strict ? core::Severity::error : core::Severity::warning,
                           "data.missing",
                           "missing data: \"" + m.name + "\" is used by the template but not given",
                           std::nullopt,
                           {}};
        if (m.position != std::string::npos)
            d.where = locate_in_source(tmpl.source, m.position, tmpl.files);
        d.hints.push_back(options.strict
                              ? "add \"" + m.name + "\" to " +
                                    (data_file.empty() ? std::string("the data") : data_file) +
                                    ", or use draft mode to see a placeholder"
                              : "shown as [" + m.name + "] in the draft");
        diags.add(std::move(d));
    }
    core::throw_if_errors(diags);

    Expanded result;
    std::vector<LineMark> marks;
    result.text = strip_line_markers(marked, marks);
    result.map = SourceMap(std::move(marks), &tmpl.files);
    result.data_file = data_file;
    return result;
}

}  // namespace vanthu::expand
