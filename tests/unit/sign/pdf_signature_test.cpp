#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/diagnostics.hpp"
#include "render/pdf_update.hpp"
#include "tools/hand_made_pdf.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"
#include "unit/sign/sample_pdf.hpp"

namespace vanthu::sign {
namespace {

using testing::occurrences;
using testing::run;
using testing::shell_quote;

class PdfSignatureTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(testing::make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(testing::make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
        signer_ = open_pkcs12(pki_.p12, pki_.password);
    }

    std::filesystem::path write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
        return dir_ / name;
    }

    SignatureDetails details() const {
        SignatureDetails d;
        d.signer_name = pki_.signer_name;
        d.organisation = pki_.organisation;
        d.location = "Hà Nội";
        d.pdf_time = pdf_time_vietnam(1796601600);  // 2026-12-07 00:00 UTC
        d.place = {2, 330, 120, 200, 90};
        return d;
    }

    testing::TestPki pki_;
    std::unique_ptr<Signer> signer_;
};

TEST_F(PdfSignatureTest, PdfsigFindsTheSignatureValidAndTheCertificateTrusted) {
    const auto pdf = write("signed.pdf", sign_pdf(two_page_pdf(), *signer_, details()));
    const auto r = testing::pdfsig(pdf, dir_ / "nss");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("Signature is Valid"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Certificate is Trusted"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("ETSI.CAdES.detached"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Total document signed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(pki_.signer_name), std::string::npos) << r.output;
    EXPECT_EQ(run("qpdf --check " + shell_quote(pdf.string())).status, 0);
}

TEST_F(PdfSignatureTest, TheSignedBytesVerifyWithOpensslToo) {
    const std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    const auto pdf = write("signed.pdf", signed_pdf);
    ASSERT_EQ(run("cd " + shell_quote(dir_.string()) + " && pdfsig -dump signed.pdf").status, 0);
    // The signed bytes: everything but the /Contents hex string, from /ByteRange.
    const size_t at = signed_pdf.rfind("/ByteRange [");
    long long a = 0, b = 0, c = 0, d = 0;
    ASSERT_EQ(
        std::sscanf(signed_pdf.c_str() + at, "/ByteRange [%lld %lld %lld %lld]", &a, &b, &c, &d),
        4);
    EXPECT_EQ(static_cast<size_t>(c + d), signed_pdf.size());
    write("ranges.bin", signed_pdf.substr(a, b) + signed_pdf.substr(c, d));
    const auto r = run("openssl cms -verify -binary -inform DER -in " +
                           shell_quote((dir_ / "signed.pdf.sig0").string()) + " -content " +
                           shell_quote((dir_ / "ranges.bin").string()) + " -CAfile " +
                           shell_quote(pki_.ca_cert.string()) + " -purpose any -out /dev/null",
                       true);
    EXPECT_EQ(r.status, 0) << r.output;
}

TEST_F(PdfSignatureTest, OneFlippedByteIsReported) {
    std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    const size_t text = signed_pdf.find("/MediaBox");
    ASSERT_NE(text, std::string::npos);
    signed_pdf[text + 1] = 'm';
    const auto r = testing::pdfsig(write("tampered.pdf", signed_pdf), dir_ / "nss");
    EXPECT_EQ(r.output.find("Signature is Valid"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Digest Mismatch"), std::string::npos) << r.output;
}

TEST_F(PdfSignatureTest, ASecondSignatureLeavesTheFirstValid) {
    auto second = details();
    second.place = {2, 60, 120, 200, 90};
    const std::string once = sign_pdf(two_page_pdf(), *signer_, details());
    const auto pdf = write("twice.pdf", sign_pdf(once, *signer_, second));
    const auto r = testing::pdfsig(pdf, dir_ / "nss");
    EXPECT_EQ(occurrences(r.output, "Signature is Valid"), 2) << r.output;
    // The first covers the file as it was; the last covers all of it.
    EXPECT_EQ(occurrences(r.output, "Total document signed"), 1) << r.output;
    EXPECT_EQ(run("qpdf --check " + shell_quote(pdf.string())).status, 0);
}

TEST_F(PdfSignatureTest, SameInputSameBytes) {
    const std::string pdf = two_page_pdf();
    EXPECT_EQ(sign_pdf(pdf, *signer_, details()), sign_pdf(pdf, *signer_, details()));
}

TEST_F(PdfSignatureTest, RefusesWhatItCannotSign) {
    auto code_of = [&](const std::string& pdf, SignatureDetails d) -> std::string {
        try {
            sign_pdf(pdf, *signer_, d);
        } catch (const core::Failure& f) {
            return f.diagnostics().front().code + ": " + f.diagnostics().front().message;
        }
        return "signed";
    };
    auto no_page = details();
    no_page.place.page = 3;
    EXPECT_NE(code_of(two_page_pdf(), no_page).find("has no page 3"), std::string::npos);
    EXPECT_NE(code_of("not a pdf", details()).find("sign.pdf"), std::string::npos);
}

// A syntax error past the trailer (here arrays nested past core::limits::kPdfNesting in the
// catalog) is the file's fault, told as sign.pdf by both commands, not as the engine's own
// render.pdf.
TEST_F(PdfSignatureTest, AnUnreadableCatalogIsTheFilesFault) {
    const std::string deep = " /X " + std::string(5000, '[') + std::string(5000, ']');
    const std::string pdf = testing::hand_made_pdf("<< /Size 5 /Root 1 0 R >>", deep);
    auto failure_of = [](auto&& run) -> std::string {
        try {
            run();
        } catch (const core::Failure& f) {
            return f.diagnostics().front().code + ": " + f.diagnostics().front().message;
        }
        return "no failure";
    };
    const auto signing = failure_of([&] { sign_pdf(pdf, *signer_, details()); });
    const auto checking = failure_of([&] { verify_pdf(pdf, {}); });
    EXPECT_TRUE(signing.starts_with("sign.pdf: ")) << signing;
    EXPECT_NE(signing.find("nested more than 100 deep"), std::string::npos) << signing;
    EXPECT_TRUE(checking.starts_with("sign.pdf: ")) << checking;
}

TEST_F(PdfSignatureTest, VerifyReportsSignerTimeIntactAndTrusted) {
    const std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    const auto checks = verify_pdf(signed_pdf, pki_.ca_cert);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].intact) << checks[0].problem;
    EXPECT_EQ(checks[0].signer, pki_.signer_name);
    EXPECT_EQ(checks[0].organisation, pki_.organisation);
    EXPECT_EQ(checks[0].time, "2026-12-07T07:00:00+07:00");
    EXPECT_EQ(checks[0].field, "Chữ ký 1");
    EXPECT_EQ(checks[0].sub_filter, "ETSI.CAdES.detached");
    EXPECT_EQ(checks[0].after, "nothing");
    EXPECT_EQ(checks[0].chain, "trusted");
    EXPECT_EQ(verify_pdf(signed_pdf, {})[0].chain, "not checked");
    // Another authority does not vouch for this signer.
    std::string log;
    testing::TestPki other;
    std::filesystem::create_directories(dir_ / "other");
    ASSERT_TRUE(testing::make_test_pki(dir_ / "other", other, log)) << log;
    EXPECT_NE(verify_pdf(signed_pdf, other.ca_cert)[0].chain, "trusted");
    EXPECT_TRUE(verify_pdf(two_page_pdf(), {}).empty());
}

TEST_F(PdfSignatureTest, VerifyTellsALaterSignatureFromALaterChange) {
    const std::string once = sign_pdf(two_page_pdf(), *signer_, details());
    const std::string twice = sign_pdf(once, *signer_, details());
    auto checks = verify_pdf(twice, {});
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_TRUE(checks[0].intact && checks[1].intact);
    EXPECT_EQ(checks[0].after, "signatures");
    EXPECT_EQ(checks[1].after, "nothing");

    // An update after the signature that changes a page's content box: the signature is
    // intact, but the document was changed after it.
    const auto tail = render::read_tail_chain(once);
    int page = 0;
    for (const auto& [number, offset] : tail.offsets) {
        const auto dict = render::object_dictionary(once, tail, number);
        if (dict.find("/Type /Page ") != std::string::npos ||
            dict.find("/Type /Page\n") != std::string::npos) {
            page = number;
            break;
        }
    }
    ASSERT_NE(page, 0);
    std::string changed_page = render::object_dictionary(once, tail, page);
    changed_page.replace(changed_page.find("/MediaBox"), 9, "/CropBox [0 0 10 10] /MediaBox");
    const std::string altered = render::append_update(once, tail, {{page, 0, changed_page}});
    checks = verify_pdf(altered, {});
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].intact);
    EXPECT_EQ(checks[0].after, "changes");
}

TEST_F(PdfSignatureTest, VerifyFindsAFlippedByte) {
    std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    signed_pdf[signed_pdf.find("/MediaBox") + 1] = 'm';
    const auto checks = verify_pdf(signed_pdf, pki_.ca_cert);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_FALSE(checks[0].intact);
    EXPECT_NE(checks[0].problem.find("changed"), std::string::npos) << checks[0].problem;
}

// A /ByteRange whose numbers add up past the largest integer is a bad range, not an overflow.
TEST_F(PdfSignatureTest, VerifyRefusesAByteRangePastTheFile) {
    std::string signed_pdf = sign_pdf(two_page_pdf(), *signer_, details());
    // The range is written into a placeholder of 36 characters, padded with spaces.
    const size_t at = signed_pdf.find("/ByteRange [") + 11;
    std::string huge = "[0 1 9223372036854775807 999]";
    huge.resize(36, ' ');
    signed_pdf.replace(at, huge.size(), huge);
    const auto checks = verify_pdf(signed_pdf, {});
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_FALSE(checks[0].intact);
    EXPECT_NE(checks[0].problem.find("/ByteRange"), std::string::npos) << checks[0].problem;
    EXPECT_EQ(checks[0].chain, "not checked");
}

TEST(PdfTime, VietnamIsSevenHoursAheadOfUtc) {
    EXPECT_EQ(pdf_time_vietnam(1796601600), "D:20261207070000+07'00'");
    EXPECT_EQ(pdf_time_vietnam(1796601600 + 17 * 3600), "D:20261208000000+07'00'");
}

}  // namespace
}  // namespace vanthu::sign
