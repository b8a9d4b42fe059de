// The clinic's logo on the welcome screen: one image draw command with the logo's texture, fitted
// to 3 em high / 40 % of the column wide with its aspect ratio kept; nothing when no logo is set.
#include <algorithm>
#include <cstdint>

#include "kiosk/ui/theme.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

void* const kFakeTexture = reinterpret_cast<void*>(std::uintptr_t{0x5eed});

struct Quad {
    int commands = 0;  ///< draw commands that use the texture
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
};

/// The commands of the last rendered frame that sample @p texture, and the box their vertices span.
Quad drawnWith(void* texture) {
    Quad q;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return q;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId != texture) continue;
            ++q.commands;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const ImDrawVert& v = list->VtxBuffer[static_cast<int>(
                    cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                q.x0 = std::min(q.x0, v.pos.x);
                q.y0 = std::min(q.y0, v.pos.y);
                q.x1 = std::max(q.x1, v.pos.x);
                q.y1 = std::max(q.y1, v.pos.y);
            }
        }
    }
    return q;
}

UiOptions withLogo(int width, int height) {
    UiOptions o;
    o.clinicName = "Riverside Pain Clinic";
    o.logoTexture = kFakeTexture;
    o.logoWidth = width;
    o.logoHeight = height;
    return o;
}

TEST_F(UiTest, WelcomeWithoutLogoDrawsNoImage) {
    ui->frames(2);
    EXPECT_EQ(drawnWith(kFakeTexture).commands, 0);
}

TEST_F(UiTest, WelcomeDrawsALogoThreeEmHighAndCentred) {
    start(1920, 1080, withLogo(200, 100));
    ui->frames(2);
    const Quad q = drawnWith(kFakeTexture);
    ASSERT_EQ(q.commands, 1);
    const float em = Theme{}.emPx(1080, false);
    EXPECT_NEAR(q.height(), 3 * em, 1.0f);  // limited by height: 2:1 fits 40 % of the column easily
    EXPECT_NEAR(q.width(), 6 * em, 1.0f);
    EXPECT_NEAR((q.x0 + q.x1) * 0.5f, 960.0f, 1.0f);  // centred
}

TEST_F(UiTest, WelcomeFitsAWideLogoToFortyPercentKeepingItsShape) {
    start(1024, 768, withLogo(2000, 100));  // a 20:1 word-mark: limited by width
    ui->frames(2);
    const Quad q = drawnWith(kFakeTexture);
    ASSERT_EQ(q.commands, 1);
    EXPECT_NEAR(q.width() / q.height(), 20.0f, 0.2f);
    EXPECT_LE(q.width(), 1024 * 0.4f + 0.5f);
    EXPECT_GT(q.width(), 1024 * 0.2f);  // really scaled to the limit, not tiny
    EXPECT_LT(q.height(), 3 * Theme{}.emPx(768, false));
}

TEST_F(UiTest, WelcomeLogoComesAboveTheStartButton) {
    start(1920, 1080, withLogo(100, 100));
    ui->frames(2);
    const Quad q = drawnWith(kFakeTexture);
    ASSERT_EQ(q.commands, 1);
    EXPECT_NEAR(q.width(), q.height(), 0.5f);
    EXPECT_LT(q.y1, ui->rect("start").y);
    EXPECT_LT(q.y1, ui->rect("lang/en").y);
}

}  // namespace
}  // namespace kiosk::ui::test
