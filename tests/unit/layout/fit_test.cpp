// Pages that fit: the steps stay within Decree 30's limits and go from the least change to the
// most; the note says what changed.
#include <gtest/gtest.h>

#include "layout/blocks.hpp"

using namespace vanthu;
using namespace vanthu::layout;

namespace {

TEST(FitSteps, TightenLineSpacingFirstThenBlankLinesThenTheBodySize) {
    const Typography t;
    const auto steps = fit_steps(t);
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_DOUBLE_EQ(steps[0].body_line_factor, 1.1);
    EXPECT_DOUBLE_EQ(steps[2].body_line_factor, 1.0);
    EXPECT_DOUBLE_EQ(steps[2].blank_line, 1.0);
    EXPECT_DOUBLE_EQ(steps[3].blank_line, 0.5);
    EXPECT_DOUBLE_EQ(steps[3].body_size, 14);
    EXPECT_DOUBLE_EQ(steps[4].body_size, 13);
    for (const auto& s : steps) {  // never below the decree's limits
        EXPECT_GE(s.body_line_factor, 1.0);
        EXPECT_GE(s.body_size, 13);
        EXPECT_GE(s.paragraph_after, 6);
    }
    // A typography already at the limits has nothing left to try.
    EXPECT_TRUE(fit_steps(steps.back()).empty());
}

TEST(FitSteps, OnlyAFewLinesOnTheLastPageAreWorthTrying) {
    const Typography t;
    std::vector<Part> main(2);
    main[0].block.units.assign(10, Unit{t.body_pitch(), {}, false});
    main[1].block.closing = true;
    main[1].block.units.push_back({200, {}, false});
    Pagination p;
    p.pages.resize(2);
    p.units.resize(2);
    for (size_t i = 0; i < 10; ++i) p.units[0].push_back({i < 8 ? 0u : 1u, 0});
    p.units[1].push_back({1, 0});
    EXPECT_TRUE(fit_worth_trying(p, main, t));  // two lines and the closing
    for (size_t i = 0; i < 10; ++i) p.units[0][i].page = i < 3 ? 0 : 1;
    EXPECT_FALSE(fit_worth_trying(p, main, t));  // seven lines
    p.pages.resize(1);
    for (auto& u : p.units[0]) u.page = 0;
    p.units[1][0].page = 0;
    EXPECT_FALSE(fit_worth_trying(p, main, t));  // one page
}

// A block kept under the closing (a giấy nghỉ phép's confirmation) is not body text: two lines
// and the closing with its confirmation are still worth trying.
TEST(FitSteps, ABlockKeptUnderTheClosingIsNotBodyText) {
    const Typography t;
    std::vector<Part> main(3);
    main[0].block.units.assign(10, Unit{t.body_pitch(), {}, false});
    main[1].block.kind = Block::Kind::keep;
    main[1].block.closing = true;
    main[1].block.units.push_back({200, {}, false});
    main[2].block.kind = Block::Kind::keep;
    main[2].block.units.push_back({150, {}, false});
    Pagination p;
    p.pages.resize(2);
    p.units.resize(3);
    for (size_t i = 0; i < 10; ++i) p.units[0].push_back({i < 8 ? 0u : 1u, 0});
    p.units[1].push_back({1, 0});
    p.units[2].push_back({1, 200});
    EXPECT_TRUE(fit_worth_trying(p, main, t));
}

TEST(FitNote, SaysWhatChangedAndHowToKeepTheDefault) {
    const Typography t;
    model::Document doc;
    doc.source_file = "qd.yaml";
    const auto d = fit_note(doc, t, fit_steps(t)[1], 1);
    EXPECT_EQ(d.severity, core::Severity::note);
    EXPECT_EQ(d.code, "layout.fit");
    EXPECT_EQ(d.message,
              "Đã giảm giãn dòng xuống 1,05 dòng để văn bản vừa 1 trang; ghi vua_trang: khong "
              "trong dữ liệu (hoặc --no-fit) để giữ mặc định");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "qd.yaml");
    const auto all = fit_note(doc, t, fit_steps(t).back(), 2);
    EXPECT_NE(all.message.find("xuống 1,0 dòng"), std::string::npos) << all.message;
    EXPECT_NE(all.message.find("nửa dòng"), std::string::npos) << all.message;
    EXPECT_NE(all.message.find("13 pt"), std::string::npos) << all.message;
}

}  // namespace
