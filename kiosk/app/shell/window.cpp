#include "kiosk/app/shell/window.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <imgui.h>

#include "kiosk/core/log.h"

namespace kiosk::app {
namespace {

std::string g_lastGlfwError;  // GLFW reports through a C callback; the last message explains a failure

void onGlfwError(int code, const char* message) {
    g_lastGlfwError = message ? message : "unknown";
    core::logger()->warn("GLFW error {}: {}", code, g_lastGlfwError);
}

}  // namespace

Window* Window::self(GLFWwindow* window) { return static_cast<Window*>(glfwGetWindowUserPointer(window)); }

void Window::installCallbacks() {
    glfwSetWindowUserPointer(m_window, this);
    glfwSetWindowCloseCallback(m_window, [](GLFWwindow* w) {
        // Alt+F4 or a window manager's close: a patient must not be able to leave the kiosk.
        if (self(w)->m_closeAllowed) return;
        glfwSetWindowShouldClose(w, GLFW_FALSE);
        core::logger()->info("window close request ignored");
    });
    // Input: installed before ImGui_ImplGlfw_InitForOpenGL, which chains to them (1.86 keeps the
    // previous callbacks and calls them). ImGui reads the cursor position itself each frame.
    glfwSetMouseButtonCallback(m_window, [](GLFWwindow* w, int, int, int) { self(w)->m_input = true; });
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { self(w)->m_input = true; });
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { self(w)->m_input = true; });
    glfwSetKeyCallback(m_window, [](GLFWwindow* w, int, int, int, int) { self(w)->m_input = true; });
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int) { self(w)->m_input = true; });
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { self(w)->m_damage = true; });
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) { self(w)->m_damage = true; });
}

bool Window::takeInput() {
    const bool seen = m_input;
    m_input = false;
    return seen;
}

bool Window::takeDamage() {
    const bool seen = m_damage;
    m_damage = false;
    return seen;
}

void reportFirstFrame() {
    const char* bench = std::getenv("KIOSK_BENCH");
    if (!bench || std::string(bench) != "1") return;
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    std::printf("FIRST_FRAME_MS %lld\n", static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000);
    std::fflush(stdout);
}

core::Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options,
                                                   const std::function<void(float)>& whileOpening) {
    using core::ErrorCode;
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        return core::makeError(
            ErrorCode::Io,
            "no display available (is DISPLAY set? under CI use xvfb-run): " + g_lastGlfwError);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, options.hidden ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay on screen if focus moves (a kiosk has one app)

    GLFWmonitor* monitor = nullptr;
    int width = options.mode.width, height = options.mode.height;
    if (options.mode.fullscreen && !options.hidden) {
        monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* vm = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!vm) {
            glfwTerminate();
            return core::makeError(ErrorCode::Io, "no monitor found for the fullscreen kiosk");
        }
        width = vm->width;
        height = vm->height;
    }
    auto win = std::unique_ptr<Window>(new Window());

    // The ImGui context exists before the window so that @p whileOpening can build fonts into its
    // atlas while this thread waits for X and the GL driver. The backends attach later.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    win->m_imguiContext = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk writes no imgui.ini
    io.LogFilename = nullptr;
    if (monitor) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // no pointer shapes: see below
    if (whileOpening) whileOpening(static_cast<float>(height));

    win->m_window = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!win->m_window) {  // ~Window terminates GLFW
        // Work started by whileOpening may still use the ImGui context: leave it to the exiting process.
        if (whileOpening) win->m_imguiContext = false;
        return core::makeError(ErrorCode::Io, "cannot open an OpenGL 3.0 window: " + g_lastGlfwError);
    }
    win->installCallbacks();
    glfwMakeContextCurrent(win->m_window);
    glfwSwapInterval(1);
    // A touchscreen kiosk shows no pointer.
    if (monitor) glfwSetInputMode(win->m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    if (!whileOpening) win->attachImGui();
    return win;
}

void Window::attachImGui() {
    if (m_imguiReady) return;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    m_imguiReady = true;
}

Window::~Window() {
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (m_imguiContext) ImGui::DestroyContext();
    if (m_window) glfwDestroyWindow(m_window);
    glfwTerminate();
}

void Window::uploadFonts() {
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // shaders + font texture, once; NewFrame then skips it
    ImGui::GetIO().Fonts->ClearTexData();
}

void Window::beginFrame(const Pointer* pointer) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (pointer) {  // after the backend, which writes the real (absent) pointer into io
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(pointer->x, pointer->y);
        io.MouseDown[0] = pointer->down;
    }
    ImGui::NewFrame();
}

void Window::endFrame(float r, float g, float b) {
    ImGui::Render();
    glViewport(0, 0, framebufferWidth(), framebufferHeight());
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() {
    glfwSwapBuffers(m_window);
    if (!m_firstSwapDone) {
        m_firstSwapDone = true;
        reportFirstFrame();
    }
}

void Window::allowClose() {
    m_closeAllowed = true;
    glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

int Window::framebufferWidth() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    return w;
}

int Window::framebufferHeight() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    return h;
}

}  // namespace kiosk::app
