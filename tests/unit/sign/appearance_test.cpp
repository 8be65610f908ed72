#include "sign/appearance.hpp"

#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_images.hpp"

namespace vanthu::sign {
namespace {

class AppearanceTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        ASSERT_TRUE(testing::write_signature_png(dir_ / "chu-ky.png"));
        ASSERT_TRUE(testing::write_seal_png(dir_ / "dau.png"));
        images_ = {dir_ / "chu-ky.png", dir_ / "dau.png", 113.39};  // a 40 mm seal
    }
    const Box space_{300, 200, 280, 70};  // a signer's column: wide and low
    AppearanceImages images_;
};

// The body of the object numbered `number` among `a`'s objects.
std::string body_of(const Appearance& a, int number) {
    for (const auto& o : a.objects)
        if (o.number == number) return o.body;
    return {};
}

TEST_F(AppearanceTest, TheSignatureIsCentredAndTheSealCoversItsLeftThird) {
    int next = 10;
    const Appearance a = build_appearance(space_, images_, next);
    // Two images, each with its soft mask, and the form; numbered from 10 on.
    ASSERT_EQ(a.objects.size(), 5u);
    EXPECT_EQ(next, 15);
    EXPECT_EQ(a.form, 14);
    const std::string form = body_of(a, a.form);
    EXPECT_NE(form.find("/Subtype /Form"), std::string::npos) << form;
    // The signature (600 x 240 pixels) fills the space's height: 175 x 70, centred in it;
    // the 40 mm seal is stamped after it, centred on its left third, and the widget grows to
    // hold the seal, taller than the space.
    const double sig_w = 70 * 600.0 / 240, sig_x = 300 + (280 - sig_w) / 2;
    const double seal_x = sig_x + sig_w / 6 - 113.39 / 2;
    EXPECT_NEAR(a.rect.x, std::min(300.0, seal_x), 0.01);
    EXPECT_NEAR(a.rect.height, 113.39, 0.01);
    EXPECT_NEAR(a.rect.y + a.rect.height / 2, 235, 0.01);  // centred on the space
    char expected[160];
    std::snprintf(expected, sizeof expected, "q %.2f 0 0 70.00 %.2f %.2f cm /ChuKy Do Q\n", sig_w,
                  sig_x - a.rect.x, 200 - a.rect.y);
    EXPECT_NE(form.find(expected), std::string::npos) << form;
    std::snprintf(expected, sizeof expected, "q 113.39 0 0 113.39 %.2f 0.00 cm /Dau Do Q",
                  seal_x - a.rect.x);
    EXPECT_NE(form.find(expected), std::string::npos) << form;
    EXPECT_LT(form.find("/ChuKy Do"), form.find("/Dau Do"));
    // Each image is RGB with a grey soft mask, both deflated.
    int images = 0, masks = 0;
    for (const auto& o : a.objects) {
        if (o.body.find("/ColorSpace /DeviceRGB") != std::string::npos) {
            ++images;
            EXPECT_NE(o.body.find("/SMask "), std::string::npos);
            EXPECT_NE(o.body.find("/Filter /FlateDecode"), std::string::npos);
        }
        if (o.body.find("/ColorSpace /DeviceGray") != std::string::npos) ++masks;
    }
    EXPECT_EQ(images, 2);
    EXPECT_EQ(masks, 2);
}

TEST_F(AppearanceTest, SameImagesSameBytes) {
    int first = 7, second = 7;
    const Appearance a = build_appearance(space_, images_, first);
    const Appearance b = build_appearance(space_, images_, second);
    ASSERT_EQ(a.objects.size(), b.objects.size());
    for (size_t i = 0; i < a.objects.size(); ++i) EXPECT_EQ(a.objects[i].body, b.objects[i].body);
}

TEST_F(AppearanceTest, NoImagesIsAnEmptyFormOverTheSpace) {
    int next = 3;
    const Appearance a = build_appearance(space_, {}, next);
    ASSERT_EQ(a.objects.size(), 1u);
    EXPECT_EQ(a.rect.x, space_.x);
    EXPECT_EQ(a.rect.height, space_.height);
    EXPECT_NE(a.objects[0].body.find("/BBox [0 0 280.00 70.00] /Length 0"), std::string::npos)
        << a.objects[0].body;
}

TEST_F(AppearanceTest, AnOpaqueImageHasNoMask) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0, 0, 1);
    cairo_paint(cr);
    cairo_destroy(cr);
    ASSERT_EQ(cairo_surface_write_to_png(s, (dir_ / "opaque.png").c_str()), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    int next = 1;
    const Appearance a = build_appearance(space_, {dir_ / "opaque.png", {}, 0}, next);
    ASSERT_EQ(a.objects.size(), 2u);
    EXPECT_EQ(a.objects[0].body.find("/SMask"), std::string::npos);
}

TEST_F(AppearanceTest, WhatIsNoPngIsNamedWithTheFile) {
    testing::write_file(dir_ / "chu-ky.jpg",
                        std::string("\xff\xd8\xff\xe0") + std::string(40, 'j'));
    testing::write_file(dir_ / "cut.png", testing::read_file(dir_ / "chu-ky.png").substr(0, 80));
    for (const auto& [file, why] : {std::pair{dir_ / "chu-ky.jpg", "a JPEG image"},
                                    {dir_ / "missing.png", "no such file"},
                                    {dir_ / "cut.png", "damaged or cut short"}}) {
        int next = 1;
        try {
            build_appearance(space_, {file, {}, 0}, next);
            ADD_FAILURE() << file;
        } catch (const core::Failure& f) {
            const auto& d = f.diagnostics().front();
            EXPECT_EQ(d.code, "sign.image");
            EXPECT_NE(d.message.find(file.string()), std::string::npos) << d.message;
            EXPECT_NE(d.message.find(why), std::string::npos) << d.message;
        }
    }
}

}  // namespace
}  // namespace vanthu::sign
