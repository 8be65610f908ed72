// Which folder the files named by the data may come from (api/file_rules.hpp), and the same
// rules through the C++ API, as an e-office system or a server uses it: data in memory,
// RenderRequest::allowed_paths.
#include "api/file_rules.hpp"

#include <cairo.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/paths.hpp"
#include "input/data.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

class FileRulesApi : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "vanthu-rules-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = fs::canonical(pattern);
        fs::create_directories(dir_ / "data");
        fs::create_directories(dir_ / "seals");
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 60, 40);
        ASSERT_EQ(cairo_surface_write_to_png(s, (dir_ / "seals/ky.png").c_str()),
                  CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(s);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // The ke-hoach example, in memory, with `image` as its signature image.
    nlohmann::json data(const std::string& image) {
        auto d = vanthu::input::load_data(kSource / "templates/ke-hoach/example.yaml").value;
        d["anh_chu_ky"] = image;
        return d;
    }

    std::vector<vanthu::Diagnostic> errors_of(const vanthu::RenderRequest& request) {
        vanthu::Engine engine({.data_dir = kSource});
        try {
            engine.layout(request);
        } catch (const vanthu::Error& e) {
            return e.diagnostics();
        }
        return {};
    }

    fs::path dir_;
};

TEST_F(FileRulesApi, TheDataFolderIsTheDataFilesOrNoneForAPipe) {
    std::ofstream(dir_ / "data/d.yaml") << "a: 1\n";
    EXPECT_EQ(vanthu::api::data_folder(dir_ / "data/d.yaml", false), dir_ / "data");
    // In memory, data_file only names it: its folder counts even if the file does not exist.
    EXPECT_EQ(vanthu::api::data_folder(dir_ / "data/none.yaml", true), dir_ / "data");
    EXPECT_EQ(vanthu::api::data_folder({}, true), fs::path());
    ASSERT_EQ(mkfifo((dir_ / "data/pipe.yaml").c_str(), 0600), 0);
    EXPECT_EQ(vanthu::api::data_folder(dir_ / "data/pipe.yaml", false), fs::path());
}

TEST_F(FileRulesApi, AnImageOutsideIsRefusedInMemoryTooUnlessAllowed) {
    const auto d = data("../seals/ky.png");
    vanthu::RenderRequest request{.data_file = dir_ / "data/d.yaml"};
    request.data = &d;
    auto errors = errors_of(request);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].code, "data.path");
    EXPECT_NE(errors[0].message.find("(field anh_chu_ky)"), std::string::npos) << errors[0].message;
    request.allowed_paths = {dir_ / "seals"};
    EXPECT_TRUE(errors_of(request).empty());
}

TEST_F(FileRulesApi, DataWithoutAFolderMayNameOnlyAllowedFiles) {
    const auto d = data((dir_ / "seals/ky.png").string());
    vanthu::RenderRequest request;
    request.data = &d;
    auto errors = errors_of(request);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].code, "data.path");
    EXPECT_NE(errors[0].message.find("no folder of its own"), std::string::npos)
        << errors[0].message;
    request.allowed_paths = {dir_ / "seals"};
    EXPECT_TRUE(errors_of(request).empty());
}

TEST_F(FileRulesApi, TheImageIsGivenToLayoutWithItsLinksResolved) {
    fs::create_symlink(dir_ / "seals", dir_ / "data/seals");
    const auto d = data("seals/ky.png");
    vanthu::RenderRequest request{.data_file = dir_ / "data/d.yaml"};
    request.data = &d;
    request.allowed_paths = {dir_ / "seals"};
    vanthu::Engine engine({.data_dir = kSource});
    const auto doc = engine.document(request);
    EXPECT_EQ(doc.signature.image.value, (dir_ / "seals/ky.png").string());
}

}  // namespace
