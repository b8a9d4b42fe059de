// CPU time to build one frame (NewFrame -> KioskView::draw -> Render) of the heaviest page, the
// body map with every region and a region's detail open, headless at 1920x1080 (PERFORMANCE.md:
// target <= 2 ms). Draw data is discarded: no GPU work is measured.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <memory>

#include "kiosk/bodymap/regions.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/widget_registry.h"

namespace {

using namespace kiosk;

forms::Text text(const char* en) {
    forms::Text t;
    t.byLang["en"] = en;
    return t;
}

struct Headless {
    core::Catalog catalog;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<ui::KioskView> view;
    forms::Form form;
    forms::Answers answers;
    session::TimePoint now{};

    Headless() {
        if (auto c = core::Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n")) catalog = std::move(c).value();
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        view = std::make_unique<ui::KioskView>(catalog, ui::UiOptions{});
        if (!view->loadFonts(1080)) std::abort();
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);

        form.id = "bench";
        form.languages = {"en", "es"};
        form.title = text("Bench");
        forms::Page page;
        page.id = "body";
        page.title = text("Where is your pain?");
        forms::Item map;
        map.id = "pain_map";
        map.type = forms::ItemType::BodyMap;
        map.label = text("Tap every place that hurts.");
        map.detail = {forms::BodyDetail::Intensity, forms::BodyDetail::Kind};
        page.items = {map};
        form.pages = {page};
        forms::BodyMapAnswer marks;
        for (size_t i = 0; i < bodymap::regions().size(); i += 4)
            marks.push_back(forms::BodyMark{std::string(bodymap::regions()[i].id), 6, {"aching"}});
        answers["pain_map"] = marks;
    }
    ~Headless() {
        view.reset();
        ImGui::DestroyContext(ctx);
    }

    session::ViewModel vm(session::Screen screen) const {
        session::ViewModel v;
        v.screen = screen;
        v.lang = "en";
        v.page = 0;
        v.step = 4;
        v.stepCount = 9;
        v.pageTitle = "Where is your pain?";
        v.canGoBack = true;
        v.items.push_back(session::ItemView{&form.pages[0].items[0], &answers.at("pain_map"), ""});
        return v;
    }

    void frame(const session::ViewModel& v) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        now += std::chrono::milliseconds(16);
        ImGui::NewFrame();
        auto actions = view->draw(v, form, now);
        benchmark::DoNotOptimize(actions);
        ImGui::Render();
        benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
    }
};

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
