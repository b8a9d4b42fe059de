#pragma once
// An AudioOpener for tests and the bench: records what a Speaker plays, or fails like a machine
// without a sound card.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/speech/audio_out.h"

namespace kiosk::testing {

/// What the fake device heard, shared between the test and the speaker's worker.
struct FakeDevice {
    std::mutex mutex;
    std::vector<std::int16_t> samples;
    int opens = 0, drops = 0, drains = 0;
    std::chrono::steady_clock::time_point firstSample{};
    std::atomic<bool> blockWrites{false};  ///< each write waits (a slow device) until cancelled

    size_t heard() {
        std::lock_guard<std::mutex> lock(mutex);
        return samples.size();
    }
};

class FakeOut final : public speech::AudioOut {
public:
    explicit FakeOut(std::shared_ptr<FakeDevice> d) : m_d(std::move(d)) {}
    bool write(const std::int16_t* s, std::size_t n, const std::atomic<bool>& cancelled) override {
        {
            std::lock_guard<std::mutex> lock(m_d->mutex);
            if (m_d->samples.empty()) m_d->firstSample = std::chrono::steady_clock::now();
            m_d->samples.insert(m_d->samples.end(), s, s + n);
        }
        while (m_d->blockWrites.load() && !cancelled.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return !cancelled.load();
    }
    void drain() override {
        std::lock_guard<std::mutex> lock(m_d->mutex);
        ++m_d->drains;
    }
    void drop() override {
        std::lock_guard<std::mutex> lock(m_d->mutex);
        ++m_d->drops;
    }

private:
    std::shared_ptr<FakeDevice> m_d;
};

inline speech::AudioOpener fakeOpener(std::shared_ptr<FakeDevice> d) {
    return [d](int) -> core::Result<std::unique_ptr<speech::AudioOut>> {
        {
            std::lock_guard<std::mutex> lock(d->mutex);
            ++d->opens;
        }
        return std::unique_ptr<speech::AudioOut>(std::make_unique<FakeOut>(d));
    };
}

inline speech::AudioOpener noDevice() {
    return [](int) -> core::Result<std::unique_ptr<speech::AudioOut>> {
        return core::makeError(core::ErrorCode::Io, "no sound output on ALSA device 'default' (No such file or directory)");
    };
}

}  // namespace kiosk::testing
