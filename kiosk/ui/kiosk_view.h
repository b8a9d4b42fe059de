#pragma once
// The whole patient-facing UI as one object that app/ drives each frame. app/ owns the window,
// GL and the event loop; ui/ owns everything drawn. The same code runs on a real GLFW window and in
// headless tests (an ImGui context with a built font atlas and no renderer).
#include <memory>
#include <string>
#include <vector>

#include "kiosk/bodymap/figure.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/error.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/actions.h"
#include "kiosk/session/view_model.h"
#include "kiosk/staff/desk_view.h"
#include "kiosk/staff/pin_gate.h"

namespace kiosk::ui {

class WidgetRegistry;  // ui/widget_registry.h: what each frame drew, for tests
class TextureSink;     // ui/texture_sink.h: where the body-map figure's pixels go

/// @brief Look and feel chosen by the clinic (app::KioskConfig fills it).
struct UiOptions {
    std::string fontPath;      ///< regular face; "" = Noto Sans as fontconfig finds it (ui/font_files.h)
    std::string boldFontPath;  ///< bold face; "" = found the same way
    std::string clinicName;
    std::string logoPath;       ///< optional PNG; "" = none
    const core::Clock* clock = nullptr;  ///< today's date (date picker years); nullptr = core::systemClock()
    /// The logo as uploaded by app/ (app/logo_texture.h): an ImTextureID, which is void* in ImGui
    /// 1.86 (the OpenGL3 backend reads it as a GLuint). nullptr = no logo drawn.
    void* logoTexture = nullptr;
    int logoWidth = 0, logoHeight = 0;  ///< the logo's size in pixels (for its aspect ratio)
    bool highContrast = false;  ///< start in the high-contrast theme
    /// The drawn body map (app/ loads assets/body_map/); null = body-map items show as lists.
    std::shared_ptr<const bodymap::Figure> bodyFigure;
    /// Uploads the figure's pixels (app/: OpenGL); null = none (headless), the figure still works.
    /// Must outlive every draw(); setTextureSink() sets it later.
    TextureSink* textures = nullptr;
    /// PIN asked after the hidden corner gesture (3 s hold, top-left); "" = no PIN is set and the
    /// staff passphrase is asked instead. There is no built-in PIN.
    std::string staffPin;
    int staffIdleSeconds = 30;      ///< the PIN pad closes by itself after this much silence
    /// The gate's audit and passphrase check (staff/pin_gate.h); app/ wires them to the store.
    staff::GateHooks staffHooks;
};

/// @brief What the UI asks of app/ beyond the intake (staff actions).
struct UiRequests {
    bool exitKiosk = false;     ///< staff asked to leave the kiosk (after the staff gesture + PIN)
    bool readAloudTap = false;     ///< the Read aloud button in the top bar was tapped
    bool readAloudToggle = false;  ///< the welcome screen's "Tap to hear the questions read aloud"
};

class KioskView {
public:
    KioskView(const core::Catalog& catalog, UiOptions options);
    ~KioskView();

    /// Adds the fonts the theme needs to the current ImGui context's atlas, sized for a display
    /// @p displayHeight px high; call once before the atlas is built. Errors if no font loads.
    core::Result<void> loadFonts(float displayHeight);

    /// Draws one frame between ImGui::NewFrame() and ImGui::Render(); returns the patient's actions
    /// (app/ applies them to the Intake and feeds back effects' outcomes).
    std::vector<session::Action> draw(const session::ViewModel& vm, const forms::Form& form,
                                      session::TimePoint now);

    /// Draws one frame of the staff desk (ui/desk_screens.h) for @p view, in the staff's language;
    /// returns the staff's actions (a Touch first on any tap). The desk keeps transient state of
    /// its own (scroll, a name being typed), apart from the patient's: wipeDesk() forgets it.
    std::vector<staff::DeskAction> drawDesk(const staff::DeskView& view, session::TimePoint now);
    void wipeDesk();

    /// Seconds until the UI needs a frame without input for its own animation (a finger-fling, the
    /// staff gesture): < 0 means "only on input". The session's countdowns are not in it: app/ wakes
    /// for them at session::Intake::nextDeadline().
    double wakeAfterSeconds() const;

    /// Forgets transient state (text buffers, scroll, a stroke being drawn): on every reset.
    void wipe();

    /// The patient's display choices, which outlive a trip back to the welcome screen.
    struct DisplayChoices {
        bool largerText = false;
        bool highContrast = false;
    };
    DisplayChoices displayChoices() const;
    void setDisplayChoices(DisplayChoices choices);

    /// Sets the logo after construction (the kiosk builds the view on a worker thread, before the
    /// GL context that uploads the logo exists). nullptr = none.
    void setLogo(void* texture, int width, int height);
    /// Sets where the body-map figure's pixels go once a GL context exists (see UiOptions::textures).
    void setTextureSink(TextureSink* sink);

    /// What read-aloud can do now (app/ asks speech/ each frame): @p available shows the buttons,
    /// @p on and @p speaking how they look. Not available = no button at all.
    void setReadAloud(bool available, bool on, bool speaking);

    UiRequests takeRequests();
    const WidgetRegistry& registry() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::ui
