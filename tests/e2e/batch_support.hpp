// Test support for "vanthu batch": a small batch (four district plans over the ke-hoach
// example), and reading back what it wrote.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "batch/sha256.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace vanthu::testing {

inline const std::filesystem::path kBatchSource = VANTHU_SOURCE_DIR;
inline const std::string kBatchCli = VANTHU_CLI;

// Four rows; each has its own number and recipients.
inline std::string four_rows_jsonl() {
    return R"({"ma": "ba-dinh", "so": "61", "noi_nhan": ["Quận ủy Ba Đình", "Hội LHPN quận Ba Đình"]}
{"ma": "hoan-kiem", "so": "62", "noi_nhan": ["Quận ủy Hoàn Kiếm", "Hội LHPN quận Hoàn Kiếm"]}
{"ma": "son-tay", "so": "63", "noi_nhan": ["Thị ủy Sơn Tây", "Hội LHPN thị xã Sơn Tây"]}
{"ma": "ba-vi", "so": "64", "noi_nhan": ["Huyện ủy Ba Vì", "Hội LHPN huyện Ba Vì"]}
)";
}

class BatchTest : public TempDirTest {
  protected:
    BatchTest() : TempDirTest("batch-") {}

    void SetUp() override {
        TempDirTest::SetUp();
        common_ = (kBatchSource / "templates/ke-hoach/example.yaml").string();
        rows_ = write("rows.jsonl", four_rows_jsonl());
    }

    std::filesystem::path write(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        return dir_ / name;
    }

    // "vanthu batch" with the common data, `rows` and `out` (a folder of the test folder).
    CommandResult batch(const std::string& extra, const std::string& out = "out",
                        const std::filesystem::path& rows = {}) {
        const auto r = rows.empty() ? rows_ : rows;
        return run(kBatchCli + " batch --data " + shell_quote(common_) + " --rows " +
                       shell_quote(r.string()) + " --out " + shell_quote((dir_ / out).string()) +
                       " --name '{{ma}}-ke-hoach.pdf' " + extra,
                   true);
    }

    nlohmann::json manifest(const std::string& out = "out",
                            const std::string& name = "manifest.json") {
        return nlohmann::json::parse(read_file(dir_ / out / name));
    }

    // File name -> SHA-256 of every PDF in `out`.
    std::map<std::string, std::string> hashes(const std::string& out = "out") {
        std::map<std::string, std::string> h;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir_ / out))
            if (e.path().extension() == ".pdf")
                h[std::filesystem::relative(e.path(), dir_ / out).string()] =
                    batch::sha256_file(e.path());
        return h;
    }

    std::string common_;
    std::filesystem::path rows_;
};

}  // namespace vanthu::testing
