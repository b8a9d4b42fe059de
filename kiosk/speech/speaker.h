#pragma once
// speech::Speaker: read-aloud off the frame thread. One worker thread owns the synthesiser and the
// sound device; the frame thread only posts requests (speak, stop) and reads two flags, so a tap
// never waits for speech. The worker sleeps on a condition variable while nothing is spoken (no
// CPU), synthesises in ~50 ms chunks straight into the device, and a stop or a newer request cuts
// the current one within one chunk. No sound device, or no voice for a language, makes the button
// disappear (available() false) with one warning in the log, and so does a missing engine (the
// intake-kiosk-voice package not installed); nothing spoken is ever logged.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/speech/audio_out.h"
#include "kiosk/speech/engine.h"
#include "kiosk/speech/speech_settings.h"
#include "kiosk/speech/utterance.h"

namespace kiosk::speech {

/// @brief What the kiosk's scene asks of read-aloud (a fake in tests).
class SpeechOutput {
public:
    virtual ~SpeechOutput() = default;
    /// A voice for @p lang is loaded and a sound device answered: the button may show.
    virtual bool available(const std::string& lang) const = 0;
    /// Stops whatever plays and reads @p what (returns at once).
    virtual void speak(Utterance what) = 0;
    /// Silence at once (returns at once).
    virtual void stop() = 0;
    /// Something is being read (or about to be).
    virtual bool speaking() const = 0;
    /// Goes up whenever available() or speaking() may have changed: the scene redraws then.
    virtual std::uint64_t changes() const = 0;
    /// A form in other languages arrived (the clinic published one): their voices are loaded too,
    /// off the calling thread (returns at once); changes() goes up when they are.
    virtual void addLanguages(const std::vector<std::string>& languages) = 0;
};

class Speaker final : public SpeechOutput {
public:
    struct Options {
        SpeechSettings settings;
        std::vector<std::string> languages;  ///< the form's languages: each voice is loaded at start
        EngineOpener engine;                 ///< the voice plugin's espeak-ng in the kiosk (voice_plugin.h)
        AudioOpener audio;                   ///< the voice plugin's ALSA output on settings.device
        std::function<void()> wake;          ///< called on the worker after changes() moved (glfwPostEmptyEvent)
    };
    /// Starts the worker, which opens the engine, loads the voices and probes the device; available()
    /// is false until then, and stays false when any of them fails (one warning in the log).
    explicit Speaker(Options options);
    ~Speaker() override;
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    /// Blocks until the start-up checks are done (tests, the bench).
    void waitReady() const;

    bool available(const std::string& lang) const override;
    void speak(Utterance what) override;
    void stop() override;
    bool speaking() const override { return m_speaking.load(); }
    std::uint64_t changes() const override { return m_changes.load(); }
    void addLanguages(const std::vector<std::string>& languages) override;

private:
    void run();
    void startUp();
    void loadVoices(const std::vector<std::string>& languages, std::set<std::string>& voices);
    void loadAdded();
    void play(const Utterance& what);
    void changed();

    Options m_options;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_cv;
    std::optional<Utterance> m_job;      // under m_mutex: the next thing to read
    bool m_quit = false;                 // under m_mutex
    bool m_ready = false;                // under m_mutex
    std::set<std::string> m_voices;      // under m_mutex: languages with a loaded voice
    std::vector<std::string> m_added;    // under m_mutex: languages asked for since, not yet tried
    std::set<std::string> m_tried;       // worker only: each language is tried (and warned about) once
    std::atomic<bool> m_device{false};   // a sound device answered
    std::atomic<bool> m_cancel{false};   // cut the current utterance
    std::atomic<bool> m_speaking{false};
    std::atomic<std::uint64_t> m_changes{0};
    bool m_deviceLost = false;           // worker only: "sound output lost" logged once
    struct Synth;
    std::unique_ptr<Synth> m_synth;      // worker only
    std::thread m_worker;
};

}  // namespace kiosk::speech
