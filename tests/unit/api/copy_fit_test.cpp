// The document-level fields every template takes (issue 16, items 2 and 5): ban_sao (the copy
// block of Mẫu 3.1, from the data or --copy-data, its form from --copy) and vua_trang / --no-fit,
// checked by the engine and handed to layout in model::Document.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "input/data.hpp"
#include "vanthu/engine.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using vanthu::model::CopyBlock;

const fs::path kSource = VANTHU_SOURCE_DIR;

class CopyAndFit : public ::testing::Test {
  protected:
    static vanthu::Engine& engine() {
        static vanthu::Engine e([] {
            vanthu::EngineOptions o;
            o.data_dir = kSource;
            return o;
        }());
        return e;
    }

    // The ke-hoach example (parts A., B., C., mục I. under B.) with `extra` merged in.
    json plan(const json& extra = json::object()) {
        json data = vanthu::input::load_data(kSource / "templates/ke-hoach/example.yaml").value;
        data.merge_patch(extra);
        return data;
    }

    static json copying_body() {
        return json::parse(R"({"hinh_thuc": "sao-y", "co_quan": "Ủy ban nhân dân huyện Ba Vì",
            "so": "5", "ky_hieu": "UBND", "dia_danh": "Ba Vì", "ngay": "2026-05-10",
            "noi_nhan": ["Các xã, thị trấn"], "luu": "VT",
            "chuc_danh": ["TL. Chủ tịch", "Chánh Văn phòng"], "nguoi_ky": "Nguyễn Văn An"})");
    }

    vanthu::model::Document document(const json& data, vanthu::RenderRequest request = {}) {
        request.data_file = "/tmp/ke-hoach.yaml";
        request.data = &data;
        return engine().document(request);
    }

    // The diagnostics of a request that must fail, one per line.
    std::string failure(const json& data, vanthu::RenderRequest request = {}) {
        try {
            document(data, request);
        } catch (const vanthu::Error& e) {
            std::string out;
            for (const auto& d : e.diagnostics()) out += vanthu::format(d);
            return out;
        }
        ADD_FAILURE() << "no error";
        return {};
    }

    static std::string first_text(const vanthu::model::Document& doc) {
        return std::get<vanthu::model::Paragraph>(doc.body.front()).plain_text();
    }
};

TEST_F(CopyAndFit, NoCopyAndFitByDefault) {
    const auto doc = document(plan());
    EXPECT_FALSE(doc.copy.has_value());
    EXPECT_TRUE(doc.fit);
}

TEST_F(CopyAndFit, BanSaoInTheDataMakesTheCopyBlock) {
    const auto doc = document(plan({{"ban_sao", copying_body()}}));
    ASSERT_TRUE(doc.copy.has_value());
    const CopyBlock& c = *doc.copy;
    EXPECT_EQ(c.form, CopyBlock::Form::sao_y);
    EXPECT_EQ(c.form_line, "SAO Y");
    EXPECT_EQ(c.number_line, "Số: 05/SY-UBND");
    EXPECT_EQ(c.date_line, "Ba Vì, ngày 10 tháng 5 năm 2026");
    EXPECT_EQ(c.body.name.value, "ỦY BAN NHÂN DÂN HUYỆN BA VÌ");
    EXPECT_TRUE(c.body.parent.empty());
    ASSERT_EQ(c.recipients.size(), 2u);
    EXPECT_EQ(c.recipients[0].value, "- Các xã, thị trấn;");
    EXPECT_EQ(c.recipients[1].value, "- Lưu: VT.");
    ASSERT_EQ(c.signature.titles.size(), 2u);
    EXPECT_EQ(c.signature.titles[0].value, "TL. CHỦ TỊCH");
    EXPECT_EQ(c.signature.name.value, "Nguyễn Văn An");
    EXPECT_TRUE(c.parts.empty());
    EXPECT_EQ(first_text(doc).rfind("A. MỤC ĐÍCH", 0), 0u) << "the whole body is copied";
}

TEST_F(CopyAndFit, TheCommandsFormWinsAndNamesTheNumber) {
    vanthu::RenderRequest request;
    request.copy = "sao-luc";
    auto body = copying_body();
    body["ngay"] = "2026";
    body["so"] = "";
    const auto doc = document(plan({{"ban_sao", body}}), request);
    ASSERT_TRUE(doc.copy.has_value());
    EXPECT_EQ(doc.copy->form, CopyBlock::Form::sao_luc);
    EXPECT_EQ(doc.copy->form_line, "SAO LỤC");
    EXPECT_EQ(doc.copy->number_line, "Số:      /SL-UBND");
    EXPECT_EQ(doc.copy->date_line, "Ba Vì, ngày     tháng     năm 2026");
}

TEST_F(CopyAndFit, TrichSaoKeepsOnlyTheChosenParts) {
    auto body = copying_body();
    body["hinh_thuc"] = "trich-sao";
    body["trich"] = {"C", "i"};  // letter case aside; in document order whatever the list's
    const auto doc = document(plan({{"ban_sao", body}}));
    ASSERT_TRUE(doc.copy.has_value());
    EXPECT_EQ(doc.copy->form_line, "TRÍCH SAO");
    EXPECT_EQ(doc.copy->number_line, "Số: 05/TrS-UBND");
    std::vector<std::string> headings;
    for (const auto& b : doc.body)
        if (const auto* p = std::get_if<vanthu::model::Paragraph>(&b); p && p->heading_level > 0)
            headings.push_back(p->plain_text().substr(0, p->plain_text().find(' ')));
    // Mục I. with its khoản and tiểu khoản, then part C.; not A., not B.'s own heading.
    ASSERT_FALSE(headings.empty());
    EXPECT_EQ(headings.front(), "I.");
    EXPECT_EQ(headings.back(), "C.");
    EXPECT_EQ(std::count(headings.begin(), headings.end(), "A."), 0);
    EXPECT_EQ(std::count(headings.begin(), headings.end(), "B."), 0);
    EXPECT_GT(headings.size(), 3u) << "the part's sub-headings come with it";
    EXPECT_LT(doc.body.size(), document(plan()).body.size());
}

TEST_F(CopyAndFit, AnUnknownPartIsAnErrorNamingIt) {
    auto body = copying_body();
    body["hinh_thuc"] = "trich-sao";
    body["trich"] = {"Điều 7"};
    const auto out = failure(plan({{"ban_sao", body}}));
    EXPECT_NE(out.find("error[text.copy-part]: ban_sao.trich: the body has no part \"Điều 7\""),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("hint: its headings: A, B, I, 1"), std::string::npos) << out;
}

TEST_F(CopyAndFit, BanSaoIsCheckedWithDataPaths) {
    auto body = copying_body();
    body["so"] = {"5"};
    body["co_quna"] = "x";
    body.erase("nguoi_ky");
    const auto out = failure(plan({{"ban_sao", body}}));
    EXPECT_NE(out.find("ban_sao.so: expected a text, got a list"), std::string::npos) << out;
    EXPECT_NE(out.find("ban_sao.nguoi_ky: required but not given"), std::string::npos) << out;
    EXPECT_NE(out.find("ban_sao: unknown field \"co_quna\""), std::string::npos) << out;
    EXPECT_NE(out.find("did you mean \"co_quan\"?"), std::string::npos) << out;
    EXPECT_NE(out.find("/tmp/ke-hoach.yaml: error[data.schema]"), std::string::npos) << out;

    body = copying_body();
    body["hinh_thuc"] = "sao";
    EXPECT_NE(
        failure(plan({{"ban_sao", body}}))
            .find("ban_sao.hinh_thuc: expected one of sao-y, sao-luc, trich-sao, got \"sao\""),
        std::string::npos);
    body = copying_body();
    body["trich"] = {"II"};
    EXPECT_NE(failure(plan({{"ban_sao", body}})).find("ban_sao.trich: only a trích sao"),
              std::string::npos);
    body = copying_body();
    body["ngay"] = "2026-13";
    EXPECT_NE(failure(plan({{"ban_sao", body}})).find("ban_sao.ngay: expected a date"),
              std::string::npos);
}

TEST_F(CopyAndFit, ACopyFormNeedsTheCopyingBody) {
    vanthu::RenderRequest request;
    request.copy = "sao-y";
    const auto out = failure(plan(), request);
    EXPECT_NE(out.find("--copy sao-y needs the copying body's data"), std::string::npos) << out;
}

TEST_F(CopyAndFit, CopyDataFileReplacesBanSaoAndIsNamedInItsMessages) {
    const fs::path dir = fs::temp_directory_path() / ("vanthu-copy-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "sao.yaml") << "co_quan: Văn phòng UBND tỉnh\nky_hieu: VP\nso: \"12\"\n"
                                       "dia_danh: Lạng Sơn\nngay: 2026-04\nnoi_nhan: [Sở Nội vụ]\n"
                                       "chuc_danh: [Chánh Văn phòng]\nnguoi_ky: Lê Thị Bình\n";
    vanthu::RenderRequest request;
    request.copy = "sao-y";
    request.copy_data_file = dir / "sao.yaml";
    auto body = copying_body();
    const auto doc = document(plan({{"ban_sao", body}}), request);
    ASSERT_TRUE(doc.copy.has_value());
    EXPECT_EQ(doc.copy->body.name.value, "VĂN PHÒNG UBND TỈNH");
    EXPECT_EQ(doc.copy->number_line, "Số: 12/SY-VP");
    EXPECT_EQ(doc.copy->date_line, "Lạng Sơn, ngày     tháng 4 năm 2026");

    std::ofstream(dir / "sao.yaml") << "co_quan: Văn phòng\nky_hieu: [VP]\n";
    const auto out = failure(plan(), request);
    EXPECT_NE(out.find((dir / "sao.yaml").string() +
                       ": error[data.schema]: ban_sao.ky_hieu: expected a text, got a list"),
              std::string::npos)
        << out;
    fs::remove_all(dir);
}

TEST_F(CopyAndFit, VuaTrangAndNoFitSetTheFitSwitch) {
    EXPECT_FALSE(document(plan({{"vua_trang", "khong"}})).fit);
    EXPECT_FALSE(document(plan({{"vua_trang", "không"}})).fit);
    EXPECT_FALSE(document(plan({{"vua_trang", false}})).fit);
    EXPECT_TRUE(document(plan({{"vua_trang", "co"}})).fit);
    EXPECT_TRUE(document(plan({{"vua_trang", true}})).fit);
    vanthu::RenderRequest no_fit;
    no_fit.fit = false;
    EXPECT_FALSE(document(plan(), no_fit).fit);
    EXPECT_FALSE(document(plan({{"vua_trang", "co"}}), no_fit).fit) << "--no-fit wins";
    const auto out = failure(plan({{"vua_trang", "hơi"}}));
    EXPECT_NE(out.find("vua_trang: expected one of co, có, khong, không, true, false, got \"hơi\""),
              std::string::npos)
        << out;
}

}  // namespace
