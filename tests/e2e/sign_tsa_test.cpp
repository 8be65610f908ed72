// Timestamped signatures (PAdES B-T, issue 19): vanthu render --sign --tsa and vanthu sign --tsa
// against a local RFC 3161 authority (openssl ts behind a loopback HTTP listener of the test),
// checked by pdfsig, openssl cms -verify and openssl ts -verify; and what happens when the
// authority is down or answers for other bytes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ctime>

#include "tools/pdf_probe.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/temp_dir_test.hpp"
#include "tools/test_pki.hpp"
#include "tools/test_tsa.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

// One element of `openssl asn1parse` output: where it starts, its header and content lengths.
struct Element {
    long offset = 0, header = 0, length = 0;
    std::string line;
};

std::vector<Element> asn1_elements(const fs::path& der) {
    std::vector<Element> out;
    const auto text = run("openssl asn1parse -inform DER -in " + shell_quote(der.string())).output;
    size_t at = 0;
    while (at < text.size()) {
        const size_t end = text.find('\n', at);
        const std::string line = text.substr(at, end - at);
        Element e;
        if (std::sscanf(line.c_str(), " %ld:d=%*d hl=%ld l=%ld", &e.offset, &e.header, &e.length) ==
            3) {
            e.line = line;
            out.push_back(e);
        }
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return out;
}

class SignTsa : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        std::string log;
        ASSERT_TRUE(make_test_pki(dir_, pki_, log)) << log;
        ASSERT_TRUE(make_test_tsa_keys(dir_, tsa_keys_, log)) << log;
        ASSERT_TRUE(make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
    }

    // vanthu with the key's password in the environment, without a terminal; the signing time
    // is the clock's (no SOURCE_DATE_EPOCH), as when a clerk signs.
    CommandResult vanthu(const std::string& args) {
        // no_proxy: the test authority is on this machine even where a proxy is set.
        return run("env -u SOURCE_DATE_EPOCH no_proxy=127.0.0.1 VANTHU_P12_PASSWORD=" +
                       shell_quote(pki_.password) + " setsid -w " + kCli + " " + args,
                   true);
    }
    std::string sample() const {
        return shell_quote((kSource / "samples/cong-van-576/data.yaml").string());
    }
    std::string signing(const std::string& tsa_url) const {
        return " --sign --p12 " + shell_quote(pki_.p12.string()) + " --tsa " + tsa_url;
    }

    TestPki pki_;
    TestTsaKeys tsa_keys_;
};

TEST_F(SignTsa, RenderSignTsaIsValidAndTheTokenStampsTheSignatureValue) {
    TestTsa tsa(dir_, tsa_keys_);
    ASSERT_TRUE(tsa.running());
    const auto out = dir_ / "signed.pdf";
    const auto r =
        vanthu("render " + sample() + signing(tsa.url()) + " -o " + shell_quote(out.string()));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_GE(tsa.requests(), 1);
    const auto check = pdfsig(out, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos) << check.output;
    EXPECT_EQ(run("qpdf --check " + shell_quote(out.string())).status, 0);

    // The CMS over the signed bytes, with openssl.
    ASSERT_EQ(run("cd " + shell_quote(dir_.string()) + " && pdfsig -dump signed.pdf").status, 0);
    const auto cms = dir_ / "signed.pdf.sig0";
    const std::string bytes = read_file(out);
    const size_t at = bytes.rfind("/ByteRange [");
    long long a = 0, b = 0, c = 0, d = 0;
    ASSERT_EQ(std::sscanf(bytes.c_str() + at, "/ByteRange [%lld %lld %lld %lld]", &a, &b, &c, &d),
              4);
    write_file(dir_ / "ranges.bin", bytes.substr(a, b) + bytes.substr(c, d));
    const auto v =
        run("openssl cms -verify -binary -inform DER -in " + shell_quote(cms.string()) +
                " -content " + shell_quote((dir_ / "ranges.bin").string()) + " -CAfile " +
                shell_quote(pki_.ca_cert.string()) + " -purpose any -out /dev/null",
            true);
    EXPECT_EQ(v.status, 0) << v.output;

    // The token, found by openssl asn1parse: the element after the attribute's OID
    // id-smime-aa-timeStampToken; the signature value: the last OCTET STRING before it.
    const auto elements = asn1_elements(cms);
    size_t oid = 0;
    for (size_t i = 0; i < elements.size(); ++i)
        if (elements[i].line.find(":id-smime-aa-timeStampToken") != std::string::npos) oid = i;
    ASSERT_GT(oid, 0u) << "no signature-time-stamp attribute";
    ASSERT_LT(oid + 2, elements.size());
    const Element& token = elements[oid + 2];  // the SET's one member
    const std::string der = read_file(cms);
    write_file(dir_ / "token.der", der.substr(token.offset, token.header + token.length));
    Element value;
    for (size_t i = 0; i < oid; ++i)
        if (elements[i].line.find("prim: OCTET STRING") != std::string::npos) value = elements[i];
    write_file(dir_ / "value.bin", der.substr(value.offset + value.header, value.length));
    EXPECT_EQ(value.length, 256);  // an RSA-2048 signature
    const auto stamp =
        run("openssl ts -verify -token_in -in " + shell_quote((dir_ / "token.der").string()) +
                " -data " + shell_quote((dir_ / "value.bin").string()) + " -CAfile " +
                shell_quote(pki_.ca_cert.string()) + " -untrusted " +
                shell_quote(tsa_keys_.cert.string()),
            true);
    EXPECT_NE(stamp.output.find("Verification: OK"), std::string::npos) << stamp.output;

    // vanthu verify shows the token's time, in Vietnam's time, and that it stamps this
    // signature; pdfsig's signing time (/M, the clock's) is the same moment, within a minute.
    const auto text = run("openssl ts -reply -token_in -in " +
                          shell_quote((dir_ / "token.der").string()) + " -token_out -text")
                          .output;
    std::tm tm{};
    char month[4] = {};
    const size_t line = text.find("Time stamp: ");
    ASSERT_NE(line, std::string::npos) << text;
    ASSERT_EQ(std::sscanf(text.c_str() + line, "Time stamp: %3s %d %d:%d:%d %d", month, &tm.tm_mday,
                          &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tm.tm_year),
              6)
        << text;
    const std::string months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    tm.tm_mon = static_cast<int>(months.find(month) / 3);
    tm.tm_year -= 1900;
    const std::time_t utc = timegm(&tm);
    std::time_t local = utc + 7 * 3600;
    std::tm vn{};
    gmtime_r(&local, &vn);
    char expected[40];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%S+07:00", &vn);
    const auto report = vanthu("verify " + shell_quote(out.string()) + " --ca-file " +
                               shell_quote(pki_.ca_cert.string()));
    EXPECT_EQ(report.status, 0) << report.output;
    EXPECT_NE(
        report.output.find(std::string("timestamp:    ") + expected + " by " + tsa_keys_.name +
                           " (it stamps this signature; its authority is trusted)"),
        std::string::npos)
        << report.output;
    const auto json = vanthu("verify " + shell_quote(out.string()) + " --json");
    EXPECT_NE(json.output.find(std::string("\"timestamp\": \"") + expected + "\""),
              std::string::npos)
        << json.output;
    EXPECT_NE(json.output.find("\"timestamp_problem\": \"\""), std::string::npos) << json.output;
    // pdfsig prints the time in its process's zone: UTC here.
    const auto utc_check = run("TZ=UTC pdfsig " + shell_quote(out.string()), true);
    std::tm shown{};
    const size_t when = utc_check.output.find("Signing Time: ");
    ASSERT_NE(when, std::string::npos) << utc_check.output;
    ASSERT_EQ(
        std::sscanf(utc_check.output.c_str() + when, "Signing Time: %3s %d %d %d:%d:%d", month,
                    &shown.tm_mday, &shown.tm_year, &shown.tm_hour, &shown.tm_min, &shown.tm_sec),
        6)
        << utc_check.output;
    shown.tm_mon = static_cast<int>(months.find(month) / 3);
    shown.tm_year -= 1900;
    EXPECT_LE(std::abs(std::difftime(timegm(&shown), utc)), 60) << utc_check.output << text;
}

TEST_F(SignTsa, SignAFinishedPdfWithATimestamp) {
    TestTsa tsa(dir_, tsa_keys_);
    const auto plain = dir_ / "plain.pdf", out = dir_ / "signed.pdf";
    ASSERT_EQ(vanthu("render " + sample() + " -o " + shell_quote(plain.string())).status, 0);
    const auto r =
        vanthu("sign " + shell_quote(plain.string()) + " -o " + shell_quote(out.string()) +
               " --p12 " + shell_quote(pki_.p12.string()) + " --tsa " + tsa.url());
    ASSERT_EQ(r.status, 0) << r.output;
    const auto check = pdfsig(out, dir_ / "nss");
    EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos) << check.output;
    // What went over the wire: the reply answers the request (openssl's own check).
    const auto v = run("openssl ts -verify -queryfile " + shell_quote(tsa.last_query().string()) +
                           " -in " + shell_quote(tsa.last_reply().string()) + " -CAfile " +
                           shell_quote(pki_.ca_cert.string()) + " -untrusted " +
                           shell_quote(tsa_keys_.cert.string()),
                       true);
    EXPECT_NE(v.output.find("Verification: OK"), std::string::npos) << v.output;
    const auto report = vanthu("verify " + shell_quote(out.string()));
    EXPECT_NE(report.output.find("(it stamps this signature)"), std::string::npos) << report.output;
}

// A timestamp whose authority is not among --ca-file's: the signature is not good.
TEST_F(SignTsa, ATimestampOfAnUntrustedAuthorityIsReported) {
    TestPki other;
    TestTsaKeys other_tsa;
    std::string log;
    fs::create_directories(dir_ / "other");
    ASSERT_TRUE(make_test_pki(dir_ / "other", other, log)) << log;
    ASSERT_TRUE(make_test_tsa_keys(dir_ / "other", other_tsa, log)) << log;
    TestTsa tsa(dir_ / "other", other_tsa);
    const auto out = dir_ / "signed.pdf";
    ASSERT_EQ(vanthu("render " + sample() + signing(tsa.url()) + " -o " + shell_quote(out.string()))
                  .status,
              0);
    auto v = vanthu("verify " + shell_quote(out.string()) + " --ca-file " +
                    shell_quote(pki_.ca_cert.string()));
    EXPECT_EQ(v.status, 1) << v.output;
    EXPECT_NE(v.output.find("certificate:  trusted"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("NOT GOOD: its authority's certificate is not trusted"),
              std::string::npos)
        << v.output;
    write_file(dir_ / "both.pem", read_file(pki_.ca_cert) + read_file(other.ca_cert));
    v = vanthu("verify " + shell_quote(out.string()) + " --ca-file " +
               shell_quote((dir_ / "both.pem").string()));
    EXPECT_EQ(v.status, 0) << v.output;
}

TEST_F(SignTsa, AnAuthorityThatIsDownIsAClearErrorAndNothingIsWritten) {
    const auto out = dir_ / "signed.pdf";
    const std::string url = TestTsa::unreachable_url();
    auto r = vanthu("render " + sample() + signing(url) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.tsa]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("cannot reach the timestamp authority " + url), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("check the --tsa address"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
    const auto plain = dir_ / "plain.pdf";
    ASSERT_EQ(vanthu("render " + sample() + " -o " + shell_quote(plain.string())).status, 0);
    r = vanthu("sign " + shell_quote(plain.string()) + " -o " + shell_quote(out.string()) +
               " --p12 " + shell_quote(pki_.p12.string()) + " --tsa " + url);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.tsa]"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(SignTsa, AReplyForOtherBytesIsRefused) {
    TestTsa tsa(dir_, tsa_keys_, TestTsa::Mode::other_imprint);
    const auto out = dir_ / "signed.pdf";
    const auto r =
        vanthu("render " + sample() + signing(tsa.url()) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[sign.tsa]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("is not for this signature"), std::string::npos) << r.output;
    EXPECT_EQ(tsa.requests(), 1);
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(SignTsa, ARejectionIsRefusedWithTheReason) {
    TestTsa tsa(dir_, tsa_keys_, TestTsa::Mode::rejecting);
    const auto out = dir_ / "signed.pdf";
    const auto r =
        vanthu("render " + sample() + signing(tsa.url()) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("refused to timestamp the signature (rejected"), std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
