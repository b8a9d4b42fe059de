#include "intake_e2e_fixture.h"

#include <chrono>
#include <set>

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
    (void)id;  // by item: the same patient whatever page a question sits on
    // An answer may reveal another question on the page (show_if): look again until none is new.
    std::set<std::string> done;
    for (int pass = 0; pass < 4; ++pass) {
        std::vector<std::string> ids;
        for (const auto& iv : intake->view().items)
            if (iv.item && done.insert(iv.item->id).second) ids.push_back(iv.item->id);
        if (ids.empty()) return;
        for (const auto& item : ids) {
            fillItem(item, p);
            if (HasFatalFailure()) return;
        }
    }
}

void IntakeE2e::fillItem(const std::string& item, const Patient& p) {
    auto tap = [&](const std::string& option) { ui->tap("item/" + item + "/" + option); };
    const bool opt = p.optional;
    if (item == "first_name") {
        ui->type("first_name", p.firstName);
    } else if (item == "last_name") {
        ui->type("last_name", p.lastName);
    } else if (item == "date_of_birth") {  // 69 years before the picker's year, 14 March
        const int year = pickerYear() - 69;
        tap("day/14");
        tap("month/3");
        tap("decade/" + std::to_string(year / 10 * 10));
        tap("year/" + std::to_string(year));
    } else if (item == "phone") {
        ui->type("phone", p.phone);
    } else if (item == "heard_about" && opt) {
        tap("friend_family");
    } else if (item == "visit_reason" && opt) {  // low back pain: STarT Back is asked
        tap("low_back");
    } else if (item == "main_reason" && opt) {
        ui->type("main_reason", p.reason);
    } else if (item == "goals" && opt) {
        tap("less_pain");
        tap("sleep_better");
    } else if (item == "pain_helps" && opt) {
        tap("heat");
    } else if (item == "pain_map" && opt) {  // a region with its detail, then a second one
        // Where the screen shows one view at a time (1280x800 with Larger text), turn to the back.
        if (!ui->find("item/pain_map/shoulder_back_l") && ui->find("item/pain_map/view/back")) tap("view/back");
        tap("shoulder_back_l");
        tap("shoulder_back_l/intensity/7");
        tap("shoulder_back_l/kind/burning");
        tap("shoulder_back_l/kind/stiffness");
        tap("lower_back_r");
    } else if (item == "pain_now" && opt) {
        tap("6");
    } else if (item == "pain_nrs_week" && opt) {  // the instrument's pain NRS
        tap("5");
    } else if (item == "pain_worst" && opt) {
        tap("8");
    } else if (item == "pain_duration" && opt) {
        tap("years_1_to_5");
    } else if (item == "interference" && opt) {
        tap("activity/a_lot");
        tap("work/somewhat");
    } else if (item == "start_back" && opt) {  // agrees with the first item only
        for (const char* row : {"shoulder_neck", "walked", "dressed", "not_safe", "worrying", "terrible", "not_enjoyed"})
            tap(std::string(row) + "/disagree");
        tap("leg/agree");
    } else if (item == "start_back_bother" && opt) {
        tap("slightly");
    } else if (item == "sss_severity" && opt) {
        tap("fatigue/moderate");
        tap("waking_unrefreshed/slight");
        tap("cognitive/no_problem");
    } else if (item == "sss_six_months" && opt) {
        tap("headaches/no");
        tap("lower_abdomen/no");
        tap("depression/no");
    } else if (item == "phq4" && opt) {
        tap("nervous/several_days");
        tap("worrying/several_days");
        tap("interest/several_days");
        tap("down/several_days");
    } else if (item == "sleep_hours" && opt) {
        ui->type("sleep_hours", "7.5");  // the number pad
    } else if (item == "stress_level" && opt) {
        tap("4");
    } else if (item == "stress_feel" && opt) {
        tap("overwhelmed/sometimes");
        tap("hard_to_relax/often");
    } else if (item == "stress_effect" && opt) {
        tap("a_little_worse");
    } else if (item == "blood_thinners" || item == "after_fall") {
        tap("yes");
    } else if (item == "fever_now" || item == "recent_surgery_injury" || item == "blood_clots" ||
               item == "cancer_treatment" || item == "osteoporosis" || item == "high_blood_pressure" ||
               item == "skin_condition" || item == "oil_allergy" || item == "bladder_bowel" ||
               item == "saddle_numbness" || item == "leg_weakness" || item == "weight_loss" || item == "night_pain") {
        tap("no");
    } else if (item == "pregnant") {
        tap("not_applicable");
    } else if (item == "pressure" && opt) {
        tap("light");
    } else if (item == "music" && opt) {
        tap("soft_music");
    } else if (item == "consent_treatment") {
        tap("agree");
    } else if (item == "signature") {
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
