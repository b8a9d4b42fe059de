// The systemd watchdog (kiosk/app/shell/watchdog.h): when READY=1 and WATCHDOG=1 go, and the real
// kiosk speaking to a NOTIFY_SOCKET this test reads, as systemd would, on a private Xvfb.
#include "kiosk/app/shell/watchdog.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_files.h"

extern char** environ;

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using Clock = Watchdog::Clock;

struct Recorder {
    std::vector<std::string> sent;
    Watchdog::Sender sender() {
        return [this](const std::string& s) { sent.push_back(s); };
    }
};

TEST(AppWatchdog, IntervalIsHalfOfWatchdogUsecForThisProcessOrItsParent) {
    EXPECT_EQ(watchdogInterval("2000000", nullptr, 10, 1), std::chrono::microseconds(1000000));
    EXPECT_EQ(watchdogInterval("2000000", "10", 10, 1), std::chrono::microseconds(1000000));
    // Under cage, systemd names the compositor (the unit's main process), the kiosk's parent.
    EXPECT_EQ(watchdogInterval("2000000", "1", 10, 1), std::chrono::microseconds(1000000));
    EXPECT_EQ(watchdogInterval("2000000", "77", 10, 1), std::nullopt);
    EXPECT_EQ(watchdogInterval(nullptr, nullptr, 10, 1), std::nullopt);
    EXPECT_EQ(watchdogInterval("", nullptr, 10, 1), std::nullopt);
    EXPECT_EQ(watchdogInterval("0", nullptr, 10, 1), std::nullopt);
    EXPECT_EQ(watchdogInterval("12s", nullptr, 10, 1), std::nullopt);
    EXPECT_EQ(watchdogInterval("-5", nullptr, 10, 1), std::nullopt);
}

TEST(AppWatchdog, ReadyOnceAfterTheFirstFrameThenPingsAtTheInterval) {
    Recorder r;
    Watchdog w(1s, r.sender());
    const auto t0 = Clock::now();
    w.tick(t0);  // no frame yet: systemd must not think the kiosk is up
    EXPECT_TRUE(r.sent.empty());
    EXPECT_EQ(w.nextPing(), std::nullopt);
    w.firstFrame(t0);
    EXPECT_EQ(r.sent, (std::vector<std::string>{"READY=1", "WATCHDOG=1"}));
    EXPECT_EQ(w.nextPing(), t0 + 1s);
    w.firstFrame(t0 + 10ms);  // later frames and a second loop (a staff message) say nothing new
    w.tick(t0 + 400ms);
    EXPECT_EQ(r.sent.size(), 2u);
    w.tick(t0 + 1s);
    EXPECT_EQ(r.sent.size(), 3u);
    EXPECT_EQ(r.sent.back(), "WATCHDOG=1");
    EXPECT_EQ(w.nextPing(), t0 + 2s);
}

TEST(AppWatchdog, WithoutAnIntervalOnlyReadyAndTheLoopNeverWakesForIt) {
    Recorder r;
    Watchdog w(std::nullopt, r.sender());
    const auto t0 = Clock::now();
    w.firstFrame(t0);
    w.tick(t0 + 1h);
    EXPECT_EQ(r.sent, std::vector<std::string>{"READY=1"});
    EXPECT_EQ(w.nextPing(), std::nullopt);
}

TEST(AppWatchdog, EarliestOfTwoDeadlines) {
    const auto t0 = Clock::now();
    EXPECT_EQ(earliest(std::nullopt, std::nullopt), std::nullopt);
    EXPECT_EQ(earliest(t0, std::nullopt), t0);
    EXPECT_EQ(earliest(std::nullopt, t0), t0);
    EXPECT_EQ(earliest(t0 + 1s, t0), t0);
}

/// A datagram socket standing in for systemd's notify socket; each message comes with its sender's pid.
class NotifySocket {
  public:
    explicit NotifySocket(const std::string& path) : m_path(path) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
        const int on = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    }
    ~NotifySocket() {
        ::close(m_fd);
        ::unlink(m_path.c_str());
    }
    bool bound() const { return m_bound; }

    struct Message {
        std::string text;
        pid_t pid = 0;
    };
    /// The next message within @p timeout, or an empty one.
    Message receive(std::chrono::milliseconds timeout) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
        char buf[512];
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
        iovec iov{buf, sizeof(buf) - 1};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof(control);
        const ssize_t n = ::recvmsg(m_fd, &msg, 0);
        if (n < 0) return {};
        Message m;
        m.text.assign(buf, static_cast<std::size_t>(n));
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
                ucred cred{};
                std::memcpy(&cred, CMSG_DATA(c), sizeof(cred));
                m.pid = cred.pid;
            }
        }
        return m;
    }
    /// Every message that arrives during @p window.
    std::vector<Message> collect(std::chrono::milliseconds window) {
        std::vector<Message> all;
        const auto end = Clock::now() + window;
        while (Clock::now() < end) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
            Message m = receive(std::max(left, 1ms));
            if (!m.text.empty()) all.push_back(std::move(m));
        }
        return all;
    }

  private:
    std::string m_path;
    int m_fd = -1;
    bool m_bound = false;
};

long countOf(const std::vector<NotifySocket::Message>& all, const std::string& text) {
    long n = 0;
    for (const auto& m : all) n += m.text == text;
    return n;
}

TEST(AppWatchdog, TheRealKioskIsReadyOncePingsAtHalfTheIntervalAndStopsWhenStalled) {
    testing::TempDir dir("watchdog");
    NotifySocket notify((dir / "notify"));
    ASSERT_TRUE(notify.bound());
    // WATCHDOG_USEC 400 ms: a WATCHDOG=1 every 200 ms. The kiosk sits idle on its welcome screen.
    const std::string cmd = "exec '" KIOSK_SOURCE_DIR "/tests/support/with_xvfb.sh' env NOTIFY_SOCKET='" +
                            (dir / "notify") +
                            "' WATCHDOG_USEC=400000 KIOSK_CONFIG=/nonexistent timeout 120 '" KIOSK_BINARY
                            "' run --windowed 800x600 --data-dir '" +
                            (dir / "data") + "' >'" + (dir / "out") + "' 2>&1";
    std::vector<char*> argv{const_cast<char*>("/bin/sh"), const_cast<char*>("-c"), const_cast<char*>(cmd.c_str()),
                            nullptr};
    pid_t runner = 0;
    ASSERT_EQ(::posix_spawn(&runner, "/bin/sh", nullptr, nullptr, argv.data(), environ), 0);

    // Start-up (X, GL, first keys) is slow on a loaded machine: wait up to a minute for READY=1.
    NotifySocket::Message ready;
    for (int i = 0; i < 600 && ready.text.empty(); ++i) ready = notify.receive(100ms);
    ASSERT_EQ(ready.text, "READY=1") << std::ifstream((dir / "out")).rdbuf();
    const pid_t kiosk = ready.pid;
    ASSERT_GT(kiosk, 0);

    // 2 s of an idle kiosk: about 10 pings. Generous bounds: a loaded machine may delay some, but the
    // kiosk never pings faster than every 200 ms (at most 11 here), and never says READY=1 again.
    const auto idle = notify.collect(2000ms);
    EXPECT_EQ(countOf(idle, "READY=1"), 0);
    EXPECT_GE(countOf(idle, "WATCHDOG=1"), 3);
    EXPECT_LE(countOf(idle, "WATCHDOG=1"), 11);

    // A stalled loop (the process stopped) sends nothing, which is what lets systemd kill it.
    ASSERT_EQ(::kill(kiosk, SIGSTOP), 0);
    notify.collect(300ms);  // a ping already on its way
    const auto stalled = notify.collect(1500ms);
    ::kill(kiosk, SIGCONT);
    EXPECT_TRUE(stalled.empty()) << stalled.size() << " messages from a stopped kiosk";
    const auto resumed = notify.collect(2000ms);
    EXPECT_GE(countOf(resumed, "WATCHDOG=1"), 1);
    EXPECT_EQ(countOf(resumed, "READY=1"), 0);

    ::kill(kiosk, SIGTERM);
    int status = 0;
    ::waitpid(runner, &status, 0);
}

}  // namespace
}  // namespace kiosk::app
