// The whole render, from a data file (YAML) to the PDF's bytes, through the public API
// (vanthu/engine.hpp). One Engine per process: fonts and templates load once. The data's
// "template" field picks the template. Anything but a vanthu::Error escaping render() is what
// the vanthu command reports as an internal error (exit 70), so it stops the fuzzer.
#include <unistd.h>
#include <cstdlib>
#include <fstream>

#include "fuzz_support.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;

namespace {

struct Fixture {
    fs::path dir;  // holds the data file; images named by the data are looked up here
    vanthu::Engine engine{{.data_dir = vanthu::fuzz::source_dir()}};
    Fixture() {
        dir = fs::temp_directory_path() / ("vanthu-fuzz-render-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Fixture() { fs::remove_all(dir); }
};

Fixture* fixture = nullptr;

}  // namespace

// Fonts, templates and the caches Pango and fontconfig fill on a first document are loaded
// before the first input, so that they do not count as memory an input leaked.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    vanthu::skip_system_fonts();
    fixture = new Fixture;
    std::atexit([] { delete fixture; });
    fixture->engine.render(
        {.data_file = vanthu::fuzz::source_dir() / "templates/giay-moi/example.yaml"});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    const fs::path file = fixture->dir / "data.yaml";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
    }
    try {
        fixture->engine.render({.data_file = file, .template_name = "", .draft = true});
    } catch (const vanthu::Error& e) {
        vanthu::fuzz::format_all(e.diagnostics());
    }
    return 0;
}
