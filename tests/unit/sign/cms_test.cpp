#include "sign/cms.hpp"

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <fstream>
#include <functional>

#include "core/diagnostics.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"

namespace vanthu::sign {
namespace {

using testing::run;
using testing::shell_quote;

class CmsTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
    }

    // Signs `content` and writes content and signature beside the PKI; returns the
    // signature's path.
    std::filesystem::path sign_content(const Signer& signer, const std::string& content) {
        Sha256 digest;
        SHA256(reinterpret_cast<const unsigned char*>(content.data()), content.size(),
               digest.data());
        const std::string der = pades_signed_data(signer, digest);
        std::ofstream(dir_ / "content.bin", std::ios::binary) << content;
        std::ofstream(dir_ / "sig.der", std::ios::binary) << der;
        return dir_ / "sig.der";
    }

    std::string verify(const std::filesystem::path& sig, const std::filesystem::path& content) {
        const auto r =
            run("openssl cms -verify -binary -inform DER -in " + shell_quote(sig.string()) +
                    " -content " + shell_quote(content.string()) + " -CAfile " +
                    shell_quote(pki_.ca_cert.string()) + " -purpose any -out /dev/null",
                true);
        return r.status == 0 ? "ok" : r.output;
    }

    testing::TestPki pki_;
};

TEST_F(CmsTest, OpensslVerifiesTheDetachedSignatureAgainstTheCa) {
    const auto signer = open_pkcs12(pki_.p12, pki_.password);
    const auto sig = sign_content(*signer, "%PDF-1.7 the signed byte ranges");
    EXPECT_EQ(verify(sig, dir_ / "content.bin"), "ok");
}

TEST_F(CmsTest, ChangedContentFailsVerification) {
    const auto signer = open_pkcs12(pki_.p12, pki_.password);
    const auto sig = sign_content(*signer, "the signed bytes");
    std::ofstream(dir_ / "other.bin", std::ios::binary) << "the signed byteZ";
    EXPECT_NE(verify(sig, dir_ / "other.bin"), "ok");
}

TEST_F(CmsTest, CarriesSigningCertificateV2AndNoSigningTime) {
    const auto signer = open_pkcs12(pki_.p12, pki_.password);
    const auto sig = sign_content(*signer, "bytes");
    const auto printed =
        run("openssl cms -cmsout -print -inform DER -in " + shell_quote(sig.string()), true).output;
    EXPECT_NE(printed.find("id-smime-aa-signingCertificateV2"), std::string::npos) << printed;
    EXPECT_NE(printed.find("contentType"), std::string::npos) << printed;
    EXPECT_NE(printed.find("messageDigest"), std::string::npos) << printed;
    EXPECT_EQ(printed.find("signingTime"), std::string::npos) << printed;
    // The chain travels with the signature so that a validator can build the path.
    EXPECT_NE(printed.find("vanthu test CA"), std::string::npos);
}

TEST_F(CmsTest, SameContentSameSignatureBytes) {
    const auto signer = open_pkcs12(pki_.p12, pki_.password);
    Sha256 digest{};
    EXPECT_EQ(pades_signed_data(*signer, digest), pades_signed_data(*signer, digest));
}

TEST_F(CmsTest, EcKeysSignToo) {
    std::string log;
    std::filesystem::create_directories(dir_ / "ec");
    testing::TestPki ec;
    ASSERT_TRUE(testing::make_test_pki(dir_ / "ec", ec, log, "ec")) << log;
    pki_ = ec;
    const auto signer = open_pkcs12(ec.p12, ec.password);
    const auto sig = sign_content(*signer, "bytes signed with P-256");
    EXPECT_EQ(verify(sig, dir_ / "content.bin"), "ok");
}

std::string failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::Failure& e) {
        return e.diagnostics().front().code + ": " + e.diagnostics().front().message;
    }
    return "no error";
}

TEST_F(CmsTest, WrongPasswordSaysSo) {
    const auto msg = failure_of([&] { open_pkcs12(pki_.p12, "sai-mat-khau"); });
    EXPECT_NE(msg.find("sign.key"), std::string::npos) << msg;
    EXPECT_NE(msg.find("password is wrong"), std::string::npos) << msg;
}

TEST_F(CmsTest, NotAKeyFileSaysSo) {
    EXPECT_NE(failure_of([&] {
                  open_pkcs12(pki_.ca_cert, pki_.password);
              }).find("not a PKCS#12 key file"),
              std::string::npos);
    EXPECT_NE(
        failure_of([&] { open_pkcs12(dir_ / "missing.p12", pki_.password); }).find("no such file"),
        std::string::npos);
}

}  // namespace
}  // namespace vanthu::sign
