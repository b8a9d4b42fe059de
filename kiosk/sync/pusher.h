#pragma once
// The outbox pusher: sends the records waiting in a kiosk's outbox to the clinic server, sealed as
// saved, keyed by record id (INSERT ... ON CONFLICT DO NOTHING; on a conflict the sealed hash is
// compared), and removes them from the outbox only after the server's COMMIT. Killed at any
// moment, it loses nothing (the outbox still holds what was not confirmed) and duplicates nothing
// (the server keeps the first copy of an id). Then the review, export and delete marks made at this
// kiosk's desk, the same way (marks_up.h). pushOnce() is `sync push`; Pusher runs it on its own
// thread inside the kiosk, with its own Store connection, never touching the frame loop.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server_forms.h"

namespace kiosk::sync {

struct PushReport {
    std::int64_t sent = 0;     ///< inserted on the server by this push
    std::int64_t already = 0;  ///< were there already, byte-identical (a push killed after COMMIT)
    std::int64_t waiting = 0;  ///< left in the outbox afterwards
    std::int64_t marksSent = 0;     ///< desk marks the server now has (marks_up.h)
    std::int64_t marksWaiting = 0;  ///< desk marks left in the marks outbox afterwards
};

struct PushOptions {
    std::int64_t batch = 500;  ///< records per server transaction
    /// Committed records marked pushed here once this many wait (and at the end, and on an
    /// error): one local FULL-sync commit per 2 000, not per batch.
    std::int64_t markEvery = 2000;
    /// After a push that reached the server: the clinic's active published forms (server_forms.h),
    /// for the kiosk to keep (validated) and switch to between patients. Empty = not fetched.
    std::function<void(const std::vector<PublishedForm>&)> onForms;
    /// After a push that reached the server: apply the review, export and delete marks staff made
    /// there to this kiosk's records (server_marks.h).
    bool pullMarks = true;
};

/// @brief Pushes everything waiting in @p store's outbox to the server at @p url, once. Errors
///        (server away, refused password, another clinic, a newer schema, a record that differs
///        on the server) are noted in the store (`sync status`) and returned; what was confirmed
///        before an error stays confirmed.
core::Result<PushReport> pushOnce(store::Store& store, const std::string& url, const PushOptions& options = {});

/// @brief pushOnce on a background thread: after each save (wake()), every @p idle otherwise, and
///        after an error with a back-off doubling from 1 s to 60 s. Each round also brings the
///        clinic's active forms (onForms) and its marks of this kiosk's records (pullMarks), so
///        @p idle is how often an idle kiosk polls for them. The kiosk never waits on it.
class Pusher {
public:
    struct Settings {
        std::string dbPath;   ///< the kiosk's database (the pusher opens its own connection)
        std::string kioskId;  ///< as the kiosk's Store
        std::string url;      ///< the clinic server
        std::chrono::seconds idle{30};
        /// PushOptions::onForms for each push (called on the pusher's thread).
        std::function<void(const std::vector<PublishedForm>&)> onForms = {};
        /// With two or more CPUs, keep the pusher's thread to one of them (pusher_cpu.h).
        bool keepToOneCpu = true;
    };
    explicit Pusher(Settings settings);
    ~Pusher();  ///< stops and joins (a push in progress finishes its current batch or fails)
    Pusher(const Pusher&) = delete;
    Pusher& operator=(const Pusher&) = delete;

    /// A record was saved: push soon.
    void wake();
    /// Pushes completed (successful or not) so far: for tests and the health screen.
    std::int64_t rounds() const { return m_rounds.load(); }

private:
    void loop();
    Settings m_settings;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_woken = false;
    std::atomic<std::int64_t> m_rounds{0};
    std::thread m_thread;
};

}  // namespace kiosk::sync
