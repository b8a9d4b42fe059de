// Store: the wrong-passphrase back-off. Failures are counted from the audit log (the trailing run
// of "failed" unlocks and passphrase changes since the last success), so restarting the command
// does not reset them, and the wait runs from the last failure's time, so staff coming back later
// do not wait at all. It slows guessing through this program; a copy of the database can be
// attacked offline at the argon2id cost (keys status prints it), which no back-off can slow.
#include <algorithm>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "kiosk/core/log.h"
#include "kiosk/store/store.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {

namespace {
constexpr int kFreeAttempts = 3;
constexpr std::chrono::seconds kMaxWait = std::chrono::minutes(15);
constexpr int kScanLimit = 200;  // failures beyond this change nothing: the wait is capped long before
}  // namespace

std::chrono::seconds passphraseBackoff(int failures) {
    if (failures < kFreeAttempts) return std::chrono::seconds(0);
    const int doublings = failures - kFreeAttempts;
    if (doublings >= 20) return kMaxWait;
    return std::min(kMaxWait, std::chrono::seconds(std::int64_t{1} << doublings));
}

Store::Impl::Failures Store::Impl::recentFailures() {
    Failures f;
    SQLite::Statement q(db, "SELECT detail, at FROM audit WHERE action IN ('unlock', 'passphrase_change') "
                            "ORDER BY seq DESC LIMIT ?");
    q.bind(1, kScanLimit);
    while (q.executeStep()) {
        const std::string detail = q.getColumn(0).getString();
        if (detail == "failed") {
            if (f.count++ == 0) f.last = core::parseUtcIso(q.getColumn(1).getString());
        } else if (detail.rfind("backoff", 0) != 0) {
            break;  // a success ends the run
        }
    }
    return f;
}

std::chrono::seconds Store::Impl::waitNow(const Failures& f) const {
    const auto pause = passphraseBackoff(f.count);
    if (pause.count() == 0 || !f.last) return std::chrono::seconds(0);
    const auto left = std::chrono::ceil<std::chrono::seconds>(*f.last + pause - now());
    return std::max(left, std::chrono::seconds(0));
}

void Store::Impl::sleep(std::chrono::seconds s) const {
    if (options.sleep) options.sleep(s);
    else std::this_thread::sleep_for(s);
}

core::Result<void> Store::Impl::backOff(AuditAction action) {
    const Failures f = recentFailures();
    const auto wait = waitNow(f);
    if (wait.count() == 0) return {};
    core::logger()->warn("{} wrong passphrases in a row: waiting {} s before this one is checked", f.count,
                         wait.count());
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    appendAudit(db, kioskId, action,
                "backoff failures=" + std::to_string(f.count) + " wait_s=" + std::to_string(wait.count()), nowIso());
    tx.commit();
    sleep(wait);
    return {};
}

}  // namespace kiosk::store
