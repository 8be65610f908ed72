// The template named by the data, and the listing of templates (expand/catalogue.hpp).
#include "input/catalogue.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace vanthu::input {
namespace {

using nlohmann::json;
using test::failure_of;
using test::TempDir;

class TemplateFromData : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* name : {"cong-van", "quyet-dinh"}) {
            dir.write(std::string(name) + "/main.mustache", "<p/>\n");
            dir.write(std::string(name) + "/manifest.json", "{}");
        }
    }
    core::Diagnostic problem(const json& data) {
        return failure_of([&] { template_from_data(data, dir.path(), "d.yaml", "the data"); });
    }
    TempDir dir;
};

TEST_F(TemplateFromData, ANameIsTaken) {
    EXPECT_EQ(template_from_data(json{{"template", "cong-van"}}, dir.path(), "d.yaml", "the data"),
              "cong-van");
}

TEST_F(TemplateFromData, MissingOrEmpty) {
    auto d = problem(json{{"so", "1"}});
    EXPECT_EQ(d.code, "template.none");
    EXPECT_NE(d.message.find("no template given"), std::string::npos) << d.message;
    for (const json& empty : {json(""), json("  "), json(nullptr)}) {
        d = problem(json{{"template", empty}});
        EXPECT_EQ(d.code, "template.none") << empty;
        EXPECT_NE(d.message.find("the field template is empty"), std::string::npos) << d.message;
        ASSERT_FALSE(d.hints.empty());
        EXPECT_EQ(d.hints[0], "the templates: cong-van, quyet-dinh");
    }
}

TEST_F(TemplateFromData, NotAName) {
    auto d = problem(json{{"template", json::array({"cong-van"})}});
    EXPECT_EQ(d.code, "template.name");
    EXPECT_EQ(d.message,
              "the field template holds a list, but it must be the name of one template, such "
              "as \"template: cong-van\"");
    ASSERT_GE(d.hints.size(), 2u);
    EXPECT_EQ(d.hints[0], "write the name alone, without \"-\" or [ ]: template: cong-van");
    EXPECT_EQ(d.hints[1], "the templates: cong-van, quyet-dinh");
    EXPECT_NE(problem(json{{"template", {{"ten", "x"}}}}).message.find("a set of named fields"),
              std::string::npos);
    EXPECT_NE(problem(json{{"template", 12}}).message.find("holds the number 12"),
              std::string::npos);
    EXPECT_NE(problem(json{{"template", true}}).message.find("holds true"), std::string::npos);
}

TEST(ListTemplates, AManifestNestedTooDeeplyLeavesTheDescriptionEmpty) {
    TempDir dir;
    dir.write("sau/main.mustache", "<p/>\n");
    dir.write("sau/manifest.json", std::string(100000, '[') + std::string(100000, ']'));
    dir.write("tot/main.mustache", "<p/>\n");
    dir.write("tot/manifest.json", R"({"description": "Tốt: một mẫu"})");
    const auto list = list_templates(dir.path());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].name, "sau");
    EXPECT_EQ(list[0].description, "");
    EXPECT_EQ(list[1].description, "Tốt: một mẫu");
}

}  // namespace
}  // namespace vanthu::input
