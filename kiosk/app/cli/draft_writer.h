#pragma once
// The kiosk's drafts saved off the frame loop. A page turn saves the intake so far (ARCHITECTURE
// "Store": drafts); done on the frame loop's thread it waits for the disk's sync, and for SQLite's
// write lock whenever the sync pusher holds it to mark a batch pushed (sync_bench saw 19-339 ms on a
// loaded machine). Here the newest draft waits in memory and a thread of its own writes it, over
// a connection of its own; a newer draft replaces one not yet written. Before the kiosk submits
// or discards on its own connection, settle() drops what waits and waits out a write under way, so
// a draft is never written after the intake it belongs to was saved or wiped.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/core/error.h"

namespace kiosk::app {

class DraftWriter {
public:
    /// Writes one draft (@p snapshot of the intake begun at @p startedAt); runs on the writer's thread.
    using Save = std::function<core::Result<void>(const std::string& snapshot, const std::string& startedAt)>;

    explicit DraftWriter(Save save);
    /// Writes the draft that waits, then stops (the kiosk closing keeps its last page).
    ~DraftWriter();
    DraftWriter(const DraftWriter&) = delete;
    DraftWriter& operator=(const DraftWriter&) = delete;

    /// Returns at once; the draft is written soon, unless a newer one or settle() comes first.
    void post(std::string snapshot, std::string startedAt);
    /// Drops the draft that waits and returns once no write is under way (a wipe).
    void settle();
    /// Returns once the draft that waits is written and no write is under way (before a submit:
    /// should the submit fail, the newest draft is on disk).
    void flush();

private:
    void run();

    Save m_save;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::optional<std::pair<std::string, std::string>> m_waiting;  // under m_mutex: patient data
    bool m_writing = false;                                         // under m_mutex
    bool m_quit = false;                                            // under m_mutex
    std::thread m_thread;
};

}  // namespace kiosk::app
