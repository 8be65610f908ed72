// The organisation's signature of an appendix or a copy in a file of its own: its text at the
// top right of page 1 in 10 pt, no image (nd30.md §2.13, §2.14 ô 14).
#include "sign/text_appearance.hpp"

#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"
#include "tools/page_pixels.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_images.hpp"
#include "tools/test_pki.hpp"
#include "unit/sign/sample_pdf.hpp"

namespace vanthu::sign {
namespace {

constexpr double kWidth = 595.28, kHeight = 841.89;

TEST(TextAppearance, TheLinesStandInTheTopRightCornerAsOutlines) {
    int next = 20;
    const Appearance a =
        build_text_appearance({"Số: 620/CTPH-LĐLĐ-HLHPN", "Liên đoàn Lao động tỉnh An Giang",
                               "2026-12-07T07:00:00+07:00"},
                              kWidth, kHeight, next);
    ASSERT_EQ(a.objects.size(), 1u);
    EXPECT_EQ(a.form, 20);
    EXPECT_EQ(next, 21);
    // Right edge 10 mm from the page's, in the top margin (above 20 mm), three 10 pt lines.
    EXPECT_NEAR(a.rect.x + a.rect.width, kWidth - 28.35, 0.01);
    EXPECT_NEAR(a.rect.y + a.rect.height, kHeight - 17.01, 0.01);
    EXPECT_GT(a.rect.y, kHeight - 25 * 72 / 25.4);  // within a 25 mm top margin
    EXPECT_GT(a.rect.height, 30);
    EXPECT_LT(a.rect.height, 45);
    // The widest line, 10 pt Times: about 150 pt; filled black outlines, no font.
    EXPECT_GT(a.rect.width, 120);
    EXPECT_LT(a.rect.width, 200);
    const std::string& form = a.objects[0].body;
    EXPECT_NE(form.find("0 g\n"), std::string::npos);
    EXPECT_NE(form.find(" c\n"), std::string::npos);
    EXPECT_EQ(form.find("/Font"), std::string::npos);
    int again_next = 20;
    EXPECT_EQ(build_text_appearance({"Số: 620/CTPH-LĐLĐ-HLHPN", "Liên đoàn Lao động tỉnh An Giang",
                                     "2026-12-07T07:00:00+07:00"},
                                    kWidth, kHeight, again_next)
                  .objects[0]
                  .body,
              form);
}

class StampTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
        signer_ = open_pkcs12(pki_.p12, pki_.password);
    }
    SignatureDetails details() const {
        SignatureDetails d;
        d.pdf_time = pdf_time_vietnam(1796601600);
        d.stamp = "SAO Y";
        return d;
    }
    testing::TestPki pki_;
    std::unique_ptr<Signer> signer_;
};

TEST_F(StampTest, AnElectronicCopyIsSignedWithItsTextOnPageOne) {
    const std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    const auto checks = verify_pdf(signed_pdf, pki_.ca_cert);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].intact) << checks[0].problem;
    EXPECT_EQ(checks[0].chain, "trusted");
    const auto file = dir_ / "copy.pdf";
    testing::write_file(file, signed_pdf);
    EXPECT_EQ(testing::run("qpdf --check " + testing::shell_quote(file.string())).status, 0);
    // Dark text in the top right corner of page 1 (the unsigned page has none there), and
    // no image.
    auto dark = [](int r, int g, int b) { return r + g + b < 200; };
    const auto page = testing::page_pixels(file, 1, dir_);
    ASSERT_GT(page.width, 0);
    EXPECT_GT(page.count(kWidth * 0.6, 0, kWidth, 60, dark), 100);
    testing::write_file(dir_ / "plain.pdf", two_page_pdf());
    EXPECT_EQ(testing::page_pixels(dir_ / "plain.pdf", 1, dir_ / "plain")
                  .count(kWidth * 0.6, 0, kWidth, 60, dark),
              0);
    EXPECT_EQ(testing::run("pdfimages -list " + testing::shell_quote(file.string()))
                  .output.find(" image "),
              std::string::npos);
}

TEST_F(StampTest, ItTakesNoImageAndNoPlace) {
    ASSERT_TRUE(testing::write_seal_png(dir_ / "dau.png"));
    auto with_image = details();
    with_image.images.seal = dir_ / "dau.png";
    with_image.images.seal_width = 100;
    auto with_place = details();
    with_place.place = {1, 100, 100, 100, 50};
    for (const auto& d : {with_image, with_place}) {
        try {
            sign_pdf(two_page_pdf(), *signer_, d);
            ADD_FAILURE() << "signed";
        } catch (const core::Failure& f) {
            EXPECT_NE(f.diagnostics().front().message.find("shows no image"), std::string::npos)
                << f.diagnostics().front().message;
        }
    }
}

}  // namespace
}  // namespace vanthu::sign
