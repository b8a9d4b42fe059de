// CPU time to build one frame (NewFrame -> KioskView::draw -> Render) of the heaviest page, the
// body map with every region and a region's detail open, headless at 1920x1080 (PERFORMANCE.md:
// target <= 2 ms). Draw data is discarded: no GPU work is measured.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <memory>

#include "kiosk/bodymap/regions.h"
#include "kiosk/ui/widget_registry.h"
#include "headless_frame.h"

namespace {

using namespace kiosk;
using kiosk::bench::Headless;

void openDetail(Headless& h, const session::ViewModel& v) {
    // Tap the first marked region so its intensity / kind detail panel is open too.
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

void BM_FrameBodyMapPage1080p(benchmark::State& state) {
    Headless h;
    const auto v = h.vm(session::Screen::Page);
    openDetail(h, v);
    for (auto _ : state) h.frame(v);
    state.counters["widgets"] = static_cast<double>(h.view->registry().widgets().size());
    state.counters["vertices"] = static_cast<double>(ImGui::GetDrawData()->TotalVtxCount);
}
BENCHMARK(BM_FrameBodyMapPage1080p)->Unit(benchmark::kMicrosecond);

void BM_FrameWelcome1080p(benchmark::State& state) {
    Headless h;
    const auto v = h.vm(session::Screen::Welcome);
    for (auto _ : state) h.frame(v);
}
BENCHMARK(BM_FrameWelcome1080p)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
