// The look of a signature and documents signed by several bodies (issue 19, items 3 and 4):
// render --sign with the signer's image and the seal, empty signature fields filled in turn by
// vanthu sign, each checked with pdfsig, qpdf, openssl cms and the page as pixels.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>

#include "tools/page_pixels.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_images.hpp"
#include "tools/test_pki.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // PDF user space
    int page = 0;                           // 1-based
};

class SignLook : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
        second_.signer_name = "Lê Bích Phượng";
        second_.organisation = "Hội Liên hiệp Phụ nữ tỉnh An Giang";
        fs::create_directories(dir_ / "second");
        ASSERT_TRUE(make_test_pki(dir_ / "second", second_, log)) << log;
        ASSERT_TRUE(add_trusted_ca(dir_ / "nss", second_.ca_cert, "second-ca", log)) << log;
        ASSERT_TRUE(write_signature_png(dir_ / "chu-ky.png"));
        ASSERT_TRUE(write_seal_png(dir_ / "dau.png"));
    }

    CommandResult vanthu(const std::string& args, const TestPki* key = nullptr) {
        const std::string env = "VANTHU_P12_PASSWORD=" + shell_quote((key ? *key : pki_).password);
        return run(env + " SOURCE_DATE_EPOCH=1796601600 setsid -w " + kCli + " " + args, true);
    }
    static std::string q(const fs::path& p) { return shell_quote(p.string()); }
    std::string sample(const std::string& name) const {
        return q(kSource / "samples" / name / "data.yaml");
    }
    std::string look() const {
        return " --signature-image " + q(dir_ / "chu-ky.png") + " --seal-image " +
               q(dir_ / "dau.png");
    }

    // The /Rect of every signature widget, in the order `qpdf --json` lists the form's fields.
    static std::vector<Rect> widget_rects(const fs::path& pdf) {
        const auto json = run("qpdf --json --json-key=acroform " + q(pdf)).output;
        std::vector<Rect> out;
        for (size_t at = json.find("\"annotation\""); at != std::string::npos;
             at = json.find("\"annotation\"", at + 1)) {
            int number = 0;
            if (std::sscanf(json.c_str() + json.find("\"object\": \"", at), "\"object\": \"%d",
                            &number) != 1)
                break;
            const auto object =
                run("qpdf --show-object=" + std::to_string(number) + " " + q(pdf)).output;
            Rect r;
            std::sscanf(json.c_str() + json.find("\"pageposfrom1\": ", at), "\"pageposfrom1\": %d",
                        &r.page);
            if (std::sscanf(object.c_str() + object.find("/Rect"), "/Rect [ %lf %lf %lf %lf", &r.x0,
                            &r.y0, &r.x1, &r.y1) == 4)
                out.push_back(r);
        }
        return out;
    }

    TestPki pki_, second_;
};

constexpr double kPageHeight = 841.89;

TEST_F(SignLook, TheSignerImageAndTheSealShowOverTheSignersBlock) {
    const auto out = dir_ / "signed.pdf", plain = dir_ / "plain.pdf";
    auto r = vanthu("render " + sample("cong-van-576") + " --sign --p12 " + q(pki_.p12) + look() +
                    " -o " + q(out));
    ASSERT_EQ(r.status, 0) << r.output;
    ASSERT_EQ(vanthu("render " + sample("cong-van-576") + " -o " + q(plain)).status, 0);

    const auto check = pdfsig(out, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Total document signed"), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + q(out)).status, 0);
    // openssl verifies the CMS over the signed ranges on its own.
    ASSERT_EQ(run("cd " + q(dir_) + " && pdfsig -dump signed.pdf").status, 0);
    const std::string bytes = read_file(out);
    long long a = 0, b = 0, c = 0, d = 0;
    ASSERT_EQ(std::sscanf(bytes.c_str() + bytes.rfind("/ByteRange ["),
                          "/ByteRange [%lld %lld %lld %lld]", &a, &b, &c, &d),
              4);
    write_file(dir_ / "ranges.bin", bytes.substr(a, b) + bytes.substr(c, d));
    r = run("openssl cms -verify -binary -inform DER -in " + q(dir_ / "signed.pdf.sig0") +
                " -content " + q(dir_ / "ranges.bin") + " -CAfile " + q(pki_.ca_cert) +
                " -purpose any -out /dev/null",
            true);
    EXPECT_EQ(r.status, 0) << r.output;

    // pdfimages lists the two images of the appearance, each with its soft mask.
    const auto images = run("pdfimages -list " + q(out)).output;
    std::istringstream rows(images);
    std::map<std::string, int> types;  // the "type" column: image, smask
    for (std::string row; std::getline(rows, row);) {
        std::istringstream fields(row);
        std::string page, num, type;
        if (fields >> page >> num >> type && std::isdigit(static_cast<unsigned char>(page[0])))
            ++types[type];
    }
    EXPECT_EQ(types["image"], 2) << images;
    EXPECT_EQ(types["smask"], 2) << images;
    EXPECT_NE(images.find(" 600   240 "), std::string::npos) << images;
    EXPECT_NE(images.find(" 400   400 "), std::string::npos) << images;

    // On the page, inside the widget: the seal, red, 40 mm (113 pt) across, its centre over the
    // left third of the blue signature, which goes on to the right of it; no red or blue in
    // the same place unsigned.
    const auto rects = widget_rects(out);
    ASSERT_EQ(rects.size(), 1u);
    const Rect w = rects[0];
    EXPECT_NEAR(w.y1 - w.y0, 113.39, 0.02);  // the seal is taller than the space
    const double top = kPageHeight - w.y1, bottom = kPageHeight - w.y0;
    const auto signed_page = page_pixels(out, 1, dir_ / "signed");
    const auto plain_page = page_pixels(plain, 1, dir_ / "plain");
    ASSERT_GT(signed_page.width, 0);
    ASSERT_GT(plain_page.width, 0);
    EXPECT_GT(signed_page.count(w.x0, top, w.x1, bottom, is_blue), 300);
    EXPECT_GT(signed_page.count(w.x0, top, w.x1, bottom, is_red), 300);
    EXPECT_EQ(plain_page.count(w.x0, top, w.x1, bottom, is_blue), 0);
    EXPECT_EQ(plain_page.count(w.x0, top, w.x1, bottom, is_red), 0);
    const auto seal = signed_page.extent(w.x0, top, w.x1, bottom, is_red);
    const auto signature = signed_page.extent(w.x0, top, w.x1, bottom, is_blue);
    // The outer ring spans 384 of the seal image's 400 pixels.
    EXPECT_NEAR(seal.x1 - seal.x0, 113.39 * 384 / 400, 3);
    EXPECT_NEAR(seal.y1 - seal.y0, 113.39 * 384 / 400, 3);
    const double seal_centre = (seal.x0 + seal.x1) / 2;
    const double third = (signature.x1 - signature.x0) / 3;
    EXPECT_GT(seal_centre, signature.x0) << signature.x0 << ' ' << signature.x1;
    EXPECT_LT(seal_centre, signature.x0 + third) << signature.x0 << ' ' << signature.x1;
    EXPECT_GT(signature.x1, seal.x1 + 20);  // the rest of the signature shows beside the seal
    // The signature is centred on the name's axis, between the last title line and the name.
    const auto bbox = run("pdftotext -f 1 -l 1 -bbox " + q(out) + " -").output;
    auto word = [&](const std::string& text, const char* edge) {
        const auto at = bbox.rfind(">" + text + "</word>");
        double v = -1;
        if (at != std::string::npos)
            std::sscanf(bbox.c_str() + bbox.find(edge, bbox.rfind("<word", at)) + std::strlen(edge),
                        "%lf", &v);
        return v;
    };
    const double name_centre = (word("Đặng", "xMin=\"") + word("Hoa", "xMax=\"")) / 2;
    EXPECT_NEAR((signature.x0 + signature.x1) / 2, name_centre, 6);
    EXPECT_GE(signature.y0, word("TRỰC", "yMax=\"") - 1);
    EXPECT_LE(signature.y1, word("Hoa", "yMin=\"") + 1);

    // Same input, same bytes.
    const auto again = dir_ / "again.pdf";
    ASSERT_EQ(vanthu("render " + sample("cong-van-576") + " --sign --p12 " + q(pki_.p12) + look() +
                     " -o " + q(again))
                  .status,
              0);
    EXPECT_EQ(read_file(again), bytes);
}

// Seed 001's coordination programme: two bodies, two signer blocks, the host (the data's own
// signer) on the right. render --sign signs the host's and leaves an empty field over the
// partner's, which signs the file it received with its own key.
TEST_F(SignLook, TwoBodiesSignOneAfterTheOther) {
    const auto once = dir_ / "once.pdf", twice = dir_ / "twice.pdf";
    auto r = vanthu("render " + sample("chuong-trinh-620") + " --sign --p12 " + q(pki_.p12) +
                    look() + " -o " + q(once));
    ASSERT_EQ(r.status, 0) << r.output;
    auto v = vanthu("verify " + q(once) + " --json");
    EXPECT_EQ(occurrences(v.output, "\"field\""), 1) << v.output;  // the empty one is no signature
    EXPECT_NE(v.output.find("\"field\": \"Chữ ký 2\""), std::string::npos) << v.output;
    const auto before = widget_rects(once);
    ASSERT_EQ(before.size(), 2u);

    r = vanthu("sign " + q(once) + " -o " + q(twice) + " --p12 " + q(second_.p12) + look(),
               &second_);
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(twice, dir_ / "nss");
    EXPECT_EQ(occurrences(check.output, "Signature is Valid"), 2) << check.output;
    EXPECT_EQ(occurrences(check.output, "Certificate is Trusted"), 2) << check.output;
    EXPECT_NE(check.output.find(second_.signer_name), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + q(twice)).status, 0);
    EXPECT_EQ(read_file(twice).substr(0, read_file(once).size()), read_file(once));
    write_file(dir_ / "both-ca.pem", read_file(pki_.ca_cert) + read_file(second_.ca_cert));
    v = vanthu("verify " + q(twice) + " --ca-file " + q(dir_ / "both-ca.pem"));
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_EQ(occurrences(v.output, ": good"), 2) << v.output;
    // Fields in page order: the partner's block on the left is "Chữ ký 1".
    EXPECT_LT(v.output.find(second_.signer_name), v.output.find(pki_.signer_name)) << v.output;

    // The partner's signature filled the field over its own block, on the left of the same
    // page, and the field grew to hold the 40 mm seal; both seals show in red.
    const auto after = widget_rects(twice);
    ASSERT_EQ(after.size(), 2u);
    const Rect partner = after[0], host = after[1];
    EXPECT_LT(partner.x1, host.x1);
    EXPECT_LT(before[0].y1 - before[0].y0, 100);
    EXPECT_NEAR(partner.y1 - partner.y0, 113.39, 0.02);
    EXPECT_EQ(partner.page, host.page);
    const auto page = page_pixels(twice, host.page, dir_ / "page");
    auto red_in = [&](const Rect& w) {
        return page.count(w.x0, kPageHeight - w.y1, w.x1, kPageHeight - w.y0, is_red);
    };
    EXPECT_GT(red_in(host), 300);
    EXPECT_GT(red_in(partner), 300);
}

// --signature-fields: the document goes out unsigned with a field per body; one body signs
// first by naming its field, the other then fills the one left.
TEST_F(SignLook, FieldsFirstThenEachBodySignsItsOwn) {
    const auto fields = dir_ / "fields.pdf", one = dir_ / "one.pdf", two = dir_ / "two.pdf";
    auto r = vanthu("render " + sample("chuong-trinh-620") + " --signature-fields -o " + q(fields));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(run("qpdf --check " + q(fields)).status, 0);
    EXPECT_EQ(widget_rects(fields).size(), 2u);
    r = vanthu(
        "sign " + q(fields) + " -o " + q(one) + " --p12 " + q(second_.p12) + " --field 'Chữ ký 2'",
        &second_);
    ASSERT_EQ(r.status, 0) << r.output;
    // A field that is not there is named, with those that are.
    r = vanthu("sign " + q(one) + " -o " + q(dir_ / "x.pdf") + " --p12 " + q(pki_.p12) +
               " --field 'Chữ ký 7'");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("no signature field \"Chữ ký 7\" (its empty ones: \"Chữ ký 1\")"),
              std::string::npos)
        << r.output;
    r = vanthu("sign " + q(one) + " -o " + q(two) + " --p12 " + q(pki_.p12) + look());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(two, dir_ / "nss");
    EXPECT_EQ(occurrences(check.output, "Signature is Valid"), 2) << check.output;
    EXPECT_EQ(occurrences(check.output, "Certificate is Trusted"), 2) << check.output;
    const auto v = vanthu("verify " + q(two) + " --json");
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_LT(v.output.find(pki_.signer_name), v.output.find(second_.signer_name)) << v.output;
    // Filled, the form has no empty field left: a third signature needs a place.
    r = vanthu("sign " + q(two) + " -o " + q(dir_ / "x.pdf") + " --p12 " + q(pki_.p12) + look());
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("no place on a page to show its images"), std::string::npos)
        << r.output;
}

// Data that draws its own signature image (anh_chu_ky) would show two signatures.
TEST_F(SignLook, ADataImageAndKeyHolderImagesAreNotDrawnTwice) {
    std::string data = read_file(kSource / "tests/e2e/cases/quyet-dinh-mot-trang.yaml");
    data += "\nanh_chu_ky: chu-ky.png\n";
    write_file(dir_ / "qd.yaml", data);
    auto r = vanthu("render " + q(dir_ / "qd.yaml") + " --sign --p12 " + q(pki_.p12) + look() +
                    " -o " + q(dir_ / "x.pdf"));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.image]"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "x.pdf"));
    // Without the key holder's images the data's image is the look, signed as it is.
    r = vanthu("render " + q(dir_ / "qd.yaml") + " --sign --p12 " + q(pki_.p12) + " -o " +
               q(dir_ / "y.pdf"));
    EXPECT_EQ(r.status, 0) << r.output;
    // And the images need --sign.
    r = vanthu("render " + q(dir_ / "qd.yaml") + look() + " -o " + q(dir_ / "z.pdf"));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("--signature-image and --seal-image go with --sign"), std::string::npos)
        << r.output;
}

}  // namespace

namespace {

// An electronic copy (Mẫu 3.2): the copying body's signature without image, its copy form, body
// and time at the top right of page 1 (nd30.md §2.14 ô 14).
TEST_F(SignLook, AnElectronicCopyCarriesItsSignatureTextAtTheTopRight) {
    const auto plain = dir_ / "plain.pdf", copy = dir_ / "copy.pdf";
    ASSERT_EQ(vanthu("render " + sample("cong-van-576") + " -o " + q(plain)).status, 0);
    auto r = vanthu("sign " + q(plain) + " -o " + q(copy) + " --p12 " + q(pki_.p12) +
                    " --organisation-text 'SAO Y' --organisation 'Văn phòng Liên đoàn Lao động'");
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(copy, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + q(copy)).status, 0);
    const auto rects = widget_rects(copy);
    ASSERT_EQ(rects.size(), 1u);
    EXPECT_EQ(rects[0].page, 1);
    EXPECT_NEAR(rects[0].x1, 595.28 - 28.35, 0.02);        // 10 mm from the page's right edge
    EXPECT_GT(rects[0].y0, kPageHeight - 20 * 72 / 25.4);  // in the top margin
    // Ink of 10 pt text at 72 dpi: antialiased grey more than black.
    auto dark = [](int r, int g, int b) { return r + g + b < 450; };
    const auto signed_page = page_pixels(copy, 1, dir_ / "copy");
    const auto plain_page = page_pixels(plain, 1, dir_ / "plain");
    const double top = kPageHeight - rects[0].y1, bottom = kPageHeight - rects[0].y0;
    EXPECT_GT(signed_page.count(rects[0].x0, top, rects[0].x1, bottom, dark), 200);
    EXPECT_EQ(plain_page.count(rects[0].x0, top, rects[0].x1, bottom, dark), 0);
    EXPECT_EQ(run("pdfimages -list " + q(copy)).output.find(" smask "), std::string::npos);
    // No image: the decree shows none for this signature.
    r = vanthu("sign " + q(plain) + " -o " + q(dir_ / "x.pdf") + " --p12 " + q(pki_.p12) +
               " --organisation-text 'SAO Y'" + look());
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("shows no image"), std::string::npos) << r.output;
}

}  // namespace
