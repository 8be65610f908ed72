// The công văn sample rendered to PDF and read back with real readers: poppler's pdftotext and
// pdffonts, qpdf --check.
#include <gtest/gtest.h>

#include <algorithm>

#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

// Words of the PDF's text with each page's number checked and removed. `sections` gives each
// page's section (0 the letter, k its appendix k): a section numbers its pages from 1 and
// prints the number (first line of the page) from its second page on.
std::vector<std::string> body_words(const fs::path& pdf, const std::vector<int>& sections) {
    std::vector<std::string> all;
    const int pages = pdf_page_count(pdf);
    EXPECT_EQ(static_cast<size_t>(pages), sections.size());
    int number = 0;
    for (int p = 1; p <= pages && static_cast<size_t>(p) <= sections.size(); ++p) {
        const bool new_section = p == 1 || sections[p - 1] != sections[p - 2];
        number = new_section ? 1 : number + 1;
        auto w = words(pdftotext_raw(pdf, p, p));
        if (number > 1) {
            EXPECT_FALSE(w.empty());
            if (w.empty()) continue;
            EXPECT_EQ(w.front(), std::to_string(number))
                << "page " << p << " must start with its number " << number;
            w.erase(w.begin());
        }
        all.insert(all.end(), w.begin(), w.end());
    }
    return all;
}

class SamplePdf : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = temp_dir("sample");
        vanthu::Engine engine;
        const fs::path data = kSource / "samples/cong-van-576/data.yaml";
        auto result = engine.render({.data_file = data});
        for (const auto& page : engine.layout({.data_file = data}).pages)
            sections_.push_back(page.section);
        // A note (layout.fit: the sample is set tighter to save a page) is not a warning.
        warnings_ = static_cast<size_t>(std::count_if(
            result.warnings.begin(), result.warnings.end(), [](const vanthu::Diagnostic& d) {
                return d.severity != vanthu::core::Severity::note;
            }));
        pdf_ = dir_ / "cong-van-576.pdf";
        write_file(pdf_, result.pdf);
        bytes_ = result.pdf;
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static inline fs::path dir_, pdf_;
    static inline std::string bytes_;
    static inline size_t warnings_ = 0;
    static inline std::vector<int> sections_;  // per page: 0 the letter, k its appendix k
};

TEST_F(SamplePdf, RendersWithoutWarnings) { EXPECT_EQ(warnings_, 0u); }

TEST_F(SamplePdf, TextComesBackExactly) {
    auto expected = words(read_file(kSource / "tests/e2e/expected/cong-van-576.txt"));
    auto actual = body_words(pdf_, sections_);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(actual, expected);
}

TEST_F(SamplePdf, EveryFontIsEmbeddedAndSubset) {
    auto rows = pdffonts_rows(pdf_);
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) {
        auto cols = words(row);
        ASSERT_GE(cols.size(), 7u) << row;
        // name type [type…] encoding emb sub uni object-id: emb/sub/uni are the 3 before "N 0"
        const auto n = cols.size();
        EXPECT_EQ(cols[n - 5], "yes") << "not embedded: " << row;
        EXPECT_EQ(cols[n - 4], "yes") << "not subset: " << row;
        EXPECT_EQ(cols[n - 3], "yes") << "no ToUnicode: " << row;
        EXPECT_NE(cols[0].find("LiberationSerif"), std::string::npos) << row;
    }
}

TEST_F(SamplePdf, QpdfCheckPasses) {
    auto r = run("qpdf --check " + shell_quote(pdf_.string()), true);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("No syntax or stream encoding errors"), std::string::npos) << r.output;
}

TEST_F(SamplePdf, SameInputSameBytes) {
    vanthu::Engine engine;
    auto again = engine.render({.data_file = kSource / "samples/cong-van-576/data.yaml"});
    EXPECT_TRUE(again.pdf == bytes_) << "two renders of the same data differ";
}

TEST_F(SamplePdf, CreationDateIsTheDocumentDate) {
    auto info = run("pdfinfo -isodates " + shell_quote(pdf_.string())).output;
    EXPECT_NE(info.find("CreationDate:    2021-10-14T00:00:00"), std::string::npos) << info;
}

}  // namespace
