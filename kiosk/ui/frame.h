#pragma once
// Frame: what every draw function of one frame needs (theme, strings, registry, state, action
// sink), passed by reference so screens stay plain functions of the view model (STYLE.md #3).
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/bodymap/figure.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/actions.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/ui_state.h"
#include "kiosk/ui/widget_registry.h"

namespace kiosk::ui {

using ActionSink = std::vector<session::Action>;
class FigureRaster;  // ui/figure_raster.h
class TextureSink;   // ui/texture_sink.h

/// @brief The clinic's logo (UiOptions::logoTexture): texture nullptr = none.
struct LogoImage {
    void* texture = nullptr;  ///< ImTextureID
    int width = 0, height = 0;
};

/// @brief Read aloud as app/ reports it, and this frame's taps on it (ui/ never sees speech/).
struct ReadAloudUi {
    bool available = false;  ///< a voice for the language and a sound device: the buttons show
    bool on = false;         ///< read-aloud reads each new screen
    bool speaking = false;   ///< reading now: the top-bar button says "Stop reading"
    bool tapped = false;     ///< this frame: the top-bar button
    bool toggled = false;    ///< this frame: the welcome screen's switch
};

struct Frame {
    const Theme& theme;
    const Palette& pal;
    const FontSizeSet& fonts;
    const core::Catalog& catalog;
    const forms::Form& form;
    std::string lang;
    WidgetRegistry& registry;
    UiState& state;
    ActionSink& out;
    session::TimePoint now;
    core::CalendarDay today;  ///< the local day (UiOptions::clock): the date picker's years end here
    float em;              ///< px per em this frame (display height and larger text applied)
    float displayW, displayH;
    std::string clinicName;  ///< from UiOptions; "" = not shown
    LogoImage logo;          ///< from UiOptions
    const bodymap::Figure* bodyFigure;  ///< the drawn body map (UiOptions); null: body maps show as lists
    FigureRaster* figureRaster;         ///< the figure's textures, kept between frames
    TextureSink* textures;              ///< where pixels go; null headless (the figure then has none)
    ReadAloudUi* readAloud = nullptr;  ///< nullptr: no read-aloud buttons (headless tools)

    /// @p ems in whole pixels. ImGui lays each line out on a whole pixel by truncating (toward zero),
    /// so for content scrolled above the screen's top (negative y) a fractional size rounds the
    /// other way: the page's answers shifted a pixel or two as it scrolled (issue 20). Whole-pixel
    /// sizes round the same everywhere.
    float px(float ems) const { return std::round(ems * em); }
    const std::string& tr(std::string_view key) const { return catalog.tr(lang, key); }
    std::string fmt(std::string_view key, const std::vector<std::string>& args) const {
        return catalog.format(lang, key, args);
    }
    /// A sentence about @p n things (core::Catalog::count: "1 second", "2 seconds").
    std::string count(std::string_view key, long long n, const std::vector<std::string>& more = {}) const {
        return catalog.count(lang, key, n, more);
    }
    /// A form text in the patient's language (the form's first language as fallback).
    const std::string& text(const forms::Text& t) const {
        return t.get(lang, core::pickLanguage(form.languages));
    }
    void emit(session::Action action) { out.push_back(std::move(action)); }
};

}  // namespace kiosk::ui
