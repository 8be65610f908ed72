#include "input/catalogue.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/paths.hpp"
#include "input/detail.hpp"
#include "input/nearest.hpp"

namespace vanthu::input {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool is_template_dir(const fs::directory_entry& e) {
    const std::string name = e.path().filename().string();
    std::error_code ec;
    return !name.empty() && name[0] != '_' && name[0] != '.' && e.is_directory(ec) &&
           fs::is_regular_file(e.path() / "main.mustache", ec);
}

std::string manifest_description(const fs::path& dir) {
    std::string text, error;
    // A manifest linked out of its folder is not read (load_template refuses it too).
    if (!core::is_within(core::resolved(dir / "manifest.json"), core::resolved(dir))) return {};
    if (!detail::read_file(dir / "manifest.json", text, error)) return {};
    // Depth-checked: a listing never recurses through a hostile manifest. Its errors are
    // reported when the template is used.
    json manifest;
    try {
        manifest =
            detail::parse_json_text(text, (dir / "manifest.json").string(), "template.manifest");
    } catch (const core::Failure&) {
        return {};
    }
    if (!manifest.is_object()) return {};
    const auto d = manifest.find("description");
    return d != manifest.end() && d->is_string() ? d->get<std::string>() : std::string();
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
    return out;
}

// The first `limit` code points of `s` on one line, with "…" when cut.
std::string one_line(std::string s, size_t limit = 60) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    size_t points = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (points++ == limit) return s.substr(0, i) + "…";
    }
    return s;
}

std::string type_of_one(const std::string& type, const json& schema) {
    if (type == "string") {
        const auto format = schema.find("format");
        if (format != schema.end() && *format == "date")
            return "ngày: YYYY-MM-DD, YYYY-MM hoặc YYYY";
        return "chữ";
    }
    if (type == "number") return "số";
    if (type == "integer") return "số nguyên";
    if (type == "boolean") return "có/không (true/false)";
    if (type == "object") return "nhóm mục";
    if (type == "null") return "để trống";
    if (type == "array") {
        const auto items = schema.find("items");
        if (items == schema.end() || !items->is_object()) return "danh sách";
        const auto item_type = items->find("type");
        if (item_type != items->end() && *item_type == "object") return "danh sách nhóm mục";
        if (item_type != items->end() && *item_type == "string") return "danh sách chữ";
        return "danh sách";
    }
    return type;
}

// What kind of value a field takes, for a clerk.
std::string type_label(const json& schema) {
    std::string label;
    if (const auto t = schema.find("type"); t != schema.end()) {
        std::vector<std::string> kinds;
        if (t->is_string()) kinds.push_back(type_of_one(t->get<std::string>(), schema));
        if (t->is_array())
            for (const auto& one : *t)
                if (one.is_string()) kinds.push_back(type_of_one(one.get<std::string>(), schema));
        label = join(kinds, " hoặc ");
    }
    if (const auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
        std::vector<std::string> values;
        for (const auto& v : *e) values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
        label += (label.empty() ? "" : ", ") + std::string("một trong: ") + join(values, ", ");
    }
    return label;
}

// A value from the example data on one line: a text as written, a list of texts in brackets;
// nothing for a list of items or a set of fields, whose own fields show their examples.
std::string example_text(const json& v) {
    if (v.is_string()) return one_line(v.get<std::string>());
    if (v.is_number() || v.is_boolean()) return v.dump();
    if (v.is_array() && !v.empty() &&
        std::all_of(v.begin(), v.end(), [](const json& item) { return item.is_string(); })) {
        std::vector<std::string> items;
        for (const auto& item : v) items.push_back(item.get<std::string>());
        return one_line("[" + join(items, ", ") + "]");
    }
    return {};
}

// `containers`: the example's objects that may hold the fields of `schema` (for the top level,
// the example data itself; for the fields of list items, every item).
void describe(const json& schema, const std::vector<const json*>& containers,
              const std::string& prefix, int depth, std::vector<FieldInfo>& out) {
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object()) return;
    std::vector<std::string> required;
    if (const auto r = schema.find("required"); r != schema.end() && r->is_array())
        for (const auto& name : *r)
            if (name.is_string()) required.push_back(name.get<std::string>());
    for (const auto& [name, field] : properties->items()) {
        if (!field.is_object()) continue;
        FieldInfo info;
        info.name = name;
        info.path = prefix + name;
        info.depth = depth;
        info.type = type_label(field);
        info.required = std::find(required.begin(), required.end(), name) != required.end();
        if (const auto d = field.find("description"); d != field.end() && d->is_string())
            info.description = d->get<std::string>();
        // The example values of this field, and the objects that may hold its own fields.
        std::vector<const json*> values;
        for (const json* c : containers)
            if (c->is_object())
                if (const auto v = c->find(name); v != c->end()) values.push_back(&*v);
        if (!values.empty()) info.example = example_text(*values.front());
        out.push_back(std::move(info));

        std::vector<const json*> inner;
        for (const json* v : values) {
            if (v->is_object()) inner.push_back(v);
            if (v->is_array())
                for (const auto& item : *v) inner.push_back(&item);
        }
        describe(field, inner, prefix + name + ".", depth + 1, out);
        if (const auto items = field.find("items"); items != field.end() && items->is_object())
            describe(*items, inner, prefix + name + "[].", depth + 1, out);
    }
}

}  // namespace

std::vector<TemplateSummary> list_templates(const fs::path& templates_dir) {
    std::vector<TemplateSummary> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(templates_dir, ec))
        if (is_template_dir(e))
            out.push_back({e.path().filename().string(), manifest_description(e.path()), e.path()});
    std::sort(out.begin(), out.end(),
              [](const TemplateSummary& a, const TemplateSummary& b) { return a.name < b.name; });
    return out;
}

std::string short_description(const std::string& description) {
    size_t cut = description.size();
    for (const char* mark : {": ", " — ", ". "}) cut = std::min(cut, description.find(mark));
    std::string out = description.substr(0, cut);
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    return out;
}

std::vector<FieldInfo> describe_fields(const json& manifest, const json* example) {
    std::vector<FieldInfo> out;
    std::vector<const json*> top;
    if (example) top.push_back(example);
    describe(manifest, top, "", 0, out);
    return out;
}

core::Diagnostic unknown_template(const std::string& name, const fs::path& templates_dir,
                                  const std::string& data_file) {
    std::vector<std::string> names;
    for (const auto& t : list_templates(templates_dir)) names.push_back(t.name);
    core::Diagnostic d;
    d.code = "template.unknown";
    d.message = "không có mẫu văn bản \"" + name + "\" (không có thư mục " +
                (templates_dir / name).string() + ")";
    if (!data_file.empty()) d.where = core::SourceLocation{data_file, 0, 0, {}};
    if (const auto near = nearest_name(name, names))
        d.hints.push_back("có phải là mẫu \"" + *near + "\"?");
    d.hints.push_back(names.empty() ? "thư mục " + templates_dir.string() + " không có mẫu nào"
                                    : "các mẫu có sẵn: " + join(names, ", "));
    d.hints.push_back(
        "xem mẫu nào dùng cho việc gì: vanthu templates; các mục của một mẫu: "
        "vanthu templates TÊN-MẪU");
    return d;
}

std::string template_from_data(const json& data, const fs::path& templates_dir,
                               const std::string& data_file, const std::string& whose) {
    const auto t = data.is_object() ? data.find("template") : data.end();
    if (t != data.end() && t->is_string() &&
        t->get_ref<const std::string&>().find_first_not_of(" \t\n") != std::string::npos)
        return t->get<std::string>();
    core::Diagnostic d;
    d.where = core::SourceLocation{data_file, 0, 0, {}};
    const std::string example = "\"template: cong-van\"";
    if (t == data.end()) {
        d.code = "template.none";
        d.message =
            "no template given: name one on the command line or add " + example + " to " + whose;
    } else if (t->is_null() || t->is_string()) {
        d.code = "template.none";
        d.message =
            "the field template is empty: write the name of a template there, such as " + example;
    } else {
        d.code = "template.name";
        const std::string kind = t->is_array()     ? "a list"
                                 : t->is_object()  ? "a set of named fields"
                                 : t->is_boolean() ? t->dump()
                                                   : "the number " + t->dump();
        d.message = "the field template holds " + kind +
                    ", but it must be the name of one template, such as " + example;
        if (t->is_array() && t->size() == 1 && (*t)[0].is_string())
            d.hints.push_back("write the name alone, without \"-\" or [ ]: template: " +
                              (*t)[0].get<std::string>());
    }
    std::vector<std::string> names;
    for (const auto& one : list_templates(templates_dir)) names.push_back(one.name);
    if (!names.empty()) d.hints.push_back("the templates: " + join(names, ", "));
    d.hints.push_back("what each template is for: vanthu templates");
    throw core::Failure(std::move(d));
}

}  // namespace vanthu::input
