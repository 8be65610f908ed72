// Files the data or a template names are confined to their folders (issue 17): a signature
// image outside the data's folder ("../", an absolute path, a symbolic link), a template file
// linked out of its folder, a template the data names outside the data's folder are refused
// unless --allow-path allows them; images that are named pipes or declare a huge size are
// refused before anything waits on or decodes them.
#include <cairo.h>
#include <sys/stat.h>

#include <chrono>

#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

// A PNG's signature and IHDR declaring `w` × `h` pixels, without any pixel data.
std::string png_head(unsigned w, unsigned h) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    s += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (unsigned v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xff);
    s += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');
    return s;
}

class FileRules : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        fs::create_directories(dir_ / "data");
        fs::create_directories(dir_ / "outside");
        write_png(dir_ / "data/ky.png");
        write_png(dir_ / "outside/ky.png");
    }

    static void write_png(const fs::path& file) {
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 60, 40);
        ASSERT_EQ(cairo_surface_write_to_png(s, file.c_str()), CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(s);
    }

    // The ke-hoach example in data/d.yaml with `image` as its signature image; `head` replaces
    // its template line.
    fs::path letter(const std::string& image, const std::string& head = "template: ke-hoach") {
        std::string text = read_file(kSource / "templates/ke-hoach/example.yaml");
        const size_t at = text.find("template: ke-hoach");
        text.replace(at, std::string("template: ke-hoach").size(), head);
        const fs::path file = dir_ / "data/d.yaml";
        write_file(file, text + "\nanh_chu_ky: \"" + image + "\"\n");
        return file;
    }

    CommandResult render(const fs::path& data, const std::string& extra = "") {
        return run(kCli + " render " + shell_quote(data.string()) + " -o " +
                       shell_quote((dir_ / "out.pdf").string()) + " " + extra,
                   true);
    }
};

TEST_F(FileRules, AnImageInTheDataFolderIsDrawn) {
    auto r = render(letter("ky.png"));
    EXPECT_EQ(r.status, 0) << r.output;
    fs::create_directories(dir_ / "data/anh");
    fs::copy_file(dir_ / "data/ky.png", dir_ / "data/anh/ky.png");
    r = render(letter("anh/../anh/ky.png"));
    EXPECT_EQ(r.status, 0) << r.output;
}

TEST_F(FileRules, AnImageOutsideTheDataFolderIsRefusedUnlessAllowed) {
    fs::create_symlink(dir_ / "outside/ky.png", dir_ / "data/link.png");
    fs::create_directory_symlink(dir_ / "outside", dir_ / "data/linked");
    for (const std::string& image :
         std::vector<std::string>{"../outside/ky.png", (dir_ / "outside/ky.png").string(),
                                  "link.png", "linked/ky.png", "/etc/passwd"}) {
        SCOPED_TRACE(image);
        auto r = render(letter(image));
        EXPECT_EQ(r.status, 2) << r.output;
        EXPECT_NE(r.output.find("[data.path]"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("field anh_chu_ky"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("outside the data file's folder " +
                                fs::canonical(dir_ / "data").string()),
                  std::string::npos)
            << r.output;
        EXPECT_NE(r.output.find("--allow-path"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir_ / "out.pdf"));
    }
    // Allowed, the same images are drawn.
    for (const std::string image : {"../outside/ky.png", "link.png"}) {
        auto r = render(letter(image), "--allow-path " + shell_quote((dir_ / "outside").string()));
        EXPECT_EQ(r.status, 0) << image << ": " << r.output;
    }
}

TEST_F(FileRules, AnImageThatIsANamedPipeIsRefusedWithoutWaiting) {
    ASSERT_EQ(mkfifo((dir_ / "data/pipe.png").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    auto r = render(letter("pipe.png"));
    // A hang guard, not a measurement: opening a pipe without a writer never returns.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("[layout.image]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("named pipe"), std::string::npos) << r.output;
}

TEST_F(FileRules, AnImageDeclaringAHugeSizeIsRefusedBeforeDecoding) {
    write_file(dir_ / "data/huge.png", png_head(16000, 16000));
    auto r = render(letter("huge.png"));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("[layout.image]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"huge.png\" (field anh_chu_ky, "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("16000 × 16000 pixels"), std::string::npos) << r.output;
}

// A template folder whose manifest.json is a link to a file outside never has a line of that
// file printed (it was /etc/passwd in the report).
TEST_F(FileRules, ATemplateFileLinkedOutIsRefusedWithoutQuotingIt) {
    fs::copy(kSource / "templates/ke-hoach", dir_ / "tpl", fs::copy_options::recursive);
    write_file(dir_ / "outside/secret", "root:x:0:0:SECRET-LINE:/root:/bin/bash\n");
    for (const char* name : {"manifest.json", "main.mustache"}) {
        SCOPED_TRACE(name);
        fs::rename(dir_ / "tpl" / name, dir_ / "saved");
        fs::create_symlink(dir_ / "outside/secret", dir_ / "tpl" / name);
        auto r = run(kCli + " render " + shell_quote((dir_ / "tpl").string()) + " " +
                         shell_quote(letter("ky.png").string()) + " -o " +
                         shell_quote((dir_ / "out.pdf").string()),
                     true);
        EXPECT_EQ(r.status, 2) << r.output;
        EXPECT_NE(r.output.find("[template.path]"), std::string::npos) << r.output;
        EXPECT_EQ(r.output.find("SECRET-LINE"), std::string::npos) << r.output;
        fs::remove(dir_ / "tpl" / name);
        fs::rename(dir_ / "saved", dir_ / "tpl" / name);
    }
}

TEST_F(FileRules, ATemplateTheDataNamesOutsideItsFolderIsRefusedUnlessAllowed) {
    fs::copy(kSource / "templates/ke-hoach", dir_ / "outside/tpl", fs::copy_options::recursive);
    fs::copy(kSource / "templates/_common", dir_ / "outside/_common", fs::copy_options::recursive);
    const auto data = letter("ky.png", "template: " + (dir_ / "outside/tpl").string());
    auto r = render(data);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("[data.path]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("field template"), std::string::npos) << r.output;
    r = render(data, "--allow-path " + shell_quote((dir_ / "outside").string()));
    EXPECT_EQ(r.status, 0) << r.output;
    // Named on the command line, the user chose it: no check.
    r = run(kCli + " render " + shell_quote((dir_ / "outside/tpl").string()) + " " +
                shell_quote(data.string()) + " -o " + shell_quote((dir_ / "o2.pdf").string()),
            true);
    EXPECT_EQ(r.status, 0) << r.output;
    // A template of the templates folder, named by path, is fine.
    r = render(letter("ky.png", "template: " + (kSource / "templates/ke-hoach").string()),
               "--data-dir " + shell_quote(kSource.string()));
    EXPECT_EQ(r.status, 0) << r.output;
}

TEST_F(FileRules, PreviewTakesAllowPathToo) {
    const auto data = letter("../outside/ky.png");
    auto r = run(kCli + " preview " + shell_quote(data.string()) + " --out " +
                     shell_quote((dir_ / "pages").string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("[data.path]"), std::string::npos) << r.output;
    r = run(kCli + " preview " + shell_quote(data.string()) + " --out " +
                shell_quote((dir_ / "pages").string()) + " --allow-path " +
                shell_quote((dir_ / "outside").string()),
            true);
    EXPECT_EQ(r.status, 0) << r.output;
}

}  // namespace
