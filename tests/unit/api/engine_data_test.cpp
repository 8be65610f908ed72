// The Engine's entry points for a batch: data already in memory, the template's source for
// change detection, and reuse of shaped paragraphs across documents.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "input/data.hpp"
#include "vanthu/engine.hpp"

namespace {

const std::filesystem::path kSource = VANTHU_SOURCE_DIR;

vanthu::EngineOptions options(size_t reuse = 0) {
    vanthu::EngineOptions o;
    o.data_dir = kSource;
    o.reuse_shaped_text = reuse;
    return o;
}

}  // namespace

TEST(EngineData, DataInMemoryGivesTheSamePdfAsTheFile) {
    const auto file = kSource / "templates/ke-hoach/example.yaml";
    vanthu::Engine engine(options());
    const auto from_file = engine.render({.data_file = file});
    const nlohmann::json data = vanthu::input::load_data(file).value;
    vanthu::RenderRequest request{.data_file = file};
    request.data = &data;
    const auto from_memory = engine.render(request);
    EXPECT_EQ(from_file.pdf, from_memory.pdf);
    EXPECT_EQ(from_memory.page_count, from_file.page_count);
}

TEST(EngineData, DataInMemoryIsNamedByDataFileInMessages) {
    nlohmann::json data =
        vanthu::input::load_data(kSource / "templates/ke-hoach/example.yaml").value;
    data["ngay"] = "10/5/2024";
    vanthu::Engine engine(options());
    vanthu::RenderRequest request{.data_file = "rows.csv"};
    request.data = &data;
    try {
        engine.render(request);
        FAIL() << "a date not written YYYY-MM-DD must fail";
    } catch (const vanthu::Error& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        const auto& d = e.diagnostics().front();
        ASSERT_TRUE(d.where.has_value());
        EXPECT_EQ(d.where->file, "rows.csv");
        EXPECT_NE(d.message.find("ngay"), std::string::npos) << d.message;
    }
}

TEST(EngineData, TemplateSourceInlinesPartialsAndRejectsUnknownTemplates) {
    vanthu::Engine engine(options());
    const std::string source = engine.template_source("ke-hoach");
    EXPECT_NE(source.find("<document"), std::string::npos);
    EXPECT_NE(source.find("\"required\""), std::string::npos);  // the manifest is part of it
    EXPECT_THROW(engine.template_source("khong-co-mau-nay"), vanthu::Error);
}

TEST(EngineData, TemplateFieldsAreTheManifestsProperties) {
    vanthu::Engine engine(options());
    const auto fields = engine.template_fields("ke-hoach");
    EXPECT_NE(std::find(fields.begin(), fields.end(), "noi_nhan"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "so"), fields.end());
    EXPECT_EQ(std::find(fields.begin(), fields.end(), "ma"), fields.end());
}

TEST(EngineData, ReusedParagraphsGiveTheSameBytes) {
    const auto a = kSource / "templates/ke-hoach/example.yaml";
    const auto b = kSource / "templates/cong-van/example.yaml";
    vanthu::Engine plain(options());
    vanthu::Engine reusing(options(256));
    // The second rendering of each document reuses the first's paragraphs.
    for (int round = 0; round < 2; ++round) {
        EXPECT_EQ(plain.render({.data_file = a}).pdf, reusing.render({.data_file = a}).pdf);
        EXPECT_EQ(plain.render({.data_file = b}).pdf, reusing.render({.data_file = b}).pdf);
    }
}
