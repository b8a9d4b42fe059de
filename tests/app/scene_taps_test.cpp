// The app's own wiring under real taps: the screens (the ui tests' driver) drive an IntakeScene the
// way the GLFW loop does: every input event reaches IntakeScene::onInput as a Touch before the
// frame, the session ticks at the scene's deadlines, and the UI's actions go through
// IntakeScene::apply. The ui e2e tests drive session::Intake directly and cannot see bugs in this
// layer (a touch on the welcome screen once reset the patient's language choice).
#include <gtest/gtest.h>

#include <imgui.h>

#include "kiosk/app/intake_scene.h"
#include "kiosk/forms/loader.h"
#include "ui/ui_driver.h"

namespace kiosk::app {
namespace {

using session::Screen;

class SceneTaps : public ::testing::Test {
  protected:
    void SetUp() override {
        forms::LoadResult loaded = forms::loadForm(KIOSK_SOURCE_DIR "/forms/intake.yaml");
        ASSERT_TRUE(loaded.ok());
        m_form = loaded.form;
        m_intake = std::make_unique<session::Intake>(m_form, m_catalog, m_timing);
        m_ui = std::make_unique<ui::test::UiDriver>(
            1280.0f, 800.0f, *m_form,
            [this] {  // what runLoop does before each frame
                const SteadyTime now = m_ui->now();
                const ImGuiIO& io = ImGui::GetIO();
                const bool input = io.MouseDown[0] != m_lastDown || io.MousePos.x != m_lastPos.x ||
                                   io.MousePos.y != m_lastPos.y;
                m_lastDown = io.MouseDown[0];
                m_lastPos = io.MousePos;
                if (m_scene && input) m_scene->onInput(now);
                if (m_scene) {
                    if (auto wake = m_scene->nextWake(now); wake && *wake <= now) m_scene->onTick(now);
                }
                return m_intake->view();
            },
            [this](const session::Action& a) {
                if (m_scene) m_scene->apply(a, m_ui->now());
            });
        m_scene = std::make_unique<IntakeScene>(*m_intake, m_ui->view(), m_sink, m_timing, "en");
        m_ui->frames(2);
    }

    core::Catalog m_catalog = ui::test::loadCatalog();
    std::shared_ptr<const forms::Form> m_form;
    session::IntakeConfig m_timing;
    MemoryRecordSink m_sink;
    std::unique_ptr<session::Intake> m_intake;
    std::unique_ptr<ui::test::UiDriver> m_ui;
    std::unique_ptr<IntakeScene> m_scene;
    bool m_lastDown = false;
    ImVec2 m_lastPos{-1, -1};
};

TEST_F(SceneTaps, ASpanishSpeakerTapsEspanolThenStartAndGetsSpanish) {
    ASSERT_EQ(m_intake->view().lang, "en");  // the clinic greets in English
    ASSERT_TRUE(m_ui->tap("lang/es"));
    m_ui->frames(3);  // the finger moves about before Start: each move is input, not a new patient
    EXPECT_EQ(m_intake->view().lang, "es");
    ASSERT_TRUE(m_ui->tap("start"));
    ASSERT_EQ(m_intake->screen(), Screen::Page);
    EXPECT_EQ(m_intake->view().lang, "es");
    EXPECT_EQ(m_ui->find("next")->label, "Siguiente");
}

TEST_F(SceneTaps, LargerTextSurvivesAGoBackToTheWelcomeScreenWithAnswers) {
    ASSERT_TRUE(m_ui->tap("start"));
    m_ui->type("first_name", "Ana");
    ASSERT_TRUE(m_ui->tap("toggle/larger_text"));
    ASSERT_TRUE(m_ui->tap("back"));
    ASSERT_EQ(m_intake->screen(), Screen::Welcome);
    m_ui->frames(2);
    ASSERT_NE(m_ui->find("toggle/larger_text"), nullptr);
    EXPECT_TRUE(m_ui->find("toggle/larger_text")->selected);
}

}  // namespace
}  // namespace kiosk::app
