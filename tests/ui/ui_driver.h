#pragma once
// Headless driver for the kiosk UI (STYLE.md #6, #13): an ImGui context with a built font atlas and
// no renderer. Each frame is NewFrame -> KioskView::draw -> Render, draw data discarded. Input is
// fed the ImGui 1.86 way (io.MousePos / io.MouseDown, one frame to press, one to release).
// Widgets are found by key in the registry, never by translated text.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/core/i18n.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/widget_registry.h"

namespace kiosk::ui::test {

/// @brief What a patient's fingers did so far (UiDriver::counts): every tap and double tap, the
///        keyboard's share of them (keys, Shift and Done), and the drags that scrolled a page.
struct TapCount {
    int taps = 0;
    int keys = 0;
    int swipes = 0;
};

class UiDriver {
public:
    /// @p viewModel gives the picture to draw each frame; @p onAction receives what the UI sent.
    UiDriver(float width, float height, const forms::Form& form, std::function<session::ViewModel()> viewModel,
             std::function<void(const session::Action&)> onAction, UiOptions options = {});
    ~UiDriver();
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    /// From now on each frame draws the staff desk (KioskView::drawDesk) for @p view and gives its
    /// actions to @p onAction, instead of the patient screens.
    void showDesk(std::function<staff::DeskView()> view, std::function<void(const staff::DeskAction&)> onAction);

    void frame();
    void frames(int n);
    /// Moves the clock (the next frame sees it) without drawing.
    void advance(double seconds);

    const WidgetInfo* find(const std::string& key) const { return m_view->registry().find(key); }
    bool exists(const std::string& key) const { return find(key) != nullptr; }
    Rect rect(const std::string& key) const;
    const WidgetRegistry& registry() const { return m_view->registry(); }

    /// Scrolls @p key into view by dragging, then presses and releases on it. Fails the test
    /// (ADD_FAILURE) and returns false when the widget is not on screen. Taps come at a person's
    /// pace: the clock moves kTapGap seconds on before each (a look at the screen first), so no
    /// tap is taken for the second half of a double tap (Theme::tapDebounceSeconds).
    bool tap(const std::string& key);
    /// Two taps on the spot where @p key is now, @p gapSeconds apart, without looking again in
    /// between: what a finger does when it double-taps (or a stiff finger bounces).
    bool doubleTap(const std::string& key, double gapSeconds = 0.15);
    /// Presses and releases at @p x, @p y only @p gapSeconds after the last tap, without looking:
    /// the second half of a double tap, wherever it lands on what the first tap brought up.
    void quickTapAt(float x, float y, double gapSeconds);
    static constexpr double kTapGap = 0.5;
    /// Presses and releases at @p x, @p y (screen pixels), as a finger would, wherever that is,
    /// at a person's pace like tap().
    void tapAt(float x, float y);
    /// Presses at @p x0,y0, moves to @p x1,y1 over @p steps frames, holds still (unless @p fling)
    /// and releases.
    void drag(float x0, float y0, float x1, float y1, int steps = 10, bool fling = false);
    /// Presses on @p key and keeps the finger there for @p seconds of clock time, then releases.
    void hold(const std::string& key, double seconds);
    /// Taps the text field @p item, types @p text on the on-screen keyboard, taps Done. A character
    /// the keyboard lacks fails the test, or with @p skipMissing is left out (a phone number's
    /// spaces). Returns what was typed.
    std::string type(const std::string& item, const std::string& text, bool skipMissing = false);
    /// Drags until @p key lies inside the visible area; false if it never does.
    bool scrollIntoView(const std::string& key);
    /// Frames until no fling moves the page.
    void settle();

    /// Taps, keys and scrolling drags since the driver was made (or the count was reset).
    TapCount& counts() { return m_counts; }

    KioskView& view() { return *m_view; }
    const core::Catalog& catalog() const { return m_catalog; }
    std::vector<session::Action>& actions() { return m_actions; }
    session::TimePoint now() const { return m_now; }
    float width() const { return m_width; }
    float height() const { return m_height; }

private:
    void mouse(float x, float y, bool down);
    /// The finger down and up at @p x, @p y, and the frames that show what it did.
    void press(float x, float y);

    core::Catalog m_catalog;
    ImGuiContext* m_context = nullptr;
    std::unique_ptr<KioskView> m_view;
    const forms::Form& m_form;
    std::function<session::ViewModel()> m_viewModel;
    std::function<void(const session::Action&)> m_onAction;
    std::vector<session::Action> m_actions;
    std::function<staff::DeskView()> m_deskView;
    std::function<void(const staff::DeskAction&)> m_onDeskAction;
    session::TimePoint m_now{};
    Rect m_lastTapRect;
    TapCount m_counts;
    float m_width, m_height;
};

/// Loads assets/i18n of the source tree.
core::Catalog loadCatalog();
/// The bundled body-map figure (assets/body_map/choir_male.json), loaded and measured once.
std::shared_ptr<const bodymap::Figure> bundledFigure();
/// Type name of an action, for readable assertions ("SetAnswer").
std::string actionName(const session::Action& a);

/// The last action of type @p A in @p actions, or nullptr.
template <class A>
const A* lastOf(const std::vector<session::Action>& actions) {
    for (auto it = actions.rbegin(); it != actions.rend(); ++it)
        if (const auto* a = std::get_if<A>(&*it)) return a;
    return nullptr;
}

}  // namespace kiosk::ui::test
