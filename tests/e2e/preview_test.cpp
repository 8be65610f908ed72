// Preview before issuance (issue #7, item 1): `vanthu preview` writes page images of a draft,
// the draft carries the DỰ THẢO mark and placeholders for missing data, and the mark moves
// nothing else on the page.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "tools/page_trace.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The lines of `a` not in `b`, counting repeats.
std::vector<std::string> minus(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

// The width and height in a PNG's IHDR chunk.
std::pair<uint32_t, uint32_t> png_size(const std::string& png) {
    const auto be32 = [&png](size_t at) {
        uint32_t v = 0;
        for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png.at(at + i));
        return v;
    };
    return {be32(16), be32(20)};
}

// Every sample with complete data: the draft's pages are the final pages plus the boxed mark
// (its text and four rules) on page 1, item for item, to 0.1 pt.
TEST(Preview, TheDraftMarkMovesNothingElse) {
    Engine engine;
    for (const char* sample : {"ke-hoach-60", "cong-van-576", "chuong-trinh-620"}) {
        RenderRequest request{.data_file = kSource / "samples" / sample / "data.yaml"};
        const auto final_lines = lines_of(trace_pages(engine.layout(request)));
        request.draft = true;
        const auto draft_lines = lines_of(trace_pages(engine.layout(request)));
        EXPECT_EQ(minus(final_lines, draft_lines), std::vector<std::string>{}) << sample;
        const auto added = minus(draft_lines, final_lines);
        ASSERT_EQ(added.size(), 5u) << sample;
        EXPECT_EQ(std::count_if(added.begin(), added.end(),
                                [](const std::string& l) { return l.find("rule ") != l.npos; }),
                  4)
            << sample;
        EXPECT_EQ(std::count_if(added.begin(), added.end(),
                                [](const std::string& l) {
                                    return l.find("\"DỰ THẢO\"") != std::string::npos;
                                }),
                  1)
            << sample;
    }
}

TEST(Preview, AMarkTheDataGivesIsKept) {
    const fs::path dir = temp_dir("preview-own-mark");
    std::string data = read_file(kSource / "templates/cong-van/example.yaml");
    data += "\ndu_thao: Dự thảo lần 2\n";
    write_file(dir / "d.yaml", data);
    Engine engine;
    const auto trace = trace_pages(engine.layout({.data_file = dir / "d.yaml", .draft = true}));
    EXPECT_NE(trace.find("\"DỰ THẢO LẦN 2\""), std::string::npos) << trace;
    EXPECT_EQ(trace.find("\"DỰ THẢO\""), std::string::npos);
    fs::remove_all(dir);
}

TEST(Preview, PngAndSvgPagesAreTheSameBytesEveryTime) {
    Engine engine;
    const RenderRequest request{.data_file = kSource / "templates/ke-hoach/example.yaml",
                                .draft = true};
    const auto png = engine.render_png(request, 48);
    ASSERT_FALSE(png.empty());
    EXPECT_TRUE(png == engine.render_png(request, 48)) << "PNG pages differ on a second rendering";
    const auto svg = engine.render_svg(request);
    ASSERT_EQ(svg.size(), png.size());
    EXPECT_TRUE(svg == engine.render_svg(request)) << "SVG pages differ on a second rendering";
    EXPECT_EQ(svg[0].rfind("<?xml", 0), 0u);
    EXPECT_NE(svg[0].find("width=\"595"), std::string::npos) << svg[0].substr(0, 300);
}

class PreviewCommand : public TempDirTest {
  protected:
    CommandResult vanthu(const std::string& args) { return run(kCli + " " + args, true); }
};

TEST_F(PreviewCommand, WritesOnePngPerPageAtTheAskedResolution) {
    const auto out = dir_ / "out";
    const auto r =
        vanthu("preview " + shell_quote((kSource / "samples/ke-hoach-60/data.yaml").string()) +
               " --out " + shell_quote(out.string()) + " --dpi 72");
    ASSERT_EQ(r.status, 0) << r.output;
    const int pages = pdf_page_count([&] {
        const auto pdf = dir_ / "final.pdf";
        Engine engine;
        write_file(pdf,
                   engine.render({.data_file = kSource / "samples/ke-hoach-60/data.yaml"}).pdf);
        return pdf;
    }());
    ASSERT_GT(pages, 1);
    for (int p = 1; p <= pages; ++p) {
        const auto file = out / ("data-" + std::to_string(p) + ".png");
        ASSERT_TRUE(fs::exists(file)) << file;
        EXPECT_NE(r.output.find(file.string()), std::string::npos) << "lists " << file;
        const auto [w, h] = png_size(read_file(file));
        EXPECT_EQ(w, 595u);  // A4 at 72 dpi
        EXPECT_EQ(h, 842u);
    }
    EXPECT_FALSE(fs::exists(out / ("data-" + std::to_string(pages + 1) + ".png")));
}

TEST_F(PreviewCommand, MissingDataIsAPlaceholderAndALongerEarlierPreviewIsCleared) {
    std::string text = read_file(kSource / "templates/cong-van/example.yaml");
    const size_t at = text.find("\nnguoi_ky:");
    ASSERT_NE(at, std::string::npos);
    text.erase(at + 1, text.find('\n', at + 1) - at);
    write_file(dir_ / "cv.yaml", text);
    const auto out = dir_ / "out";
    fs::create_directories(out);
    write_file(out / "cv-7.svg", "an earlier preview's page 7");
    write_file(out / "notes.txt", "not ours");
    const auto r = vanthu("preview " + shell_quote((dir_ / "cv.yaml").string()) + " --out " +
                          shell_quote(out.string()) + " --format svg");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("nguoi_ky"), std::string::npos) << "warns: " << r.output;
    const auto svg = read_file(out / "cv-1.svg");
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_FALSE(fs::exists(out / "cv-7.svg")) << "a stale page of the same data";
    EXPECT_TRUE(fs::exists(out / "notes.txt"));
    // The placeholder is there to be seen: the draft PDF shows it as text.
    Engine engine;
    const auto pdf = dir_ / "draft.pdf";
    write_file(pdf, engine.render({.data_file = dir_ / "cv.yaml", .draft = true}).pdf);
    EXPECT_NE(pdftotext_raw(pdf).find("[nguoi_ky]"), std::string::npos);
    EXPECT_NE(pdftotext_raw(pdf).find("DỰ THẢO"), std::string::npos);
}

TEST_F(PreviewCommand, OutMustBeAFolder) {
    write_file(dir_ / "file", "not a folder");
    const auto r =
        vanthu("preview " + shell_quote((kSource / "templates/cong-van/example.yaml").string()) +
               " --out " + shell_quote((dir_ / "file").string()));
    EXPECT_EQ(r.status, 3) << r.output;
    EXPECT_NE(r.output.find("is not a folder"), std::string::npos) << r.output;
    EXPECT_EQ(read_file(dir_ / "file"), "not a folder");
}

TEST_F(PreviewCommand, BadDataWritesNothing) {
    write_file(dir_ / "bad.yaml", "template: cong-van\nso: [1\n");
    const auto out = dir_ / "out";
    const auto r = vanthu("preview " + shell_quote((dir_ / "bad.yaml").string()) + " --out " +
                          shell_quote(out.string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("bad.yaml:"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(PreviewCommand, ADpiThatIsNotANumberIsAUsageError) {
    const auto out = dir_ / "out";
    const auto r =
        vanthu("preview " + shell_quote((kSource / "templates/cong-van/example.yaml").string()) +
               " --out " + shell_quote(out.string()) + " --dpi nan");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("--dpi must be a number, got nan"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
