#pragma once
// A headless kiosk frame (ImGui context with a built font atlas, no renderer, 1920x1080) on the
// heaviest page, the body map: what frame_bench times alone and sync_bench times while a push runs.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <memory>

#include "kiosk/bodymap/regions.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/ui/kiosk_view.h"

namespace kiosk::bench {

inline forms::Text text(const char* en) {
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

}  // namespace kiosk::bench
