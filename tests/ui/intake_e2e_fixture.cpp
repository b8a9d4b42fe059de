#include "intake_e2e_fixture.h"

#include <chrono>

#include "kiosk/forms/loader.h"

namespace kiosk::ui::test {
namespace {

const core::FixedClock kFixedClock = core::FixedClock::atUtc("2026-11-25T10:03:00Z");

}  // namespace

int pickerYear() { return core::systemClock().localToday().year; }

void IntakeE2e::SetUp() {
    auto loaded = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml");
    ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? std::string() : loaded.errors.front().format());
    form = loaded.form;
    intake = std::make_unique<session::Intake>(form, catalog, session::IntakeConfig{}, kFixedClock);
    startUi(1920, 1080);
}

void IntakeE2e::startUi(float width, float height) {
    const bool had = ui != nullptr;
    const session::TimePoint before = had ? ui->now() : session::TimePoint{};
    ui.reset();  // one ImGui context at a time
    ui = std::make_unique<UiDriver>(
        width, height, *form,
        [this] {  // app/'s loop: time passes, then the picture is drawn
            if (beforeFrame)
                beforeFrame();
            else
                handle(intake->apply(session::Tick{ui->now()}));
            return intake->view();
        },
        [this](const session::Action& a) {
            if (routeAction)
                routeAction(a);
            else
                handle(intake->apply(a));
        },
        uiOptions());
    if (had && before > ui->now()) ui->advance(std::chrono::duration<double>(before - ui->now()).count());
    ui->frame();
}

UiOptions IntakeE2e::uiOptions() const {
    UiOptions o;
    o.bodyFigure = bundledFigure();  // as the kiosk draws it (the list is one tap away)
    return o;
}

void IntakeE2e::handle(const std::vector<session::Effect>& effects) {
    for (const auto& e : effects) {
        if (const auto* save = std::get_if<session::SaveRequest>(&e)) {
            saveRequests.push_back(save->record);
            if (outcome == SaveOutcome::Succeed)
                handle(intake->apply(session::SaveSucceeded{"rec-" + std::to_string(saveRequests.size())}));
            else
                handle(intake->apply(session::SaveFailed{"disk full"}));
        } else if (std::holds_alternative<session::SaveDraft>(e)) {
            ++savedDrafts;
        } else if (std::holds_alternative<session::DiscardDraft>(e)) {
            ++discardedDrafts;
        }
    }
}

void IntakeE2e::startIntake(const std::string& lang) {
    ASSERT_EQ(screen(), session::Screen::Welcome);
    if (lang != "en") {
        ASSERT_TRUE(ui->tap("lang/" + lang));
    }
    ASSERT_TRUE(ui->tap("start"));
    ASSERT_EQ(screen(), session::Screen::Page);
}

std::string IntakeE2e::pageId() const {
    const session::ViewModel vm = intake->view();
    if (vm.screen != session::Screen::Page || vm.page < 0) return "";
    return form->pages[static_cast<size_t>(vm.page)].id;
}

int IntakeE2e::pageIndex(const std::string& id) const {
    for (size_t i = 0; i < form->pages.size(); ++i)
        if (form->pages[i].id == id) return static_cast<int>(i);
    ADD_FAILURE() << "no page " << id;
    return -1;
}

bool IntakeE2e::onScreen(const std::string& needle) const {
    for (const auto& w : ui->registry().widgets())
        if (w.label.find(needle) != std::string::npos) return true;
    for (const auto& t : ui->registry().texts())
        if (t.text.find(needle) != std::string::npos) return true;
    return false;
}

const session::ScoreResult* IntakeE2e::score(const session::Record& r, const std::string& id) {
    for (const auto& s : r.scores)
        if (s.id == id) return &s;
    return nullptr;
}

void IntakeE2e::fillPage(const std::string& id, const Patient& p) {
    auto tap = [&](const std::string& item, const std::string& option) {
        ui->tap("item/" + item + "/" + option);
    };
    const bool opt = p.optional;
    if (id == "name") {
        ui->type("first_name", p.firstName);
        ui->type("last_name", p.lastName);
    } else if (id == "birth") {  // 69 years before the picker's year, 14 March
        const std::string d = "item/date_of_birth";
        const int year = pickerYear() - 69;
        ui->tap(d + "/day/14");
        ui->tap(d + "/month/3");
        ui->tap(d + "/decade/" + std::to_string(year / 10 * 10));
        ui->tap(d + "/year/" + std::to_string(year));
    } else if (id == "contact") {
        ui->type("phone", p.phone);
    } else if (id == "referral" && opt) {
        tap("heard_about", "friend_family");
    } else if (id == "reason" && opt) {
        ui->type("main_reason", p.reason);
    } else if (id == "goals_page" && opt) {
        tap("goals", "less_pain");
        tap("goals", "sleep_better");
    } else if (id == "helps_page" && opt) {
        tap("pain_helps", "heat");
    } else if (id == "pain_where" && opt) {  // a region with its detail, then a second one
        tap("pain_map", "shoulder_back_l");
        tap("pain_map", "shoulder_back_l/intensity/7");
        tap("pain_map", "shoulder_back_l/kind/burning");
        tap("pain_map", "shoulder_back_l/kind/stiffness");
        tap("pain_map", "lower_back_r");
    } else if (id == "pain_now_page" && opt) {
        tap("pain_now", "6");
    } else if (id == "pain_average_page" && opt) {
        tap("pain_average", "5");
    } else if (id == "pain_worst_page" && opt) {
        tap("pain_worst", "8");
    } else if (id == "pain_time" && opt) {
        tap("pain_duration", "years_1_to_5");
    } else if (id == "pain_impact" && opt) {
        tap("interference", "activity/a_lot");
        tap("interference", "work/somewhat");
        tap("interference", "sleep/a_little");
        tap("interference", "mood/somewhat");
    } else if (id == "sleep_hours_page" && opt) {
        ui->type("sleep_hours", "7.5");  // the number pad
    } else if (id == "stress_level_page" && opt) {
        tap("stress_level", "4");
    } else if (id == "stress_how" && opt) {  // two rows of three: prorated
        tap("stress_feel", "tense/often");
        tap("stress_feel", "overwhelmed/sometimes");
    } else if (id == "stress_effect_page" && opt) {
        tap("stress_effect", "a_little_worse");
    } else if (id == "health_now") {
        tap("blood_thinners", "yes");
        tap("fever_now", "no");
        tap("recent_surgery_injury", "no");
    } else if (id == "health_conditions") {
        for (const char* item : {"blood_clots", "cancer_treatment", "osteoporosis", "high_blood_pressure"})
            tap(item, "no");
    } else if (id == "health_skin") {
        tap("skin_condition", "no");
        tap("oil_allergy", "no");
    } else if (id == "health_pregnancy") {
        tap("pregnant", "not_applicable");
    } else if (id == "safety_1") {
        for (const char* item : {"bladder_bowel", "saddle_numbness", "leg_weakness"}) tap(item, "no");
    } else if (id == "safety_2") {
        tap("weight_loss", "no");
        tap("night_pain", "no");
        tap("after_fall", "yes");
    } else if (id == "pressure_page" && opt) {
        tap("pressure", "light");
    } else if (id == "comfort_page" && opt) {
        tap("music", "soft_music");
    } else if (id == "consent_page") {
        tap("consent_treatment", "agree");
        const std::string pad = "item/signature/pad";
        ASSERT_TRUE(ui->scrollIntoView(pad));
        const Rect r = ui->find(pad)->visible;
        // A finger stroke across the pad: drawn, not a scroll.
        ui->drag(r.x + r.w * 0.15f, r.y + r.h * 0.3f, r.x + r.w * 0.85f, r.y + r.h * 0.7f, 12);
        ui->frame();
    }
}

std::vector<std::string> IntakeE2e::runToReview(const Patient& p) {
    std::vector<std::string> visited;
    for (int guard = 0; guard < 80 && screen() == session::Screen::Page; ++guard) {
        const std::string id = pageId();
        visited.push_back(id);
        fillPage(id, p);
        if (HasFailure()) return visited;
        const int before = pageIndex(id);
        ui->tap("next");
        const session::ViewModel vm = intake->view();
        if (vm.hasErrors || (vm.screen == session::Screen::Page && vm.page <= before)) {
            ADD_FAILURE() << "Next did not leave page " << id;
            return visited;
        }
    }
    EXPECT_EQ(screen(), session::Screen::Review);
    return visited;
}

void IntakeE2e::advanceTo(const std::string& target, const Patient& p) {
    for (int guard = 0; guard < 80 && screen() == session::Screen::Page && pageId() != target; ++guard) {
        const std::string id = pageId();
        fillPage(id, p);
        ui->tap("next");
        if (pageId() == id) {
            ADD_FAILURE() << "Next did not leave page " << id;
            return;
        }
    }
    ASSERT_EQ(pageId(), target);
}

}  // namespace kiosk::ui::test
