// Template expansion with a fuzzed template and fixed data (samples/cong-van-576): the input
// is main.mustache of a template folder beside a copy of templates/_common, so {{> partials}}
// resolve as for a built-in template. Loading (load_template) and both modes of expand() must
// give markup or a core::Failure.
#include <unistd.h>
#include <fstream>

#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "fuzz_support.hpp"
#include "input/data.hpp"

using namespace vanthu;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    fs::path dir;  // <tmp>/t holds the fuzzed main.mustache
    input::Data data;
    Fixture() {
        dir = fs::temp_directory_path() / ("vanthu-fuzz-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "t");
        fs::copy(fuzz::source_dir() / "templates/_common", dir / "_common");
        std::ofstream(dir / "t/manifest.json") << "{}";
        data = input::load_data(fuzz::source_dir() / "samples/cong-van-576/data.yaml");
    }
    ~Fixture() { fs::remove_all(dir); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    static Fixture fixture;
    {
        std::ofstream out(fixture.dir / "t/main.mustache", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
    }
    try {
        const expand::Template tmpl = expand::load_template(fixture.dir / "t");
        for (bool strict : {true, false}) {
            core::Diagnostics diags;
            try {
                expand::expand(tmpl, fixture.data.value, fixture.data.file, {.strict = strict},
                               diags);
            } catch (const core::Failure& f) {
                fuzz::format_all(f.diagnostics());
            }
        }
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
