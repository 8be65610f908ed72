// Signature images are read safely: a named pipe or a device is refused without waiting, a
// PNG's declared size is checked before anything decodes it, and a file too large is refused
// before it is read.
#include "core/image_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/limits.hpp"

namespace fs = std::filesystem;

namespace vanthu::core {
namespace {

// A PNG's first 33 bytes: the signature and an IHDR chunk declaring `w` × `h` pixels (enough
// for the checks, which never decode).
std::string png_head(unsigned w, unsigned h) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    s += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (unsigned v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xff);
    s += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');  // depth, colour …, CRC
    return s;
}

class ImageFileTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "vanthu-image-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
        return dir_ / name;
    }

    fs::path dir_;
};

TEST_F(ImageFileTest, ReadsASmallPngWholeAndItsSize) {
    const std::string bytes = png_head(400, 300) + "IDAT…IEND";
    ImageFile png;
    std::string why;
    ASSERT_TRUE(read_png(write("ky.png", bytes), png, why)) << why;
    EXPECT_EQ(png.width, 400);
    EXPECT_EQ(png.height, 300);
    EXPECT_EQ(png.bytes, bytes);
    ASSERT_TRUE(read_png(dir_ / "ky.png", png, why, ImageRead::header)) << why;
    EXPECT_EQ(png.width, 400);
    EXPECT_TRUE(png.bytes.empty());
}

TEST_F(ImageFileTest, AHugeDeclaredSizeIsRefusedFromTheHeader) {
    ImageFile png;
    std::string why;
    EXPECT_FALSE(read_png(write("big.png", png_head(16000, 16000)), png, why));
    EXPECT_NE(why.find("16000 × 16000 pixels"), std::string::npos) << why;
    EXPECT_NE(why.find("25 megapixels"), std::string::npos) << why;
    // Just under the limit passes (5000 × 5000 = 25,000,000).
    EXPECT_TRUE(read_png(write("ok.png", png_head(5000, 5000)), png, why, ImageRead::header))
        << why;
    EXPECT_FALSE(read_png(write("over.png", png_head(5001, 5000)), png, why, ImageRead::header));
}

TEST_F(ImageFileTest, ANamedPipeIsRefusedAtOnce) {
    const fs::path fifo = dir_ / "ky.png";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    ImageFile png;
    std::string why;
    EXPECT_FALSE(read_png(fifo, png, why));
    // A hang guard, not a measurement: opening a pipe without a writer never returns.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    EXPECT_NE(why.find("named pipe"), std::string::npos) << why;
}

TEST_F(ImageFileTest, DevicesFoldersAndMissingFilesAreRefused) {
    ImageFile png;
    std::string why;
    EXPECT_FALSE(read_png("/dev/zero", png, why));
    EXPECT_NE(why.find("device"), std::string::npos) << why;
    EXPECT_FALSE(read_png(dir_, png, why));
    EXPECT_NE(why.find("folder"), std::string::npos) << why;
    EXPECT_FALSE(read_png(dir_ / "none.png", png, why));
    EXPECT_EQ(why, "no such file");
}

TEST_F(ImageFileTest, AFileOverTheSizeLimitIsRefusedUnread) {
    const fs::path big = write("big.png", png_head(100, 100));
    fs::resize_file(big, limits::kImageFileBytes + 1);  // sparse: nothing is written
    ImageFile png;
    std::string why;
    EXPECT_FALSE(read_png(big, png, why));
    EXPECT_NE(why.find("larger than 32 MB"), std::string::npos) << why;
}

TEST_F(ImageFileTest, OtherFormatsAreNamed) {
    ImageFile png;
    std::string why;
    EXPECT_FALSE(read_png(write("ky.jpg", "\xff\xd8\xff\xe0 JFIF and more bytes here"), png, why));
    EXPECT_NE(why.find("JPEG"), std::string::npos) << why;
    EXPECT_FALSE(read_png(write("ky.txt", "not an image at all, just text"), png, why));
    EXPECT_EQ(why, "it is not a PNG image");
    EXPECT_FALSE(read_png(write("zero.png", png_head(0, 10)), png, why));
}

}  // namespace
}  // namespace vanthu::core
