// The libharu writer against the Cairo writer on the same documents (issue #7): the same words
// at the same places, the same page sizes, fonts embedded, qpdf clean, and the same bytes twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;
using Writer = vanthu::RenderRequest::Writer;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

struct Word {
    int page = 0;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    std::string text;
};

struct PageSize {
    double width = 0, height = 0;
};

// Words and page sizes as `pdftotext -bbox` reads them (points, origin top-left).
struct Bbox {
    std::vector<Word> words;
    std::vector<PageSize> pages;
};

Bbox read_bbox(const fs::path& pdf) {
    const auto html = run("pdftotext -bbox -enc UTF-8 " + shell_quote(pdf.string()) + " -").output;
    static const std::regex tag(
        R"re(<page width="([0-9.]+)" height="([0-9.]+)">|)re"
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    Bbox out;
    for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
        const auto& m = *it;
        if (m[1].matched) {
            out.pages.push_back({std::stod(m[1]), std::stod(m[2])});
        } else {
            out.words.push_back({static_cast<int>(out.pages.size()), std::stod(m[3]),
                                 std::stod(m[4]), std::stod(m[5]), std::stod(m[6]), m[7]});
        }
    }
    return out;
}

struct Case {
    const char* name;
    const char* data;  // relative to the source folder
};

class HaruWriter : public ::testing::TestWithParam<Case> {
  protected:
    void SetUp() override {
        dir_ = temp_dir(std::string("haru-") + GetParam().name);
        cairo_ = render(Writer::cairo, "cairo.pdf");
        haru_ = render(Writer::haru, "haru.pdf");
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path render(Writer writer, const std::string& name) {
        vanthu::RenderRequest request{.data_file = kSource / GetParam().data};
        request.writer = writer;
        const auto result = engine_.render(request);
        bytes_[name] = result.pdf;
        write_file(dir_ / name, result.pdf);
        return dir_ / name;
    }

    vanthu::Engine engine_;
    fs::path dir_, cairo_, haru_;
    std::map<std::string, std::string> bytes_;
};

TEST_P(HaruWriter, SameWordsAtTheSamePlaces) {
    const auto a = read_bbox(cairo_);
    const auto b = read_bbox(haru_);
    ASSERT_GT(a.words.size(), 50u);
    ASSERT_EQ(a.words.size(), b.words.size());
    double worst = 0;
    for (size_t i = 0; i < a.words.size(); ++i) {
        const auto &u = a.words[i], &v = b.words[i];
        ASSERT_EQ(u.text, v.text) << "word " << i << " on page " << u.page;
        ASSERT_EQ(u.page, v.page) << u.text;
        for (auto [p, q] : {std::pair{u.x_min, v.x_min},
                            {u.y_min, v.y_min},
                            {u.x_max, v.x_max},
                            {u.y_max, v.y_max}}) {
            EXPECT_NEAR(p, q, 0.5) << "\"" << u.text << "\" on page " << u.page;
            worst = std::max(worst, std::abs(p - q));
        }
    }
    RecordProperty("max_position_difference_pt", std::to_string(worst));
}

TEST_P(HaruWriter, SamePageSizes) {
    const auto a = read_bbox(cairo_).pages;
    const auto b = read_bbox(haru_).pages;
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_NEAR(a[i].width, b[i].width, 0.01) << "page " << i + 1;
        EXPECT_NEAR(a[i].height, b[i].height, 0.01) << "page " << i + 1;
    }
}

TEST_P(HaruWriter, EveryFontIsEmbeddedAndSubset) {
    const auto rows = pdffonts_rows(haru_);
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) {
        const auto cols = words(row);
        ASSERT_GE(cols.size(), 7u) << row;
        const auto n = cols.size();
        EXPECT_EQ(cols[n - 5], "yes") << "not embedded: " << row;
        EXPECT_EQ(cols[n - 4], "yes") << "not subset: " << row;
        EXPECT_NE(cols[0].find("+LiberationSerif"), std::string::npos) << row;
    }
}

TEST_P(HaruWriter, QpdfCheckPasses) {
    const auto r = run("qpdf --check " + shell_quote(haru_.string()), true);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("No syntax or stream encoding errors"), std::string::npos) << r.output;
}

TEST_P(HaruWriter, SameTextAsCairo) {
    EXPECT_EQ(words(pdftotext_raw(haru_)), words(pdftotext_raw(cairo_)));
}

// Bookmarks (title, page, nesting) and page label ranges ("PL I-" from 1), read by qpdf --json.
std::vector<std::string> navigation(const fs::path& pdf) {
    const auto j = nlohmann::json::parse(
        run("qpdf --json --json-key=pagelabels --json-key=outlines " + shell_quote(pdf.string()))
            .output);
    std::vector<std::string> out;
    for (const auto& l : j.at("pagelabels"))
        out.push_back("label " + l.at("index").dump() + " " + l.at("label").value("/P", "") + " " +
                      l.at("label").value("/St", nlohmann::json(1)).dump());
    std::function<void(const nlohmann::json&, int)> walk = [&](const nlohmann::json& items,
                                                               int depth) {
        for (const auto& o : items) {
            out.push_back(std::string(depth, '>') + o.at("title").get<std::string>() + " p" +
                          o.at("destpageposfrom1").dump());
            walk(o.at("kids"), depth + 1);
        }
    };
    walk(j.at("outlines"), 0);
    return out;
}

TEST_P(HaruWriter, SameBookmarksAndPageLabels) {
    const auto a = navigation(cairo_);
    EXPECT_GT(a.size(), 2u);
    EXPECT_EQ(navigation(haru_), a);
}

TEST_P(HaruWriter, SameInputSameBytes) {
    render(Writer::haru, "again.pdf");
    EXPECT_TRUE(bytes_["haru.pdf"] == bytes_["again.pdf"]);
}

INSTANTIATE_TEST_SUITE_P(Examples, HaruWriter,
                         ::testing::Values(Case{"cong_van", "templates/cong-van/example.yaml"},
                                           Case{"chuong_trinh",
                                                "templates/chuong-trinh/example.yaml"}),
                         [](const auto& info) { return std::string(info.param.name); });

// The landscape appendix of the chương trình reaches the libharu writer as a landscape page.
TEST(HaruWriterPages, LandscapeAppendixPage) {
    vanthu::Engine engine;
    vanthu::RenderRequest request{.data_file = kSource / "templates/chuong-trinh/example.yaml"};
    request.writer = Writer::haru;
    const auto dir = temp_dir("haru-landscape");
    write_file(dir / "p.pdf", engine.render(request).pdf);
    const auto pages = read_bbox(dir / "p.pdf").pages;
    fs::remove_all(dir);
    ASSERT_FALSE(pages.empty());
    EXPECT_TRUE(std::any_of(pages.begin(), pages.end(),
                            [](const PageSize& p) { return p.width > p.height; }));
    EXPECT_LT(pages.front().width, pages.front().height);
}

// `vanthu render --writer haru` writes through libharu; an unknown writer is a usage error.
TEST(HaruWriterCli, WriterOption) {
    const auto dir = temp_dir("haru-cli");
    const std::string cli = VANTHU_CLI;
    const auto data = shell_quote((kSource / "templates/cong-van/example.yaml").string());
    auto r =
        run(cli + " render " + data + " --writer haru -o " + shell_quote((dir / "h.pdf").string()),
            true);
    EXPECT_EQ(r.status, 0) << r.output;
    const auto rows = pdffonts_rows(dir / "h.pdf");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].rfind("HPDFAA+", 0), 0u) << rows[0];

    r = run(cli + " render " + data + " --writer cairo -o " + shell_quote((dir / "c.pdf").string()),
            true);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(pdffonts_rows(dir / "c.pdf").at(0).find("HPDF"), std::string::npos);

    r = run(
        cli + " render " + data + " --writer pdfkit -o " + shell_quote((dir / "x.pdf").string()),
        true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("--writer"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "x.pdf"));
    fs::remove_all(dir);
}

}  // namespace
