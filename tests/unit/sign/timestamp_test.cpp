// RFC 3161 timestamps (PAdES B-T) without a network: the authority is `openssl ts -reply` run
// on each request the code makes (the HTTP side is in tests/e2e/sign_tsa_test.cpp).
#include "sign/timestamp.hpp"

#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"
#include "unit/sign/sample_pdf.hpp"

namespace vanthu::sign {
namespace {

using testing::read_file;
using testing::run;
using testing::shell_quote;
using testing::write_file;

class TimestampTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(testing::make_test_tsa_keys(dir_, tsa_, log)) << log;
        ASSERT_TRUE(testing::make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
        signer_ = open_pkcs12(pki_.p12, pki_.password);
    }

    // The authority's reply to the request `query`, or to a request of its own made with
    // `other_request` (openssl ts -query options) when given.
    std::string reply(const std::string& query, const std::string& other_request = "") {
        const auto q = dir_ / "q.tsq", r = dir_ / "r.tsr";
        if (other_request.empty())
            write_file(q, query);
        else
            run("openssl ts -query " + other_request + " -out " + shell_quote(q.string()));
        const auto made =
            run("openssl ts -reply -config " + shell_quote(tsa_.config.string()) + " -queryfile " +
                    shell_quote(q.string()) + " -out " + shell_quote(r.string()),
                true);
        EXPECT_EQ(made.status, 0) << made.output;
        ++requests_;
        return read_file(r);
    }

    TsaPost honest() {
        return [this](const std::string& query) { return reply(query); };
    }

    // The sign.tsa message timestamp_token gives for replies of `post`; empty if none.
    std::string refusal(const TsaPost& post) {
        try {
            timestamp_token("chữ ký", "http://tsa.test/", post);
        } catch (const core::Failure& f) {
            EXPECT_EQ(f.diagnostics().front().code, "sign.tsa");
            return f.diagnostics().front().message;
        }
        return {};
    }

    testing::TestPki pki_;
    testing::TestTsaKeys tsa_;
    std::unique_ptr<Signer> signer_;
    int requests_ = 0;
};

TEST_F(TimestampTest, TheTokenStampsTheSha256OfTheSignatureValue) {
    const std::string value = "giá trị chữ ký";
    const std::string token = timestamp_token(value, "http://tsa.test/", honest());
    write_file(dir_ / "token.der", token);
    write_file(dir_ / "value.bin", value);
    // openssl checks the imprint against the data and the token's chain up to the test CA.
    const auto r = run(
        "openssl ts -verify -token_in -in " + shell_quote((dir_ / "token.der").string()) +
            " -data " + shell_quote((dir_ / "value.bin").string()) + " -CAfile " +
            shell_quote(pki_.ca_cert.string()) + " -untrusted " + shell_quote(tsa_.cert.string()),
        true);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("Verification: OK"), std::string::npos) << r.output;
    const TimestampInfo info = read_timestamp(token, value);
    EXPECT_TRUE(info.imprint_matches);
    EXPECT_EQ(info.authority, tsa_.name);
    EXPECT_TRUE(info.time.ends_with("+07:00")) << info.time;
    EXPECT_FALSE(read_timestamp(token, value + "!").imprint_matches);
    EXPECT_EQ(info.chain, "not checked");

    // Against the test CA, the authority is trusted; against another CA, it is not.
    auto chain_against = [&](const std::filesystem::path& ca) {
        X509_STORE* store = X509_STORE_new();
        EXPECT_EQ(X509_STORE_load_file(store, ca.c_str()), 1);
        const std::string chain = read_timestamp(token, value, store).chain;
        X509_STORE_free(store);
        return chain;
    };
    EXPECT_EQ(chain_against(pki_.ca_cert), "trusted");
    testing::TestPki other;
    std::string log;
    std::filesystem::create_directories(dir_ / "other");
    ASSERT_TRUE(testing::make_test_pki(dir_ / "other", other, log)) << log;
    // The token carries the test CA's certificate (openssl ts's "certs"): a root not trusted.
    EXPECT_EQ(chain_against(other.ca_cert), "self-signed certificate in certificate chain");
}

TEST_F(TimestampTest, AReplyForOtherBytesIsRefused) {
    const std::string why = refusal([this](const std::string&) {
        return reply("", "-data " + shell_quote(tsa_.config.string()) + " -sha256 -cert");
    });
    EXPECT_NE(why.find("not for this signature"), std::string::npos) << why;
}

TEST_F(TimestampTest, ARejectionIsReportedWithTheAuthoritysReason) {
    // SHA-1 is not among the digests this authority takes: status rejection, badAlg.
    const std::string why = refusal([this](const std::string&) {
        return reply("", "-data " + shell_quote(tsa_.config.string()) + " -sha1 -cert");
    });
    EXPECT_NE(why.find("refused to timestamp"), std::string::npos) << why;
    EXPECT_NE(why.find("rejected"), std::string::npos) << why;
}

TEST_F(TimestampTest, AReplyThatIsNoTimestampIsRefused) {
    const std::string why =
        refusal([](const std::string&) { return std::string("<html>Not here</html>"); });
    EXPECT_NE(why.find("did not answer with a timestamp"), std::string::npos) << why;
}

TEST_F(TimestampTest, NoAuthorityListeningIsAClearError) {
    try {
        post_to_tsa("http://127.0.0.1:9/tsa", "x");  // the discard port: nothing listens
        FAIL() << "no error";
    } catch (const core::Failure& f) {
        EXPECT_EQ(f.diagnostics().front().code, "sign.tsa");
        EXPECT_NE(f.diagnostics().front().message.find("cannot reach"), std::string::npos)
            << f.diagnostics().front().message;
    }
    try {
        post_to_tsa("ftp://tsa.test/", "x");
        FAIL() << "no error";
    } catch (const core::Failure& f) {
        EXPECT_NE(f.diagnostics().front().message.find("not an http://"), std::string::npos);
    }
}

SignatureDetails details() {
    SignatureDetails d;
    d.pdf_time = pdf_time_vietnam(1796601600);
    d.place = {1, 330, 120, 200, 90};
    return d;
}

TEST_F(TimestampTest, ASignedPdfCarriesTheTokenAndStaysValid) {
    auto d = details();
    d.timestamp = [this](std::string_view value) {
        return timestamp_token(value, "http://tsa.test/", honest());
    };
    const auto pdf = dir_ / "signed.pdf";
    write_file(pdf, sign_pdf(two_page_pdf(), *signer_, d));
    const auto check = testing::pdfsig(pdf, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + shell_quote(pdf.string())).status, 0);
    const auto found = verify_pdf(read_file(pdf), pki_.ca_cert);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].intact) << found[0].problem;
    EXPECT_TRUE(found[0].timestamp.present);
    EXPECT_TRUE(found[0].timestamp.imprint_matches) << found[0].timestamp.problem;
}

// /Contents is sized before the token exists. A token larger than the room left for it has the
// document signed again with room for it: never a signature cut short.
TEST_F(TimestampTest, ATokenLargerThanItsRoomIsSignedAgainNeverCutShort) {
    int calls = 0;
    auto d = details();
    d.timestamp = [&calls](std::string_view) {
        ++calls;
        // A DER SEQUENCE of 40,000 bytes: larger than any room an earlier test left.
        std::string content = "\x04\x82\x9c\x3c" + std::string(40000 - 4, '\x5a');
        return "\x30\x82\x9c\x40" + content;
    };
    const std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, d);
    EXPECT_EQ(calls, 2);
    write_file(dir_ / "signed.pdf", signed_pdf);
    const auto found = verify_pdf(signed_pdf, pki_.ca_cert);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].intact) << found[0].problem;
    EXPECT_EQ(found[0].chain, "trusted");
    EXPECT_TRUE(found[0].timestamp.present);
    EXPECT_FALSE(found[0].timestamp.problem.empty());  // not a real token: said so
    // The next signature of this process starts with room for such a token: one call.
    calls = 0;
    sign_pdf(two_page_pdf(), *signer_, d);
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace vanthu::sign
