// Golden traces of the built-in templates: each templates/<name>/example.yaml is laid out and
// its page trace (tests/tools/page_trace.hpp) must equal tests/golden/<name>.trace. A missing
// golden fails. After a deliberate change, scripts/update-goldens.sh rewrites them: it runs this
// test with VANTHU_UPDATE_GOLDENS=1, which writes the files instead of comparing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/page_trace.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

bool updating() {
    const char* v = std::getenv("VANTHU_UPDATE_GOLDENS");
    return v && *v && std::string(v) != "0";
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The built-in templates: the folders of templates/ except the shared one (_common).
std::vector<std::string> built_in_templates() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kSource / "templates", ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && !name.starts_with("_")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// "line N" and a few lines of both sides around the first difference.
std::string first_difference(const std::string& expected, const std::string& actual) {
    const auto e = split_lines(expected), a = split_lines(actual);
    size_t i = 0;
    while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
    std::string out = "first difference at line " + std::to_string(i + 1) + " (golden " +
                      std::to_string(e.size()) + " lines, now " + std::to_string(a.size()) +
                      " lines)\n";
    const size_t from = i >= 2 ? i - 2 : 0;
    for (size_t k = from; k < std::min(i + 4, std::max(e.size(), a.size())); ++k) {
        const std::string was = k < e.size() ? e[k] : "<end>";
        const std::string now = k < a.size() ? a[k] : "<end>";
        if (was == now) {
            out += "    " + was + "\n";
        } else {
            out += "  - " + was + "\n";
            out += "  + " + now + "\n";
        }
    }
    return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, ExampleMatchesItsTrace) {
    const std::string name = GetParam();
    const fs::path example = kSource / "templates" / name / "example.yaml";
    const fs::path golden = kSource / "tests" / "golden" / (name + ".trace");
    ASSERT_TRUE(fs::exists(example))
        << "every built-in template needs an example.yaml: " << example;
    vanthu::Engine engine;
    std::vector<vanthu::Diagnostic> warnings;
    const auto pages = engine.layout({.data_file = example}, &warnings);
    for (const auto& w : warnings)  // a note (layout.fit: set tighter to save a page) is allowed
        if (w.severity != vanthu::core::Severity::note)
            ADD_FAILURE() << "the example must render without warnings:\n" << vanthu::format(w);
    const std::string trace = vanthu::testing::trace_pages(pages);

    if (updating()) {
        if (!fs::exists(golden) || read_text(golden) != trace) {
            fs::create_directories(golden.parent_path());
            std::ofstream(golden, std::ios::binary) << trace;
            std::cout << "[ golden   ] wrote " << golden.string() << "\n";
        }
        return;
    }
    // The trace as laid out now, for `diff -u` when it differs.
    const fs::path actual = fs::temp_directory_path() / "vanthu-golden" / (name + ".trace");
    fs::create_directories(actual.parent_path());
    std::ofstream(actual, std::ios::binary) << trace;
    ASSERT_TRUE(fs::exists(golden))
        << "no golden trace " << golden.string()
        << "; create it with scripts/update-goldens.sh (the trace of now is in " << actual.string()
        << ")";
    const std::string expected = read_text(golden);
    if (expected != trace)
        FAIL() << name << ": the layout differs from " << golden.string() << "\n"
               << first_difference(expected, trace) << "whole trace of now: " << actual.string()
               << "\n  diff -u " << golden.string() << " " << actual.string()
               << "\nIf the change is meant, run scripts/update-goldens.sh and review the diff.";
}

INSTANTIATE_TEST_SUITE_P(BuiltIn, Golden, ::testing::ValuesIn(built_in_templates()),
                         [](const auto& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(GoldenSet, EveryGoldenBelongsToATemplate) {
    const auto names = built_in_templates();
    ASSERT_GE(names.size(), 11u)
        << "cong-van, ke-hoach, chuong-trinh, bao-cao, de-cuong, bieu-mau, "
           "giay-moi, cong-dien, giay-gioi-thieu, bien-ban, giay-nghi-phep";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kSource / "tests" / "golden", ec)) {
        const auto stem = entry.path().stem().string();
        EXPECT_EQ(entry.path().extension(), ".trace") << entry.path();
        EXPECT_NE(std::find(names.begin(), names.end(), stem), names.end())
            << entry.path() << " has no template " << stem;
    }
}

// The trace format itself, on pages built by hand.
TEST(PageTrace, RoundsNamesFacesAndEscapes) {
    vanthu::layout::Pages pages;
    pages.faces = {{"a.ttf", "Serif", false, false},
                   {"b.ttf", "Serif", true, false},
                   {"c.ttf", "Serif", false, true},
                   {"d.ttf", "Serif", true, true}};
    pages.metadata = {"KẾ HOẠCH \"x\"", "SỞ\nNỘI VỤ", "Số: 1/KH", "", "2024-05-10"};
    vanthu::layout::Page page;
    page.width = 595.2756;
    page.height = 841.8898;
    page.label = "2";
    page.section = 1;
    vanthu::layout::GlyphRun run;
    run.face = 3;
    run.size = 13.999;
    run.x = 85.04;
    run.baseline = -0.04;
    run.width = 10.26;
    run.text = "a\\b";
    page.items.push_back(run);
    page.items.push_back(vanthu::layout::Rule{1.25, 2, 3, 4, 0.5});
    page.items.push_back(vanthu::layout::Image{"/tmp/x/chu-ky.png", 1, 2, 3, 4});
    pages.pages.push_back(page);
    EXPECT_EQ(vanthu::testing::trace_pages(pages),
              "metadata title \"KẾ HOẠCH \\\"x\\\"\" author \"SỞ\\nNỘI VỤ\" subject \"Số: 1/KH\" "
              "date \"2024-05-10\"\n"
              "page 1 595.3x841.9 label \"2\" section 1\n"
              "  text 85.0 0.0 w 10.3 14.0 BI \"a\\\\b\"\n"
              "  rule 1.3 2.0 3.0 4.0 0.5\n"
              "  image 1.0 2.0 3.0 4.0 \"chu-ky.png\"\n");
}

TEST(PageTrace, FirstDifferenceShowsBothSides) {
    const std::string d = first_difference("a\nb\nc\n", "a\nB\nc\n");
    EXPECT_NE(d.find("line 2"), std::string::npos) << d;
    EXPECT_NE(d.find("  - b"), std::string::npos) << d;
    EXPECT_NE(d.find("  + B"), std::string::npos) << d;
}

}  // namespace
