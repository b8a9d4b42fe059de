#include "kiosk/export/private_file.h"
#include "kiosk/core/durable.h"
#include "kiosk/core/file_error.h"
#include "kiosk/export/free_name.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kiosk::exports {
namespace {

// What the signal handler unlinks: a fixed buffer, since a handler may not touch std::string.
char g_temp[4096];
volatile sig_atomic_t g_armed = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
struct sigaction g_previous[sizeof kSignals / sizeof kSignals[0]];

extern "C" void unlinkTempAndDie(int sig) {
    if (g_armed) ::unlink(g_temp);  // async-signal-safe, as are signal() and raise()
    g_armed = 0;
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void arm(const std::string& temp) {
    std::snprintf(g_temp, sizeof g_temp, "%s", temp.c_str());
    g_armed = 1;
    struct sigaction sa {};
    sa.sa_handler = unlinkTempAndDie;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < sizeof kSignals / sizeof kSignals[0]; ++i) ::sigaction(kSignals[i], &sa, &g_previous[i]);
}

void disarm() {
    g_armed = 0;
    for (std::size_t i = 0; i < sizeof kSignals / sizeof kSignals[0]; ++i) ::sigaction(kSignals[i], &g_previous[i], nullptr);
}

/// "<what>: <why>" (the folder missing, not writable, the disk full, ...), located at @p path.
core::Error ioError(const std::string& what, const std::string& path, int err) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty()) folder = ".";
    const core::ErrorCode code = err == ENOSPC || err == EDQUOT ? core::ErrorCode::DiskFull : core::ErrorCode::Io;
    return core::makeError(code, what + ": " + core::fileErrorReason(err, folder), core::SourceLoc{path});
}

}  // namespace

bool PrivateOutput::FdBuf::writeAll(const char* p, std::size_t size) {
    const char* const end = p + size;
    while (p < end) {
        const ssize_t n = ::write(m_fd, p, static_cast<std::size_t>(end - p));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            m_error = n < 0 ? errno : ENOSPC;  // a write that takes nothing: the disk is full
            return false;
        }
        p += n;
    }
    return true;
}

bool PrivateOutput::FdBuf::drain() {
    if (!writeAll(pbase(), static_cast<std::size_t>(pptr() - pbase()))) return false;
    setp(m_buf, m_buf + sizeof m_buf);
    return true;
}

std::streamsize PrivateOutput::FdBuf::xsputn(const char* s, std::streamsize n) {
    if (n < epptr() - pptr()) {  // fits: into the buffer
        std::memcpy(pptr(), s, static_cast<std::size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    if (!drain()) return 0;
    if (n >= static_cast<std::streamsize>(sizeof m_buf)) return writeAll(s, static_cast<std::size_t>(n)) ? n : 0;
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
}

PrivateOutput::FdBuf::int_type PrivateOutput::FdBuf::overflow(int_type ch) {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

core::Result<std::unique_ptr<PrivateOutput>> PrivateOutput::create(const std::string& target) {
    std::string temp = target + ".XXXXXX.tmp";
    // Signals wait until the handler knows the name, so none falls between creating and arming.
    sigset_t all, old;
    sigfillset(&all);
    ::sigprocmask(SIG_BLOCK, &all, &old);
    // mkostemps: O_CREAT|O_EXCL (an existing name, symlink or not, is never opened), mode 0600.
    const int fd = ::mkostemps(temp.data(), 4, O_CLOEXEC);
    const int made = errno;
    if (fd >= 0) arm(temp);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    if (fd < 0) return ioError("cannot create the export file", target, made);
    if (::fchmod(fd, 0600) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        ::close(fd);
        disarm();
        return ioError("cannot create the export file", target, err);
    }
    return std::unique_ptr<PrivateOutput>(new PrivateOutput(target, temp, fd));
}

PrivateOutput::PrivateOutput(std::string target, std::string temp, int fd)
    : m_target(std::move(target)), m_temp(std::move(temp)), m_fd(fd), m_buf(fd), m_stream(&m_buf) {}

std::optional<core::Error> PrivateOutput::writeFailure() const {
    if (m_buf.error() == 0) return std::nullopt;
    return ioError("the export could not be written", m_target, m_buf.error());
}

PrivateOutput::~PrivateOutput() {
    if (!m_committed) discard();
}

void PrivateOutput::discard() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    ::unlink(m_temp.c_str());
    disarm();
}

core::Result<void> PrivateOutput::commit(OnExisting existing) {
    m_stream.flush();
    int err = m_buf.error();  // the first failed write's reason (a full disk, most often)
    if (err == 0 && !m_stream) err = EIO;
    if (err == 0 && ::fsync(m_fd) != 0) err = errno;
    if (::close(m_fd) != 0 && err == 0) err = errno;
    m_fd = -1;
    if (err != 0) {
        discard();
        return ioError("the export could not be written", m_target, err);
    }
    if (existing == OnExisting::Replace) {
        if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
            err = errno;
            discard();
            return ioError("cannot move the export into place", m_target, err);
        }
    } else {
        auto placed = renameToFreeName(m_temp, m_target, false, existing == OnExisting::Number ? kMostNumberedNames : 1);
        if (!placed) {
            discard();
            return placed.error();
        }
        m_target = *placed;
    }
    m_committed = true;
    disarm();
    core::syncParentDir(m_target);
    return {};
}

}  // namespace kiosk::exports
