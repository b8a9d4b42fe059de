// AlsaOut: audio_out.h over libasound2's PCM API (blocking writes of at most ~25 ms each, so a
// cancel is heard within that, then snd_pcm_drop).
#include <alsa/asoundlib.h>

#include <algorithm>
#include <cstdarg>
#include <mutex>

#include "kiosk/speech/audio_out.h"

namespace kiosk::speech {
namespace {

/// ALSA prints its own diagnostics on stderr ("cannot find card '0'"); the kiosk reports one
/// warning of its own instead (speaker.cpp).
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}

class AlsaOut final : public AudioOut {
public:
    AlsaOut(snd_pcm_t* pcm, int rate) : m_pcm(pcm), m_chunk(static_cast<std::size_t>(std::max(64, rate / 40))) {}
    ~AlsaOut() override { snd_pcm_close(m_pcm); }

    bool write(const std::int16_t* samples, std::size_t count, const std::atomic<bool>& cancelled) override {
        std::size_t done = 0;
        while (done < count) {
            if (cancelled.load()) return false;
            const std::size_t n = std::min(m_chunk, count - done);
            snd_pcm_sframes_t wrote = snd_pcm_writei(m_pcm, samples + done, static_cast<snd_pcm_uframes_t>(n));
            if (wrote < 0) wrote = snd_pcm_recover(m_pcm, static_cast<int>(wrote), 1);  // an underrun
            if (wrote < 0) return false;
            done += static_cast<std::size_t>(wrote);
        }
        return true;
    }
    void drain() override { snd_pcm_drain(m_pcm); }
    void drop() override { snd_pcm_drop(m_pcm); }

private:
    snd_pcm_t* m_pcm;
    std::size_t m_chunk;  // samples per write: 25 ms
};

}  // namespace

AudioOpener alsaOpener(std::string device) {
    return [device = std::move(device)](int sampleRate) -> core::Result<std::unique_ptr<AudioOut>> {
        static std::once_flag quiet;
        std::call_once(quiet, [] { snd_lib_error_set_handler(quietAlsa); });
        snd_pcm_t* pcm = nullptr;
        int err = snd_pcm_open(&pcm, device.c_str(), SND_PCM_STREAM_PLAYBACK, 0);
        if (err >= 0)
            err = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                     static_cast<unsigned>(sampleRate), 1, 100000);  // 100 ms buffer
        if (err < 0) {
            if (pcm) snd_pcm_close(pcm);
            return core::makeError(core::ErrorCode::Io, "no sound output on ALSA device '" + device + "' (" +
                                                            snd_strerror(err) + ")");
        }
        return std::unique_ptr<AudioOut>(std::make_unique<AlsaOut>(pcm, sampleRate));
    };
}

}  // namespace kiosk::speech
