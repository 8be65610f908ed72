// vanthu::run_batch as a library: outputs handed over in row order, failures counted and the
// first of them kept, and a rows file that changes during the run.
#include <fstream>

#include "batch_support.hpp"
#include "vanthu/batch.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

class BatchApiTest : public BatchTest {
  protected:
    BatchOptions options(int jobs) {
        BatchOptions o;
        o.common_data = common_;
        o.rows_file = rows_;
        o.out_dir = dir_ / "out";
        o.name_pattern = "{{ma}}-ke-hoach.pdf";
        o.jobs = jobs;
        return o;
    }
};

TEST_F(BatchApiTest, OutputsAreHandedOverInRowOrder) {
    for (int jobs : {1, 2}) {
        fs::remove_all(dir_ / "out");
        BatchOptions o = options(jobs);
        std::vector<BatchOutput> outputs;
        o.on_output = [&](const BatchOutput& out) { outputs.push_back(out); };
        const BatchReport report = run_batch(o);
        EXPECT_EQ(report.written, 4);
        EXPECT_EQ(report.failed, 0);
        ASSERT_EQ(outputs.size(), 4u) << jobs;
        for (int i = 0; i < 4; ++i) {
            EXPECT_EQ(outputs[static_cast<size_t>(i)].row, i + 1);
            EXPECT_EQ(outputs[static_cast<size_t>(i)].sha256,
                      batch::sha256_file(dir_ / "out" / outputs[static_cast<size_t>(i)].file));
        }
        EXPECT_EQ(outputs[2].file, "son-tay-ke-hoach.pdf");
        EXPECT_FALSE(outputs[0].skipped);
    }
    // Again: every output is up to date and still handed over.
    BatchOptions o = options(2);
    int skipped = 0;
    o.on_output = [&](const BatchOutput& out) { skipped += out.skipped ? 1 : 0; };
    EXPECT_EQ(run_batch(o).skipped, 4);
    EXPECT_EQ(skipped, 4);
}

// -j 1000 for four rows forks four workers, not a thousand (issue 17).
TEST_F(BatchApiTest, NeverMoreWorkersThanRows) {
    const BatchReport report = run_batch(options(1000));
    EXPECT_EQ(report.written, 4);
    EXPECT_EQ(report.workers, 4);
    fs::remove_all(dir_ / "out");
    EXPECT_EQ(run_batch(options(2)).workers, 2);
}

// Every failure is counted and in the manifest; the report keeps the first hundred, by row.
TEST_F(BatchApiTest, ReportKeepsTheFirstHundredFailures) {
    std::string rows;
    for (int i = 1; i <= 103; ++i)
        rows += "{\"ma\": \"d" + std::to_string(i) + "\", \"so\": \"" + std::to_string(i) +
                "\", \"ngay\": \"x\", \"noi_nhan\": [\"A\"]}\n";
    rows_ = write("bad.jsonl", rows);
    const BatchReport report = run_batch(options(2));
    EXPECT_EQ(report.failed, 103);
    EXPECT_EQ(report.written, 0);
    ASSERT_EQ(report.failures.size(), 100u);
    EXPECT_EQ(report.failures.front().row, 1);
    EXPECT_EQ(report.failures.back().row, 100);
    const auto m = manifest();
    ASSERT_EQ(m["failures"].size(), 103u);
    EXPECT_EQ(m["failures"][102]["row"], 103);
}

// The rows are read again as they are handed out; a rows file changed after the check stops
// the batch before any row is rendered.
TEST_F(BatchApiTest, RowsFileChangedAfterTheCheckStopsTheBatch) {
    BatchOptions o = options(1);
    bool changed = false;
    o.on_progress = [&](const BatchProgress&) {
        if (changed) return;
        changed = true;
        std::ofstream(rows_, std::ios::app) << R"({"ma": "ba-dinh", "so": "65"})" << '\n';
    };
    try {
        run_batch(o);
        FAIL() << "the batch went on";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostics().front().code, "batch.rows") << e.what();
    }
    EXPECT_TRUE(hashes().empty());
}

}  // namespace
