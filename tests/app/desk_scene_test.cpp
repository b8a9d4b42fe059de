// app/'s wiring of the staff desk: the staff gesture and PIN on the real patient screens lead to the
// desk (not to the end of the program), Leave or 2 minutes without a touch lead back to the intake,
// and "Close the kiosk" ends the loop. Frames are drawn through KioskScenes as runLoop draws them.
#include <imgui.h>

#include "kiosk/app/shell/desk_scene.h"
#include "kiosk/app/cli/effects.h"
#include "staff/desk_fixture.h"
#include "ui/ui_driver.h"

namespace kiosk::app {
namespace {
using namespace kiosk::staff::testing;

class DeskSceneTest : public DeskFixture {
protected:
    void SetUp() override {
        DeskFixture::SetUp();
        ui::UiOptions uiOptions;
        uiOptions.staffPin = "2468";
        driver = std::make_unique<ui::test::UiDriver>(1920, 1080, *form, [] { return session::ViewModel{}; }, nullptr,
                                                      uiOptions);
        intake = std::make_unique<session::Intake>(form, *catalog);
        scene = std::make_unique<IntakeScene>(*intake, driver->view(), sink);
        desk = std::make_unique<staff::Desk>(*store, *catalog, options());
        scenes = std::make_unique<KioskScenes>(*scene, driver->view(), *desk, [this] { ++deskClosed; });
        frame();
    }
    void TearDown() override {
        scenes.reset();
        scene.reset();
        desk.reset();
        driver.reset();  // its ImGui context goes last
    }

    /// One frame as runLoop draws it: input first, a tick when due, then draw.
    void frame(bool input = false) {
        now += std::chrono::milliseconds(17);
        if (input) scenes->onInput(now);
        if (auto wake = scenes->nextWake(now); wake && *wake <= now) scenes->onTick(now);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        scenes->draw(now);
        ImGui::Render();
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }
    bool tap(const std::string& key) {
        frame();
        now += std::chrono::milliseconds(500);  // a person looks first (a tap as a screen shows is ignored)
        frame();
        const ui::WidgetInfo* w = driver->find(key);
        if (!w) {
            ADD_FAILURE() << "no widget " << key;
            return false;
        }
        const float x = w->visible.x + w->visible.w / 2, y = w->visible.y + w->visible.h / 2;
        mouse(x, y, false);
        frame(true);
        mouse(x, y, true);
        frame(true);
        mouse(x, y, false);
        frame(true);
        frame();
        return true;
    }
    void enterDesk() {
        mouse(10, 10, true);  // the staff gesture: hold the top-left corner for 3 s
        frame(true);
        for (int i = 0; i < 40; ++i) {
            now += std::chrono::milliseconds(100);
            frame();
        }
        mouse(10, 10, false);
        frame(true);
        for (const char* key : {"staff/pin/2", "staff/pin/4", "staff/pin/6", "staff/pin/8", "staff/pin/ok"})
            ASSERT_TRUE(tap(key));
        frame();
    }

    MemoryRecordSink sink;
    std::unique_ptr<ui::test::UiDriver> driver;
    std::unique_ptr<session::Intake> intake;
    std::unique_ptr<IntakeScene> scene;
    std::unique_ptr<KioskScenes> scenes;
    session::TimePoint now = kT0;
    int deskClosed = 0;  ///< times the kiosk was told a staff visit ended (it wakes its pusher)
};

TEST_F(DeskSceneTest, TheGateLeadsToTheDeskAndLeaveBackToThePatients) {
    ASSERT_TRUE(driver->exists("start"));
    enterDesk();
    EXPECT_TRUE(scenes->inDesk());
    EXPECT_FALSE(scenes->wantsExit());
    EXPECT_TRUE(driver->exists("desk/unlock"));
    EXPECT_TRUE(driver->exists("desk/row/" + red));
    EXPECT_EQ(deskClosed, 0);
    ASSERT_TRUE(tap("desk/leave"));
    EXPECT_FALSE(scenes->inDesk());
    EXPECT_FALSE(scenes->wantsExit());
    EXPECT_EQ(deskClosed, 1) << "marks made at the desk go to the clinic server now, not at the next poll";
    frame();
    EXPECT_TRUE(driver->exists("start"));
    EXPECT_FALSE(driver->exists("desk/unlock"));
}

TEST_F(DeskSceneTest, TwoMinutesWithoutATouchOnTheDeskReturnToThePatients) {
    enterDesk();
    ASSERT_TRUE(scenes->inDesk());
    const auto wake = scenes->nextWake(now);
    ASSERT_TRUE(wake);
    EXPECT_LE(*wake, now + std::chrono::seconds(120));
    now += std::chrono::seconds(121);
    frame();
    EXPECT_FALSE(scenes->inDesk());
    EXPECT_TRUE(desk->left());
    EXPECT_FALSE(desk->unlocked());
    EXPECT_EQ(deskClosed, 1);
}

TEST_F(DeskSceneTest, CloseTheKioskFromTheDeskEndsTheLoop) {
    enterDesk();
    ASSERT_TRUE(tap("desk/health"));
    ASSERT_TRUE(tap("desk/close"));
    EXPECT_TRUE(scenes->wantsExit());
}

}  // namespace
}  // namespace kiosk::app
