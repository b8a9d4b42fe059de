#pragma once
// The ui tests' end-to-end fixture (real screens over the bundled intake, tapped by key) with app/'s
// own wiring in the middle instead of a fake: an IntakeScene over a RecordSink, fed as runLoop
// feeds it. Every input event (a press, a release, the finger moving) reaches onInput as a Touch
// before the frame, the session ticks at the scene's wake times, and the UI's actions go through
// IntakeScene::apply, whose effects reach the sink.
#include <imgui.h>

#include <memory>
#include <string>

#include "kiosk/app/shell/intake_scene.h"
#include "ui/intake_e2e_fixture.h"

namespace kiosk::app::testing {

class SceneE2e : public ui::test::IntakeE2e {
  protected:
    /// Puts an IntakeScene over @p sink between the screens and the intake (which greets in its
    /// form's first language, English). Call after the last startUi(): the scene keeps the driver's view.
    void wire(RecordSink& sink) {
        scene = std::make_unique<IntakeScene>(*intake, ui->view(), sink);
        beforeFrame = [this] {
            const SteadyTime now = ui->now();
            const ImGuiIO& io = ImGui::GetIO();
            const bool input = io.MouseDown[0] != m_lastDown || io.MousePos.x != m_lastPos.x ||
                               io.MousePos.y != m_lastPos.y;
            m_lastDown = io.MouseDown[0];
            m_lastPos = io.MousePos;
            if (input) scene->onInput(now);
            if (auto wake = scene->nextWake(now); wake && *wake <= now) scene->onTick(now);
        };
        routeAction = [this](const session::Action& a) { scene->apply(a); };
        ui->frames(2);
    }

    std::unique_ptr<IntakeScene> scene;

  private:
    bool m_lastDown = false;
    ImVec2 m_lastPos{-1, -1};
};

}  // namespace kiosk::app::testing
