#pragma once
// Internal to the desk (desk.cpp, desk_export.cpp, desk_keys.cpp): what its workers share with it.
#include <atomic>
#include <cstdint>
#include <future>

#include "kiosk/export/export_job.h"
#include "kiosk/staff/desk.h"

namespace kiosk::staff {

/// A running export: the worker writes progress here and reads cancel; the desk waits for the
/// result before it lets the key go.
struct Desk::ExportRun {
    std::atomic<std::int64_t> done{0}, total{0};
    std::atomic<bool> cancel{false};
    std::future<core::Result<exports::ExportSummary>> result;
    bool selection = false;  ///< it exports the chosen intakes: the choice is cleared once it is done
};

/// A passphrase being checked (unlock) or changed, on a worker with its own store connection.
struct Desk::KeyWork {
    std::future<core::Result<store::ClinicKey>> unlock;  ///< valid while an unlock is checked
    std::future<core::Result<void>> change;              ///< valid while the passphrase changes
};

/// Runs @p job on a thread (or here, for tests) and hands back its future.
template <typename R, typename Fn>
std::future<R> launchWork(bool onThread, Fn job) {
    if (onThread) return std::async(std::launch::async, std::move(job));
    std::promise<R> done;
    done.set_value(job());
    return done.get_future();
}

/// A second connection to the desk's database for a worker (a Store is one thread's).
core::Result<store::Store> openWorkerStore(const std::string& dbPath, const std::string& kioskId);

}  // namespace kiosk::staff
