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

// A clinic name, a logo, the intake's long welcome text and Larger text together are taller than
// 1280x800: the spacing and then the logo give way, never the Start button.
TEST_F(UiTest, StartStaysFullyOnScreenWithALogoANameAndLargerText) {
    form->description = tx(
        "Welcome! These questions help your therapist plan a safe, comfortable treatment. It takes about "
        "10 minutes. You can go back and change any answer.",
        "¡Le damos la bienvenida! Estas preguntas ayudan a su terapeuta a planear un tratamiento seguro y "
        "cómodo. Toma unos 10 minutos. Puede regresar y cambiar cualquier respuesta.");
    struct Case {
        float w, h;
        bool larger;
        const char* lang;
    };
    for (const Case c : {Case{1920, 1080, false, "en"}, Case{1920, 1080, true, "en"}, Case{1280, 800, false, "en"},
                         Case{1280, 800, true, "en"}, Case{1280, 800, true, "es"}, Case{1920, 1080, true, "es"}}) {
        UiOptions o = withLogo(300, 300);
        o.clinicName = "Riverside Pain and Wellness Clinic";
        session = FakeSession(form);  // back on the welcome screen
        start(c.w, c.h, o);
        if (c.larger) ui->tap("toggle/larger_text");
        if (std::string(c.lang) != "en") ui->tap("lang/" + std::string(c.lang));
        ui->frames(3);
        const std::string what = std::to_string(static_cast<int>(c.w)) + "x" + std::to_string(static_cast<int>(c.h)) +
                                 (c.larger ? " larger " : " normal ") + c.lang;
        const WidgetInfo* s = ui->find("start");
        ASSERT_NE(s, nullptr) << what;
        EXPECT_GE(s->rect.y, 0.0f) << what;
        EXPECT_LE(s->rect.bottom(), c.h) << what << ": Start is pushed off the bottom";
        EXPECT_NEAR(s->visible.h, s->rect.h, 0.5f) << what << ": Start is partly hidden";
        EXPECT_GE(s->rect.h, 64.0f * c.h / 1080.0f) << what;
        const Quad q = drawnWith(kFakeTexture);
        if (q.commands > 0) {  // the logo, when it stays, is above everything else and not squashed
            EXPECT_NEAR(q.width(), q.height(), 0.5f) << what;
            EXPECT_LT(q.y1, ui->rect("lang/en").y) << what;
        }
        if (!c.larger && c.h == 1080) {
            EXPECT_EQ(q.commands, 1) << what << ": room enough for the logo";
        }
        ASSERT_TRUE(ui->tap("start")) << what;
        EXPECT_NE(lastOf<session::Start>(ui->actions()), nullptr) << what;
    }
}

}  // namespace
}  // namespace kiosk::ui::test
