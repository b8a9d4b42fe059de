// The signature pad's Undo and Clear (kiosk/ui/signature_pad.cpp): what they leave in the answer,
// and buttons as wide as their words in both languages.
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

class SignatureTest : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        goToPage("more");
        ASSERT_TRUE(ui->scrollIntoView("item/signature/pad"));
    }
    /// A stroke across the pad from (x0, y0) to (x1, y1), in pad fractions.
    void stroke(float x0, float y0, float x1, float y1) {
        const Rect pad = ui->rect("item/signature/pad");
        ui->drag(pad.x + pad.w * x0, pad.y + pad.h * y0, pad.x + pad.w * x1, pad.y + pad.h * y1, 6);
    }
    const forms::Signature* sig() const { return answer<forms::Signature>("signature"); }
};

TEST_F(SignatureTest, UndoRemovesOnlyTheLastStroke) {
    ui->frame();
    EXPECT_FALSE(ui->find("item/signature/undo")->enabled);  // nothing to undo yet
    stroke(0.1f, 0.5f, 0.4f, 0.3f);
    stroke(0.5f, 0.6f, 0.8f, 0.2f);
    stroke(0.2f, 0.8f, 0.9f, 0.8f);
    ASSERT_NE(sig(), nullptr);
    ASSERT_EQ(sig()->strokes.size(), 3u);
    const forms::Signature firstTwo{{sig()->strokes[0], sig()->strokes[1]}};
    ASSERT_TRUE(ui->tap("item/signature/undo"));
    ASSERT_NE(sig(), nullptr);
    EXPECT_EQ(*sig(), firstTwo);
    ASSERT_TRUE(ui->tap("item/signature/undo"));
    ASSERT_EQ(sig()->strokes.size(), 1u);
    EXPECT_EQ(sig()->strokes[0], firstTwo.strokes[0]);
    ASSERT_TRUE(ui->tap("item/signature/undo"));  // the last stroke: no signature at all
    EXPECT_EQ(session.answers.count("signature"), 0u);
    EXPECT_NE(lastOf<session::ClearAnswer>(ui->actions()), nullptr);
    EXPECT_FALSE(ui->find("item/signature/undo")->enabled);
    EXPECT_FALSE(ui->find("item/signature/clear")->enabled);
    stroke(0.3f, 0.3f, 0.6f, 0.6f);  // signing again after undoing everything
    ASSERT_NE(sig(), nullptr);
    EXPECT_EQ(sig()->strokes.size(), 1u);
}

TEST_F(SignatureTest, ClearRemovesEveryStroke) {
    stroke(0.1f, 0.5f, 0.4f, 0.3f);
    stroke(0.5f, 0.6f, 0.8f, 0.2f);
    ASSERT_EQ(sig()->strokes.size(), 2u);
    ASSERT_TRUE(ui->tap("item/signature/clear"));
    EXPECT_EQ(session.answers.count("signature"), 0u);
    EXPECT_FALSE(ui->find("item/signature/clear")->enabled);
}

// Both buttons wide enough for their words on one line (Spanish "Borrar y firmar de nuevo" too).
using SignatureSizesTest = SizedUiTest;

TEST_P(SignatureSizesTest, ButtonsAreAsWideAsTheirWords) {
    goToPage("more");
    ASSERT_TRUE(ui->scrollIntoView("item/signature/clear"));
    const float em = emPx(larger()), target = 2.25f * em;  // Theme::targetEm
    for (const char* key : {"item/signature/undo", "item/signature/clear"}) {
        const WidgetInfo* wi = ui->find(key);
        ASSERT_NE(wi, nullptr) << key;
        EXPECT_EQ(wi->label, ui->catalog().tr(lang(), std::string("ui.signature.") + (key + 15)));
        EXPECT_GE(wi->rect.w, boldWidth(wi->label, larger()) + 2 * 0.6f * em) << key << " \"" << wi->label << "\"";
        EXPECT_NEAR(wi->rect.h, target, 0.5f) << key << ": one line of text";
    }
    const Rect undo = ui->rect("item/signature/undo"), clear = ui->rect("item/signature/clear");
    EXPECT_GE(gapBetween(undo, clear), 12.0f * ui->height() / 1080.0f - 0.5f);
    EXPECT_EQ(undo.y, clear.y) << "side by side";
}

INSTANTIATE_TEST_SUITE_P(Ui, SignatureSizesTest,
                         ::testing::Values(Display{1920, 1080, false, "es"}, Display{1920, 1080, true, "es"},
                                           Display{1280, 800, false, "es"}, Display{1280, 800, true, "es"},
                                           Display{1280, 800, true, "en"}));

}  // namespace
}  // namespace kiosk::ui::test
