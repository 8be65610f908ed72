// Engine::warm_up() prepares fonts and text rules on another thread; whatever it prepares,
// the output must be the one an engine without it makes, and errors must still come out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "vanthu/engine.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

TEST(WarmUp, GivesTheSameBytesAsAnEngineWithout) {
    for (const char* sample : {"ke-hoach-60", "cong-van-576", "chuong-trinh-620"}) {
        const vanthu::RenderRequest request{.data_file =
                                                kSource / "samples" / sample / "data.yaml"};
        vanthu::Engine cold;
        const auto expected = cold.render(request).pdf;
        vanthu::Engine warmed;
        warmed.warm_up();
        EXPECT_EQ(warmed.render(request).pdf, expected) << sample;
        EXPECT_EQ(warmed.render(request).pdf, expected) << sample << ", second render";
    }
}

TEST(WarmUp, CanBeCalledTwiceAndAfterUse) {
    vanthu::Engine engine;
    engine.warm_up();
    engine.warm_up();
    EXPECT_EQ(engine.font_family(), "Liberation Serif");
    engine.warm_up();  // the shaper exists: nothing to do
    EXPECT_EQ(engine.font_family(), "Liberation Serif");
}

TEST(WarmUp, AnUnknownFamilyIsReportedByTheFirstUse) {
    vanthu::Engine engine({.font_family = "No Such Family"});
    engine.warm_up();
    try {
        engine.font_family();
        FAIL() << "an unknown family must throw";
    } catch (const vanthu::Error& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        EXPECT_EQ(e.diagnostics().front().code, "font.family");
    }
}

TEST(WarmUp, ABadDataFileStillFailsWithItsOwnMessage) {
    const fs::path bad = fs::temp_directory_path() / "vanthu-warm-up-bad.yaml";
    {
        std::ofstream out(bad);
        out << "template: cong-van\nso: [unclosed\n";
    }
    vanthu::Engine engine;
    engine.warm_up();
    try {
        engine.render({.data_file = bad});
        FAIL() << "malformed YAML must throw";
    } catch (const vanthu::Error& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        ASSERT_TRUE(e.diagnostics().front().where.has_value());
        EXPECT_EQ(e.diagnostics().front().where->file, bad.string());
    }
    fs::remove(bad);
}

}  // namespace
