// Template expansion with fixed templates and fuzzed data: the input is a data file (YAML);
// its "template" field picks one of the built-in templates (cong-van when it names none), which
// expand() fills in strict and in draft mode. Each gives markup or a core::Failure.
#include <map>

#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "fuzz_support.hpp"
#include "input/catalogue.hpp"
#include "input/data.hpp"

using namespace vanthu;

namespace {

std::map<std::string, expand::Template> load_templates() {
    std::map<std::string, expand::Template> out;
    for (const auto& entry : std::filesystem::directory_iterator(fuzz::source_dir() / "templates"))
        if (entry.is_directory() && entry.path().filename().string()[0] != '_')
            out.emplace(entry.path().filename().string(), expand::load_template(entry.path()));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    static const std::map<std::string, expand::Template> templates = load_templates();
    try {
        const input::Data data = input::parse_data(fuzz::text_of(bytes, size), "data.yaml");
        auto chosen = templates.find("cong-van");
        if (auto name = data.value.find("template"); name != data.value.end() && name->is_string())
            if (auto it = templates.find(name->get<std::string>()); it != templates.end())
                chosen = it;
        for (bool strict : {true, false}) {
            core::Diagnostics diags;
            try {
                expand::expand(chosen->second, data.value, data.file, {.strict = strict}, diags);
            } catch (const core::Failure& f) {
                fuzz::format_all(f.diagnostics());
            }
        }
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
