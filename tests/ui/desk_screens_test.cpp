// The staff desk's screens driven by taps, headless, on a real Desk and store (the staff tests'
// fixture): unlock on the passphrase keyboard, rows urgent first, the detail with flags before
// scores before answers, review, delete, export, find by date and by name, the staff's language,
// and every target big enough at both reference displays.
#include <cstring>
#include <map>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/bodymap/figure.h"
#include "kiosk/ui/texture_sink.h"
#include "staff/desk_fixture.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {
using namespace kiosk::staff;
using namespace kiosk::staff::testing;

class DeskScreensTest : public DeskFixture {
protected:
    void start(float w = 1920, float h = 1080, UiOptions options = {}) {
        open();
        ui = std::make_unique<UiDriver>(
            w, h, *form, [] { return session::ViewModel{}; }, nullptr, std::move(options));
        ui->showDesk([this] { return desk->view(); }, [this](const DeskAction& a) { desk->apply(a); });
        ui->frames(2);
    }
    void typePassphrase(const std::string& text) {
        for (char ch : text) ASSERT_TRUE(ui->tap(ch == ' ' ? "desk/pass/space" : "desk/pass/" + std::string(1, ch)));
        ASSERT_TRUE(ui->tap("desk/pass/ok"));
    }
    void unlockByTaps() {
        ASSERT_TRUE(ui->tap("desk/unlock"));
        typePassphrase(kPassphrase);
        ASSERT_TRUE(desk->unlocked());
        ui->frames(2);
    }
    std::string label(const std::string& key) const {
        const WidgetInfo* w = ui->find(key);
        return w ? w->label : std::string();
    }
    float textY(const std::string& key) const {
        const TextInfo* t = ui->registry().findText(key);
        EXPECT_TRUE(t) << key;
        return t ? t->rect.y : -1;
    }
    std::string textOf(const std::string& key) const {
        const TextInfo* t = ui->registry().findText(key);
        return t ? t->text : std::string();
    }
    std::unique_ptr<UiDriver> ui;
};

TEST_F(DeskScreensTest, UnlockByTapsShowsNamesAndTheUrgentIntakeFirst) {
    start();
    ASSERT_TRUE(ui->exists("desk/row/" + red));
    EXPECT_EQ(label("desk/row/" + red).find("Testpatient"), std::string::npos);  // locked: no names
    EXPECT_FALSE(ui->exists("desk/export_list/csv"));
    unlockByTaps();
    const std::string urgentRow = label("desk/row/" + red);
    EXPECT_NE(urgentRow.find("Testpatient R."), std::string::npos) << urgentRow;
    EXPECT_NE(urgentRow.find("URGENT"), std::string::npos) << urgentRow;
    EXPECT_LT(ui->rect("desk/row/" + red).y, ui->rect("desk/row/" + spanish).y);
    EXPECT_LT(ui->rect("desk/row/" + spanish).y, ui->rect("desk/row/" + calm).y);
    EXPECT_TRUE(ui->exists("desk/export_list/csv"));
}

// Issue 19: staff read each instrument's score with its band, and the notes that go with it:
// "screening, not a diagnosis" for the 2016 criteria, "not a validated instrument" for our own.
TEST_F(DeskScreensTest, TheDetailShowsInstrumentBandsAndTheirNotes) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/row/" + red));
    EXPECT_NE(textOf("desk/score/start_back_risk").find("High risk (distress 4-5)"), std::string::npos)
        << textOf("desk/score/start_back_risk");
    EXPECT_NE(textOf("desk/score/phq2_total").find("2 - Negative screen"), std::string::npos)
        << textOf("desk/score/phq2_total");
    EXPECT_NE(textOf("desk/score_note/acr_2016_criteria").find("Screening, not a diagnosis"), std::string::npos)
        << textOf("desk/score_note/acr_2016_criteria");
    EXPECT_NE(textOf("desk/score_note/sleep_problems").find("Not a validated instrument"), std::string::npos);
    EXPECT_LT(textY("desk/score/acr_2016_criteria"), textY("desk/score_note/acr_2016_criteria"));
}

// Issue 19: the detail of a returning patient shows each score's change since the last visit (the
// fixture's calm patient came yesterday too, with the same answers), under the scores and before
// the answers, in the staff's language; a first visit shows none.
TEST_F(DeskScreensTest, TheDetailShowsTheChangeSinceThePatientsLastVisit) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/row/" + calm));
    EXPECT_EQ(textOf("desk/change/since"), "Change since the visit of 2026-11-24 (" + form->title.get("en") + ")");
    const std::string pain = textOf("desk/change/pain_nrs_average");
    // "->": the kiosk's font has no U+2192 arrow (it would draw "?").
    EXPECT_NE(pain.find("3 (Mild (1-3)) -> 3 (Mild (1-3)): no change"), std::string::npos) << pain;
    EXPECT_LT(textY("desk/score/pain_nrs_average"), textY("desk/change/since"));
    EXPECT_LT(textY("desk/change/since"), textY("desk/change/pain_nrs_average"));
    EXPECT_LT(textY("desk/change/pain_nrs_average"), textY("desk/answer/first_name"));
    ASSERT_TRUE(ui->tap("desk/lang/es"));
    EXPECT_NE(textOf("desk/change/since").find("Cambio desde la visita del 2026-11-24"), std::string::npos)
        << textOf("desk/change/since");
    EXPECT_NE(textOf("desk/change/pain_nrs_average").find("sin cambios"), std::string::npos)
        << textOf("desk/change/pain_nrs_average");
    ASSERT_TRUE(ui->tap("desk/back"));
    ASSERT_TRUE(ui->tap("desk/row/" + red));  // nobody else by that name
    EXPECT_FALSE(ui->registry().findText("desk/change/since"));
}

TEST_F(DeskScreensTest, TheDetailPutsFlagsBeforeScoresBeforeAnswersAndDrawsTheSignature) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/row/" + red));
    EXPECT_EQ(desk->view().screen, DeskScreen::Detail);
    EXPECT_NE(textOf("desk/flag/bladder_bowel").find("URGENT"), std::string::npos);
    EXPECT_LT(textY("desk/flag/bladder_bowel"), textY("desk/score/pain_intensity"));
    EXPECT_LT(textY("desk/score/pain_intensity"), textY("desk/answer/first_name"));
    EXPECT_LT(textY("desk/answer/first_name"), textY("desk/answer/last_name"));
    EXPECT_EQ(textOf("desk/answer/first_name"), "Testpatient");
    EXPECT_TRUE(ui->scrollIntoView("desk/signature"));
    EXPECT_NE(textOf("desk/signed_at").find("2026-11-25 10:00"), std::string::npos) << textOf("desk/signed_at");
    ASSERT_TRUE(ui->tap("desk/back"));
    EXPECT_EQ(desk->view().screen, DeskScreen::List);
}

/// Keeps a copy of each slot's pixels, as the GPU would.
class KeepingSink : public TextureSink {
public:
    struct Image {
        std::vector<unsigned char> argb;
        int width = 0, height = 0, stride = 0;
        std::uint32_t at(double x, double y) const {
            const int px = static_cast<int>(x), py = static_cast<int>(y);
            std::uint32_t v = 0;
            std::memcpy(&v, argb.data() + static_cast<std::size_t>(py) * stride + static_cast<std::size_t>(px) * 4, 4);
            return v & 0xFFFFFFu;
        }
    };
    void* upload(int slot, const unsigned char* argb, int width, int height, int stride) override {
        images[slot] = Image{std::vector<unsigned char>(argb, argb + static_cast<std::size_t>(stride) * height), width,
                             height, stride};
        return reinterpret_cast<void*>(static_cast<std::uintptr_t>(100 + slot));
    }
    std::map<int, Image> images;
};

TEST_F(DeskScreensTest, TheDetailDrawsThePainMapFrontAndBackWithTheMarkedRegionsTinted) {
    KeepingSink sink;
    UiOptions o;
    o.bodyFigure = bundledFigure();
    o.textures = &sink;
    start(1920, 1080, std::move(o));
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/row/" + red));
    ASSERT_TRUE(ui->scrollIntoView("desk/figure/back"));
    ASSERT_TRUE(ui->exists("desk/figure/front"));
    // Between the scores and the answers, and big enough to read across the room.
    EXPECT_LT(textY("desk/score/pain_intensity"), ui->rect("desk/figure/front").y);
    EXPECT_LT(ui->rect("desk/figure/back").y, textY("desk/answer/first_name"));
    EXPECT_GT(ui->rect("desk/figure/back").h, 400.0f);
    // The desk's own textures (slots 2 and 3): the patient's figure in slots 0 and 1 is untouched.
    ASSERT_EQ(sink.images.count(0), 0u);
    ASSERT_EQ(sink.images.count(3), 1u);
    const KeepingSink::Image& back = sink.images[3];
    const bodymap::Figure& fig = *bundledFigure();
    const bodymap::Placement place = bodymap::fitView(fig.geometry.box(bodymap::View::Back), 0, 0, back.width, back.height);
    const auto colourOf = [&](const char* region) {
        const bodymap::Inside* in = fig.insideOf(region);
        EXPECT_TRUE(in) << region;
        return in ? back.at(place.toDeviceX(in->point.x), place.toDeviceY(in->point.y)) : 0u;
    };
    // The record marks the left hamstring (5/10) and the lower back (9 and 6), not the right hamstring.
    EXPECT_NE(colourOf("hamstring_l"), colourOf("hamstring_r"));
    EXPECT_NE(colourOf("lower_back_l"), colourOf("lower_back_r"));
    EXPECT_EQ(colourOf("hamstring_r"), colourOf("calf_r"));
}

TEST_F(DeskScreensTest, ReviewAndDeleteByTaps) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/row/" + calm));
    ASSERT_TRUE(ui->tap("desk/review"));
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Reviewed);
    ui->frames(2);
    EXPECT_FALSE(ui->find("desk/review")->enabled);  // reviewed already
    ASSERT_TRUE(ui->tap("desk/delete"));
    EXPECT_NE(textOf("desk/delete/question").find("Testpatient C."), std::string::npos);
    ASSERT_TRUE(ui->tap("desk/delete/no"));
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Reviewed);
    ASSERT_TRUE(ui->tap("desk/delete"));
    ASSERT_TRUE(ui->tap("desk/delete/yes"));
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Deleted);
    ui->frames(2);
    EXPECT_FALSE(ui->exists("desk/row/" + calm));
    EXPECT_NE(textOf("desk/notice").find(calm.substr(0, 8)), std::string::npos);
}

TEST_F(DeskScreensTest, ExportTheListByTapsAndSeeWhereItWent) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/export_list/csv"));
    const std::string message = textOf("desk/export/message");
    EXPECT_NE(message.find("3 intakes written to"), std::string::npos) << message;
    EXPECT_EQ(statusOf(red), store::RecordStatus::Exported);
    ASSERT_TRUE(ui->tap("desk/export/close"));
    EXPECT_EQ(desk->view().screen, DeskScreen::List);
}

// Found on a real-tap walk under Xvfb: a double tap on Done after an export opened the intake whose
// row the list then showed under the finger (the rows did not take the widgets' debounce).
TEST_F(DeskScreensTest, ADoubleTapOnDoneDoesNotOpenTheRowUnderTheFinger) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/export_list/csv"));
    const Rect done = ui->rect("desk/export/close");
    ASSERT_TRUE(ui->doubleTap("desk/export/close", 0.15));
    EXPECT_EQ(desk->view().screen, DeskScreen::List);
    EXPECT_FALSE(desk->view().detail);
    // a row is under the finger now; looked at first, as a person does, its tap opens it
    const WidgetInfo* under = nullptr;
    for (const auto& w : ui->registry().widgets())
        if (w.key.rfind("desk/row/", 0) == 0 && w.rect.contains(done.x + done.w / 2, done.y + done.h / 2)) under = &w;
    ASSERT_NE(under, nullptr);
    const std::string key = under->key;
    ASSERT_TRUE(ui->tap(key));
    EXPECT_EQ(desk->view().screen, DeskScreen::Detail);
}

TEST_F(DeskScreensTest, FindByDateWithTheSteppersAndByNameOnTheKeyboard) {
    start();
    ASSERT_TRUE(ui->tap("desk/find_days"));
    EXPECT_EQ(textOf("desk/days/from"), "2026-11-25");
    ASSERT_TRUE(ui->tap("desk/days/from/earlier"));
    EXPECT_EQ(textOf("desk/days/from"), "2026-11-24");
    ASSERT_TRUE(ui->tap("desk/days/search"));
    EXPECT_EQ(desk->view().list.rows.size(), 4u);
    ASSERT_TRUE(ui->exists("desk/row/" + yesterday));
    ASSERT_TRUE(ui->tap("desk/days/last/30"));  // a month back in one tap
    EXPECT_EQ(textOf("desk/days/from"), "2026-10-27");
    EXPECT_EQ(textOf("desk/days/to"), "2026-11-25");
    EXPECT_EQ(desk->view().list.rows.size(), 4u);
    EXPECT_EQ(label("desk/days/last/7"), "Last 7 days");

    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/find_name"));
    for (const char* key : {"p", "r", "u"}) ASSERT_TRUE(ui->tap(std::string("desk/name/") + key));
    EXPECT_EQ(textOf("desk/name/typed"), "Pru");  // a capital first, as names are typed
    ASSERT_TRUE(ui->tap("desk/name/search"));
    EXPECT_EQ(listedIds(*desk), std::vector<std::string>{spanish});
}

TEST_F(DeskScreensTest, LabelsFollowTheStaffsLanguage) {
    start();
    const std::string before = label("desk/row/" + calm);
    EXPECT_NE(before.find("New"), std::string::npos) << before;
    ASSERT_TRUE(ui->tap("desk/lang/es"));
    const std::string after = label("desk/row/" + calm);
    EXPECT_NE(after.find("Nuevo"), std::string::npos) << after;
    EXPECT_EQ(label("desk/unlock"), "Desbloquear registros");
}

TEST_F(DeskScreensTest, LeavingByTapEndsTheVisit) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/leave"));
    EXPECT_TRUE(desk->left());
    EXPECT_FALSE(desk->unlocked());
}

// The passphrase keyboard stays put while typing: after the first key the dots line appeared and
// pushed every key down by a line, so the second tap landed on the key below (seen under Xvfb).
TEST_F(DeskScreensTest, TheUnlockKeyboardDoesNotMoveWhenTheFirstKeyIsTyped) {
    start();
    ASSERT_TRUE(ui->tap("desk/unlock"));
    const Rect before = ui->rect("desk/pass/q");
    ASSERT_TRUE(ui->tap("desk/pass/a"));
    ui->frames(2);
    EXPECT_EQ(ui->rect("desk/pass/q").y, before.y);
    EXPECT_EQ(desk->view().unlock.entered, 1);
}

// While the passphrase is checked on the worker, the desk takes nothing but Leave (staff/desk.cpp
// drops the rest): every key, Cancel too, and the top bar's Health and languages must look
// disabled. They looked enabled and did nothing (seen under Xvfb).
TEST_F(DeskScreensTest, NoPassphraseKeyLooksTappableWhileThePassphraseIsChecked) {
    open();
    ui = std::make_unique<UiDriver>(1920.0f, 1080.0f, *form, [] { return session::ViewModel{}; }, nullptr, UiOptions{});
    bool busy = false;
    ui->showDesk(
        [&] {
            DeskView v = desk->view();
            v.working = busy;
            return v;
        },
        [this](const DeskAction& a) { desk->apply(a); });
    ui->frames(2);
    ASSERT_TRUE(ui->tap("desk/unlock"));
    ASSERT_TRUE(ui->find("desk/pass/cancel") && ui->find("desk/pass/cancel")->enabled);  // idle: Cancel works
    busy = true;
    ui->frames(2);
    for (const char* key : {"desk/pass/cancel", "desk/pass/ok", "desk/pass/a", "desk/pass/space", "desk/pass/backspace",
                            "desk/health", "desk/lang/es"}) {
        const WidgetInfo* w = ui->find(key);
        ASSERT_TRUE(w) << key;
        EXPECT_FALSE(w->enabled) << key;
    }
    ASSERT_TRUE(ui->find("desk/leave"));
    EXPECT_TRUE(ui->find("desk/leave")->enabled) << "leaving is always taken";
}

// Issue 14: the staff passphrase changed on the desk, by taps: from Health, the three fields, a
// mistake said on the screen, then the new passphrase in place.
TEST_F(DeskScreensTest, ChangeThePassphraseByTaps) {
    start();
    unlockByTaps();
    ASSERT_TRUE(ui->tap("desk/health"));
    ASSERT_TRUE(ui->tap("desk/passwd/open"));
    ASSERT_EQ(desk->view().screen, DeskScreen::ChangePassphrase);
    auto typeInto = [&](const std::string& text) {
        for (char ch : text) ASSERT_TRUE(ui->tap(ch == ' ' ? "desk/passwd/space" : "desk/passwd/" + std::string(1, ch)));
    };
    const float keysAt = ui->rect("desk/passwd/q").y;
    typeInto(kPassphrase);
    EXPECT_EQ(ui->rect("desk/passwd/q").y, keysAt);
    EXPECT_EQ(label("desk/passwd/field/0"), std::string(kPassphrase.size(), '*'));  // dots, never the text
    ASSERT_TRUE(ui->tap("desk/passwd/ok"));  // on to the new one
    typeInto("new desk pass");
    ASSERT_TRUE(ui->tap("desk/passwd/ok"));
    typeInto("new desk pasz");
    ASSERT_TRUE(ui->tap("desk/passwd/ok"));
    EXPECT_EQ(textOf("desk/passwd/message"), "The two new passphrases are not the same. Type them again.");
    EXPECT_EQ(ui->rect("desk/passwd/q").y, keysAt);  // the message did not move the keyboard
    EXPECT_EQ(desk->view().passphrase.field, 1);
    typeInto("new desk pass");
    ASSERT_TRUE(ui->tap("desk/passwd/field/2"));  // a field can be chosen by tapping it too
    typeInto("new desk pass");
    ASSERT_TRUE(ui->tap("desk/passwd/ok"));
    EXPECT_EQ(desk->view().screen, DeskScreen::List);
    EXPECT_EQ(textOf("desk/notice"), "The staff passphrase was changed. Use the new one from now on.");
    EXPECT_TRUE(store->unlock("new desk pass"));
    EXPECT_EQ(audited("passphrase_change"), std::vector<std::string>{"ok"});
}

// Issue 14: several intakes chosen with big check boxes, the count shown, exported as one PDF per
// intake into a folder, the choice cleared afterwards.
TEST_F(DeskScreensTest, ChooseTwoIntakesByTapsAndExportOnePdfEach) {
    start();
    unlockByTaps();
    EXPECT_FALSE(ui->find("desk/export_list/pdf") == nullptr);
    ASSERT_TRUE(ui->tap("desk/select"));
    EXPECT_FALSE(ui->exists("desk/export_list/pdf"));  // the export buttons now export the choice
    EXPECT_FALSE(ui->find("desk/export_selected/pdf")->enabled);  // nothing chosen yet
    ASSERT_TRUE(ui->tap("desk/row/" + red));
    ASSERT_TRUE(ui->tap("desk/row/" + calm));
    EXPECT_EQ(desk->view().screen, DeskScreen::List);  // a tap chooses, it does not open
    EXPECT_EQ(textOf("desk/select/count"), "2 selected");
    EXPECT_EQ(label("desk/row/" + red).rfind("[x] ", 0), 0u) << label("desk/row/" + red);
    EXPECT_EQ(label("desk/row/" + spanish).rfind("[ ] ", 0), 0u) << label("desk/row/" + spanish);
    // The check box is big: the whole row is its target, the row as tall as any button.
    EXPECT_GE(ui->rect("desk/row/" + red).h, ui->rect("desk/select").h);
    ASSERT_TRUE(ui->tap("desk/export_selected/pdf"));
    ASSERT_EQ(desk->view().screen, DeskScreen::PdfChoice);
    ASSERT_TRUE(ui->tap("desk/pdf/each"));
    const std::string message = textOf("desk/export/message");
    EXPECT_NE(message.find("2 intakes written, one PDF per intake"), std::string::npos) << message;
    EXPECT_EQ(statusOf(red), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(spanish), store::RecordStatus::Submitted);
    ASSERT_TRUE(ui->tap("desk/export/close"));
    EXPECT_FALSE(desk->view().selecting);
    EXPECT_EQ(desk->view().selectedCount, 0);
    EXPECT_TRUE(ui->exists("desk/export_list/pdf"));
}

/// Every desk screen at both reference displays meets UX.md's target sizes (expectTargets).
class DeskTargetsTest : public DeskScreensTest, public ::testing::WithParamInterface<std::pair<float, float>> {
protected:
    void check(const std::string& scenario) {
        expectTargets(*ui, scenario);
        // Nothing tappable runs under the bottom bar, where the notice and the idle countdown
        // are: at 1280x800 the passphrase keyboards and Health's buttons did (seen under Xvfb).
        const TextInfo* bar = ui->registry().findText("desk/bottom_bar");
        ASSERT_NE(bar, nullptr) << scenario;
        for (const auto& w : ui->registry().widgets()) {
            if (w.kind == WidgetKind::Hidden || w.visible.empty()) continue;
            EXPECT_LE(w.visible.bottom(), bar->rect.y + 0.5f) << scenario << ": " << w.key << " under the bottom bar";
        }
        // "Export:" never runs over a button: at 1280x800 in Spanish "Exportar:" covered the end of
        // "Buscar por nombre" (seen under Xvfb).
        if (const TextInfo* label = ui->registry().findText("desk/export_label"))
            for (const auto& w : ui->registry().widgets()) {
                if (w.kind == WidgetKind::Hidden || w.visible.empty()) continue;
                EXPECT_TRUE(label->rect.intersect(w.visible).empty())
                    << scenario << ": '" << label->text << "' over " << w.key;
            }
    }
};

TEST_P(DeskTargetsTest, EveryDeskScreenMeetsTargetSizeAndSpacing) {
    start(GetParam().first, GetParam().second);
    for (const char* lang : {"en", "es"}) {
        ASSERT_TRUE(ui->tap(std::string("desk/lang/") + lang));
        const std::string at = std::string(lang) + " ";
        check(at + (desk->unlocked() ? "list" : "list locked"));
        ASSERT_TRUE(ui->tap("desk/find_days"));
        check(at + "find by date");
        if (!desk->unlocked()) {
            ASSERT_TRUE(ui->tap("desk/unlock"));
            check(at + "unlock");
            typePassphrase(kPassphrase);
        }
        check(at + "list unlocked");
        ASSERT_TRUE(ui->tap("desk/find_name"));
        check(at + "find by name");
        ASSERT_TRUE(ui->tap("desk/find_name"));  // closed again
        ASSERT_TRUE(ui->tap("desk/select"));
        ASSERT_TRUE(ui->tap("desk/row/" + red));
        check(at + "select");
        ASSERT_TRUE(ui->tap("desk/row/" + spanish));
        ASSERT_TRUE(ui->tap("desk/export_selected/pdf"));
        check(at + "pdf choice");
        ASSERT_TRUE(ui->tap("desk/pdf/cancel"));
        ASSERT_TRUE(ui->tap("desk/select"));  // the select mode left
        ASSERT_TRUE(ui->tap("desk/row/" + red));
        check(at + "detail");
        ASSERT_TRUE(ui->tap("desk/delete"));
        check(at + "confirm delete");
        ASSERT_TRUE(ui->tap("desk/delete/no"));
        ASSERT_TRUE(ui->tap("desk/health"));
        check(at + "health");
        ASSERT_TRUE(ui->tap("desk/passwd/open"));
        check(at + "change passphrase");
        ASSERT_TRUE(ui->tap("desk/passwd/cancel"));
        ASSERT_TRUE(ui->tap("desk/health"));
        ASSERT_TRUE(ui->tap("desk/back"));
    }
}

INSTANTIATE_TEST_SUITE_P(Displays, DeskTargetsTest,
                         ::testing::Values(std::make_pair(1280.0f, 800.0f), std::make_pair(1920.0f, 1080.0f)),
                         [](const auto& display) {
                             return std::to_string(static_cast<int>(display.param.first)) + "x" +
                                    std::to_string(static_cast<int>(display.param.second));
                         });

}  // namespace
}  // namespace kiosk::ui::test
