// CPU time to build one frame (NewFrame -> KioskView::draw -> Render) of the heaviest page, the
// body map, headless at 1920x1080 (PERFORMANCE.md: target <= 2 ms): the drawn figure with 20
// marked regions and a region's panel open (its textures go to a sink that keeps no pixels: the
// steady frame checks they are current and draws two images), and the list behind "Show as a
// list" with every region. Draw data is discarded: no GPU work is measured. Also: what a changed
// mark costs (cairo redrawing one view at its 1080p size) and loading + measuring the geometry
// at start-up. The target's figure is Google Benchmark's CPU column: this thread's CPU time
// (CLOCK_THREAD_CPUTIME_ID); its Time column is wall time, which preemption on a shared machine
// inflates. sync_bench measures the same frame the same way while a push runs.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <memory>

#include "headless_frame.h"
#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/ui/widget_registry.h"

namespace {

using namespace kiosk;
using bench::bundledFigure;
using bench::Headless;
using bench::spreadMarks;

void openDetail(Headless& h, const session::ViewModel& v) {
    // Tap the first marked region so its intensity / kind panel is open too.
    const std::string key = "item/pain_map/" + std::string(bodymap::regions()[0].id);
    h.frame(v);
    const ui::WidgetInfo* w = nullptr;
    for (const auto& info : h.view->registry().widgets())
        if (info.key == key) w = &info;
    if (!w) return;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2);
    io.MouseDown[0] = true;
    h.frame(v);
    io.MouseDown[0] = false;
    h.frame(v);
    io.MousePos = ImVec2(-1, -1);
    h.frame(v);
}

void BM_FrameDrawnBodyMap1080p(benchmark::State& state) {
    Headless h(true, 20);
    const auto v = h.vm(session::Screen::Page);
    openDetail(h, v);
    const int uploads = h.sink.uploads;
    for (auto _ : state) h.frame(v);
    state.counters["marked"] = 20;
    state.counters["widgets"] = static_cast<double>(h.view->registry().widgets().size());
    state.counters["vertices"] = static_cast<double>(ImGui::GetDrawData()->TotalVtxCount);
    state.counters["redraws"] = h.sink.uploads - uploads;  // 0: an unchanged figure is not redrawn
}
BENCHMARK(BM_FrameDrawnBodyMap1080p)->Unit(benchmark::kMicrosecond);

void BM_FigureRedrawOneView1080p(benchmark::State& state) {
    // What one changed mark costs: the view drawn again with cairo at its size on a 1080p screen.
    const auto figure = bundledFigure();
    const forms::BodyMapAnswer marks = spreadMarks(20);
    std::vector<bodymap::FigureMark> shown;
    for (const auto& m : marks) shown.push_back(bodymap::FigureMark{m.region, m.intensity.value_or(-1)});
    bodymap::FigureStyle style;
    style.fill = bodymap::colourOf(0xE3D7C7);
    style.outline = bodymap::colourOf(0x5C544B);
    style.labels = false;  // as the kiosk draws it: the numbers come from ImGui's atlas
    const int w = 327, h = 660;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    for (auto _ : state) {
        cairo_t* cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        bodymap::drawFigure(cr, *figure, bodymap::View::Back, bodymap::fitView(figure->geometry.back, 0, 0, w, h),
                            style, shown, {"lower_back_l"});
        cairo_destroy(cr);
        cairo_surface_flush(surface);
        benchmark::DoNotOptimize(cairo_image_surface_get_data(surface));
    }
    cairo_surface_destroy(surface);
}
BENCHMARK(BM_FigureRedrawOneView1080p)->Unit(benchmark::kMicrosecond);

void BM_LoadAndMeasureFigure(benchmark::State& state) {
    // At start-up, on the worker: read the geometry file and find each region's deepest point.
    for (auto _ : state) benchmark::DoNotOptimize(bundledFigure());
}
BENCHMARK(BM_LoadAndMeasureFigure)->Unit(benchmark::kMillisecond);

void BM_FrameBodyMapList1080p(benchmark::State& state) {
    Headless h;
    const auto v = h.vm(session::Screen::Page);
    openDetail(h, v);
    for (auto _ : state) h.frame(v);
    state.counters["widgets"] = static_cast<double>(h.view->registry().widgets().size());
    state.counters["vertices"] = static_cast<double>(ImGui::GetDrawData()->TotalVtxCount);
}
BENCHMARK(BM_FrameBodyMapList1080p)->Unit(benchmark::kMicrosecond);

void BM_FrameWelcome1080p(benchmark::State& state) {
    Headless h;
    const auto v = h.vm(session::Screen::Welcome);
    for (auto _ : state) h.frame(v);
}
BENCHMARK(BM_FrameWelcome1080p)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
