// Read-aloud figures for `make bench` (PERFORMANCE.md: tap to first audio sample <= 300 ms):
//   tap -> first sample   from the Read aloud tap (speech::ReadAloud::tap builds the page's text,
//                         Speaker::speak hands it to the worker) to the first sample reaching the
//                         audio device: p50 / p95 / max over 30 taps on the bundled intake's first
//                         page, English and Spanish in turn. The device is a stand-in that takes samples as
//                         fast as they come (no sound card here); a real ALSA open adds its own.
//   PSS                   of this process before espeak-ng starts (the floor: the same process
//                         with everything else linked and loaded) and with both voices loaded,
//                         then after reading every page once (dictionaries paged in).
//   idle CPU              of the process over 2 s with the voices loaded and nothing spoken.
// Plain output; arguments are ignored.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <time.h>

#include "../speech/fake_audio.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/intake.h"
#include "kiosk/speech/page_text.h"
#include "kiosk/speech/read_aloud.h"
#include "kiosk/speech/speaker.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double pssMb() {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string key;
    long kb = 0;
    while (in >> key) {
        if (key == "Pss:") {
            in >> kb;
            return double(kb) / 1024.0;
        }
        in.ignore(1 << 20, '\n');
    }
    return -1;
}

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

template <class F>
void waitFor(F done) {
    for (int i = 0; i < 20000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::microseconds(100));
}

}  // namespace

int main() {
    auto catalog = core::Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n");
    const forms::LoadResult loaded = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml");
    if (!catalog || !loaded.ok()) {
        std::fprintf(stderr, "speech_bench: cannot load the bundled form or translations\n");
        return 1;
    }
    const double floorPss = pssMb();

    auto device = std::make_shared<testing::FakeDevice>();
    speech::Speaker::Options options;
    options.languages = loaded.form->languages;
    options.audio = testing::fakeOpener(device);
    const Clock::time_point startAt = Clock::now();
    speech::Speaker speaker(options);
    speaker.waitReady();
    const double readyMs = std::chrono::duration<double, std::milli>(Clock::now() - startAt).count();
    if (!speaker.available("en") || !speaker.available("es")) {
        std::fprintf(stderr, "speech_bench: no voice for en or es (is espeak-ng-data installed?)\n");
        return 1;
    }
    const double voicePss = pssMb();

    const double cpu0 = cpuSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const double idleCpu = (cpuSeconds() - cpu0) / 2.0 * 100.0;

    // Taps on the Read aloud button of the real session's pages.
    session::Intake intake(loaded.form, *catalog);
    speech::ReadAloud reader(*catalog);
    std::vector<double> ms;
    const int taps = 30;
    for (int i = 0; i < taps; ++i) {
        intake.apply(session::Reset{});
        intake.apply(session::Start{i % 2 ? "es" : "en"});
        {
            std::lock_guard<std::mutex> lock(device->mutex);
            device->samples.clear();
        }
        const Clock::time_point tap = Clock::now();
        for (const speech::Request& r : reader.tap(intake.view(), *loaded.form, speaker.speaking())) {
            if (auto say = std::get_if<speech::Speak>(&r)) speaker.speak(say->what);
            else speaker.stop();
        }
        waitFor([&] { return device->heard() > 0; });
        {
            std::lock_guard<std::mutex> lock(device->mutex);
            ms.push_back(std::chrono::duration<double, std::milli>(device->firstSample - tap).count());
        }
        speaker.stop();
        reader.end();
        waitFor([&] { return !speaker.speaking(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size())))]; };

    // Every page read once in both languages, to its end: the dictionaries are all in memory.
    for (const std::string& lang : loaded.form->languages)
        for (size_t p = 0; p < loaded.form->pages.size(); ++p) {
            speaker.speak(speech::freshPageText(*loaded.form, int(p), lang, *catalog));
            waitFor([&] { return !speaker.speaking(); });
            std::lock_guard<std::mutex> lock(device->mutex);
            std::vector<std::int16_t>().swap(device->samples);  // the stand-in device keeps nothing
        }
    const double afterPss = pssMb();

    std::printf("read aloud: tap -> first audio sample over %d taps (target <= 300 ms)\n", taps);
    std::printf("  p50 %.1f ms   p95 %.1f ms   max %.1f ms\n", pct(0.5), pct(0.95), ms.back());
    std::printf("  voices loaded (en-us, es-419) and device probed in %.1f ms, off the frame thread\n", readyMs);
    std::printf("PSS: floor (this process before espeak-ng) %.1f MB; voices loaded %.1f MB (+%.1f MB, %.2fx);"
                " after reading every page %.1f MB (+%.1f MB)\n",
                floorPss, voicePss, voicePss - floorPss, voicePss / floorPss, afterPss, afterPss - floorPss);
    std::printf("  against the kiosk floor of PERFORMANCE.md (85 MB): voices add %.1f%%\n",
                (afterPss - floorPss) / 85.0 * 100.0);
    std::printf("idle CPU with the voices loaded, nothing spoken: %.2f %% of a core\n", idleCpu);
    return 0;
}
