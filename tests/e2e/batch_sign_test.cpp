// vanthu batch --sign (issue 19): every document of a batch signed, with a key in a PKCS#12
// file or in a PKCS#11 token, the key opened once per worker process (not once per row), the
// password or PIN from the environment and never in the manifest.
#include <regex>

#include "batch_support.hpp"
#include "tools/pdfsig_check.hpp"
#include "tools/test_pki.hpp"
#include "tools/test_token.hpp"
#include "tools/test_tsa.hpp"
#include "vanthu/batch.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

class BatchSign : public BatchTest {
  protected:
    void SetUp() override {
        BatchTest::SetUp();
        std::string log;
        fs::create_directories(dir_ / "pki");
        ASSERT_TRUE(make_test_pki(dir_ / "pki", pki_, log)) << log;
        ASSERT_TRUE(make_nss_db(dir_ / "nss", pki_.ca_cert, log)) << log;
        // Three rows: two workers share them, so one of them signs two documents.
        const std::string four = four_rows_jsonl();
        rows_ = write("rows.jsonl", four.substr(0, four.rfind("{\"ma\"")));
    }

    // Every PDF of `out`, each checked by pdfsig: valid, trusted, the test signer's.
    void expect_signed(const std::string& out = "out") {
        int count = 0;
        for (const auto& e : fs::directory_iterator(dir_ / out)) {
            if (e.path().extension() != ".pdf") continue;
            ++count;
            const auto check = pdfsig(e.path(), dir_ / "nss");
            EXPECT_NE(check.output.find("Signature is Valid"), std::string::npos)
                << e.path() << check.output;
            EXPECT_NE(check.output.find("Certificate is Trusted"), std::string::npos)
                << check.output;
            EXPECT_NE(check.output.find(pki_.signer_name), std::string::npos) << check.output;
        }
        EXPECT_EQ(count, 3);
    }

    // vanthu batch of the rows into out/, signing with `flags`, `env` before it, no terminal.
    CommandResult signed_batch(const std::string& env, const std::string& flags) {
        return run(env + " setsid -w " + kBatchCli + " batch --data " + shell_quote(common_) +
                       " --rows " + shell_quote(rows_.string()) + " --out " +
                       shell_quote((dir_ / "out").string()) + " --name '{{ma}}-ke-hoach.pdf'" +
                       flags,
                   true);
    }

    TestPki pki_;
};

TEST_F(BatchSign, EveryDocumentSignedAndTimestampedTheKeyOpenedOncePerWorker) {
    TestTsaKeys tsa_keys;
    std::string log;
    ASSERT_TRUE(make_test_tsa_keys(dir_ / "pki", tsa_keys, log)) << log;
    TestTsa tsa(dir_ / "pki", tsa_keys);
    const std::string flags =
        " -j 2 --sign --p12 " + shell_quote(pki_.p12.string()) + " --tsa " + tsa.url();
    // Without the password and without a terminal to ask it on: refused before anything.
    const auto r = signed_batch("env -u VANTHU_P12_PASSWORD", flags);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("VANTHU_P12_PASSWORD"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    const auto signed_run =
        signed_batch("no_proxy=127.0.0.1 VANTHU_P12_PASSWORD=" + shell_quote(pki_.password), flags);
    ASSERT_EQ(signed_run.status, 0) << signed_run.output;
    EXPECT_NE(signed_run.output.find("batch: documents signed and timestamped; the signing key "
                                     "was opened 2 times by 2 workers"),
              std::string::npos)
        << signed_run.output;
    EXPECT_EQ(tsa.requests(), 3);
    expect_signed();
    const std::string manifest_text = read_file(dir_ / "out" / "manifest.json");
    EXPECT_EQ(manifest_text.find(pki_.password), std::string::npos);
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        if (e.path().extension() == ".pdf") {
            const auto v = run(kBatchCli + " verify " + shell_quote(e.path().string()), true);
            EXPECT_NE(v.output.find("(it stamps this signature)"), std::string::npos) << v.output;
        }
}

// The same through the library: BatchReport counts the key openings of the workers.
TEST_F(BatchSign, TheReportCountsOneKeyOpeningPerWorker) {
    BatchOptions o;
    o.common_data = common_;
    o.rows_file = rows_;
    o.out_dir = dir_ / "out";
    o.name_pattern = "{{ma}}-ke-hoach.pdf";
    o.jobs = 2;
    SignOptions key;
    key.p12_file = pki_.p12;
    key.p12_password = pki_.password;
    o.sign = key;
    const BatchReport report = run_batch(o);
    EXPECT_EQ(report.written, 3);
    EXPECT_EQ(report.workers, 2);
    EXPECT_EQ(report.signing_keys_opened, 2);
    expect_signed();
    // A signed batch is not the unsigned one: run unsigned, every document is made again.
    o.sign.reset();
    EXPECT_EQ(run_batch(o).written, 3);
    // A wrong password stops the batch before anything is written.
    o.sign = key;
    o.sign->p12_password = "sai";
    o.out_dir = dir_ / "wrong";
    try {
        run_batch(o);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostics().front().code, "sign.key");
    }
    EXPECT_FALSE(fs::exists(dir_ / "wrong"));
}

TEST_F(BatchSign, EveryDocumentSignedWithAKeyInAToken) {
    TestToken token;
    std::string log;
    ASSERT_TRUE(make_test_token(dir_ / "token", pki_, token, log)) << log;
    const auto r = signed_batch(token.env() + "VANTHU_PIN=" + token.pin,
                                " -j 2 --sign --pkcs11-module " + token.module + " --token " +
                                    token.label + " --key " + token.key_label);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("the signing key was opened 2 times by 2 workers"), std::string::npos)
        << r.output;
    expect_signed();
    EXPECT_EQ(read_file(dir_ / "out" / "manifest.json").find(token.pin), std::string::npos);
}

}  // namespace
