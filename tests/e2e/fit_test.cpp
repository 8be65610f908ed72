// Pages that fit (issue 16): a document that spills a few lines onto a page is set tighter within
// Decree 30's limits when that saves the page, with the note layout.fit; the default stays when
// it would not save one, and when the document asks for it (Document::fit false).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "e2e/no_fit.hpp"
#include "layout/style.hpp"
#include "tools/page_lines.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const fs::path kTemplate = kSource / "tests/e2e/cases/fit-decision";
const layout::Typography kType;

// The pitches between consecutive baselines of the body's upright regular lines on a page
// (13 or 14 pt), within one paragraph (less than a line and a half apart).
std::vector<double> body_pitches(const layout::Pages& pages, size_t page) {
    std::vector<double> baselines;
    for (const auto& l : lines_of(pages, page))
        if ((std::abs(l.size - 14) < 0.01 || std::abs(l.size - 13) < 0.01) && !l.bold &&
            !l.italic && l.baseline > core::mm(60))
            baselines.push_back(l.baseline);
    std::sort(baselines.begin(), baselines.end());
    baselines.erase(std::unique(baselines.begin(), baselines.end(),
                                [](double a, double b) { return std::abs(a - b) < 0.01; }),
                    baselines.end());
    std::vector<double> out;
    for (size_t i = 1; i < baselines.size(); ++i)
        if (baselines[i] - baselines[i - 1] < 1.4 * kType.single(14))
            out.push_back(baselines[i] - baselines[i - 1]);
    return out;
}

std::optional<size_t> page_of(const layout::Pages& pages, const std::string& prefix) {
    for (size_t p = 0; p < pages.pages.size(); ++p)
        if (find_line(lines_of(pages, p), prefix)) return p;
    return std::nullopt;
}

const Diagnostic* find_code(const std::vector<Diagnostic>& diags, const std::string& code) {
    for (const auto& d : diags)
        if (d.code == code) return &d;
    return nullptr;
}

TEST(Fit, TheOnePageDecisionFitsOnOnePage) {
    std::vector<Diagnostic> diags;
    Engine engine;
    const auto pages = engine.layout(
        {.data_file = kSource / "tests/e2e/cases/fit-decision.yaml", .template_name = kTemplate},
        &diags);
    ASSERT_EQ(pages.pages.size(), 1u);
    EXPECT_TRUE(find_line(lines_of(pages, 0), "Hoàng Anh Tuấn"));
    const auto* note = find_code(diags, "layout.fit");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->severity, core::Severity::note);
    EXPECT_NE(note->message.find("1 trang"), std::string::npos) << note->message;
    EXPECT_NE(note->message.find("vua_trang: khong"), std::string::npos) << note->message;
    // Within the decree's limits: at least single line spacing, no more than the default.
    const auto pitches = body_pitches(pages, 0);
    ASSERT_FALSE(pitches.empty());
    for (double p : pitches) {
        EXPECT_GE(p, kType.single(13) - 0.01);
        EXPECT_LE(p, kType.body_pitch() + 0.01);
    }
}

TEST(Fit, WithoutFitTheDecisionKeepsTheDefaultAndTwoPages) {
    std::vector<Diagnostic> diags;
    const auto pages =
        layout_no_fit(kSource / "tests/e2e/cases/fit-decision.yaml", kTemplate, &diags);
    EXPECT_EQ(pages.pages.size(), 2u);
    EXPECT_EQ(find_code(diags, "layout.fit"), nullptr);
    const auto pitches = body_pitches(pages, 0);
    ASSERT_FALSE(pitches.empty());
    for (double p : pitches) EXPECT_NEAR(p, kType.body_pitch(), 0.01);
}

TEST(Fit, ALongRecipientListNeverLeavesBodyTextOnAPageOfItsOwn) {
    std::vector<Diagnostic> diags;
    Engine engine;
    const auto pages = engine.layout(
        {.data_file = kSource / "tests/e2e/cases/fit-recipients.yaml", .template_name = kTemplate},
        &diags);
    ASSERT_EQ(pages.pages.size(), 2u);
    // The last article goes with the closing; nothing saved a page, so nothing was tightened.
    const auto last_line = page_of(pages, "ông, bà có tên tại Điều 1");
    const auto signer = page_of(pages, "Hoàng Anh Tuấn");
    const auto recipients = page_of(pages, "Nơi nhận:");
    ASSERT_TRUE(last_line && signer && recipients);
    EXPECT_EQ(*last_line, *signer);
    EXPECT_EQ(*recipients, *signer);
    EXPECT_EQ(find_code(diags, "layout.fit"), nullptr);
    for (double p : body_pitches(pages, 0)) EXPECT_NEAR(p, kType.body_pitch(), 0.01);
}

// The same two cases as a clerk writes them, with the built-in quyet-dinh template.
TEST(Fit, AQuyetDinhOfOnePageFitsOnOnePage) {
    const fs::path data = kSource / "tests/e2e/cases/quyet-dinh-mot-trang.yaml";
    std::vector<Diagnostic> diags;
    Engine engine;
    const auto pages = engine.layout({.data_file = data}, &diags);
    ASSERT_EQ(pages.pages.size(), 1u);
    EXPECT_TRUE(find_line(lines_of(pages, 0), "Phạm Tuấn Long"));
    EXPECT_TRUE(find_line(lines_of(pages, 0), "- Lưu: VT, NV."));
    ASSERT_NE(find_code(diags, "layout.fit"), nullptr);
    for (const auto& d : diags) EXPECT_EQ(d.severity, core::Severity::note) << format(d);
    // The case is a real one: at the default spacing it takes two pages.
    EXPECT_EQ(layout_no_fit(data).pages.size(), 2u);
}

TEST(Fit, AQuyetDinhWithTwentyRecipientsKeepsItsLastLinesWithTheClosing) {
    std::vector<Diagnostic> diags;
    Engine engine;
    const auto pages = engine.layout(
        {.data_file = kSource / "tests/e2e/cases/quyet-dinh-20-noi-nhan.yaml"}, &diags);
    ASSERT_EQ(pages.pages.size(), 2u);
    const auto signer = page_of(pages, "Phạm Tuấn Long");
    const auto last_words = page_of(pages, "Quyết định này./.");
    ASSERT_TRUE(signer && last_words);
    EXPECT_EQ(*signer, 1u);
    EXPECT_EQ(*last_words, *signer) << "the signature never stands alone";
    // Page 2 opens with body text that goes on into the closing: at least two lines of it.
    size_t body_lines = 0;
    const auto recipients = find_line(lines_of(pages, 1), "Nơi nhận:");
    ASSERT_TRUE(recipients);
    for (const auto& l : lines_of(pages, 1))
        if (l.size == kType.body_size && l.baseline < recipients->baseline &&
            l.text.find("CHỦ TỊCH") == std::string::npos && l.text != "2")
            ++body_lines;
    EXPECT_GE(body_lines, 2u);
    EXPECT_EQ(find_code(diags, "layout.fit"), nullptr) << "tightening would not save a page";
}

}  // namespace
