// "vanthu batch": one document per row, the manifest, failures, re-runs, shards, progress.
#include "batch_support.hpp"
#include "input/data.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;
using nlohmann::json;

TEST_F(BatchTest, WritesOneDocumentPerRowAndAManifest) {
    auto r = batch("-j 2");
    ASSERT_EQ(r.status, 0) << r.output;
    const auto m = manifest();
    ASSERT_EQ(m["outputs"].size(), 4u) << m.dump(2);
    EXPECT_TRUE(m["complete"].get<bool>());
    EXPECT_TRUE(m["failures"].empty());
    int row = 0;
    for (const auto& o : m["outputs"]) {
        EXPECT_EQ(o["row"].get<int>(), ++row);
        EXPECT_EQ(o["line"].get<int>(), row);  // one row per line of the .jsonl
        const fs::path pdf = dir_ / "out" / o["file"].get<std::string>();
        EXPECT_EQ(o["pages"].get<int>(), pdf_page_count(pdf)) << pdf;
        EXPECT_EQ(o["size"].get<std::uintmax_t>(), fs::file_size(pdf));
        EXPECT_EQ(o["sha256"].get<std::string>(), vanthu::batch::sha256_file(pdf));
    }
    EXPECT_EQ(m["outputs"][0]["file"], "ba-dinh-ke-hoach.pdf");
    // Each document has its own number and recipients; the plan's body is the same.
    const std::string text = pdftotext_raw(dir_ / "out/son-tay-ke-hoach.pdf");
    EXPECT_NE(text.find("63/KH-ĐCT"), std::string::npos) << text.substr(0, 400);
    EXPECT_NE(text.find("Hội LHPN thị xã Sơn Tây"), std::string::npos);
    EXPECT_EQ(text.find("Ba Đình"), std::string::npos);
    EXPECT_NE(text.find("Hoàn thành các nội dung"), std::string::npos);
    // Nothing else is left in the folder.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir_ / "out")) files += e.is_regular_file();
    EXPECT_EQ(files, 5);
}

TEST_F(BatchTest, SameBytesWithOneOrFourJobsAndWithoutReuse) {
    ASSERT_EQ(batch("-j 1", "one").status, 0);
    ASSERT_EQ(batch("-j 4", "four").status, 0);
    ASSERT_EQ(batch("-j 2 --no-layout-reuse", "fresh").status, 0);
    const auto one = hashes("one");
    ASSERT_EQ(one.size(), 4u);
    EXPECT_EQ(one, hashes("four"));
    EXPECT_EQ(one, hashes("fresh"));
    // And the same as rendering the row merged over the common data alone, without the
    // field only the name uses.
    json data = vanthu::input::load_data(common_).value;
    json row = json::parse(read_file(rows_).substr(0, read_file(rows_).find('\n')));
    row.erase("ma");
    data.merge_patch(row);
    vanthu::EngineOptions options;
    options.data_dir = kBatchSource;
    vanthu::Engine engine(options);
    vanthu::RenderRequest request{.data_file = common_};
    request.data = &data;
    EXPECT_EQ(vanthu::batch::sha256_hex(engine.render(request).pdf),
              one.at("ba-dinh-ke-hoach.pdf"));
}

TEST_F(BatchTest, FailingRowIsReportedAndTheOthersAreWritten) {
    auto rows = four_rows_jsonl();
    rows.replace(rows.find("\"so\": \"62\""), 10, "\"so\": \"62\", \"ngay\": \"30/4/2024\"");
    const auto file = write("bad.jsonl", rows);
    auto r = batch("-j 2", "out", file);
    EXPECT_EQ(r.status, 4) << r.output;
    EXPECT_NE(r.output.find("bad.jsonl:2: row 2 (hoan-kiem-ke-hoach.pdf), field ngay"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("3 written, 0 up to date, 1 failed"), std::string::npos) << r.output;
    const auto m = manifest();
    EXPECT_FALSE(m["complete"].get<bool>());
    ASSERT_EQ(m["failures"].size(), 1u);
    const auto& f = m["failures"][0];
    EXPECT_EQ(f["row"], 2);
    EXPECT_EQ(f["line"], 2);
    EXPECT_EQ(f["field"], "ngay");
    EXPECT_EQ(f["code"], "data.schema");
    EXPECT_NE(f["message"].get<std::string>().find("ngay"), std::string::npos);
    EXPECT_EQ(m["outputs"].size(), 3u);
    EXPECT_FALSE(fs::exists(dir_ / "out/hoan-kiem-ke-hoach.pdf"));
    EXPECT_TRUE(fs::exists(dir_ / "out/ba-vi-ke-hoach.pdf"));
}

TEST_F(BatchTest, FailFastStopsAtTheFirstFailingRow) {
    auto rows = four_rows_jsonl();
    rows.replace(rows.find("\"so\": \"62\""), 10, "\"so\": \"62\", \"ngay\": \"x\"");
    const auto file = write("bad.jsonl", rows);
    auto r = batch("-j 1 --fail-fast", "out", file);
    EXPECT_EQ(r.status, 4) << r.output;
    EXPECT_TRUE(fs::exists(dir_ / "out/ba-dinh-ke-hoach.pdf"));
    EXPECT_FALSE(fs::exists(dir_ / "out/son-tay-ke-hoach.pdf"));
    EXPECT_FALSE(fs::exists(dir_ / "out/ba-vi-ke-hoach.pdf"));
    EXPECT_EQ(manifest()["failures"].size(), 1u);
}

TEST_F(BatchTest, RerunSkipsWhatIsUpToDateAndRedoesTheRest) {
    ASSERT_EQ(batch("-j 2").status, 0);
    const auto first = hashes();
    auto r = batch("-j 2");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.output.find("0 written, 4 up to date"), std::string::npos) << r.output;
    // A changed row, a missing file and a damaged file are rendered again; nothing else.
    auto rows = four_rows_jsonl();
    rows.replace(rows.find("Hội LHPN huyện Ba Vì"), std::string("Hội LHPN huyện Ba Vì").size(),
                 "Hội LHPN huyện Ba Vì (để thực hiện)");
    write("rows.jsonl", rows);
    fs::remove(dir_ / "out/ba-dinh-ke-hoach.pdf");
    fs::resize_file(dir_ / "out/hoan-kiem-ke-hoach.pdf", 1000);
    r = batch("-j 2");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("3 written, 1 up to date"), std::string::npos) << r.output;
    const auto second = hashes();
    EXPECT_EQ(second.at("ba-dinh-ke-hoach.pdf"), first.at("ba-dinh-ke-hoach.pdf"));
    EXPECT_EQ(second.at("hoan-kiem-ke-hoach.pdf"), first.at("hoan-kiem-ke-hoach.pdf"));
    EXPECT_NE(second.at("ba-vi-ke-hoach.pdf"), first.at("ba-vi-ke-hoach.pdf"));
    r = batch("-j 2 --force");
    EXPECT_NE(r.output.find("4 written, 0 up to date"), std::string::npos) << r.output;
}

TEST_F(BatchTest, NameProblemsStopBeforeAnyWork) {
    auto rows = four_rows_jsonl();
    rows.replace(rows.find("son-tay"), 7, "ba-dinh");
    const auto file = write("dup.jsonl", rows);
    auto r = batch("", "out", file);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("dup.jsonl:3: error[batch.name]: row 1 and row 3 would both be "
                            "written to \"ba-dinh-ke-hoach.pdf\""),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    rows = four_rows_jsonl();
    rows.replace(rows.find("ba-vi"), 5, "../../ba-vi");
    r = batch("", "out", write("escape.jsonl", rows));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("row 4"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    r = run(kBatchCli + " batch --data " + shell_quote(common_) + " --rows " +
                shell_quote(rows_.string()) + " --out " + shell_quote((dir_ / "out").string()) +
                " --name '../{{ma}}.pdf'",
            true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("leaves the output folder"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(BatchTest, BadInputIsReportedWithItsPlaceAndWritesNothing) {
    auto r = run(kBatchCli + " batch khong-co-mau --data " + shell_quote(common_) + " --rows " +
                     shell_quote(rows_.string()) + " --out " + shell_quote((dir_ / "out").string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("template.unknown"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    const auto csv = write("rows.csv", "ma,so\nba-dinh,61\nhoan-kiem\n");
    r = batch("", "out", csv);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("rows.csv:3:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"so\""), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    const auto jsonl = write("rows2.jsonl", "{\"ma\": \"a\"}\n{\"ma\": \"b\",}\n");
    r = batch("", "out", jsonl);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("rows2.jsonl:2:"), std::string::npos) << r.output;

    r = batch("--shard 3/2");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(BatchTest, CsvListColumnsAndTheDefaultName) {
    // Without a name pattern that uses it, a field the template does not know is refused.
    const auto csv = write("rows.csv",
                           "so,noi_nhan[]\n"
                           "61,Quận ủy Ba Đình; Hội LHPN quận Ba Đình\n"
                           "62,\"Quận ủy Hoàn Kiếm;Hội LHPN quận Hoàn Kiếm\"\n");
    auto r = run(kBatchCli + " batch ke-hoach --data " + shell_quote(common_) + " --rows " +
                     shell_quote(csv.string()) + " --out " + shell_quote((dir_ / "out").string()),
                 true);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(dir_ / "out/1.pdf"));
    const std::string text = pdftotext_raw(dir_ / "out/2.pdf");
    EXPECT_NE(text.find("- Quận ủy Hoàn Kiếm;"), std::string::npos) << text;
    EXPECT_NE(text.find("- Hội LHPN quận Hoàn Kiếm;"), std::string::npos) << text;

    const auto extra = write("extra.csv", "so,ghi_chu\n61,x\n");
    r = run(kBatchCli + " batch ke-hoach --data " + shell_quote(common_) + " --rows " +
                shell_quote(extra.string()) + " --out " + shell_quote((dir_ / "out2").string()),
            true);
    EXPECT_EQ(r.status, 4) << r.output;
    EXPECT_NE(r.output.find("extra.csv:2: row 1 (1.pdf): unknown field \"ghi_chu\""),
              std::string::npos)
        << r.output;
}

TEST_F(BatchTest, ShardsSplitTheRowsBetweenThem) {
    std::map<std::string, std::string> all;
    for (int k = 1; k <= 3; ++k) {
        auto r = batch("--shard " + std::to_string(k) + "/3 -j 1");
        ASSERT_EQ(r.status, 0) << r.output;
        const auto m = manifest("out", "manifest.shard-" + std::to_string(k) + "-of-3.json");
        for (const auto& o : m["outputs"]) all[o["file"]] = o["sha256"];
        EXPECT_EQ(m["shard"], std::to_string(k) + "/3");
    }
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all, hashes());
    EXPECT_FALSE(fs::exists(dir_ / "out/manifest.json"));
}

TEST_F(BatchTest, PlainProgressLinesWhenNotATerminalAndNothingWhenQuiet) {
    auto r = batch("-j 2");
    ASSERT_EQ(r.status, 0);
    EXPECT_NE(r.output.find("batch: 4/4 done (100%)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("documents/s"), std::string::npos) << r.output;
    r = batch("-j 2 -q --force");
    ASSERT_EQ(r.status, 0);
    EXPECT_EQ(r.output, "");
}

TEST_F(BatchTest, BarRedrawnInPlaceOnATerminal) {
    if (run("command -v script").status != 0) GTEST_SKIP() << "script (util-linux) is missing";
    // script(1) gives the command a terminal.
    const std::string command = kBatchCli + " batch --data " + shell_quote(common_) + " --rows " +
                                shell_quote(rows_.string()) + " --out " +
                                shell_quote((dir_ / "out").string()) + " --name '{{ma}}.pdf' -j 2";
    auto r = run("script -qec " + shell_quote(command) + " /dev/null");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("\r[########################] 4/4 100%"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("documents/s"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("batch: 4/4 done"), std::string::npos) << r.output;
}
