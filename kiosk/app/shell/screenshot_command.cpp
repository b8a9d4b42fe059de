// `screenshot`: drive a real Intake to the requested screen, draw it offscreen, save a PNG.
//
// [SECTION] Rendering             framebuffer object, frames, tapping a toggle, PNG via cairo
#include "kiosk/app/shell/screenshot_command.h"

#include "kiosk/core/file_error.h"
#include "kiosk/core/log.h"

#define GL_GLEXT_PROTOTYPES 1
#include <CLI/CLI.hpp>
#include <GL/gl.h>
#include <GL/glext.h>
#include <cairo.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <imgui.h>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/content.h"
#include "kiosk/app/cli/demo_drive.h"
#include "kiosk/app/shell/gl_texture_sink.h"
#include "kiosk/app/shell/logo_texture.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/app/cli/session_settings.h"
#include "kiosk/app/cli/window_commands.h"
#include "kiosk/app/shell/desk_demo.h"
#include "kiosk/app/shell/window.h"
#include "kiosk/session/intake.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/widget_registry.h"

namespace kiosk::app {

namespace {

// [SECTION] Rendering
/// An offscreen colour buffer: a hidden window's default framebuffer has no pixels to read back.
class OffscreenTarget {
  public:
    OffscreenTarget(int width, int height) {
        glGenFramebuffers(1, &m_fbo);
        glGenRenderbuffers(1, &m_color);
        glBindRenderbuffer(GL_RENDERBUFFER, m_color);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color);
        m_ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~OffscreenTarget() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteRenderbuffers(1, &m_color);
        glDeleteFramebuffers(1, &m_fbo);
    }
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    bool ok() const { return m_ok; }

  private:
    GLuint m_fbo = 0, m_color = 0;
    bool m_ok = false;
};

/// Reads the framebuffer (bottom-up RGBA) and writes it top-down as a PNG with cairo.
core::Result<void> writePng(int width, int height, const std::string& path) {
    std::vector<unsigned char> rgba(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* dst = cairo_image_surface_get_data(surface);
    cairo_surface_flush(surface);
    for (int y = 0; y < height; ++y) {
        const unsigned char* src =
            rgba.data() + static_cast<size_t>(height - 1 - y) * static_cast<size_t>(width) * 4;
        auto* row = reinterpret_cast<uint32_t*>(dst + static_cast<size_t>(y) * static_cast<size_t>(stride));
        for (int x = 0; x < width; ++x, src += 4) {  // cairo RGB24: 0x00RRGGBB in native endianness
            row[x] = (uint32_t{src[0]} << 16) | (uint32_t{src[1]} << 8) | uint32_t{src[2]};
        }
    }
    cairo_surface_mark_dirty(surface);
    // Opened here, not by cairo, so that a failure says why ("the folder X does not exist"), not
    // cairo's "error while writing to output stream".
    std::FILE* file = std::fopen(path.c_str(), "wb");
    int err = file ? 0 : errno;
    cairo_status_t status = CAIRO_STATUS_WRITE_ERROR;
    if (file) {
        status = cairo_surface_write_to_png_stream(
            surface,
            [](void* closure, const unsigned char* data, unsigned int length) {
                return std::fwrite(data, 1, length, static_cast<std::FILE*>(closure)) == length
                           ? CAIRO_STATUS_SUCCESS
                           : CAIRO_STATUS_WRITE_ERROR;
            },
            file);
        if (status != CAIRO_STATUS_SUCCESS && err == 0) err = errno;
        if (std::fclose(file) != 0 && err == 0) err = errno;
    }
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || err != 0) {
        std::string folder = std::filesystem::path(path).parent_path().string();
        if (folder.empty()) folder = ".";
        return core::makeError(core::ErrorCode::Io,
                               "cannot write the PNG: " +
                                   (err != 0 ? core::fileErrorReason(err, folder) : cairo_status_to_string(status)),
                               core::SourceLoc{path});
    }
    return {};
}

/// Draws @p frames frames of the current view model; actions from the UI are applied.
void drawFrames(Window& window, ui::KioskView& view, session::Intake& intake, session::TimePoint now,
                int frames, const Window::Pointer* pointer = nullptr) {
    for (int i = 0; i < frames; ++i) {
        window.beginFrame(pointer);
        for (const auto& action : view.draw(intake.view(), intake.form(), now))
            (void)intake.apply(action);  // effects are not run: nothing is saved
        window.endFrame(1.0f, 1.0f, 1.0f);
    }
}

/// Taps the middle of what shows of @p w like a finger: press one frame, release the next; half a
/// second after the last tap, as a person looks first (the kiosk ignores a tap that comes as its
/// screen appears: the second half of a double tap, widgets.h).
void tapWidget(Window& window, ui::KioskView& view, session::Intake& intake, session::TimePoint& now,
               const ui::WidgetInfo& w) {
    now += std::chrono::milliseconds(500);
    const ui::Rect& r = w.visible.empty() ? w.rect : w.visible;
    const Window::Pointer press{r.x + r.w / 2, r.y + r.h / 2, true};
    Window::Pointer release = press;
    release.down = false;
    drawFrames(window, view, intake, now, 1, &release);  // hover first, as a real pointer would
    drawFrames(window, view, intake, now, 1, &press);
    drawFrames(window, view, intake, now, 1, &release);
}

/// Taps the first toggle whose key mentions @p word.
bool tapToggle(Window& window, ui::KioskView& view, session::Intake& intake, session::TimePoint& now,
               const std::string& word) {
    for (const auto& w : view.registry().widgets()) {
        if (w.kind != ui::WidgetKind::Toggle || w.key.find(word) == std::string::npos) continue;
        const ui::WidgetInfo copy = w;  // the registry is rebuilt by the frames the tap draws
        tapWidget(window, view, intake, now, copy);
        return true;
    }
    return false;
}

/// Drags the page up by a finger, a stroke at a time (and lets the fling settle), until @p key
/// shows whole; false when it never does.
bool scrollTo(Window& window, ui::KioskView& view, session::Intake& intake, session::TimePoint now,
              const std::string& key, float height) {
    for (int stroke = 0; stroke < 40; ++stroke) {
        const ui::WidgetInfo* w = view.registry().find(key);
        if (w == nullptr) return false;
        if (!w->visible.empty() && w->visible.h >= w->rect.h - 0.5f) return true;
        const float x = 8.0f, from = height * 0.6f, to = height * 0.45f;
        const Window::Pointer hover{x, from, false};
        drawFrames(window, view, intake, now, 1, &hover);
        for (int i = 0; i <= 6; ++i) {
            const Window::Pointer p{x, from + (to - from) * static_cast<float>(i) / 6.0f, true};
            drawFrames(window, view, intake, now, 1, &p);
        }
        const Window::Pointer up{x, to, false};
        drawFrames(window, view, intake, now, 1, &up);
        drawFrames(window, view, intake, now, 30);  // the fling slows down by itself
    }
    return false;
}

}  // namespace

int takeScreenshot(const ScreenshotOptions& options) {
    auto report = [](const std::string& msg) {
        std::fprintf(stderr, "intake-kiosk screenshot: %s\n", msg.c_str());
        return kExitFailure;
    };
    core::LogOptions quiet;  // a command-line tool: only problems, on stderr; no log file
    quiet.stderrLevel = spdlog::level::warn;
    (void)core::initLogging(quiet);

    KioskConfig config;
    if (!options.config.empty()) {
        ConfigLoad load = loadConfig(options.config, true);
        if (!load.ok()) return report(load.errors.front().format());
        config = *load.config;
    }
    if (!options.form.empty()) config.form = options.form;
    if (!options.formsDir.empty()) config.formsDir = options.formsDir;
    if (!options.lang.empty()) config.defaultLanguage = options.lang;
    if (options.highContrast) config.theme = ThemeChoice::HighContrast;
    resolveFolders(config, defaultBundlePaths());
    const WindowMode size = *WindowMode::parse(options.size);

    Content content = loadContent(config);
    if (!content.ok()) {
        std::string all = content.problemTitle;
        for (const auto& p : content.problems)
            all += "\n  " + p;
        return report(all);
    }

    WindowOptions windowOptions;
    windowOptions.mode = size;
    windowOptions.hidden = true;
    auto window = Window::open(windowOptions);
    if (!window) return report(window.error().message);
    OffscreenTarget target(size.width, size.height);
    if (!target.ok()) return report("cannot create an offscreen framebuffer of " + options.size);

    ui::UiOptions ui;
    ui.clinicName = config.clinicName;
    ui.logoPath = config.logoPath;
    ui.highContrast = config.theme == ThemeChoice::HighContrast;
    ui.bodyFigure = content.figure;
    GlTextureSink textures;  // after the window: deleted while its GL context lives
    ui.textures = &textures;
    std::unique_ptr<LogoTexture> logo;  // after the window: deleted while its GL context lives
    if (!config.logoPath.empty()) {
        if (auto loaded = loadLogoTexture(config.logoPath); !loaded) {
            core::logger()->warn("{} (drawn without a logo)", loaded.error().format());
        } else {
            logo = std::move(*loaded);
            ui.logoTexture = logo->imguiId();
            ui.logoWidth = logo->width();
            ui.logoHeight = logo->height();
        }
    }
    ui::KioskView view(content.catalog, ui);
    if (auto fonts = view.loadFonts(static_cast<float>(size.height)); !fonts)
        return report(fonts.error().format());
    (*window)->uploadFonts();

    if (isDeskScreen(options.screen)) {  // the staff desk over a demo database
        auto demo = DemoDesk::make(content, options.screen, session::SteadyClock::now());
        if (!demo) return report(options.screen + ": " + demo.error().message);
        staff::Desk& desk = (*demo)->desk();
        for (int i = 0; i < 5; ++i) {
            (*window)->beginFrame(nullptr);
            for (const auto& action : view.drawDesk(desk.view(), session::SteadyClock::now())) desk.apply(action);
            (*window)->endFrame(1.0f, 1.0f, 1.0f);
        }
        if (auto r = writePng(size.width, size.height, options.output); !r) return report(r.error().format());
        return kExitOk;
    }

    const session::IntakeConfig timing = intakeConfigOf(config, content.lang);
    session::Intake intake(content.form, content.catalog, timing);
    session::TimePoint now = session::SteadyClock::now();  // moved on by each tap
    if (auto r = driveToScreen(intake, options.screen, content.lang, timing, now); !r) {
        return report(options.screen + ": " + r.error().message);
    }

    drawFrames(**window, view, intake, now, 3);  // ImGui lays windows out over a couple of frames
    if (options.largerText && !tapToggle(**window, view, intake, now, "larger")) {
        core::logger()->warn("the {} screen shows no \"Larger text\" toggle; drawn at normal size",
                             options.screen);
    }
    // The toggle takes effect the frame after its tap: lay the larger page out before a --tap
    // looks for its widget there.
    drawFrames(**window, view, intake, now, 3);
    for (const std::string& key : options.taps) {
        const ui::WidgetInfo* w = view.registry().find(key);
        if (w == nullptr) return report("--tap " + key + ": no such widget on the " + options.screen + " screen");
        if (w->visible.empty()) return report("--tap " + key + ": scrolled out of view (a finger could not tap it)");
        const ui::WidgetInfo copy = *w;
        tapWidget(**window, view, intake, now, copy);
        // A tap's answer shows in the frame after; a panel it opens may scroll the page the frame
        // after that, and the next tap must find its button where it is then.
        drawFrames(**window, view, intake, now, 3);
    }
    if (!options.scrollTo.empty() &&
        !scrollTo(**window, view, intake, now, options.scrollTo, static_cast<float>(size.height)))
        return report("--scroll-to " + options.scrollTo + ": no such widget on the " + options.screen +
                      " screen, or scrolling never showed it whole");
    drawFrames(**window, view, intake, now, 2);
    if (auto r = writePng(size.width, size.height, options.output); !r) return report(r.error().format());
    return kExitOk;
}

}  // namespace kiosk::app
