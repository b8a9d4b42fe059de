// espeak-ng in-process, to a buffer: no sound card needed. One page's text gives non-silent audio
// whose length fits the number of words at the configured rate.
#include "kiosk/speech/synthesizer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/speech/wav.h"

using namespace kiosk::speech;

namespace {

struct Measured {
    std::vector<std::int16_t> samples;
    double seconds = 0, rms = 0;
};

Measured synth(const Utterance& u, SpeechSettings settings = {}) {
    auto engine = Synthesizer::open(settings);
    EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().format());
    Measured m;
    if (!engine.ok()) return m;
    auto r = (*engine)->synthesize(u, [&](const std::int16_t* s, std::size_t n) {
        m.samples.insert(m.samples.end(), s, s + n);
        return true;
    });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().format());
    double sum = 0;
    for (auto s : m.samples) sum += double(s) * double(s);
    m.rms = m.samples.empty() ? 0 : std::sqrt(sum / double(m.samples.size()));
    m.seconds = double(m.samples.size()) / (*engine)->sampleRate();
    return m;
}

size_t words(const Utterance& u) {
    size_t n = 0;
    bool in = false;
    for (char c : u.text()) {
        const bool space = c == ' ';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

const Utterance kEnglish{"en", {"Where is your pain?", "How bad is your pain right now?",
                                "From 0, no pain, to 10, worst pain imaginable."}};
const Utterance kSpanish{"es", {"¿Dónde le duele?", "¿Cuánto dolor tiene ahora?",
                                "Desde 0, sin dolor, hasta 10, el peor dolor imaginable."}};

}  // namespace

TEST(SpeechSynth, OnePageIsNonSilentAndAsLongAsItsWords) {
    for (const Utterance* u : {&kEnglish, &kSpanish}) {
        const Measured m = synth(*u);
        // Speech at 16 bits is in the thousands RMS; silence or a stub is near 0.
        EXPECT_GT(m.rms, 500.0) << u->lang;
        // 150 words a minute is 0.4 s a word; pauses at sentence ends and numbers add some.
        const double perWord = m.seconds / double(words(*u));
        EXPECT_GT(perWord, 0.2) << u->lang << " " << m.seconds << " s";
        EXPECT_LT(perWord, 0.9) << u->lang << " " << m.seconds << " s";
    }
}

TEST(SpeechSynth, RateChangesTheLength) {
    SpeechSettings slow, fast;
    slow.rate = 100;
    fast.rate = 250;
    const double a = synth(kEnglish, slow).seconds, b = synth(kEnglish, fast).seconds;
    EXPECT_GT(a, b * 1.5);
}

TEST(SpeechSynth, AMissingVoiceIsAnErrorNamingIt) {
    SpeechSettings s;
    s.voices["es"] = "xx-nonesuch";
    auto engine = Synthesizer::open(s);
    ASSERT_TRUE(engine.ok());
    auto r = (*engine)->loadVoice("es");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "espeak-ng has no voice 'xx-nonesuch' for language 'es'");
    EXPECT_FALSE((*engine)->loadVoice("fr").ok());  // no voice set for French at all
    EXPECT_TRUE((*engine)->loadVoice("en").ok());
}

TEST(SpeechSynth, TheSinkStopsSynthesisAtOnce) {
    auto engine = Synthesizer::open({});
    ASSERT_TRUE(engine.ok());
    int chunks = 0;
    ASSERT_TRUE((*engine)->synthesize(kEnglish, [&](const std::int16_t*, std::size_t) { return ++chunks < 2; }).ok());
    EXPECT_EQ(chunks, 2);
}

TEST(SpeechSynth, WavHeaderDescribesMono16BitPcm) {
    const std::string b = wavBytes({1, -1, 300}, 22050);
    ASSERT_EQ(b.size(), 44u + 6u);
    EXPECT_EQ(b.substr(0, 4), "RIFF");
    EXPECT_EQ(b.substr(8, 8), "WAVEfmt ");
    EXPECT_EQ(b.substr(36, 4), "data");
    EXPECT_EQ(static_cast<unsigned char>(b[22]), 1);  // channels
    EXPECT_EQ(static_cast<unsigned char>(b[24]) | (static_cast<unsigned char>(b[25]) << 8), 22050 & 0xFFFF);
    EXPECT_EQ(static_cast<unsigned char>(b[40]), 6);  // data bytes
}
