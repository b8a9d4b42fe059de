// Labels fit their buttons and never break inside a word (a patient reads "Some-/times" as two
// words): checked from the registry on every screen and every page of the bundled intake and of
// the test form, at 1280x800 with Larger text, in English and Spanish. A label that cannot fit
// whole is drawn smaller, for that button only.
#include <gtest/gtest.h>

#include <sstream>

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/loader.h"
#include "test_form.h"
#include "ui_driver.h"

namespace kiosk::ui::test {
namespace {

/// The words of @p s, single-spaced: what the lines must give back when joined.
std::string words(const std::string& s) {
    std::istringstream in(s);
    std::string out, word;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : " ") + words(l);
    return out;
}

/// Every registered widget's label lies inside its rectangle, broken only between words.
int checkLabels(const WidgetRegistry& registry, const std::string& scenario) {
    int checked = 0;
    for (const auto& w : registry.widgets()) {
        if (w.label.empty() || w.kind == WidgetKind::Hidden) continue;
        if (w.kind == WidgetKind::Field) continue;  // shows what was typed on one clipped line, not a label
        // A canvas (the signature pad) is a drawing area whose label is a one-line hint inside it,
        // not a button label; its buttons (undo, clear) are checked like any other.
        if (w.kind == WidgetKind::Canvas) continue;
        if (w.labelLines.empty()) {
            ADD_FAILURE() << scenario << ": " << w.key << " '" << w.label << "' was not laid out by button()";
            continue;
        }
        ++checked;
        EXPECT_EQ(joined(w.labelLines), words(w.label))
            << scenario << ": " << w.key << " breaks inside a word (" << w.labelLines.size() << " lines)";
        const Rect& r = w.rect;
        const Rect& t = w.labelRect;
        EXPECT_TRUE(t.x >= r.x - 0.5f && t.right() <= r.right() + 0.5f && t.y >= r.y - 0.5f &&
                    t.bottom() <= r.bottom() + 0.5f)
            << scenario << ": " << w.key << " '" << w.label << "' (" << t.w << "x" << t.h << ") does not fit "
            << r.w << "x" << r.h;
    }
    return checked;
}

class LabelFit : public ::testing::TestWithParam<const char*> {
protected:
    void start(std::shared_ptr<const forms::Form> f, UiOptions options = {}) {
        ui.reset();
        form = std::move(f);
        session = std::make_unique<FakeSession>(form);
        session->lang = GetParam();
        ui = std::make_unique<UiDriver>(
            1280, 800, *form, [this] { return session->view(); },
            [this](const session::Action& a) { session->apply(a); }, std::move(options));
        ui->frame();
        ui->tap("toggle/larger_text");
    }
    void goToPage(size_t page) {
        session->screen = session::Screen::Page;
        session->page = static_cast<int>(page);
        ui->frames(2);
    }
    void check(const std::string& scenario) {
        ui->frames(2);
        checked += checkLabels(ui->registry(), std::string(GetParam()) + " " + scenario);
    }
    /// Welcome, every page, review, saving, save failed, thank you, idle overlay.
    void everyScreen() {
        check("welcome");
        for (size_t i = 0; i < form->pages.size(); ++i) {
            goToPage(i);
            check("page " + form->pages[i].id);
        }
        using S = session::Screen;
        for (S s : {S::Review, S::Saving, S::SaveFailed, S::ThankYou}) {
            session->screen = s;
            session->retryInSeconds = 30;
            check("screen " + std::to_string(static_cast<int>(s)));
        }
        session->idleWarning = true;
        session->idleSecondsLeft = 20;
        check("idle overlay");
        session->idleWarning = false;
        session->screen = S::Welcome;
        ui->frames(2);
    }
    /// The staff passphrase keyboard (no PIN set), with and without shift, then the PIN pad.
    void staffPinPad() {
        ui->hold("staff/corner", 3.5);
        check("staff passphrase keyboard");
        for (const auto& w : ui->registry().widgets()) {  // the whole keyboard is on the 1280x800 screen
            if (w.key.rfind("staff/", 0) != 0 || w.kind == WidgetKind::Hidden) continue;
            EXPECT_TRUE(w.rect.x >= 0 && w.rect.right() <= 1280 && w.rect.y >= 0 && w.rect.bottom() <= 800) << w.key;
        }
        ui->tap("staff/pass/shift");
        check("staff passphrase keyboard, shift");
        UiOptions withPin;
        withPin.staffPin = "2468";
        start(form, withPin);
        ui->hold("staff/corner", 3.5);
        check("staff PIN pad");
    }

    std::shared_ptr<const forms::Form> form;
    std::unique_ptr<FakeSession> session;
    std::unique_ptr<UiDriver> ui;
    int checked = 0;
};

TEST_P(LabelFit, EveryLabelOfTheIntakeFitsWithLargerText) {
    auto loaded = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml");
    ASSERT_TRUE(loaded.ok());
    start(loaded.form);
    everyScreen();
    staffPinPad();
    EXPECT_GT(checked, 300);
}

TEST_P(LabelFit, EveryLabelOfEveryWidgetKindFitsWithLargerText) {
    start(makeTestForm());
    everyScreen();
    auto page = [&](const std::string& id) {
        for (size_t i = 0; i < form->pages.size(); ++i)
            if (form->pages[i].id == id) goToPage(i);
    };
    forEachKeyboard(*ui, page, [&](const std::string& what) { check(what); });
    page("body");
    ui->tap("item/pain_map/" + std::string(bodymap::regions().front().id));
    check("body map detail");
    staffPinPad();
    EXPECT_GT(checked, 300);
}

INSTANTIATE_TEST_SUITE_P(Languages, LabelFit, ::testing::Values("en", "es"),
                         [](const ::testing::TestParamInfo<const char*>& p) { return std::string(p.param); });

}  // namespace
}  // namespace kiosk::ui::test
