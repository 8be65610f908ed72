// The time of each stage for one document, by default the seed-004 plan (Kế hoạch 60/KH-BTV):
//   build/bench/bin/stages_bench [--benchmark_filter=…]   (VANTHU_BENCH_DATA=file.yaml for another)
// Every stage but the one measured runs once, outside the timed loop.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "core/allocator.hpp"
#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "input/data.hpp"
#include "layout/font_set.hpp"
#include "layout/layout.hpp"
#include "parse/parse.hpp"
#include "render/cairo_writer.hpp"
#include "render/pdf_finish.hpp"
#include "text/detail.hpp"
#include "text/text.hpp"
#include "tools/test_fonts.hpp"
#include "vanthu/engine.hpp"

using namespace vanthu;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

fs::path data_file() {
    if (const char* f = std::getenv("VANTHU_BENCH_DATA"); f && *f) return f;
    const fs::path sample = kSource / "samples/ke-hoach-60/data.yaml";
    return fs::exists(sample) ? sample : kSource / "samples/batch/common.yaml";
}

using vanthu::testing::liberation_serif;

// Every intermediate result of one document, made once.
struct Stages {
    input::Data data = input::load_data(data_file());
    expand::Template tmpl =
        expand::load_template(kSource / "templates" / data.value.at("template").get<std::string>());
    expand::Expanded expanded;
    model::Document parsed, prepared;
    layout::FontSet fonts = liberation_serif();
    layout::Shaper shaper{fonts.choose({"Liberation Serif"}, true)};
    layout::Pages pages;
    render::FontCache font_cache;
    std::string pdf;

    Stages() {
        core::Diagnostics d;
        expanded = expand::expand(tmpl, data.value, data.file, {}, d);
        parsed = parse::parse(expanded, d);
        prepared = text::prepare(parsed, d);
        pages = layout::layout_document(prepared, shaper, {}, d);
        pdf = render::write_pdf(pages, font_cache);
    }
};

Stages& stages() {
    static Stages s;
    return s;
}

void BM_LoadData(benchmark::State& state) {
    const auto file = data_file();
    for (auto _ : state) benchmark::DoNotOptimize(input::load_data(file));
}

void BM_LoadTemplate(benchmark::State& state) {
    const auto dir = stages().tmpl.dir;
    for (auto _ : state) benchmark::DoNotOptimize(expand::load_template(dir));
}

void BM_Expand(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) {
        core::Diagnostics d;
        benchmark::DoNotOptimize(expand::expand(s.tmpl, s.data.value, s.data.file, {}, d));
    }
}

void BM_Parse(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) {
        core::Diagnostics d;
        benchmark::DoNotOptimize(parse::parse(s.expanded, d));
    }
}

// The text pass the first time it sees the document's paragraphs.
void BM_Text(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) {
        state.PauseTiming();
        text::detail::clear_unbreakable_memo();
        state.ResumeTiming();
        core::Diagnostics d;
        benchmark::DoNotOptimize(text::prepare(s.parsed, d));
    }
}

// The same when it has seen them before (a batch's common text).
void BM_TextSeen(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) {
        core::Diagnostics d;
        benchmark::DoNotOptimize(text::prepare(s.parsed, d));
    }
}

void BM_Layout(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) {
        state.PauseTiming();
        text::detail::clear_unbreakable_memo();
        state.ResumeTiming();
        core::Diagnostics d;
        benchmark::DoNotOptimize(layout::layout_document(s.prepared, s.shaper, {}, d));
    }
    state.counters["pages"] = static_cast<double>(s.pages.pages.size());
}

// Layout when every paragraph was laid out before (a batch's common text).
void BM_LayoutReused(benchmark::State& state) {
    auto& s = stages();
    layout::Shaper shaper{s.fonts.choose({"Liberation Serif"}, true)};
    shaper.reuse_shaped_text(4096);
    core::Diagnostics warm;
    layout::layout_document(s.prepared, shaper, {}, warm);
    for (auto _ : state) {
        core::Diagnostics d;
        benchmark::DoNotOptimize(layout::layout_document(s.prepared, shaper, {}, d));
    }
}

void BM_WritePdf(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state) benchmark::DoNotOptimize(render::write_pdf(s.pages, s.font_cache));
    state.counters["bytes"] = static_cast<double>(s.pdf.size());
}

void BM_FinishPdf(benchmark::State& state) {
    auto& s = stages();
    for (auto _ : state)
        benchmark::DoNotOptimize(render::finish_pdf(s.pdf, s.pages.metadata, s.pages.pages.size()));
}

// The whole of Engine::render with a warm engine (fonts and template loaded).
void BM_EngineRender(benchmark::State& state) {
    EngineOptions o;
    o.data_dir = kSource;
    o.reuse_shaped_text = static_cast<size_t>(state.range(0));
    Engine engine(o);
    const RenderRequest request{.data_file = data_file()};
    engine.render(request);
    for (auto _ : state) {
        if (state.range(1)) {
            state.PauseTiming();
            text::detail::clear_unbreakable_memo();
            state.ResumeTiming();
        }
        benchmark::DoNotOptimize(engine.render(request));
    }
}

}  // namespace

BENCHMARK(BM_LoadData)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadTemplate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Expand)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Text)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextSeen)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Layout)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutReused)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FinishPdf)->Unit(benchmark::kMillisecond);
// Args: shaped paragraphs kept (0: none), and 1 to forget the text pass's memo each time. So
// /0/1 is a document seen for the first time and /4096/0 one whose paragraphs were all seen.
BENCHMARK(BM_EngineRender)
    ->Args({0, 1})
    ->Args({4096, 0})
    ->ArgNames({"reuse", "fresh_text"})
    ->Unit(benchmark::kMillisecond);

// As in the vanthu command and its batch workers (core/allocator.hpp), unless
// VANTHU_BENCH_DEFAULT_MALLOC is set, to measure what the setting gains.
int main(int argc, char** argv) {
    if (!std::getenv("VANTHU_BENCH_DEFAULT_MALLOC")) vanthu::core::keep_freed_memory();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
