// manifest.json written from spooled entries, and an earlier run's manifest read back by name.
#include "batch/manifest.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vanthu;
using namespace vanthu::batch;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

class ManifestTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "vanthu-manifest-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    json read(const fs::path& file) {
        std::ifstream in(file);
        std::stringstream ss;
        ss << in.rdbuf();
        return json::parse(ss.str());
    }

    static BatchOutput output(int row) {
        return {row,  row + 1,     "d" + std::to_string(row) + ".pdf",
                3,    1000u + row, std::string(64, 'a' + static_cast<char>(row % 6)),
                false};
    }

    fs::path dir_;
};

TEST_F(ManifestTest, WrittenWithEveryEntryAddedSoFar) {
    ManifestWriter writer(dir_ / "manifest.json", {{"template", "ke-hoach"}, {"rows", 3}});
    writer.write(false);
    json m = read(dir_ / "manifest.json");
    EXPECT_EQ(m["template"], "ke-hoach");
    EXPECT_FALSE(m["complete"].get<bool>());
    EXPECT_TRUE(m["outputs"].empty());
    EXPECT_TRUE(m["failures"].empty());

    writer.add_output(output(1), "in1", {});
    BatchFailure f;
    f.row = 2;
    f.line = 3;
    f.file = "d2.pdf";
    f.field = "ngay";
    f.code = "data.schema";
    f.message = "ngay: expected a date";
    writer.add_failure(f);
    writer.add_output(output(3), "in3", {"warning: long title"});
    writer.write(true);
    m = read(dir_ / "manifest.json");
    EXPECT_TRUE(m["complete"].get<bool>());
    ASSERT_EQ(m["outputs"].size(), 2u);
    EXPECT_EQ(m["outputs"][0]["file"], "d1.pdf");
    EXPECT_EQ(m["outputs"][0]["input"], "in1");
    EXPECT_EQ(m["outputs"][1]["warnings"][0], "warning: long title");
    ASSERT_EQ(m["failures"].size(), 1u);
    EXPECT_EQ(m["failures"][0]["field"], "ngay");
    // Only the manifest is left in the folder: the spools have no names.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

// Many entries: more than one spool buffer and one copy piece (64 kB).
TEST_F(ManifestTest, ManyEntriesRoundTrip) {
    ManifestWriter writer(dir_ / "manifest.json", {{"rows", 3000}});
    for (int row = 1; row <= 3000; ++row) writer.add_output(output(row), "in", {});
    writer.write(true);
    const json m = read(dir_ / "manifest.json");
    ASSERT_EQ(m["outputs"].size(), 3000u);
    EXPECT_EQ(m["outputs"][2999]["row"], 3000);

    const RecordedOutputs recorded(dir_ / "manifest.json");
    EXPECT_EQ(recorded.size(), 3000u);
    const auto r = recorded.find("d1234.pdf");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->size, 2234u);
    EXPECT_EQ(r->pages, 3);
    EXPECT_EQ(r->sha256, output(1234).sha256);
    EXPECT_FALSE(recorded.find("d3001.pdf"));
}

// The earlier manifest is still read after the new one has replaced it.
TEST_F(ManifestTest, RecordedOutputsOutliveTheirFile) {
    {
        ManifestWriter first(dir_ / "manifest.json", {{"rows", 1}});
        first.add_output(output(1), "old", {"warning: kept"});
        first.write(true);
    }
    const RecordedOutputs recorded(dir_ / "manifest.json");
    ManifestWriter second(dir_ / "manifest.json", {{"rows", 1}});
    second.write(false);
    const auto r = recorded.find("d1.pdf");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->input, "old");
    ASSERT_EQ(r->warnings.size(), 1u);
    EXPECT_EQ(r->warnings[0], "warning: kept");
}

TEST_F(ManifestTest, MissingOrForeignManifestRecordsNothing) {
    EXPECT_EQ(RecordedOutputs(dir_ / "none.json").size(), 0u);
    std::ofstream(dir_ / "other.json")
        << R"({"outputs": [{"file": "a.pdf", "input": "x", "sha256": "y"}]})";
    EXPECT_EQ(RecordedOutputs(dir_ / "other.json").size(), 0u);  // not one entry a line
    std::ofstream(dir_ / "cut.json") << "{\n  \"outputs\": [\n    {\"file\": \"a.pdf\", \"inp";
    EXPECT_EQ(RecordedOutputs(dir_ / "cut.json").size(), 0u);
}

}  // namespace
