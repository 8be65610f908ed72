// Finding templates (issue 16, item 6): `vanthu templates` lists what the templates folder
// holds, `vanthu templates NAME` the fields of one, and a mistyped name, wherever it is given,
// names the templates that exist and the nearest one.
#include <gtest/gtest.h>

#include <regex>

#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

class TemplatesCommand : public TempDirTest {
  protected:
    CommandResult vanthu(const std::string& args) { return run(kCli + " " + args, true); }

    // A data folder of its own: the real fonts, and templates/ holding `names`, each a copy of
    // cong-van (its description changed to say which it is).
    fs::path data_dir(const std::vector<std::string>& names) {
        const fs::path dir = dir_ / "data";
        fs::create_directories(dir / "templates");
        fs::create_directory_symlink(kSource / "fonts", dir / "fonts");
        fs::copy(kSource / "templates/_common", dir / "templates/_common");
        const std::string from = "\"description\": \"Công văn";
        for (const auto& name : names) {
            fs::copy(kSource / "templates/cong-van", dir / "templates" / name);
            std::string manifest = read_file(dir / "templates" / name / "manifest.json");
            const size_t at = manifest.find(from);
            EXPECT_NE(at, std::string::npos);
            if (at != std::string::npos)
                manifest.replace(at, from.size(), "\"description\": \"Mẫu " + name);
            write_file(dir / "templates" / name / "manifest.json", manifest);
        }
        return dir;
    }
};

TEST_F(TemplatesCommand, ListsEveryBuiltInTemplateWithItsDescription) {
    const auto r = vanthu("templates");
    ASSERT_EQ(r.status, 0) << r.output;
    for (const auto& e : fs::directory_iterator(kSource / "templates")) {
        const std::string name = e.path().filename().string();
        if (name == "_common") {
            EXPECT_EQ(r.output.find("  _common"), std::string::npos) << r.output;
            continue;
        }
        EXPECT_NE(r.output.find("\n  " + name + " "), std::string::npos) << name << r.output;
    }
    // One line, up to the description's first colon; the column is as wide as the longest name.
    EXPECT_TRUE(std::regex_search(
        r.output, std::regex("\n  cong-van +Công văn \\(official letter\\) in the Decree "
                             "30/2020/NĐ-CP format\n")))
        << r.output;
}

TEST_F(TemplatesCommand, ListsWhatTheFolderHolds) {
    const auto dir = data_dir({"quyet-dinh", "to-trinh"});
    const auto r = vanthu("templates --data-dir " + shell_quote(dir.string()));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("  quyet-dinh   Mẫu quyet-dinh (official letter)"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("  to-trinh     Mẫu to-trinh"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("cong-van"), std::string::npos) << r.output;
    EXPECT_LT(r.output.find("quyet-dinh"), r.output.find("to-trinh")) << "sorted by name";
}

TEST_F(TemplatesCommand, ShowsTheFieldsOfOneWithTypesRequiredAndExamples) {
    const auto r = vanthu("templates cong-van");
    ASSERT_EQ(r.status, 0) << r.output;
    const auto& o = r.output;
    EXPECT_NE(o.find("Mẫu cong-van\n"), std::string::npos) << o;
    EXPECT_NE(o.find("templates/cong-van/example.yaml"), std::string::npos) << o;
    // Type, required, the manifest's description and the example's value.
    EXPECT_NE(o.find("\n  ky_hieu  (chữ, bắt buộc)\n      Symbol after the slash, e.g. LĐLĐ or "
                     "UBND-VX\n      Ví dụ: LĐLĐ\n"),
              std::string::npos)
        << o;
    EXPECT_NE(o.find("\n  co_quan_chu_quan  (chữ)\n"), std::string::npos) << "optional: " << o;
    EXPECT_NE(o.find("\n  ngay  (ngày: YYYY-MM-DD, YYYY-MM hoặc YYYY, bắt buộc)\n"),
              std::string::npos)
        << o;
    EXPECT_NE(o.find("\n  do_khan  (chữ, một trong: KHẨN, THƯỢNG KHẨN, HỎA TỐC"), std::string::npos)
        << o;
    // Nested fields after their parent, indented: the content's items and a table in them.
    const size_t content = o.find("\n  noi_dung  (danh sách nhóm mục, bắt buộc)\n");
    const size_t heading = o.find("\n    noi_dung[].muc  (chữ)\n");
    const size_t rows = o.find("\n      noi_dung[].bang.dong  (");
    ASSERT_NE(content, std::string::npos) << o;
    ASSERT_NE(heading, std::string::npos) << o;
    ASSERT_NE(rows, std::string::npos) << o;
    EXPECT_LT(content, heading);
    EXPECT_LT(content, rows);
    // Then the fields every template takes, whatever its manifest says.
    const size_t common = o.find("\nMục dùng được với mọi mẫu");
    ASSERT_NE(common, std::string::npos) << o;
    EXPECT_GT(common, rows);
    EXPECT_NE(o.find("\n  ban_sao  (nhóm mục)\n", common), std::string::npos) << o;
    EXPECT_NE(o.find("\n    ban_sao.co_quan  (chữ, bắt buộc)\n", common), std::string::npos) << o;
    EXPECT_NE(o.find("\n  vua_trang  (", common), std::string::npos) << o;
    // A field of list items takes its example from the first item that has it.
    EXPECT_NE(o.find("\n    noi_dung[].doan  (chữ)\n        Ví dụ: Thực hiện Hướng dẫn số "
                     "04/HD-TLĐ"),
              std::string::npos)
        << o;
}

TEST_F(TemplatesCommand, AnUnknownNameListsTheTemplatesAndTheNearest) {
    const auto dir = data_dir({"quyet-dinh", "to-trinh"});
    const std::string data_dir_flag = " --data-dir " + shell_quote(dir.string());
    auto r = vanthu("templates quyet-dich" + data_dir_flag);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[template.unknown]: không có mẫu văn bản \"quyet-dich\""),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("hint: có phải là mẫu \"quyet-dinh\"?"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("hint: các mẫu có sẵn: quyet-dinh, to-trinh\n"), std::string::npos)
        << r.output;

    // The same from the data's template: field, with render, preview and batch.
    write_file(dir_ / "d.yaml", "template: quyet-dich\nso: \"1\"\n");
    write_file(dir_ / "rows.csv", "so\n2\n");
    const std::string data = shell_quote((dir_ / "d.yaml").string());
    for (const std::string& command :
         {"render " + data + " -o " + shell_quote((dir_ / "x.pdf").string()),
          "preview " + data + " --out " + shell_quote((dir_ / "xem").string()),
          "batch --data " + data + " --rows " + shell_quote((dir_ / "rows.csv").string()) +
              " --out " + shell_quote((dir_ / "lo").string())}) {
        r = vanthu(command + data_dir_flag);
        EXPECT_EQ(r.status, 2) << command << '\n' << r.output;
        EXPECT_NE(r.output.find("error[template.unknown]: không có mẫu văn bản \"quyet-dich\""),
                  std::string::npos)
            << command << '\n'
            << r.output;
        EXPECT_NE(r.output.find("\"quyet-dinh\"?"), std::string::npos) << command << r.output;
    }
    // On the command line, without a near name: only the list.
    r = vanthu("render khong-co " + data + " -o " + shell_quote((dir_ / "x.pdf").string()) +
               data_dir_flag);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_EQ(r.output.find("có phải là"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("các mẫu có sẵn: quyet-dinh, to-trinh"), std::string::npos) << r.output;
}

}  // namespace
