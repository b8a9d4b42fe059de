// Read aloud on the real screens, with app/'s own wiring (scene_e2e_fixture.h) and a fake speaker
// that records each request: taps on the buttons, new pages, language changes, idle, no device.
#include <gtest/gtest.h>

#include <algorithm>

#include "scene_e2e_fixture.h"

namespace kiosk::app {
namespace {

using session::Screen;

/// Records what the scene asks of read-aloud.
class FakeSpeech final : public speech::SpeechOutput {
  public:
    bool device = true;
    std::vector<std::string> log;  ///< "speak en: <text>" or "stop"
    bool playing = false;

    bool available(const std::string& lang) const override { return device && (lang == "en" || lang == "es"); }
    void speak(speech::Utterance what) override {
        log.push_back("speak " + what.lang + ": " + what.text());
        playing = true;
        ++m_changes;
    }
    void stop() override {
        log.push_back("stop");
        playing = false;
    }
    bool speaking() const override { return playing; }
    std::uint64_t changes() const override { return m_changes; }
    void addLanguages(const std::vector<std::string>& languages) override {
        for (const auto& l : languages) added.push_back(l);
    }
    std::vector<std::string> added;  ///< languages asked for after start
    /// The last thing spoken, "" if none.
    std::string lastSpoken() const {
        for (auto it = log.rbegin(); it != log.rend(); ++it)
            if (it->rfind("speak ", 0) == 0) return *it;
        return {};
    }
    size_t spokenCount() const {
        size_t n = 0;
        for (const auto& l : log) n += l.rfind("speak ", 0) == 0;
        return n;
    }

  private:
    std::uint64_t m_changes = 0;
};

class ReadAloudScene : public testing::SceneE2e {
  protected:
    void SetUp() override {
        SceneE2e::SetUp();
        startUi(1280, 800);
        wire(sink);
        scene->attachSpeech(speech, catalog);
        const auto plain = beforeFrame;
        beforeFrame = [this, plain] {
            scene->handleRequests();
            plain();
            scene->syncReadAloud();
        };
        ui->frames(2);
    }
    MemoryRecordSink sink;
    FakeSpeech speech;
};

TEST_F(ReadAloudScene, TappingReadAloudAsksToSpeakThePageThenTappingAgainStops) {
    ASSERT_TRUE(ui->tap("start"));
    ASSERT_EQ(screen(), Screen::Page);
    ui->frames(2);
    const ui::WidgetInfo* button = ui->find("readaloud");
    ASSERT_NE(button, nullptr) << "the Read aloud button is in the top bar";
    EXPECT_EQ(button->label, "Read aloud");
    ASSERT_TRUE(ui->tap("readaloud"));
    ui->frames(2);
    ASSERT_EQ(speech.spokenCount(), 1u);
    const session::ViewModel vm = intake->view();
    const std::string expected = "speak en: " + vm.pageTitle + ".";
    EXPECT_EQ(speech.lastSpoken().rfind(expected, 0), 0u) << speech.lastSpoken();
    EXPECT_EQ(ui->find("readaloud")->label, "Stop reading");
    ASSERT_TRUE(ui->tap("readaloud"));
    ui->frames(2);
    EXPECT_EQ(speech.log.back(), "stop");
    EXPECT_FALSE(speech.playing);
    EXPECT_EQ(ui->find("readaloud")->label, "Read aloud");
}

TEST_F(ReadAloudScene, TurnedOnAtWelcomeItReadsEachNewPageAndStopsOnLanguageChange) {
    ASSERT_NE(ui->find("readaloud/welcome"), nullptr);
    EXPECT_EQ(ui->find("readaloud"), nullptr) << "on welcome, the big switch only";
    ASSERT_TRUE(ui->tap("readaloud/welcome"));
    ui->frames(2);
    EXPECT_TRUE(ui->find("readaloud/welcome")->selected);
    ASSERT_EQ(speech.spokenCount(), 1u);  // the welcome screen itself
    ASSERT_TRUE(ui->tap("start"));
    ui->frames(2);
    ASSERT_EQ(speech.spokenCount(), 2u);
    EXPECT_EQ(speech.lastSpoken().rfind("speak en: " + intake->view().pageTitle, 0), 0u);
    ASSERT_TRUE(ui->tap("back"));  // back to welcome: stop, then the welcome text
    ui->frames(2);
    ASSERT_EQ(screen(), Screen::Welcome);
    ASSERT_TRUE(ui->tap("lang/es"));
    ui->frames(2);
    EXPECT_EQ(speech.lastSpoken().rfind("speak es: ", 0), 0u) << speech.lastSpoken();
    // A speak replaces whatever plays (Speaker::speak stops it first): the Spanish page is read
    // instead of the rest of the English welcome text.
    EXPECT_EQ(speech.spokenCount(), 4u);
}

TEST_F(ReadAloudScene, TheIdleWarningIsReadAndTheWipeEndsIt) {
    ASSERT_TRUE(ui->tap("start"));
    ASSERT_TRUE(ui->tap("readaloud"));
    ui->frames(2);
    speech.playing = false;  // the page was read to its end
    ui->advance(91);
    ui->frames(2);
    ASSERT_TRUE(intake->view().idleWarning);
    EXPECT_EQ(speech.lastSpoken(), "speak en: Are you still there? To keep your answers, tap I’m still here.");
    ui->advance(31);
    ui->frames(2);
    ASSERT_EQ(screen(), Screen::Welcome);
    EXPECT_EQ(speech.log.back(), "stop");
    EXPECT_FALSE(ui->find("readaloud/welcome")->selected) << "the next patient starts with it off";
}

TEST_F(ReadAloudScene, NoSoundDeviceHidesTheButtons) {
    speech.device = false;
    ui->frames(2);
    EXPECT_EQ(ui->find("readaloud/welcome"), nullptr);
    ASSERT_TRUE(ui->tap("start"));
    ui->frames(2);
    EXPECT_EQ(ui->find("readaloud"), nullptr);
    EXPECT_EQ(speech.spokenCount(), 0u);
}

// A form the clinic publishes later may bring a language the kiosk started without: its voice is
// asked for when the welcome screen takes that form (the speaker loaded only the first form's).
TEST_F(ReadAloudScene, AClinicFormInANewLanguageAsksForItsVoice) {
    session::FormUpdates updates;
    scene->attachFormUpdates(updates);
    auto next = std::make_shared<forms::Form>(intake->form());
    next->version += 1;
    next->contentHash = "sha256:clinic-next";
    next->languages.push_back("fr");
    ASSERT_TRUE(updates.offer(std::shared_ptr<const forms::Form>(std::move(next))));
    EXPECT_TRUE(scene->pollChanges());  // the loop's wake-up: the welcome screen takes it
    ASSERT_EQ(intake->form().contentHash, "sha256:clinic-next");
    EXPECT_NE(std::find(speech.added.begin(), speech.added.end(), "fr"), speech.added.end());
}

}  // namespace
}  // namespace kiosk::app
