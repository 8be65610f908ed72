// Empty signature fields (a document each body signs in turn) and signatures that fill them.
#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_images.hpp"
#include "tools/test_pki.hpp"
#include "unit/sign/sample_pdf.hpp"

namespace vanthu::sign {
namespace {

using testing::run;
using testing::shell_quote;

class SignatureFieldsTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
        signer_ = open_pkcs12(pki_.p12, pki_.password);
        ASSERT_TRUE(testing::write_signature_png(dir_ / "chu-ky.png"));
        ASSERT_TRUE(testing::write_seal_png(dir_ / "dau.png"));
        // The host's block on the right of page 2, the partner's on the left.
        base_ = two_page_pdf();  // once: Cairo writes the time of day into it
        fields_ = add_signature_fields(base_, {{2, 330, 120, 200, 60}, {2, 40, 120, 200, 60}});
    }

    SignatureDetails details(const std::string& field = {}) const {
        SignatureDetails d;
        d.pdf_time = pdf_time_vietnam(1796601600);
        d.field = field;
        d.images = {dir_ / "chu-ky.png", dir_ / "dau.png", 113.39};
        return d;
    }

    std::string code_of(const std::string& pdf, const SignatureDetails& d) {
        try {
            sign_pdf(pdf, *signer_, d);
        } catch (const core::Failure& f) {
            return f.diagnostics().front().code + ": " + f.diagnostics().front().message;
        }
        return "no failure";
    }

    testing::TestPki pki_;
    std::unique_ptr<Signer> signer_;
    std::string base_, fields_;
};

TEST_F(SignatureFieldsTest, EmptyFieldsAreNoSignaturesAndTheFileStaysSound) {
    EXPECT_TRUE(verify_pdf(fields_, {}).empty());
    testing::write_file(dir_ / "fields.pdf", fields_);
    EXPECT_EQ(run("qpdf --check " + shell_quote((dir_ / "fields.pdf").string())).status, 0);
    const auto json =
        run("qpdf --json --json-key=acroform " + shell_quote((dir_ / "fields.pdf").string()))
            .output;
    EXPECT_EQ(testing::occurrences(json, "\"fieldtype\": \"/Sig\""), 2) << json;
    EXPECT_EQ(testing::occurrences(json, "\"pageposfrom1\": 2"), 2) << json;
    EXPECT_NE(json.find("\"fullname\": \"Chữ ký 2\""), std::string::npos) << json;
    // The two-page PDF it came from is still there byte for byte.
    EXPECT_TRUE(fields_.starts_with(base_));
}

TEST_F(SignatureFieldsTest, EachSignatureFillsItsFieldAndBothStayIntact) {
    const std::string once = sign_pdf(fields_, *signer_, details());
    auto checks = verify_pdf(once, pki_.ca_cert);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].field, "Chữ ký 1");
    EXPECT_TRUE(checks[0].intact) << checks[0].problem;
    const std::string twice = sign_pdf(once, *signer_, details());
    checks = verify_pdf(twice, pki_.ca_cert);
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_EQ(checks[1].field, "Chữ ký 2");
    for (const auto& c : checks) {
        EXPECT_TRUE(c.intact) << c.problem;
        EXPECT_EQ(c.chain, "trusted");
    }
    EXPECT_EQ(checks[0].after, "signatures");  // the images of the second are no content change
    EXPECT_EQ(checks[1].after, "nothing");
    testing::write_file(dir_ / "twice.pdf", twice);
    EXPECT_EQ(run("qpdf --check " + shell_quote((dir_ / "twice.pdf").string())).status, 0);
    EXPECT_EQ(sign_pdf(fields_, *signer_, details()), once);  // same input, same bytes
}

TEST_F(SignatureFieldsTest, AFieldIsChosenByName) {
    const std::string second = sign_pdf(fields_, *signer_, details("Chữ ký 2"));
    const auto checks = verify_pdf(second, {});
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].field, "Chữ ký 2");
    EXPECT_EQ(code_of(second, details("Chữ ký 2")),
              "sign.pdf: cannot sign this PDF: its signature field \"Chữ ký 2\" is already signed");
    EXPECT_EQ(code_of(second, details("Chữ ký 3")),
              "sign.pdf: cannot sign this PDF: it has no signature field \"Chữ ký 3\" (its empty "
              "ones: \"Chữ ký 1\")");
}

TEST_F(SignatureFieldsTest, ImagesNeedAPlace) {
    // No empty field and no place: the signature would be invisible.
    EXPECT_NE(code_of(two_page_pdf(), details()).find("no place on a page to show its images"),
              std::string::npos);
    auto invisible = details();
    invisible.images = {};
    EXPECT_EQ(code_of(two_page_pdf(), invisible), "no failure");
    auto bad = details();
    bad.images.seal = dir_ / "missing.png";
    EXPECT_TRUE(code_of(fields_, bad).starts_with("sign.image: ")) << code_of(fields_, bad);
}

}  // namespace
}  // namespace vanthu::sign
