// The intake's navigation and validation (UX.md "Flow"): pages, show_if, Next/Back, review edits.
#include "kiosk/session/intake.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

struct IntakeTest : ::testing::Test {
    Intake intake{sampleForm(), realCatalog(), IntakeConfig{}, fixedClock()};

    std::vector<Effect> act(const Action& a) { return intake.apply(a); }
    std::string errorFor(const std::string& id) const {
        for (const ItemView& iv : intake.view().items)
            if (iv.item->id == id) return iv.error;
        return "<not shown>";
    }
    std::vector<std::string> shownIds() const {
        std::vector<std::string> out;
        for (const ItemView& iv : intake.view().items) out.push_back(iv.item->id);
        return out;
    }
    void fillAbout() {
        act(SetAnswer{"name", std::string("Ana")});
        act(SetAnswer{"dob", Date{1950, 3, 14}});
    }
    void toConsentWithoutPain() {
        act(Start{"en"});
        fillAbout();
        act(Next{});
        act(SetAnswer{"hurts", false});
        act(Next{});
    }
};

}  // namespace

TEST_F(IntakeTest, StartsOnTheFirstPageInTheChosenLanguage) {
    EXPECT_EQ(intake.view().screen, Screen::Welcome);
    act(Start{"es"});
    const ViewModel vm = intake.view();
    EXPECT_EQ(vm.screen, Screen::Page);
    EXPECT_EQ(vm.page, 0);
    EXPECT_EQ(vm.lang, "es");
    EXPECT_EQ(vm.pageTitle, "Página about");
    EXPECT_EQ(vm.step, 1);
    EXPECT_EQ(vm.stepCount, 3) << "the night page is hidden until pain_now >= 7";
    EXPECT_TRUE(vm.canGoBack);
    EXPECT_EQ(shownIds(), (std::vector<std::string>{"name", "dob"}));
}

TEST_F(IntakeTest, UnknownLanguageFallsBackToTheFormDefault) {
    act(Start{"xx"});
    EXPECT_EQ(intake.view().lang, "en");
    act(SetLanguage{"fr"});
    EXPECT_EQ(intake.view().lang, "en");
}

TEST_F(IntakeTest, NextRefusesMissingRequiredAnswersInThePatientsLanguage) {
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    EXPECT_TRUE(act(Next{}).empty()) << "no draft when Next is refused";
    ViewModel vm = intake.view();
    EXPECT_EQ(vm.page, 0);
    EXPECT_TRUE(vm.hasErrors);
    EXPECT_EQ(errorFor("name"), "");
    EXPECT_EQ(errorFor("dob"), "Please answer this question.");

    act(SetLanguage{"es"});
    EXPECT_EQ(errorFor("dob"), "Por favor, responda a esta pregunta.") << "re-phrased at once";
    EXPECT_EQ(intake.view().pageTitle, "Página about");

    act(SetAnswer{"dob", Date{1950, 3, 14}});
    EXPECT_EQ(errorFor("dob"), "") << "answering clears the item's message";
    act(Next{});
    EXPECT_EQ(intake.view().page, 1);
    EXPECT_FALSE(intake.view().hasErrors);
}

TEST_F(IntakeTest, NextRefusesAnswersThatDoNotFit) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 11.0});
    act(SetAnswer{"where", BodyMapAnswer{{"calf_l", 12, {}}}});
    act(Next{});
    EXPECT_EQ(intake.view().page, 1);
    EXPECT_EQ(errorFor("pain_now"), "Please choose a number from 0 to 10.");
    EXPECT_EQ(errorFor("where"), "Please choose a pain level from 0 to 10.");
    act(SetLanguage{"es"});
    EXPECT_EQ(errorFor("pain_now"), "Por favor, elija un número del 0 al 10.");
    EXPECT_EQ(errorFor("where"), "Por favor, elija un nivel de dolor del 0 al 10.");
}

TEST_F(IntakeTest, FutureBirthDateIsRefused) {
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    act(SetAnswer{"dob", Date{2026, 11, 26}});  // fixedClock() is 2026-11-25
    act(Next{});
    EXPECT_EQ(errorFor("dob"), "This date cannot be in the future.");
}

TEST_F(IntakeTest, SuccessfulNextSavesADraftAndMovesOn) {
    act(Start{"en"});
    fillAbout();
    const auto effects = act(Next{});
    ASSERT_EQ(effects.size(), 1u);
    const auto* draft = std::get_if<SaveDraft>(&effects[0]);
    ASSERT_NE(draft, nullptr);
    EXPECT_EQ(draft->snapshotJson, intake.snapshot());
    EXPECT_EQ(intake.view().page, 1);
    EXPECT_EQ(intake.view().step, 2);
}

TEST_F(IntakeTest, ShowIfRevealsItemsAndPages) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    EXPECT_EQ(shownIds(), (std::vector<std::string>{"hurts"}));
    act(SetAnswer{"hurts", true});
    EXPECT_EQ(shownIds(), (std::vector<std::string>{"hurts", "pain_now", "where"}));
    act(SetAnswer{"pain_now", 8.0});
    EXPECT_EQ(intake.view().stepCount, 4) << "night page now shown";
    act(Next{});
    EXPECT_EQ(intake.view().page, 2);
    EXPECT_EQ(intake.view().step, 3);
}

TEST_F(IntakeTest, HiddenPagesAreSkipped) {
    toConsentWithoutPain();
    EXPECT_EQ(intake.view().page, 3) << "night page skipped";
    EXPECT_EQ(intake.view().step, 3);
    act(Back{});
    EXPECT_EQ(intake.view().page, 1) << "Back skips it too";
}

TEST_F(IntakeTest, HiddenItemsDropTheirAnswersAtOnce) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 8.0});
    act(SetAnswer{"where", BodyMapAnswer{{"calf_l", 5, {}}}});
    ASSERT_EQ(intake.answers().count("pain_now"), 1u);
    act(SetAnswer{"hurts", false});
    EXPECT_EQ(intake.answers().count("pain_now"), 0u);
    EXPECT_EQ(intake.answers().count("where"), 0u);
    act(SetAnswer{"hurts", true});
    EXPECT_EQ(intake.answers().count("pain_now"), 0u) << "showing it again does not bring it back";
}

TEST_F(IntakeTest, HidingAPageDropsItsAnswers) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 9.0});
    act(Next{});
    act(SetAnswer{"night_pain", true});
    act(Back{});
    act(SetAnswer{"pain_now", 3.0});
    EXPECT_EQ(intake.answers().count("night_pain"), 0u);
    act(Next{});
    EXPECT_EQ(intake.view().page, 3);
}

TEST_F(IntakeTest, BackKeepsAnswersBetweenPages) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", false});
    act(Back{});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(intake.answers().size(), 3u);
    ASSERT_NE(intake.view().items[0].answer, nullptr);
    EXPECT_EQ(std::get<std::string>(*intake.view().items[0].answer), "Ana");
}

// Issue 20: Back on step 1 once left the answers behind a fresh-looking welcome screen, and the next
// person to tap Start saw the previous name. With answers, Back asks "Start over?" first.
TEST_F(IntakeTest, BackOnTheFirstPageWithAnswersAsksBeforeTheWelcomeScreen) {
    act(Start{"en"});
    fillAbout();
    EXPECT_TRUE(act(Back{}).empty());
    EXPECT_EQ(intake.screen(), Screen::Page) << "not the welcome screen while answers exist";
    EXPECT_TRUE(intake.view().confirmStartOver);
    EXPECT_TRUE(act(Next{}).empty()) << "the question is on screen: only its two answers count";
    act(SetAnswer{"name", std::string("Other")});
    EXPECT_EQ(std::get<std::string>(intake.answers().at("name")), "Ana");

    act(KeepAnswers{});  // "No, keep my answers"
    EXPECT_FALSE(intake.view().confirmStartOver);
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(intake.answers().size(), 2u);

    act(Back{});
    ASSERT_TRUE(intake.view().confirmStartOver);
    const auto serial = intake.patientSerial();
    EXPECT_TRUE(hasDiscard(act(Reset{})));  // "Yes, delete them and start over"
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(intake.answers().empty());
    EXPECT_FALSE(intake.view().confirmStartOver);
    EXPECT_NE(intake.patientSerial(), serial) << "the UI forgets this patient's typing too";
}

TEST_F(IntakeTest, BackOnTheFirstPageWithNothingAnsweredIsTheWelcomeScreenAndStartIsNew) {
    act(Start{"es"});
    fillAbout();
    act(Next{});  // saves a draft
    act(Back{});
    act(ClearAnswer{"name"});
    act(ClearAnswer{"dob"});
    act(SetAnswer{"name", std::string("x")});
    act(ClearAnswer{"name"});
    EXPECT_TRUE(intake.answers().empty());
    const auto serial = intake.patientSerial();
    EXPECT_TRUE(hasDiscard(act(Back{}))) << "the draft an earlier Next saved goes too";
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_EQ(intake.view().lang, "es") << "a patient who came back to change language keeps it";
    EXPECT_EQ(intake.patientSerial(), serial) << "the same patient: display choices stay";
    EXPECT_FALSE(intake.nextDeadline().has_value()) << "an empty welcome screen has nothing to wipe";
    act(Start{"en"});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_TRUE(intake.answers().empty());
}

TEST_F(IntakeTest, BackClearsErrorMessages) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(Next{});
    EXPECT_TRUE(intake.view().hasErrors);
    act(Back{});
    act(Next{});
    EXPECT_FALSE(intake.view().hasErrors);
}

TEST_F(IntakeTest, AnswersOnlyLandOnShownItemsOfTheCurrentPage) {
    act(Start{"en"});
    act(SetAnswer{"hurts", true});        // another page
    act(SetAnswer{"ghost", true});        // not in the form
    act(Next{});
    act(SetAnswer{"name", std::string("x")});  // still page 0: fine
    EXPECT_EQ(intake.answers().size(), 1u);
    act(ClearAnswer{"name"});
    EXPECT_TRUE(intake.answers().empty());
    act(SetAnswer{"name", std::string()});
    EXPECT_TRUE(intake.answers().empty()) << "an empty value is no answer";
}

TEST_F(IntakeTest, ReviewListsShownItemsGroupedByPageInTheLanguage) {
    toConsentWithoutPain();
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    ViewModel vm = intake.view();
    ASSERT_EQ(vm.screen, Screen::Review);
    std::vector<std::string> lines;
    for (const ReviewEntry& e : vm.review)
        lines.push_back(std::to_string(e.page) + " " + e.pageTitle + " | " + e.item->id + " = " + e.answerText);
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "0 Page about | name = Ana",
                         "0 Page about | dob = 14 March 1950",
                         "1 Page pain | hurts = No",
                         "3 Page consent | agree = I agree",
                         "3 Page consent | sig = Signed",
                     }));
    act(SetLanguage{"es"});
    vm = intake.view();
    EXPECT_EQ(vm.review[1].answerText, "14 de marzo de 1950");
    EXPECT_EQ(vm.review[2].answerText, "No");
    EXPECT_EQ(vm.review[3].pageTitle, "Página consent");
    EXPECT_EQ(vm.review[4].answerText, "Firmado");
}

TEST_F(IntakeTest, ReviewShowsUnansweredOptionalItems) {
    act(Start{"en"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 4.0});
    act(Next{});
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    const ViewModel vm = intake.view();
    ASSERT_EQ(vm.review.size(), 7u);
    EXPECT_EQ(vm.review[3].item->id, "pain_now");
    EXPECT_EQ(vm.review[3].answerText, "4 out of 10");
    EXPECT_EQ(vm.review[4].item->id, "where");
    EXPECT_EQ(vm.review[4].answerText, "Not answered");
}

TEST_F(IntakeTest, EditFromReviewReturnsToReview) {
    toConsentWithoutPain();
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    ASSERT_EQ(intake.screen(), Screen::Review);
    act(GoTo{0});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_TRUE(intake.view().editingFromReview);
    act(SetAnswer{"name", std::string("Ana María")});
    act(Next{});
    EXPECT_EQ(intake.screen(), Screen::Review) << "Next returns to the review, not page 1";
    EXPECT_EQ(intake.view().review[0].answerText, "Ana María");

    act(GoTo{1});
    act(Back{});
    EXPECT_EQ(intake.screen(), Screen::Review) << "Back from an edit returns to the review too";
    act(GoTo{2});
    EXPECT_EQ(intake.screen(), Screen::Review) << "a hidden page cannot be edited";
}

TEST_F(IntakeTest, EditThatRefusesStaysOnThePage) {
    toConsentWithoutPain();
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    act(GoTo{0});
    act(ClearAnswer{"name"});
    act(Next{});
    EXPECT_EQ(intake.screen(), Screen::Page);
    EXPECT_EQ(errorFor("name"), "Please answer this question.");
}

TEST_F(IntakeTest, SubmitSendsTheRecordOfShownAnswers) {
    act(Start{"es"});
    fillAbout();
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 8.0});
    act(SetAnswer{"where", BodyMapAnswer{{"lower_back_l", 7, {}}}});
    act(Next{});
    act(SetAnswer{"night_pain", true});
    act(Next{});
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    ASSERT_EQ(intake.screen(), Screen::Review);
    const auto effects = act(Submit{});
    EXPECT_EQ(intake.screen(), Screen::Saving);
    ASSERT_EQ(effects.size(), 1u);
    const Record& r = std::get<SaveRequest>(effects[0]).record;
    EXPECT_EQ(r.formId, "test_form");
    EXPECT_EQ(r.formVersion, 3);
    EXPECT_EQ(r.contentHash, "sha256:00ff");
    EXPECT_EQ(r.lang, "es");
    EXPECT_EQ(r.startedAt, "2026-11-25T10:03:00Z");
    EXPECT_EQ(r.submittedAt, "2026-11-25T10:03:00Z");
    EXPECT_EQ(r.answers.size(), 8u);
    EXPECT_TRUE(r.hidden.empty());
    ASSERT_EQ(r.scores.size(), 1u);
    EXPECT_EQ(r.scores[0].value, 8.0);
    EXPECT_EQ(r.scores[0].band, "severe") << "staff read bands in the form's first language";
    ASSERT_EQ(r.flags.size(), 1u);
    EXPECT_EQ(r.flags[0].id, "night_pain");
    EXPECT_EQ(r.flags[0].severity, Severity::Urgent);
    EXPECT_EQ(r.flags[0].label, "Night pain");
}

TEST_F(IntakeTest, RecordListsHiddenItemsAndLeavesTheirScoreEmpty) {
    toConsentWithoutPain();
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    const Record r = intake.buildRecord();
    EXPECT_EQ(r.hidden, (std::vector<std::string>{"pain_now", "where", "night_pain"}));
    EXPECT_EQ(r.answers.size(), 5u);
    ASSERT_EQ(r.scores.size(), 1u);
    EXPECT_FALSE(r.scores[0].value);
    EXPECT_EQ(r.scores[0].answered, 0);
    EXPECT_EQ(r.scores[0].total, 1);
    EXPECT_TRUE(r.flags.empty());
    EXPECT_TRUE(r.submittedAt.empty()) << "only Submit stamps it";
}

TEST_F(IntakeTest, ConsentMustBeGivenToContinue) {
    toConsentWithoutPain();
    act(SetAnswer{"agree", false});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    EXPECT_EQ(intake.screen(), Screen::Page);
    EXPECT_EQ(errorFor("agree"),
              "Please agree to continue. If you have questions, please ask at the front desk.");
}

TEST_F(IntakeTest, SubmitRevalidatesEveryShownPage) {
    // From the review, pain 8 reveals the night page and its required question, which the review
    // edit never visited: Submit must catch it.
    toConsentWithoutPain();
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    act(GoTo{1});
    act(SetAnswer{"hurts", true});
    act(Next{});
    EXPECT_EQ(intake.screen(), Screen::Page) << "pain_now (same page) is required now";
    EXPECT_EQ(errorFor("pain_now"), "Please answer this question.");
    act(SetAnswer{"pain_now", 8.0});
    act(Next{});
    ASSERT_EQ(intake.screen(), Screen::Review);
    EXPECT_TRUE(act(Submit{}).empty());
    EXPECT_EQ(intake.screen(), Screen::Page);
    EXPECT_EQ(intake.view().page, 2);
    EXPECT_EQ(errorFor("night_pain"), "Please answer this question.");
    EXPECT_TRUE(intake.view().editingFromReview);
    act(SetAnswer{"night_pain", false});
    act(Next{});
    EXPECT_EQ(intake.screen(), Screen::Review);
    EXPECT_EQ(act(Submit{}).size(), 1u);
}

TEST_F(IntakeTest, ActionsOutOfPlaceAreIgnored) {
    EXPECT_TRUE(act(Next{}).empty());
    EXPECT_TRUE(act(Submit{}).empty());
    EXPECT_TRUE(act(GoTo{0}).empty());
    EXPECT_TRUE(act(Back{}).empty());
    EXPECT_TRUE(act(SaveSucceeded{"x"}).empty()) << "nothing was being saved";
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    act(Start{"en"});
    act(Start{"es"});
    EXPECT_EQ(intake.view().lang, "en") << "Start only works on the welcome screen";
    EXPECT_TRUE(act(Submit{}).empty()) << "Submit only from the review";
    EXPECT_EQ(intake.screen(), Screen::Page);
}

TEST_F(IntakeTest, FreeApplyIsTheSameAsTheMethod) {
    apply(intake, Start{"es"});
    EXPECT_EQ(intake.view().lang, "es");
}
