// fuzz_seeds OUT: writes the seed corpus of every fuzz target into OUT/<target>/ from the
// project's own inputs (samples/, templates/*/example.yaml, tests/e2e/cases/), converted where a
// target reads another form (JSON, JSON Lines, expanded markup, PDFs of rendered samples). The
// seeds are made at each run, not kept in the repository.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "core/diagnostics.hpp"
#include "core/xml_escape.hpp"
#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "fuzz_support.hpp"
#include "input/data.hpp"
#include "tools/hand_made_pdf.hpp"
#include "tools/test_pki.hpp"
#include "vanthu/engine.hpp"

using namespace vanthu;
namespace fs = std::filesystem;

namespace {

fs::path out_root;

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Writes seed `name` of `target`.
void seed(const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(out_root / target);
    std::ofstream(out_root / target / name, std::ios::binary) << bytes;
}

// Files under `dir` (recursively) whose name ends in `suffix`, sorted.
std::vector<fs::path> files(const fs::path& dir, const std::string& suffix) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().string().ends_with(suffix)) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// A seed name from a path under the source tree: "templates-cong-van-example.yaml".
std::string flat(const fs::path& file) {
    std::string s = file.lexically_relative(fuzz::source_dir()).string();
    std::replace(s.begin(), s.end(), '/', '-');
    return s;
}

// Every string in `v`, depth first.
void strings(const nlohmann::json& v, const std::function<void(const std::string&)>& f) {
    if (v.is_string()) f(v.get<std::string>());
    if (v.is_structured())
        for (const auto& item : v) strings(item, f);
}

// A small PDF in the shape Cairo writes, with an /ID.
std::string hand_made_pdf() {
    return vanthu::testing::hand_made_pdf(
        "<< /Size 5 /Root 1 0 R /Info 4 0 R /ID [<0123456789abcdef> <00>] >>");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_seeds OUT\n";
        return 2;
    }
    out_root = argv[1];
    const fs::path src = fuzz::source_dir();
    skip_system_fonts();
    try {
        // Data files: the samples, the templates' examples, the end-to-end cases.
        std::vector<fs::path> data_files = files(src / "samples", ".yaml");
        for (const auto& f : files(src / "templates", "example.yaml")) data_files.push_back(f);
        for (const auto& f : files(src / "tests/e2e/cases", ".yaml")) data_files.push_back(f);
        std::string jsonl;
        for (const auto& file : data_files) {
            const std::string text = read(file), name = flat(file);
            for (const char* target : {"data_yaml", "expand_data", "render"})
                seed(target, name, text);
            const input::Data data = input::parse_data(text, file.string());
            seed("data_json", name + ".json", data.value.dump(1));
            seed("data_json", name + ".rows.json", "[" + data.value.dump() + "]");
            jsonl += data.value.dump() + "\n";
            seed("rows_jsonl", name + ".jsonl",
                 data.value.dump() + "\n" + data.value.dump() + "\n");
            strings(data.value, [&](const std::string& s) {
                if (s.find_first_of("*_^") != std::string::npos)
                    seed("inline_markup", name + "-" + std::to_string(std::hash<std::string>{}(s)),
                         "<p>" + core::xml_escape(s) + "</p>");
            });
        }
        seed("rows_jsonl", "all.jsonl", jsonl);
        for (const auto& file : files(src, ".csv")) seed("rows_csv", flat(file), read(file));
        seed("rows_csv", "quoted.csv",
             "ten,\"dia chi\",ghi_chu\r\n\"Sở \"\"A\"\"\",\"Hà Nội,\nViệt "
             "Nam\",\r\n,,\r\nB,C,D\r\n");

        // Inline marks as the data writes them.
        for (const char* s :
             {"**Điều 1.** Ban hành *kèm theo* __Quyết định__ này^[Chú thích *một*.]",
              "***ba*** \\*không\\* a*b*c __x__y snake_case ^[a [b] c]",
              "<b>**x**</b> &amp; *y &#42;z* \x01"
              "0:3\x02 **w**"})
            seed("inline_markup", "marks-" + std::to_string(std::hash<std::string>{}(s)), s);

        // Templates and their partials; manifests with their examples.
        for (const fs::path& root : {src / "templates", src / "tests/e2e/cases"})
            for (const auto& f : files(root, ".mustache"))
                seed("expand_template", flat(f), read(f));
        for (const auto& f : files(src / "templates", "manifest.json")) {
            const fs::path example = f.parent_path() / "example.yaml";
            seed(
                "manifest", flat(f),
                read(f) + std::string(1, '\0') + (fs::exists(example) ? read(example) : "so: 1\n"));
        }
        for (const auto& f : files(src / "tests/e2e/cases", "manifest.json"))
            seed("manifest", flat(f), read(f) + std::string(1, '\0') + "so: 1\n");

        // Expanded markup of every template's example, as the parser receives it.
        for (const auto& example : files(src / "templates", "example.yaml")) {
            const expand::Template tmpl = expand::load_template(example.parent_path());
            const input::Data data = input::load_data(example);
            core::Diagnostics diags;
            const auto expanded =
                expand::expand(tmpl, data.value, data.file, {.strict = false}, diags);
            seed("markup", flat(example) + ".xml", expanded.text);
        }

        // PDFs as both writers make them, and a hand-made one.
        seed("pdf_update", "hand-made.pdf", hand_made_pdf());
        Engine engine({.data_dir = src});
        const fs::path example = src / "templates/giay-moi/example.yaml";
        seed("pdf_update", "cairo.pdf", engine.render({.data_file = example}).pdf);
        seed("pdf_update", "haru.pdf",
             engine.render({.data_file = example, .writer = RenderRequest::Writer::haru}).pdf);

        // For verify: that PDF unsigned, signed once and twice by a throw-away signer.
        const std::string cairo_pdf = engine.render({.data_file = example}).pdf;
        seed("verify", "unsigned.pdf", cairo_pdf);
        const fs::path pki_dir = out_root / ".pki";
        fs::create_directories(pki_dir);
        testing::TestPki pki;
        std::string log;
        if (!testing::make_test_pki(pki_dir, pki, log)) {
            std::cerr << "fuzz_seeds: cannot make the test certificates:\n" << log;
            return 1;
        }
        SignOptions key;
        key.p12_file = pki.p12;
        key.p12_password = pki.password;
        key.time = 1796601600;
        const std::string once = sign_pdf(cairo_pdf, key, {1, 110, 200, 60, 30});
        seed("verify", "signed-once.pdf", once);
        seed("verify", "signed-twice.pdf", sign_pdf(once, key, {1, 20, 200, 60, 30}));
        fs::remove_all(pki_dir);
    } catch (const core::Failure& f) {
        for (const auto& d : f.diagnostics()) std::cerr << core::format(d) << "\n";
        return 1;
    }
    return 0;
}
