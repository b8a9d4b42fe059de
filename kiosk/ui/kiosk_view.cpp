#include "kiosk/ui/kiosk_view.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "kiosk/ui/figure_raster.h"
#include "kiosk/ui/desk_screens.h"
#include "kiosk/ui/font_files.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/staff_gate.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/ui_state.h"
#include "kiosk/ui/widget_registry.h"

namespace kiosk::ui {

struct KioskView::Impl {
    const core::Catalog& catalog;
    UiOptions options;
    Theme theme;
    Fonts fonts;
    WidgetRegistry registry;
    UiState state;
    StaffGate staff;
    UiRequests requests;
    ReadAloudUi readAloud;
    FigureRaster figureRaster;
    FigureRaster deskRaster{2};  // its own textures: the patient's figure keeps slots 0 and 1
    UiState deskState;   ///< the desk's scroll and taps, apart from the patient's
    DeskUiState desk;    ///< the desk's search panels and typing
    double wake = -1;

    Impl(const core::Catalog& c, UiOptions o)
        : catalog(c),
          options(std::move(o)),
          staff(kiosk::staff::GateOptions{options.staffPin, std::chrono::seconds(options.staffIdleSeconds)},
                options.staffHooks) {
        state.highContrast = options.highContrast;
    }

    /// Which screen is on show, and since when; which screen a press began on (widgets.h, meantTap).
    /// A press registered on a screen's first frame began while the previous one was on show.
    void noteScreen(const session::ViewModel& vm, session::TimePoint now) {
        const std::string key = std::to_string(static_cast<int>(vm.screen)) + "/" + std::to_string(vm.page) +
                                (vm.idleWarning ? "/idle" : "") + (vm.confirmStartOver ? "/start_over" : "") +
                                (staff.pinOpen() ? "/staff" : "");
        noteScreenKey(state, key, now);
    }
    /// The same for the desk: its screen, its open search panel and the record on show.
    void noteDeskScreen(const staff::DeskView& view, session::TimePoint now) {
        const std::string key = std::to_string(static_cast<int>(view.screen)) + "/" +
                                std::to_string(static_cast<int>(desk.panel)) + "/" +
                                (view.detail ? view.detail->row.id : std::string());
        noteScreenKey(deskState, key, now);
    }
    static void noteScreenKey(UiState& s, const std::string& key, session::TimePoint now) {
        const bool changed = key != s.shownKey;
        if (changed) {
            s.shownKey = key;
            s.shownAt = now;
            s.errorSpace.clear();
        }
        if (ImGui::GetIO().MouseClicked[0]) s.pressKey = changed ? std::string() : key;
    }

    /// The kiosk's one full-screen window, in @p pal and @p fonts (endWindow() closes it).
    void beginWindow(const Frame& f, const Palette& pal, const FontSizeSet& sizes) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.px(theme.gapEm), f.px(0.25f)));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, col(pal.background));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, col(pal.background, 0.0f));
        if (sizes.body) ImGui::PushFont(sizes.body);
        ImGui::Begin("##kiosk", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    }
    static void endWindow(const FontSizeSet& sizes) {
        ImGui::End();
        if (sizes.body) ImGui::PopFont();
        ImGui::PopStyleColor(2);
        ImGui::PopStyleVar(4);
    }

    /// Forgets one patient's typing when the intake starts over or ends.
    void noteTransitions(const session::ViewModel& vm) {
        const bool left = vm.screen != state.lastScreen;
        if (left && (vm.screen == session::Screen::Welcome || vm.screen == session::Screen::ThankYou)) {
            state.forgetPatientInput();
        }
        if (vm.screen != session::Screen::Page || vm.page != state.lastPage) state.keyboard.open = false;
    }
};

KioskView::KioskView(const core::Catalog& catalog, UiOptions options)
    : m_impl(std::make_unique<Impl>(catalog, std::move(options))) {}

KioskView::~KioskView() = default;

core::Result<void> KioskView::loadFonts(float displayHeight) {
    ImGuiIO& io = ImGui::GetIO();
    const auto files = resolveFontFiles(m_impl->options.fontPath, m_impl->options.boldFontPath);
    if (!files) return files.error();
    auto fonts = addKioskFonts(*io.Fonts, m_impl->theme, displayHeight, files->regular, files->bold);
    if (!fonts) return fonts.error();
    m_impl->fonts = *fonts;
    io.FontDefault = m_impl->fonts.normal.body;
    return {};
}

std::vector<session::Action> KioskView::draw(const session::ViewModel& vm, const forms::Form& form,
                                             session::TimePoint now) {
    Impl& m = *m_impl;
    ImGuiIO& io = ImGui::GetIO();
    std::vector<session::Action> out;
    m.registry.beginFrame();
    m.state.scroll.moreBelow = false;  // set again by this frame's scroll area, if it has one
    if (io.MouseClicked[0]) out.push_back(session::Touch{now});  // any tap restarts the idle timer
    m.noteTransitions(vm);
    m.noteScreen(vm, now);

    const Palette& pal = m.state.highContrast ? m.theme.highContrast : m.theme.normal;
    const std::string lang = core::pickLanguage(form.languages, vm.lang);
    // The staff PIN pad is not for patients: it keeps the normal size, so that it fits the screen.
    const bool larger = m.state.largerText && !m.staff.pinOpen();
    const FontSizeSet& fonts = m.fonts.forSize(larger);
    const core::Clock& clock = m.options.clock ? *m.options.clock : core::systemClock();
    Frame f{m.theme, pal, fonts, m.catalog, form, lang, m.registry, m.state, out, now, clock.localToday(),
            m.theme.emPx(io.DisplaySize.y, larger), io.DisplaySize.x, io.DisplaySize.y,
            m.options.clinicName, LogoImage{m.options.logoTexture, m.options.logoWidth, m.options.logoHeight},
            m.options.bodyFigure.get(), &m.figureRaster, m.options.textures};
    m.readAloud.tapped = m.readAloud.toggled = false;
    f.readAloud = &m.readAloud;

    m.beginWindow(f, pal, fonts);

    if (m.staff.pinOpen()) {
        if (m.staff.drawPinPad(f)) m.requests.exitKiosk = true;
    } else {
        if (vm.idleWarning) {
            drawIdleOverlay(f, vm);
        } else if (vm.confirmStartOver) {
            drawStartOverOverlay(f, vm);
        } else {
            switch (vm.screen) {
                case session::Screen::Welcome: drawWelcome(f, vm); break;
                case session::Screen::Page: drawPage(f, vm); break;
                case session::Screen::Review: drawReview(f, vm); break;
                case session::Screen::Saving: drawSaving(f, vm); break;
                case session::Screen::SaveFailed: drawSaveFailed(f, vm); break;
                case session::Screen::ThankYou: drawThankYou(f, vm); break;
                case session::Screen::Resume: drawResume(f, vm); break;
            }
        }
        m.staff.watchCorner(f);
    }

    Impl::endWindow(fonts);

    m.requests.readAloudTap = m.requests.readAloudTap || m.readAloud.tapped;
    m.requests.readAloudToggle = m.requests.readAloudToggle || m.readAloud.toggled;
    m.state.noScrollRects = std::move(m.state.noScrollNext);
    m.state.noScrollNext.clear();
    m.state.lastScreen = vm.screen;
    m.state.lastPage = vm.page;
    m.state.lastHasErrors = vm.hasErrors;

    // When to come back without input for the UI's own sake: per frame while a finger-fling moves,
    // as the staff gate asks, otherwise only on input (the kiosk sleeps). The session's countdowns
    // wake app/ through Intake::nextDeadline(), not through here.
    double wake = m.staff.wakeAfter(now);
    if (scrollAnimating(m.state.scroll, m.theme) || m.state.scroll.scrollToY >= 0) wake = 0.0;
    m.wake = wake;
    return out;
}

std::vector<staff::DeskAction> KioskView::drawDesk(const staff::DeskView& view, session::TimePoint now) {
    static const forms::Form kNoForm;  // the desk shows no patient page; Frame needs one
    Impl& m = *m_impl;
    ImGuiIO& io = ImGui::GetIO();
    std::vector<staff::DeskAction> out;
    ActionSink unused;  // patient actions: the desk sends none
    m.registry.beginFrame();
    m.deskState.scroll.moreBelow = false;
    if (io.MouseClicked[0]) out.push_back(staff::Touch{now});  // any tap restarts the desk's idle clock
    m.noteDeskScreen(view, now);
    const Palette& pal = m.theme.normal;
    const FontSizeSet& fonts = m.fonts.forSize(false);
    const core::Clock& clock = m.options.clock ? *m.options.clock : core::systemClock();
    Frame f{m.theme, pal, fonts, m.catalog, kNoForm, view.staffLang, m.registry, m.deskState, unused, now,
            clock.localToday(), m.theme.emPx(io.DisplaySize.y, false), io.DisplaySize.x, io.DisplaySize.y, m.options.clinicName, LogoImage{},
            m.options.bodyFigure.get(), &m.deskRaster, m.options.textures};  // the record's pain map
    m.beginWindow(f, pal, fonts);
    ui::drawDesk(f, view, m.desk, out);
    Impl::endWindow(fonts);
    m.deskState.noScrollRects = std::move(m.deskState.noScrollNext);
    m.deskState.noScrollNext.clear();

    double wake = -1;
    auto consider = [&](double s) { wake = wake < 0 ? s : std::min(wake, s); };
    if (scrollAnimating(m.deskState.scroll, m.theme) || m.deskState.scroll.scrollToY >= 0) consider(0.0);
    if (view.exporting.running) consider(0.25);       // the progress bar moves
    if (view.idleSecondsLeft <= 30) consider(1.0);    // "closes in N s" counts down
    m.wake = wake;
    return out;
}

void KioskView::wipeDesk() {
    m_impl->desk.wipe();
    m_impl->deskState = UiState{};
    m_impl->deskRaster.forget();
}

double KioskView::wakeAfterSeconds() const { return m_impl->wake; }

void KioskView::wipe() {
    m_impl->state = UiState{};
    m_impl->figureRaster.forget();
    m_impl->state.highContrast = m_impl->options.highContrast;
    m_impl->wake = -1;
}

KioskView::DisplayChoices KioskView::displayChoices() const {
    return {m_impl->state.largerText, m_impl->state.highContrast};
}

void KioskView::setDisplayChoices(DisplayChoices choices) {
    m_impl->state.largerText = choices.largerText;
    m_impl->state.highContrast = choices.highContrast;
}

void KioskView::setLogo(void* texture, int width, int height) {
    m_impl->options.logoTexture = texture;
    m_impl->options.logoWidth = width;
    m_impl->options.logoHeight = height;
}

void KioskView::setReadAloud(bool available, bool on, bool speaking) {
    m_impl->readAloud.available = available;
    m_impl->readAloud.on = on;
    m_impl->readAloud.speaking = speaking;
}

void KioskView::setTextureSink(TextureSink* sink) { m_impl->options.textures = sink; }

UiRequests KioskView::takeRequests() {
    UiRequests r = m_impl->requests;
    m_impl->requests = {};
    return r;
}

const WidgetRegistry& KioskView::registry() const { return m_impl->registry; }

}  // namespace kiosk::ui
