// The voice plugin (speech/voice_plugin.h): the kiosk's espeak-ng and ALSA come from
// intake-kiosk-voice.so at run time. The built plugin loads and speaks; a missing file names the
// package; a file that is no plugin, or a plugin of another build, is refused with a clear message.
#include "kiosk/speech/voice_plugin.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <exception>

#include <cmath>
#include <vector>

#include "support/temp_files.h"

using namespace kiosk;

namespace {

TEST(SpeechVoicePlugin, TheBuiltPluginLoadsAndSpeaks) {
    auto plugin = speech::loadVoicePlugin(KIOSK_VOICE_PLUGIN);
    ASSERT_TRUE(plugin.ok()) << plugin.error().format();
    auto engine = plugin->engine(speech::SpeechSettings{});
    ASSERT_TRUE(engine.ok()) << engine.error().format();
    EXPECT_GT((*engine)->sampleRate(), 8000);
    ASSERT_TRUE((*engine)->loadVoice("es").ok());
    std::vector<std::int16_t> samples;
    auto spoken = (*engine)->synthesize(speech::Utterance{"en", {"Where is your pain?"}},
                                        [&](const std::int16_t* s, std::size_t n) {
                                            samples.insert(samples.end(), s, s + n);
                                            return true;
                                        });
    ASSERT_TRUE(spoken.ok()) << spoken.error().format();
    double sum = 0;
    for (auto s : samples) sum += double(s) * double(s);
    const double seconds = double(samples.size()) / (*engine)->sampleRate();
    EXPECT_GT(seconds, 0.5);
    EXPECT_GT(std::sqrt(sum / double(std::max<size_t>(1, samples.size()))), 300.0);  // not silence
}

TEST(SpeechVoicePlugin, ItsSoundOutputAnswersWithALSAsOwnError) {
    auto plugin = speech::loadVoicePlugin(KIOSK_VOICE_PLUGIN);
    ASSERT_TRUE(plugin.ok()) << plugin.error().format();
    auto out = plugin->audio("intake-kiosk-test-nonesuch")(22050);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().message.find("no sound output on ALSA device 'intake-kiosk-test-nonesuch'"),
              std::string::npos)
        << out.error().message;
}

TEST(SpeechVoicePlugin, MissingPluginNamesThePackage) {
    kiosk::testing::TempDir dir("voice");
    const std::string path = dir / "intake-kiosk-voice.so";
    auto plugin = speech::loadVoicePlugin(path);
    ASSERT_FALSE(plugin.ok());
    EXPECT_EQ(plugin.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(plugin.error().message, "the voice package (intake-kiosk-voice) is not installed: no " + path);
}

TEST(SpeechVoicePlugin, AFileThatIsNoSharedObjectIsRefused) {
    kiosk::testing::TempDir dir("voice");
    const std::string path = dir / "intake-kiosk-voice.so";
    kiosk::testing::writeFile(path, "not an ELF file\n");
    auto plugin = speech::loadVoicePlugin(path);
    ASSERT_FALSE(plugin.ok());
    EXPECT_NE(plugin.error().message.find("cannot load the voice plugin: " + path), std::string::npos)
        << plugin.error().message;
}

TEST(SpeechVoicePlugin, ASharedObjectWithoutTheEntryIsRefused) {
    // libstdc++, as this test has it loaded: a shared object, but no plugin of ours.
    Dl_info info{};
    ASSERT_NE(::dladdr(reinterpret_cast<void*>(&std::terminate), &info), 0);
    const std::string path = info.dli_fname;
    ASSERT_NE(path.find("libstdc++"), std::string::npos) << path;
    auto plugin = speech::loadVoicePlugin(path);
    ASSERT_FALSE(plugin.ok());
    EXPECT_EQ(plugin.error().message, path + " is not an intake-kiosk voice plugin (no intake_kiosk_voice_plugin)");
}

}  // namespace
