#include "ui_driver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

namespace kiosk::ui::test {

core::Catalog loadCatalog() {
    auto c = core::Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n");
    if (!c) {
        ADD_FAILURE() << c.error().format();
        return core::Catalog{};
    }
    return std::move(c).value();
}

std::shared_ptr<const bodymap::Figure> bundledFigure() {
    static const std::shared_ptr<const bodymap::Figure> figure = [] {
        auto g = bodymap::loadGeometry(std::string(KIOSK_SOURCE_DIR) + "/assets/body_map/choir_male.json");
        if (!g) ADD_FAILURE() << g.error().format();
        return std::make_shared<const bodymap::Figure>(bodymap::makeFigure(g ? std::move(*g) : bodymap::Geometry{}));
    }();
    return figure;
}

std::string actionName(const session::Action& a) {
    static const char* kNames[] = {"Start", "SetLanguage", "SetAnswer", "ClearAnswer", "Next", "Back", "GoTo",
                                   "Submit", "SaveSucceeded", "SaveFailed", "Touch", "Tick", "StillHere", "Reset",
                                   "ResumeContinue", "KeepAnswers"};
    return kNames[a.index()];
}

UiDriver::UiDriver(float width, float height, const forms::Form& form,
                   std::function<session::ViewModel()> viewModel,
                   std::function<void(const session::Action&)> onAction, UiOptions options)
    : m_catalog(loadCatalog()), m_form(form), m_viewModel(std::move(viewModel)), m_onAction(std::move(onAction)),
      m_width(width), m_height(height) {
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    m_view = std::make_unique<KioskView>(m_catalog, std::move(options));
    auto fonts = m_view->loadFonts(height);
    if (!fonts) ADD_FAILURE() << fonts.error().format();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // builds the atlas; no texture is uploaded
    m_now = session::TimePoint{} + std::chrono::hours(1);
    io.MousePos = ImVec2(-1, -1);
}

UiDriver::~UiDriver() {
    m_view.reset();
    ImGui::DestroyContext(m_context);
}

void UiDriver::frame() {
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(m_width, m_height);
    io.DeltaTime = 1.0f / 60.0f;
    m_now += std::chrono::microseconds(16667);
    ImGui::NewFrame();
    if (m_deskView) {
        const auto deskActions = m_view->drawDesk(m_deskView(), m_now);
        ImGui::Render();
        for (const auto& a : deskActions)
            if (m_onDeskAction) m_onDeskAction(a);
        return;
    }
    const session::ViewModel vm = m_viewModel();
    auto acts = m_view->draw(vm, m_form, m_now);
    ImGui::Render();
    for (const auto& a : acts) {
        m_actions.push_back(a);
        if (m_onAction) m_onAction(a);
    }
}

void UiDriver::showDesk(std::function<staff::DeskView()> view,
                        std::function<void(const staff::DeskAction&)> onAction) {
    m_deskView = std::move(view);
    m_onDeskAction = std::move(onAction);
}

void UiDriver::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

void UiDriver::advance(double seconds) {
    m_now += std::chrono::duration_cast<session::SteadyClock::duration>(std::chrono::duration<double>(seconds));
}

Rect UiDriver::rect(const std::string& key) const {
    const WidgetInfo* w = find(key);
    return w ? w->rect : Rect{};
}

void UiDriver::mouse(float x, float y, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = down;
}

void UiDriver::settle() {
    for (int i = 0; i < 600 && m_view->wakeAfterSeconds() == 0.0; ++i) frame();
}

bool UiDriver::scrollIntoView(const std::string& key) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        const WidgetInfo* w = find(key);
        if (!w) return false;
        const float need = std::min(w->rect.h, m_height * 0.3f);
        if (w->visible.h >= need - 0.5f && w->visible.w > 0) return true;
        // Drag on the left margin, inside the scroll area but away from controls and the signature pad.
        const float x = std::max(4.0f, (m_width - std::min(m_width - 96.0f, 1728.0f)) * 0.25f);
        const float mid = m_height * 0.5f;
        const float centre = w->rect.y + w->rect.h * 0.5f;
        const float delta = std::clamp(mid - centre, -m_height * 0.3f, m_height * 0.3f);
        drag(x, mid - delta * 0.5f, x, mid + delta * 0.5f, 12, false);
        ++m_counts.swipes;
    }
    return false;
}

bool UiDriver::tap(const std::string& key) {
    frame();           // what is on show now shows (a screen the test changed under the view)...
    advance(kTapGap);  // ...and a person looks at it before tapping: never the second half of a double tap
    frames(2);         // the screen settles meanwhile (a scroll to an error, a widget that appears)
    if (!scrollIntoView(key)) {
        ADD_FAILURE() << "no visible widget '" << key << "' to tap";
        return false;
    }
    const WidgetInfo* w = find(key);
    ++m_counts.taps;
    if (key.rfind("keyboard/", 0) == 0) ++m_counts.keys;
    m_lastTapRect = w->visible;
    press(w->visible.x + w->visible.w * 0.5f, w->visible.y + w->visible.h * 0.5f);
    return true;
}

void UiDriver::tapAt(float x, float y) {
    frame();  // as tap()
    advance(kTapGap);
    frames(2);
    ++m_counts.taps;
    press(x, y);
}

void UiDriver::press(float x, float y) {
    mouse(x, y, false);
    frame();
    mouse(x, y, true);
    frame();
    mouse(x, y, false);
    frame();
    frame();  // what the tap changed (a keyboard opening, a new page) is in the registry now
    settle();  // and where it scrolled the page to (a panel brought into view)
}

bool UiDriver::doubleTap(const std::string& key, double gapSeconds) {
    if (!tap(key)) return false;
    const Rect r = m_lastTapRect;
    if (key.rfind("keyboard/", 0) == 0) ++m_counts.keys;
    quickTapAt(r.x + r.w * 0.5f, r.y + r.h * 0.5f, gapSeconds);
    return true;
}

void UiDriver::quickTapAt(float x, float y, double gapSeconds) {
    ++m_counts.taps;
    advance(gapSeconds);
    mouse(x, y, true);
    frame();
    mouse(x, y, false);
    frame();
    frame();
}

void UiDriver::drag(float x0, float y0, float x1, float y1, int steps, bool fling) {
    mouse(x0, y0, false);
    frame();
    mouse(x0, y0, true);
    frame();
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        mouse(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, true);
        frame();
    }
    if (!fling) frames(12);  // finger still before lifting: no fling
    mouse(x1, y1, false);
    frame();
    if (!fling) settle();
}

void UiDriver::hold(const std::string& key, double seconds) {
    const WidgetInfo* w = find(key);
    if (!w) {
        ADD_FAILURE() << "no widget '" << key << "' to hold";
        return;
    }
    const float x = w->rect.x + w->rect.w * 0.5f, y = w->rect.y + w->rect.h * 0.5f;
    mouse(x, y, true);
    frame();
    const int steps = 10;
    for (int i = 0; i < steps; ++i) {
        advance(seconds / steps);
        frame();
    }
    mouse(x, y, false);
    frame();
}

std::string UiDriver::type(const std::string& item, const std::string& text, bool skipMissing) {
    std::string typed;
    tap("item/" + item);
    for (size_t i = 0; i < text.size();) {
        size_t len = 1;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        const std::string ch = text.substr(i, len);
        i += len;
        if (ch == " " || ch == "\n") {
            const std::string key = ch == " " ? "keyboard/space" : "keyboard/newline";
            if (skipMissing && !exists(key)) continue;
            tap(key);
            typed += ch;
            continue;
        }
        // Keys are named by their lower-case letter; shift when the key shows the other case.
        std::string lower = ch;
        if (ch.size() == 1 && ch[0] >= 'A' && ch[0] <= 'Z') lower[0] = static_cast<char>(ch[0] - 'A' + 'a');
        if (ch.size() == 2 && static_cast<unsigned char>(ch[0]) == 0xC3 &&
            static_cast<unsigned char>(ch[1]) >= 0x80 && static_cast<unsigned char>(ch[1]) <= 0x9E)
            lower[1] = static_cast<char>(static_cast<unsigned char>(ch[1]) + 0x20);
        const std::string key = "keyboard/" + lower;
        const WidgetInfo* k = find(key);
        if (!k) {
            if (skipMissing) continue;
            ADD_FAILURE() << "the keyboard has no key for '" << ch << "'";
            return typed;
        }
        if (k->label != ch && exists("keyboard/shift")) tap("keyboard/shift");
        tap(key);
        typed += ch;
    }
    tap("keyboard/done");
    return typed;
}

}  // namespace kiosk::ui::test
