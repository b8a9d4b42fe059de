#pragma once
// A headless kiosk frame (an ImGui context with a built font atlas, no renderer, 1920x1080) on the
// heaviest page, the body map: what frame_bench times alone and sync_bench times while a push runs.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "kiosk/bodymap/figure.h"
#include "kiosk/bodymap/geometry.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/texture_sink.h"

namespace kiosk::bench {

inline forms::Text text(const char* en) {
    forms::Text t;
    t.byLang["en"] = en;
    return t;
}

inline std::shared_ptr<const bodymap::Figure> bundledFigure() {
    auto g = bodymap::loadGeometry(std::string(KIOSK_SOURCE_DIR) + "/assets/body_map/choir_male.json");
    if (!g) std::abort();
    return std::make_shared<const bodymap::Figure>(bodymap::makeFigure(std::move(*g)));
}

/// Takes the figure's pixels and keeps none (the GL upload is not what is measured).
struct NullSink : ui::TextureSink {
    void* upload(int slot, const unsigned char*, int, int, int) override {
        ++uploads;
        return reinterpret_cast<void*>(static_cast<std::uintptr_t>(slot + 1));
    }
    int uploads = 0;
};

/// Every region spread over both views: @p n of the 74, evenly.
inline forms::BodyMapAnswer spreadMarks(size_t n) {
    forms::BodyMapAnswer marks;
    const auto& all = bodymap::regions();
    for (size_t i = 0; i < n; ++i)
        marks.push_back(forms::BodyMark{std::string(all[i * all.size() / n].id), static_cast<int>(i % 11), {"aching"}});
    return marks;
}

struct Headless {
    NullSink sink;
    core::Catalog catalog;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<ui::KioskView> view;
    forms::Form form;
    forms::Answers answers;
    session::TimePoint now{};

    explicit Headless(bool drawn = false, size_t markCount = 19) {
        if (auto c = core::Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n")) catalog = std::move(c).value();
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        ui::UiOptions options;
        if (drawn) {
            options.bodyFigure = bundledFigure();
            options.textures = &sink;
        }
        view = std::make_unique<ui::KioskView>(catalog, options);
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
        answers["pain_map"] = spreadMarks(markCount);
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

}  // namespace kiosk::bench
