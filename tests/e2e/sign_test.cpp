// Signing through the vanthu command (issue 19): render --sign and vanthu sign, checked by
// poppler's pdfsig against the test's own CA, qpdf and the widget's place.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include "tools/pdf_probe.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"
#include "tools/test_token.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

class SignCli : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
    }

    // Runs vanthu with `args` and the key's password in the environment, without a terminal
    // (setsid), as a service would.
    CommandResult vanthu(const std::string& args, const std::string& password_env = "") {
        const std::string env = "VANTHU_P12_PASSWORD=" +
                                shell_quote(password_env.empty() ? pki_.password : password_env);
        return run(env + " SOURCE_DATE_EPOCH=1796601600 setsid -w " + kCli + " " + args, true);
    }

    std::string p12() const { return shell_quote(pki_.p12.string()); }
    std::string sample(const std::string& name) const {
        return shell_quote((kSource / "samples" / name / "data.yaml").string());
    }

    TestPki pki_;
};

TEST_F(SignCli, RenderSignIsValidTrustedAndOverTheSignersBlock) {
    const auto out = dir_ / "signed.pdf";
    const auto r = vanthu("render " + sample("cong-van-576") + " --sign --p12 " + p12() + " -o " +
                          shell_quote(out.string()));
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(out, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Total document signed"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Dec 07 2026"), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + shell_quote(out.string())).status, 0);
    // The widget lies on the letter's page (its appendices follow), over the signer's space:
    // below the title line "CHỦ TỊCH" and above the name "… Hoa".
    const auto json = run("qpdf --json --json-key=acroform " + shell_quote(out.string())).output;
    EXPECT_NE(json.find("\"fieldtype\": \"/Sig\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"pageposfrom1\": 1,"), std::string::npos) << json;
    const auto widget = json.find("\"annotation\"");
    ASSERT_NE(widget, std::string::npos);
    int number = 0;
    ASSERT_EQ(std::sscanf(json.c_str() + json.find("\"object\": \"", widget), "\"object\": \"%d",
                          &number),
              1);
    const auto object =
        run("qpdf --show-object=" + std::to_string(number) + " " + shell_quote(out.string()))
            .output;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    ASSERT_EQ(std::sscanf(object.c_str() + object.find("/Rect"), "/Rect [ %lf %lf %lf %lf", &x0,
                          &y0, &x1, &y1),
              4)
        << object;
    const double page_height = 841.89, top = page_height - y1, bottom = page_height - y0;
    const auto bbox = run("pdftotext -f 1 -l 1 -bbox " + shell_quote(out.string()) + " -").output;
    auto word_y = [&](const std::string& word, const char* edge) {
        const auto at = bbox.rfind(">" + word + "</word>");
        const auto start = bbox.rfind("<word", at);
        double v = -1;
        std::sscanf(bbox.c_str() + bbox.find(edge, start) + std::strlen(edge), "%lf", &v);
        return v;
    };
    EXPECT_GE(top, word_y("TỊCH", "yMax=\"") - 1) << object;
    EXPECT_LE(bottom, word_y("Hoa", "yMin=\"") + 1) << object;
    EXPECT_GT(bottom - top, 40);  // the space for a hand signature, not a sliver
    EXPECT_GT(x0, 595.28 / 3);    // the signer's column, on the right
    // The text is what an unsigned render gives: signing adds, never changes.
    const auto plain = dir_ / "plain.pdf";
    ASSERT_EQ(
        vanthu("render " + sample("cong-van-576") + " -o " + shell_quote(plain.string())).status,
        0);
    EXPECT_EQ(pdftotext_raw(out), pdftotext_raw(plain));
    EXPECT_EQ(read_file(out).substr(0, read_file(plain).size()), read_file(plain));
}

// A joint document: the first body signs at a place given in millimetres, the second signs
// after it with its own key; both signatures stay valid and trusted.
TEST_F(SignCli, SignAFinishedPdfAtAPlaceAndAgain) {
    TestPki second;
    second.signer_name = "Trần Thị Bình";
    second.organisation = "Hội Liên hiệp Phụ nữ thành phố Hà Nội";
    std::string log;
    fs::create_directories(dir_ / "second");
    ASSERT_TRUE(make_test_pki(dir_ / "second", second, log)) << log;
    ASSERT_TRUE(add_trusted_ca(dir_ / "nss", second.ca_cert, "second-ca", log)) << log;

    const auto plain = dir_ / "plain.pdf", once = dir_ / "once.pdf", twice = dir_ / "twice.pdf";
    ASSERT_EQ(vanthu("render " + sample("chuong-trinh-620") + " -o " + shell_quote(plain.string()))
                  .status,
              0);
    auto r = vanthu("sign " + shell_quote(plain.string()) + " -o " + shell_quote(once.string()) +
                    " --p12 " + p12() + " --at 1,110,230,70,30");
    ASSERT_EQ(r.status, 0) << r.output;
    r = vanthu("sign " + shell_quote(once.string()) + " -o " + shell_quote(twice.string()) +
                   " --p12 " + shell_quote(second.p12.string()) + " --at 1,20,230,70,30",
               second.password);
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(twice, dir_ / "nss");
    EXPECT_EQ(occurrences(check.output, "Signature is Valid"), 2) << check.output;
    EXPECT_EQ(occurrences(check.output, "Certificate is Trusted"), 2) << check.output;
    EXPECT_NE(check.output.find(pki_.signer_name), std::string::npos) << check.output;
    EXPECT_NE(check.output.find(second.signer_name), std::string::npos) << check.output;
    // The first signature covers the file as it was before the second.
    EXPECT_EQ(occurrences(check.output, "Total document signed"), 1) << check.output;
    EXPECT_EQ(read_file(twice).substr(0, read_file(once).size()), read_file(once));

    // vanthu verify agrees, against both authorities; with only the first, the second
    // signature's certificate is not trusted and the check fails.
    write_file(dir_ / "both-ca.pem", read_file(pki_.ca_cert) + read_file(second.ca_cert));
    auto v = vanthu("verify " + shell_quote(twice.string()) + " --ca-file " +
                    shell_quote((dir_ / "both-ca.pem").string()));
    EXPECT_EQ(v.status, 0) << v.output;
    EXPECT_EQ(occurrences(v.output, ": good"), 2) << v.output;
    EXPECT_NE(v.output.find("only later signatures were added"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find(second.signer_name), std::string::npos) << v.output;
    v = vanthu("verify " + shell_quote(twice.string()) + " --ca-file " +
               shell_quote(pki_.ca_cert.string()) + " --json");
    EXPECT_EQ(v.status, 1) << v.output;
    EXPECT_NE(v.output.find("\"ok\": false"), std::string::npos) << v.output;
    EXPECT_EQ(occurrences(v.output, "\"chain\": \"trusted\""), 1) << v.output;
}

TEST_F(SignCli, VerifyFindsABrokenSignatureAndRefusesWhatIsNoPdf) {
    const auto out = dir_ / "signed.pdf";
    ASSERT_EQ(vanthu("render " + sample("cong-van-576") + " --sign --p12 " + p12() + " -o " +
                     shell_quote(out.string()))
                  .status,
              0);
    std::string bytes = read_file(out);
    bytes[bytes.find("/MediaBox") + 1] = 'm';
    write_file(dir_ / "tampered.pdf", bytes);
    auto v = vanthu("verify " + shell_quote((dir_ / "tampered.pdf").string()));
    EXPECT_EQ(v.status, 1) << v.output;
    EXPECT_NE(v.output.find("BROKEN"), std::string::npos) << v.output;
    v = vanthu("verify " + sample("cong-van-576"));
    EXPECT_EQ(v.status, 2) << v.output;
    EXPECT_NE(v.output.find("not a PDF file"), std::string::npos) << v.output;
    // An unsigned PDF has nothing to vouch for it.
    const auto plain = dir_ / "plain.pdf";
    ASSERT_EQ(
        vanthu("render " + sample("cong-van-576") + " -o " + shell_quote(plain.string())).status,
        0);
    v = vanthu("verify " + shell_quote(plain.string()));
    EXPECT_EQ(v.status, 1) << v.output;
    EXPECT_NE(v.output.find("no signature"), std::string::npos) << v.output;
}

// The official's key in a USB token: a SoftHSM2 token made for the test, PIN from VANTHU_PIN.
TEST_F(SignCli, RenderSignsWithAKeyInAPkcs11Token) {
    TestToken token;
    std::string log;
    ASSERT_TRUE(make_test_token(dir_ / "token", pki_, token, log)) << log;
    const auto out = dir_ / "signed.pdf";
    const std::string flags = " --sign --pkcs11-module " + token.module + " --token " +
                              token.label + " --key " + token.key_label + " -o " +
                              shell_quote(out.string());
    auto r = run(token.env() + "VANTHU_PIN=" + token.pin + " setsid -w " + kCli + " render " +
                     sample("cong-van-576") + flags,
                 true);
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(out, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find(pki_.signer_name), std::string::npos) << check.output;
    // A wrong PIN is named as such, and nothing is written.
    fs::remove(out);
    r = run(token.env() + "VANTHU_PIN=000000 setsid -w " + kCli + " render " +
                sample("cong-van-576") + flags,
            true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("the PIN is wrong"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(SignCli, AWrongPasswordWritesNothingAndSaysSo) {
    const auto out = dir_ / "signed.pdf";
    const auto r = vanthu("render " + sample("cong-van-576") + " --sign --p12 " + p12() + " -o " +
                              shell_quote(out.string()),
                          "sai-mat-khau");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.key]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("password is wrong"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(SignCli, NoPasswordAndNoTerminalSaysWhereToPutIt) {
    const auto out = dir_ / "signed.pdf";
    const auto r =
        run("env -u VANTHU_P12_PASSWORD setsid -w " + kCli + " render " + sample("cong-van-576") +
                " --sign --p12 " + p12() + " -o " + shell_quote(out.string()),
            true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("VANTHU_P12_PASSWORD"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(SignCli, SigningAndProtectingTogetherIsRefused) {
    const auto r = vanthu("render " + sample("cong-van-576") + " --sign --p12 " + p12() +
                          " --owner-password chu -o " + shell_quote((dir_ / "x.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.protected]"), std::string::npos) << r.output;
}

TEST_F(SignCli, SignRefusesToWriteOverItsInput) {
    const auto plain = dir_ / "plain.pdf";
    ASSERT_EQ(
        vanthu("render " + sample("cong-van-576") + " -o " + shell_quote(plain.string())).status,
        0);
    const auto before = read_file(plain);
    const auto r = vanthu("sign " + shell_quote(plain.string()) + " -o " +
                          shell_quote(plain.string()) + " --p12 " + p12());
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[cli.output]"), std::string::npos) << r.output;
    EXPECT_EQ(read_file(plain), before);
}

}  // namespace
