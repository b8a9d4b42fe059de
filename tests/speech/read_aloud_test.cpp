// speech::ReadAloud: when read-aloud speaks and when it stops, driven by a real session.
#include "kiosk/speech/read_aloud.h"

#include <gtest/gtest.h>

#include "kiosk/session/intake.h"
#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk;
using namespace kiosk::testing;
using speech::Request;

namespace {

struct Fixture {
    std::shared_ptr<const forms::Form> form = std::make_shared<const forms::Form>(
        kiosk::testing::form({page("a", {yesNo("q1")}), page("b", {yesNo("q2")})}));
    session::IntakeConfig config;
    session::Intake intake{form, realCatalog(), config, fixedClock()};
    speech::ReadAloud reader{realCatalog()};

    std::vector<Request> act(const session::Action& a) {
        intake.apply(a);
        return reader.update(intake.view(), *form);
    }
};

bool stops(const std::vector<Request>& r) {
    return r.size() == 1 && std::holds_alternative<speech::Stop>(r[0]);
}
std::string spoken(const std::vector<Request>& r) {
    for (const auto& q : r)
        if (auto s = std::get_if<speech::Speak>(&q)) return s->what.text();
    return {};
}

}  // namespace

TEST(SpeechReadAloud, OffItOnlyStopsOnEveryChange) {
    Fixture f;
    EXPECT_TRUE(f.reader.update(f.intake.view(), *f.form).empty());
    EXPECT_TRUE(stops(f.act(session::Start{"en"})));
    EXPECT_TRUE(stops(f.act(session::Next{})));
    EXPECT_FALSE(f.reader.on());
}

TEST(SpeechReadAloud, TheWelcomeToggleReadsEachNewPageUntilTheIntakeEnds) {
    Fixture f;
    f.reader.update(f.intake.view(), *f.form);
    EXPECT_NE(spoken(f.reader.toggle(f.intake.view(), *f.form)).find("Test form."), std::string::npos);
    EXPECT_EQ(spoken(f.act(session::Start{"en"})).rfind("Page a. Question q1. Yes. No.", 0), 0u);
    f.act(session::SetAnswer{"q1", true});
    EXPECT_EQ(spoken(f.act(session::Next{})).rfind("Page b.", 0), 0u);
    EXPECT_EQ(spoken(f.act(session::Back{})).rfind("Page a.", 0), 0u);
    // A language change stops the English and reads the page again in Spanish.
    EXPECT_EQ(spoken(f.act(session::SetLanguage{"es"})).rfind("Página a. Pregunta q1. Sí. No.", 0), 0u);
    // Idle: the warning is read; the wipe ends the mode.
    f.intake.apply(session::Touch{t(0)});
    EXPECT_EQ(spoken(f.act(session::Tick{t(90)})), "¿Sigue ahí? Para conservar sus respuestas, toque Sigo aquí.");
    EXPECT_TRUE(stops(f.act(session::Tick{t(120)})));  // the wipe: silence, and the mode ends
    EXPECT_EQ(f.intake.view().screen, session::Screen::Welcome);
    EXPECT_FALSE(f.reader.on());
    EXPECT_TRUE(stops(f.act(session::Start{"en"})));  // the next patient hears nothing unasked
}

TEST(SpeechReadAloud, StillHereGoesBackQuietly) {
    Fixture f;
    f.act(session::Start{"en"});
    f.reader.tap(f.intake.view(), *f.form, false);
    f.intake.apply(session::Touch{t(0)});
    EXPECT_FALSE(spoken(f.act(session::Tick{t(90)})).empty());
    EXPECT_TRUE(stops(f.act(session::StillHere{t(95)})));
    EXPECT_TRUE(f.reader.on());
}

TEST(SpeechReadAloud, TappingWhileSpeakingStopsAndTurnsItOff) {
    Fixture f;
    f.act(session::Start{"en"});
    EXPECT_EQ(spoken(f.reader.tap(f.intake.view(), *f.form, false)).rfind("Page a.", 0), 0u);
    EXPECT_TRUE(f.reader.on());
    EXPECT_TRUE(stops(f.reader.tap(f.intake.view(), *f.form, true)));
    EXPECT_FALSE(f.reader.on());
    f.act(session::SetAnswer{"q1", true});
    EXPECT_TRUE(stops(f.act(session::Next{})));
}
