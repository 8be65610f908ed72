// The format's measurable rules (shared/spec/nd30.md) on the example of every built-in template:
// no warning, A4, the header block (national title and motto with its rule, issuing body with
// its rule, number under it, place and date on the number's baseline), the body size, the
// signature block (title, 30 mm space, name on one axis; Nơi nhận level with it) and the page
// numbers. A new template folder is checked as soon as it exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>

#include "core/units.hpp"
#include "text/text.hpp"
#include "tools/page_lines.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kTextLeft = core::mm(30);
const double kTextRight = core::kA4Width - core::mm(15);
const double kPageCentre = core::kA4Width / 2;

std::vector<std::string> built_in_templates() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kSource / "templates")) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && !name.starts_with("_")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string unquoted(std::string v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
    return v;
}

// A top-level text field of the example (`nguoi_ky: Lê Thị A`), or the first item of a list
// field (`chuc_danh: [Chủ tịch]` or a "  - " item under it). Enough for the examples' fields.
std::string example_field(const fs::path& yaml, const std::string& key) {
    std::ifstream in(yaml);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with(key + ":")) continue;
        std::string rest = line.substr(key.size() + 1);
        rest.erase(0, rest.find_first_not_of(' '));
        if (rest.starts_with("[")) return unquoted(rest.substr(1, rest.find_first_of(",]") - 1));
        if (!rest.empty()) return unquoted(rest);
        if (std::getline(in, line) && line.find("- ") != std::string::npos)
            return unquoted(line.substr(line.find("- ") + 2));
    }
    return {};
}

std::optional<layout::Rule> rule_under(const layout::Page& page, double baseline, double centre_x) {
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (r->y1 > baseline && r->y1 < baseline + 12 &&
                std::abs((r->x1 + r->x2) / 2 - centre_x) < 30)
                return *r;
    return std::nullopt;
}

class Conformance : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        example_ = kSource / "templates" / GetParam() / "example.yaml";
        ASSERT_TRUE(fs::exists(example_)) << "every template has an example.yaml";
        std::vector<Diagnostic> warnings;
        pages_ = engine().layout({.data_file = example_}, &warnings);
        // A note (layout.fit: the pages were tightened to fit) is not a problem.
        for (const auto& w : warnings)
            if (w.severity != core::Severity::note) ADD_FAILURE() << format(w);
        ASSERT_FALSE(pages_.pages.empty());
        page1_ = lines_of(pages_, 0);
    }

    static Engine& engine() {
        static Engine e;
        return e;
    }

    fs::path example_;
    layout::Pages pages_;
    std::vector<Line> page1_;
};

TEST_P(Conformance, PagesAreA4) {
    for (const auto& page : pages_.pages) {
        const double w = core::to_mm(page.width), h = core::to_mm(page.height);
        EXPECT_NEAR(std::min(w, h), 210, 0.1);
        EXPECT_NEAR(std::max(w, h), 297, 0.1);
    }
    EXPECT_NEAR(core::to_mm(pages_.pages[0].width), 210, 0.1) << "page 1 is portrait";
}

TEST_P(Conformance, NationalTitleAndMottoWithItsRule) {
    auto title = find_line(page1_, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    auto motto = find_line(page1_, "Độc lập - Tự do - Hạnh phúc");
    ASSERT_TRUE(title && motto);
    EXPECT_TRUE(title->bold && motto->bold);
    EXPECT_GE(title->size, 12 - 0.01);  // 12–13 pt, the motto 13–14 (nd30.md §2.1)
    EXPECT_LE(title->size, 13 + 0.01);
    EXPECT_GE(motto->size, 13 - 0.01);
    EXPECT_LE(motto->size, 14 + 0.01);
    EXPECT_GT(title->centre(), kPageCentre) << "the national title sits in the right column";
    EXPECT_NEAR(title->centre(), motto->centre(), core::mm(2));
    auto rule = rule_under(pages_.pages[0], motto->baseline, motto->centre());
    ASSERT_TRUE(rule) << "no rule under the motto";
    EXPECT_NEAR(rule->x2 - rule->x1, motto->width(), 0.05);
    EXPECT_NEAR((rule->x1 + rule->x2) / 2, motto->centre(), 0.05);
}

TEST_P(Conformance, IssuingBodyRuleNumberAndDateLine) {
    // The issuing body: the bold lines of the left column above the first rule there, which is
    // a third to a half of the longest of them.
    std::optional<layout::Rule> rule;
    for (const auto& item : pages_.pages[0].items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if ((r->x1 + r->x2) / 2 < kPageCentre && r->y1 < core::mm(80) && !rule) rule = *r;
    ASSERT_TRUE(rule) << "no rule under the issuing body";
    std::optional<Line> last;
    double longest = 0;
    for (const auto& l : page1_)
        if (l.bold && l.baseline < rule->y1 && l.centre() < kPageCentre &&
            l.baseline > core::mm(20)) {
            longest = std::max(longest, l.width());
            if (!last || l.baseline > last->baseline) last = l;
        }
    ASSERT_TRUE(last) << "no issuing body";
    EXPECT_GE(rule->x2 - rule->x1, longest / 3 - 0.01);
    EXPECT_LE(rule->x2 - rule->x1, longest / 2 + 0.01);
    EXPECT_NEAR((rule->x1 + rule->x2) / 2, last->centre(), core::mm(2));
    // The number, when the document has one, centred under the issuing body.
    auto number = find_line(page1_, "Số:");
    if (number) {
        EXPECT_FALSE(number->bold || number->italic);
        EXPECT_NEAR(number->size, 13, 0.01);
        EXPECT_NEAR(number->centre(), last->centre(), core::mm(3));
    } else {
        EXPECT_TRUE(example_field(example_, "so").empty()) << "the example has a number";
    }
    // Place and date, italic, centred under the motto, on the number's baseline (Mẫu 1.9 has
    // no date line).
    if (GetParam() == "bien-ban") return;
    auto motto = find_line(page1_, "Độc lập");
    ASSERT_TRUE(motto);
    std::optional<Line> date;
    for (const auto& l : page1_)
        if (l.italic && l.baseline < core::mm(80) && l.text.find("ngày") != std::string::npos &&
            !date)
            date = l;
    ASSERT_TRUE(date) << "no place-and-date line";
    EXPECT_NEAR(date->centre(), motto->centre(), core::mm(3));
    EXPECT_GT(date->baseline, motto->baseline);
    if (number) {
        EXPECT_NEAR(date->baseline, number->baseline, 1.0);
    }
}

TEST_P(Conformance, BodyTextIs13To14Points) {
    // Justified body lines: those reaching both margins.
    int body = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p)
        for (const auto& l : lines_of(pages_, p))
            if (std::abs(l.right - kTextRight) < 1.0 && l.left < kTextLeft + core::mm(11) &&
                l.width() > core::mm(120)) {
                ++body;
                EXPECT_GE(l.size, 13 - 0.01) << l.text;
                EXPECT_LE(l.size, 14 + 0.01) << l.text;
            }
    EXPECT_GT(body, 0) << "no justified body line";
}

TEST_P(Conformance, SignatureBlockAndRecipients) {
    const std::string title = text::upper(example_field(example_, "chuc_danh"));
    const std::string name = example_field(example_, "nguoi_ky");
    ASSERT_FALSE(title.empty() || name.empty()) << "the example has chuc_danh and nguoi_ky";
    // The last page of the document itself (appendices follow it).
    size_t last = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p)
        if (pages_.pages[p].section == 0) last = p;
    auto lines = lines_of(pages_, last);
    auto signer = find_exact_line(lines, name);
    auto label = find_exact_line(lines, "Nơi nhận:");
    ASSERT_TRUE(signer && label) << name;
    // The signer's own title line: a joint document repeats "TM. BAN THƯỜNG VỤ" per block.
    std::optional<Line> first_title;
    for (const auto& l : lines)
        if (l.text == title &&
            (!first_title || std::abs(l.centre() - signer->centre()) <
                                 std::abs(first_title->centre() - signer->centre())))
            first_title = l;
    ASSERT_TRUE(first_title) << title;
    EXPECT_TRUE(first_title->bold);
    EXPECT_TRUE(signer->bold);
    EXPECT_NEAR(signer->centre(), first_title->centre(), core::mm(2));
    EXPECT_GE(signer->baseline - first_title->baseline, core::mm(18)) << "room to sign";
    EXPECT_TRUE(label->bold && label->italic);
    EXPECT_NEAR(label->size, 12, 0.01);
    EXPECT_NEAR(label->left, kTextLeft, core::mm(1));
    // Nơi nhận faces the signature, except under the rows of a joint document's signatures and
    // in a biên bản, under its two (Mẫu 1.9).
    if (GetParam() == "bien-ban" || !example_field(example_, "ky_phoi_hop").empty()) {
        EXPECT_GT(label->baseline, signer->baseline);
    } else {
        EXPECT_GT(first_title->centre(), kPageCentre);
        EXPECT_NEAR(label->baseline, first_title->baseline, 2.0);
    }
}

TEST_P(Conformance, PagesAfterTheFirstAreNumberedInTheTopMargin) {
    const double text_centre = kTextLeft + (kTextRight - kTextLeft) / 2;
    for (const auto& line : page1_) EXPECT_GT(line.baseline, core::mm(20)) << line.text;
    int number = 1, section = 0;
    for (size_t p = 1; p < pages_.pages.size(); ++p) {
        const auto& page = pages_.pages[p];
        if (page.section != section) {  // an appendix numbers its own pages, from its second
            section = page.section;
            number = 1;
            continue;
        }
        ++number;
        if (page.width > page.height) continue;  // landscape: the number is in reading position
        auto lines = lines_of(pages_, p);
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(lines.front().text, std::to_string(number)) << "page " << p + 1;
        EXPECT_LT(lines.front().baseline, core::mm(20));
        EXPECT_NEAR(lines.front().centre(), text_centre, core::mm(3));
    }
}

INSTANTIATE_TEST_SUITE_P(BuiltIn, Conformance, ::testing::ValuesIn(built_in_templates()),
                         [](const auto& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

}  // namespace
