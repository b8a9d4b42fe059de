// speech::Speaker: the worker that reads off the frame thread. Real espeak-ng (the voice layer, linked
// directly here; the kiosk loads it as a plugin), a fake device.
#include "kiosk/speech/speaker.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>
#include <thread>

#include "kiosk/core/log.h"
#include "kiosk/voice/synthesizer.h"
#include "speech/fake_audio.h"

using namespace kiosk;
using namespace kiosk::testing;
using speech::Speaker;
using speech::Utterance;

namespace {

std::ostringstream& captured() {
    static std::ostringstream out;
    static bool added = [] {
        core::addLogSink(std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
        return true;
    }();
    (void)added;
    return out;
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

/// Waits (bounded) until @p done; tests of a worker thread need that much.
template <class F>
bool eventually(F done) {
    for (int i = 0; i < 2000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return done();
}

Speaker::Options options(speech::AudioOpener audio) {
    Speaker::Options o;
    o.languages = {"en", "es"};
    o.engine = voice::espeakOpener();
    o.audio = std::move(audio);
    return o;
}

const Utterance kPage{"en", {"Where is your pain?", "Marker words Quokka."}};

}  // namespace

TEST(SpeechSpeaker, SpeaksToTheDeviceOffTheCallingThread) {
    auto device = std::make_shared<FakeDevice>();
    Speaker speaker(options(fakeOpener(device)));
    speaker.waitReady();
    EXPECT_TRUE(speaker.available("en"));
    EXPECT_TRUE(speaker.available("es"));
    EXPECT_FALSE(speaker.available("fr"));
    speaker.speak(kPage);
    // speak() itself says "speaking" (the button says "Stop" at once); on a loaded machine the test
    // thread can be descheduled while the worker reads the whole page, so "not speaking" right
    // after is allowed only when the device already heard it.
    EXPECT_TRUE(speaker.speaking() || device->heard() > 22050u);
    ASSERT_TRUE(eventually([&] { return !speaker.speaking(); }));
    EXPECT_GT(device->heard(), 22050u);  // more than a second of speech
    EXPECT_EQ(device->drains, 1);
}

TEST(SpeechSpeaker, StopCutsTheCurrentUtteranceAtOnce) {
    auto device = std::make_shared<FakeDevice>();
    device->blockWrites = true;  // a device that plays in real time, or slower
    Speaker speaker(options(fakeOpener(device)));
    speaker.waitReady();
    speaker.speak(kPage);
    ASSERT_TRUE(eventually([&] { return device->heard() > 0; }));
    speaker.stop();
    EXPECT_FALSE(speaker.speaking());
    ASSERT_TRUE(eventually([&] {
        std::lock_guard<std::mutex> lock(device->mutex);
        return device->drops == 1;
    }));
    const size_t heard = device->heard();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(device->heard(), heard);  // nothing more after the stop
    EXPECT_EQ(device->drains, 0);
}

TEST(SpeechSpeaker, ANewRequestReplacesTheOneBeingRead) {
    auto device = std::make_shared<FakeDevice>();
    device->blockWrites = true;
    Speaker speaker(options(fakeOpener(device)));
    speaker.waitReady();
    speaker.speak(kPage);
    ASSERT_TRUE(eventually([&] { return device->heard() > 0; }));
    device->blockWrites = false;
    speaker.speak(Utterance{"es", {"Hola."}});
    ASSERT_TRUE(eventually([&] { return !speaker.speaking(); }));
    std::lock_guard<std::mutex> lock(device->mutex);
    EXPECT_EQ(device->opens, 3);  // the probe, the first page, the second
    EXPECT_EQ(device->drops, 1);
    EXPECT_EQ(device->drains, 1);
}

TEST(SpeechSpeaker, NoSoundDeviceHidesTheButtonWithOneWarning) {
    captured().str("");
    Speaker speaker(options(noDevice()));
    speaker.waitReady();
    EXPECT_FALSE(speaker.available("en"));
    EXPECT_FALSE(speaker.available("es"));
    speaker.speak(kPage);  // nothing happens, nothing breaks
    speaker.stop();
    const std::string log = captured().str();
    EXPECT_EQ(count(log, "[warning]"), 1u) << log;
    EXPECT_NE(log.find("read aloud is off: no sound output"), std::string::npos) << log;
}

// The kiosk without the intake-kiosk-voice package: its engine opener says why there is none.
TEST(SpeechSpeaker, NoEngineHidesTheButtonWithOneWarningAndOpensNoDevice) {
    captured().str("");
    auto device = std::make_shared<FakeDevice>();
    Speaker::Options o = options(fakeOpener(device));
    o.engine = [](const speech::SpeechSettings&) -> core::Result<std::unique_ptr<speech::Engine>> {
        return core::makeError(core::ErrorCode::NotFound, "the voice package (intake-kiosk-voice) is not installed");
    };
    Speaker speaker(std::move(o));
    speaker.waitReady();
    EXPECT_FALSE(speaker.available("en"));
    EXPECT_FALSE(speaker.available("es"));
    speaker.speak(kPage);  // nothing happens, nothing breaks
    speaker.stop();
    EXPECT_EQ(device->opens, 0);
    const std::string log = captured().str();
    EXPECT_EQ(count(log, "[warning]"), 1u) << log;
    EXPECT_NE(log.find("read aloud is off: the voice package (intake-kiosk-voice) is not installed"), std::string::npos)
        << log;
}

TEST(SpeechSpeaker, NoEngineOpenerAtAllIsTheSame) {
    captured().str("");
    auto device = std::make_shared<FakeDevice>();
    Speaker::Options o = options(fakeOpener(device));
    o.engine = nullptr;
    Speaker speaker(std::move(o));
    speaker.waitReady();
    EXPECT_FALSE(speaker.available("en"));
    EXPECT_EQ(device->opens, 0);
    EXPECT_EQ(count(captured().str(), "[warning]"), 1u) << captured().str();
}

TEST(SpeechSpeaker, NoVoiceForALanguageHidesItThere) {
    captured().str("");
    auto device = std::make_shared<FakeDevice>();
    Speaker::Options o = options(fakeOpener(device));
    o.settings.voices["es"] = "xx-nonesuch";
    Speaker speaker(std::move(o));
    speaker.waitReady();
    EXPECT_TRUE(speaker.available("en"));
    EXPECT_FALSE(speaker.available("es"));
    const std::string log = captured().str();
    EXPECT_EQ(count(log, "[warning]"), 1u) << log;
    EXPECT_NE(log.find("read aloud is off for 'es'"), std::string::npos) << log;
}

TEST(SpeechSpeaker, TurnedOffInTheSettingsLoadsNothing) {
    auto device = std::make_shared<FakeDevice>();
    Speaker::Options o = options(fakeOpener(device));
    o.settings.enabled = false;
    Speaker speaker(std::move(o));
    speaker.waitReady();
    EXPECT_FALSE(speaker.available("en"));
    EXPECT_EQ(device->opens, 0);
}

TEST(SpeechSpeaker, NothingSpokenIsLogged) {
    captured().str("");
    auto device = std::make_shared<FakeDevice>();
    {
        Speaker speaker(options(fakeOpener(device)));
        speaker.waitReady();
        speaker.speak(kPage);
        ASSERT_TRUE(eventually([&] { return !speaker.speaking(); }));
    }
    EXPECT_EQ(captured().str().find("Quokka"), std::string::npos);
}

// A form published later in a language the kiosk started without: its voice loads on the worker and
// the button appears for it; a language without a voice stays hidden, warned about once.
TEST(SpeechSpeaker, ALanguageAddedLaterGetsItsVoice) {
    captured().str("");
    auto device = std::make_shared<FakeDevice>();
    Speaker::Options o = options(fakeOpener(device));
    o.languages = {"en"};
    o.settings.voices["xx"] = "xx-nonesuch";
    Speaker speaker(std::move(o));
    speaker.waitReady();
    ASSERT_TRUE(speaker.available("en"));
    EXPECT_FALSE(speaker.available("es"));
    const std::uint64_t before = speaker.changes();
    speaker.addLanguages({"en", "es", "xx"});
    EXPECT_TRUE(eventually([&] { return speaker.available("es"); }));
    EXPECT_TRUE(eventually([&] { return speaker.changes() > before; }));
    EXPECT_FALSE(speaker.available("xx"));
    speaker.addLanguages({"xx"});
    speaker.speak(kPage);  // still reads after the voices changed
    EXPECT_TRUE(eventually([&] { return device->heard() > 0; }));
    EXPECT_EQ(count(captured().str(), "read aloud is off for 'xx'"), 1u) << captured().str();
}

