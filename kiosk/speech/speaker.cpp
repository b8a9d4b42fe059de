#include "kiosk/speech/speaker.h"

#include "kiosk/core/log.h"

namespace kiosk::speech {

struct Speaker::Synth {
    std::unique_ptr<Engine> engine;
};

Speaker::Speaker(Options options) : m_options(std::move(options)), m_synth(std::make_unique<Synth>()) {
    m_worker = std::thread([this] { run(); });
}

Speaker::~Speaker() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        m_job.reset();
    }
    m_cancel = true;
    m_cv.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

void Speaker::waitReady() const {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [this] { return m_ready || m_quit; });
}

bool Speaker::available(const std::string& lang) const {
    if (!m_device.load()) return false;
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_voices.count(lang) != 0;
}

void Speaker::speak(Utterance what) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_job = std::move(what);
        m_cancel = true;  // whatever plays now stops; the worker clears this when it takes the job
        m_speaking = true;
    }
    m_cv.notify_all();
}

void Speaker::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_job.reset();
        m_cancel = true;
        m_speaking = false;  // silent from now on, as far as the screen is concerned
    }
    m_cv.notify_all();
}

void Speaker::changed() {
    ++m_changes;
    if (m_options.wake) m_options.wake();
}

void Speaker::addLanguages(const std::vector<std::string>& languages) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_added.insert(m_added.end(), languages.begin(), languages.end());
    }
    m_cv.notify_all();
}

void Speaker::loadVoices(const std::vector<std::string>& languages, std::set<std::string>& voices) {
    for (const std::string& lang : languages) {
        if (!m_tried.insert(lang).second) continue;
        if (auto v = m_synth->engine->loadVoice(lang); v)
            voices.insert(lang);
        else
            core::logger()->warn("read aloud is off for '{}': {}", lang, v.error().message);
    }
}

/// On the worker: the voices of languages added since start. The sound device was probed at start
/// when any voice loaded; a kiosk that had none probes it now.
void Speaker::loadAdded() {
    std::vector<std::string> added;
    std::set<std::string> voices;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        added.swap(m_added);
        voices = m_voices;
    }
    const std::size_t before = voices.size();
    loadVoices(added, voices);
    if (voices.size() == before) return;
    if (before == 0 && !m_device.load() && m_options.audio) {
        if (auto out = m_options.audio(m_synth->engine->sampleRate()); out)
            m_device = true;
        else
            core::logger()->warn("read aloud is off: {}", out.error().message);
    }
    // The welcome language's voice is the one kept loaded (loadVoice switched it).
    if (!m_options.languages.empty()) (void)m_synth->engine->loadVoice(m_options.languages.front());
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_voices = std::move(voices);
    }
    changed();
}

void Speaker::startUp() {
    auto& log = *core::logger();
    std::set<std::string> voices;
    if (!m_options.settings.enabled) {
        log.info("read aloud: turned off in the settings (speech.enabled)");
    } else if (!m_options.engine) {
        log.warn("read aloud is off: no speech engine");
    } else if (auto engine = m_options.engine(m_options.settings); !engine) {
        log.warn("read aloud is off: {}", engine.error().message);
    } else {
        m_synth->engine = std::move(*engine);
        loadVoices(m_options.languages, voices);
        // The welcome language's voice stays loaded: the first tap only synthesises.
        if (!m_options.languages.empty()) (void)m_synth->engine->loadVoice(m_options.languages.front());
        if (!voices.empty()) {
            auto out = m_options.audio ? m_options.audio(m_synth->engine->sampleRate())
                                       : core::Result<std::unique_ptr<AudioOut>>(core::makeError(
                                             core::ErrorCode::NotFound, "no sound output configured"));
            if (out) {
                m_device = true;
            } else {
                log.warn("read aloud is off: {}", out.error().message);
            }
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_voices = std::move(voices);
        m_ready = true;
    }
    m_cv.notify_all();
    changed();
}

void Speaker::play(const Utterance& what) {
    auto out = m_options.audio(m_synth->engine->sampleRate());
    if (!out) {
        if (!m_deviceLost) core::logger()->warn("read aloud stopped: {}", out.error().message);
        m_deviceLost = true;
        m_device = false;  // the button goes away; nothing is said to the patient
        return;
    }
    AudioOut& device = **out;
    bool ok = true;
    auto synth = m_synth->engine->synthesize(what, [&](const std::int16_t* samples, std::size_t count) {
        ok = device.write(samples, count, m_cancel);
        return ok;
    });
    if (!synth) core::logger()->warn("read aloud: {}", synth.error().message);
    if (ok && !m_cancel.load())
        device.drain();
    else
        device.drop();  // stopped, replaced or failed: silence now, not after the buffer
}

void Speaker::run() {
    startUp();
    if (!m_synth->engine) return;
    for (;;) {
        Utterance job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (!m_job) {
                const bool was = m_speaking.exchange(false);
                if (was) {
                    lock.unlock();
                    changed();
                    lock.lock();
                }
            }
            m_cv.wait(lock, [this] { return m_quit || m_job.has_value() || !m_added.empty(); });
            if (m_quit) return;
            if (!m_added.empty()) {
                lock.unlock();
                loadAdded();
                continue;
            }
            job = std::move(*m_job);
            m_job.reset();
            m_cancel = false;
            m_speaking = true;
        }
        changed();
        if (m_device.load()) play(job);
    }
}

}  // namespace kiosk::speech
