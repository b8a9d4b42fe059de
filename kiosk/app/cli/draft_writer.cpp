#include "kiosk/app/cli/draft_writer.h"

#include <sodium.h>

#include "kiosk/core/log.h"

namespace kiosk::app {
namespace {

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

}  // namespace

DraftWriter::DraftWriter(Save save) : m_save(std::move(save)) {
    m_thread = std::thread([this] { run(); });
}

DraftWriter::~DraftWriter() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void DraftWriter::post(std::string snapshot, std::string startedAt) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_waiting) wipe(m_waiting->first);
        m_waiting.emplace(std::move(snapshot), std::move(startedAt));
    }
    m_cv.notify_all();
}

void DraftWriter::settle() {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_waiting) wipe(m_waiting->first);
    m_waiting.reset();
    m_cv.wait(lock, [this] { return !m_writing; });
}

void DraftWriter::flush() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_waiting && !m_writing; });
}

void DraftWriter::run() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_quit || m_waiting.has_value(); });
        if (!m_waiting) return;  // quitting with nothing left to write
        std::pair<std::string, std::string> draft = std::move(*m_waiting);
        m_waiting.reset();
        m_writing = true;
        lock.unlock();
        if (auto saved = m_save(draft.first, draft.second); !saved)
            core::logger()->warn("draft save failed: {}", saved.error().format());
        wipe(draft.first);
        lock.lock();
        m_writing = false;
        m_cv.notify_all();  // settle() waits for this
    }
}

}  // namespace kiosk::app
