// UX.md "Targets and text": every tappable thing on every screen is >= 64 px high (and wide) at
// 1920x1080, scaling with the display, and no two are closer than 12 px. Checked from the registry
// on every screen, with each keyboard open, at normal and larger text, at 1080p and 1280x800.
#include <sstream>

#include "kiosk/bodymap/regions.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

struct Size {
    float w, h;
};

class TargetsTest : public UiTest, public ::testing::WithParamInterface<std::tuple<Size, bool>> {
protected:
    void SetUp() override {
        const auto [size, larger] = GetParam();
        start(size.w, size.h);
        if (larger) ui->tap("toggle/larger_text");
    }

    void check(const std::string& scenario) { checked += expectTargets(*ui, scenario); }
    int checked = 0;
};

TEST_P(TargetsTest, EveryScreenMeetsTargetSizeAndSpacing) {
    using S = session::Screen;
    check("welcome");
    for (const auto& page : form->pages) {
        goToPage(page.id);
        check("page " + page.id);
        // Scroll to the end too: what a long page shows further down.
        for (int i = 0; i < 6; ++i) ui->drag(8, ui->height() * 0.7f, 8, ui->height() * 0.3f, 6);
        check("page " + page.id + " scrolled");
    }
    forEachKeyboard(*ui, [&](const std::string& id) { goToPage(id); }, [&](const std::string& what) { check(what); });
    goToPage("body");
    ui->tap("item/pain_map/" + std::string(bodymap::regions().front().id));
    check("body map detail");
    session.errors["pain_map"] = "Please mark where it hurts.";
    check("page with an error");
    session.errors.clear();
    for (S s : {S::Review, S::Saving, S::SaveFailed, S::ThankYou}) {
        session.screen = s;
        check("screen " + std::to_string(static_cast<int>(s)));
    }
    session.idleWarning = true;
    session.idleSecondsLeft = 20;
    check("idle overlay");
    session.idleWarning = false;
    session.screen = S::Welcome;
    ui->frames(2);
    ui->hold("staff/corner", 3.5);
    check("staff PIN pad");
    EXPECT_GT(checked, 500);
}

std::string name(const ::testing::TestParamInfo<std::tuple<Size, bool>>& info) {
    const auto [size, larger] = info.param;
    std::ostringstream s;
    s << static_cast<int>(size.w) << "x" << static_cast<int>(size.h) << (larger ? "_larger" : "_normal");
    return s.str();
}

INSTANTIATE_TEST_SUITE_P(Displays, TargetsTest,
                         ::testing::Combine(::testing::Values(Size{1920, 1080}, Size{1280, 800}),
                                            ::testing::Bool()),
                         name);

}  // namespace
}  // namespace kiosk::ui::test
