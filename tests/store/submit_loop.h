#pragma once
// The kiosk's save loop as the crash tests run it in a child process: resume the draft the last
// crash left, then for ever save two draft pages and submit, telling the parent through a pipe
// about every submit that returned OK (an Ack). The child dies by a one-shot timer whose handler
// raises SIGKILL, armed before opening the store or after its n-th acknowledged submit.
// Used by crash_test.cpp (forked child, SIGKILL) and powercut/submit_child.cpp (exec'd under the
// power-cut shim).
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kiosk/store/store.h"
#include "store_test_util.h"

namespace kiosk::store::testing {

struct Ack {
    std::int32_t index;  ///< -1: the child hit an error (message in id)
    char id[60];
};

inline constexpr int kIndexStride = 100000;  // each child numbers its intakes from its own base

inline std::string draftText(int index, int page) {
    return "draft " + std::to_string(index) + " page " + std::to_string(page);
}

inline int indexOfDraft(const std::string& snapshot) { return std::atoi(snapshot.c_str() + 6); }

inline void killSelf(int) { ::kill(::getpid(), SIGKILL); }

inline void armKill(long delayUs) {
    itimerval timer{};
    timer.it_value.tv_sec = delayUs / 1000000;
    timer.it_value.tv_usec = delayUs % 1000000 + 1;  // 0 would disarm
    ::setitimer(ITIMER_REAL, &timer, nullptr);
}

/// Every ack the child wrote to @p fd until it died (the read end; closed here).
inline std::vector<Ack> readAcks(int fd) {
    std::vector<Ack> acks;
    Ack a{};
    while (::read(fd, &a, sizeof a) == static_cast<ssize_t>(sizeof a)) acks.push_back(a);
    ::close(fd);
    return acks;
}

/// The child arms its kill timer before opening the store (@p armAfterAcks == 0: the kill can land
/// in open, WAL recovery or draft resume) or right after its n-th acknowledged submit, which
/// guarantees progress however slow the disk is today.
[[noreturn]] inline void childLoop(const std::string& path, int fd, int base, long delayUs, int armAfterAcks) {
    ::signal(SIGALRM, killSelf);
    if (armAfterAcks == 0) armKill(delayUs);
    int acks = 0;
    auto fail = [&](const std::string& what) {
        Ack a{-1, {}};
        std::snprintf(a.id, sizeof a.id, "%s", what.c_str());
        (void)!::write(fd, &a, sizeof a);
        ::_exit(3);
    };
    auto ack = [&](int index, const std::string& id) {
        Ack a{index, {}};
        std::snprintf(a.id, sizeof a.id, "%s", id.c_str());
        if (::write(fd, &a, sizeof a) != static_cast<ssize_t>(sizeof a)) ::_exit(4);
        if (++acks == armAfterAcks) armKill(delayUs);
    };
    auto store = Store::open(options(path));
    if (!store) fail(store.error().format());
    auto draft = store->loadDraft();
    if (!draft) fail(draft.error().format());
    if (draft->has_value()) {  // finish the intake the last crash interrupted
        const int index = indexOfDraft((*draft)->snapshot);
        auto id = store->submit(meta(index), payload(index));
        if (!id) fail(id.error().format());
        ack(index, *id);
    }
    for (int i = base;; ++i) {
        for (int page = 1; page <= 2; ++page)
            if (auto ok = store->saveDraft(draftText(i, page), "2026-11-25T10:00:00Z"); !ok) fail(ok.error().format());
        auto id = store->submit(meta(i), payload(i));
        if (!id) fail(id.error().format());
        ack(i, *id);
    }
}

}  // namespace kiosk::store::testing
