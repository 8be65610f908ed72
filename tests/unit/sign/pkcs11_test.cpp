#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

#include "core/diagnostics.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/signer.hpp"
#include "sign/verify.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"
#include "tools/test_token.hpp"
#include "unit/sign/sample_pdf.hpp"

namespace vanthu::sign {
namespace {

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::Failure& e) {
        return e.diagnostics().front().code + ": " + e.diagnostics().front().message + " / " +
               (e.diagnostics().front().hints.empty() ? "" : e.diagnostics().front().hints[0]);
    }
    return "no error";
}

class Pkcs11Test : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(testing::make_test_token(dir_, pki_, token_, log)) << log;
        setenv("SOFTHSM2_CONF", token_.conf.c_str(), 1);
    }
    void TearDown() override {
        unsetenv("SOFTHSM2_CONF");
        TempDirTest::TearDown();
    }

    testing::TestPki pki_;
    testing::TestToken token_;
};

// The key never leaves the token; what it signs verifies like a key file's signature.
TEST_F(Pkcs11Test, ATokenSignsAndTheSignatureVerifies) {
    const auto signer = open_pkcs11(token_.module, token_.label, token_.key_label, token_.pin);
    // A PDF signed through the token, checked by the verifier against the CA.
    const std::string pdf = two_page_pdf();
    SignatureDetails details;
    details.pdf_time = pdf_time_vietnam(1796601600);
    const auto checks = verify_pdf(sign_pdf(pdf, *signer, details), pki_.ca_cert);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].intact) << checks[0].problem;
    EXPECT_EQ(checks[0].chain, "trusted");
    EXPECT_EQ(checks[0].signer, pki_.signer_name);
}

TEST_F(Pkcs11Test, EachMistakeIsNamed) {
    EXPECT_NE(message_of([&] {
                  open_pkcs11(token_.module, token_.label, token_.key_label, "000000");
              }).find("the PIN is wrong"),
              std::string::npos);
    const auto wrong_token =
        message_of([&] { open_pkcs11(token_.module, "khong-co", token_.key_label, token_.pin); });
    EXPECT_NE(wrong_token.find("no token is labelled \"khong-co\""), std::string::npos)
        << wrong_token;
    EXPECT_NE(wrong_token.find(token_.label), std::string::npos) << wrong_token;  // those present
    EXPECT_NE(message_of([&] {
                  open_pkcs11(token_.module, token_.label, "khac", token_.pin);
              }).find("no private key labelled \"khac\""),
              std::string::npos);
    EXPECT_NE(message_of([&] {
                  open_pkcs11(dir_ / "khong.so", token_.label, "k", token_.pin);
              }).find("cannot be loaded"),
              std::string::npos);
}

}  // namespace
}  // namespace vanthu::sign
