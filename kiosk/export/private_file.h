#pragma once
// A file of patient data written whole or not at all (the export job, export_job.h). The data goes
// into a fresh temp file beside PATH, made with O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600, under an
// unpredictable name (PATH.XXXXXX.tmp), and written through that same descriptor: nothing is
// reopened by name, so a symlink or file planted at any name is never followed or truncated.
// commit() fsyncs and renames it over PATH, or, told not to replace, to PATH only if nothing is
// there, or to the first free of PATH-2.ext, PATH-3.ext, ... (free_name.h). Every other way out removes the temp file: the
// destructor on errors and exceptions, and a signal handler on SIGINT, SIGTERM, SIGHUP and SIGXFSZ
// (a file-size limit), which unlinks it and then dies of the signal as it would have.
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::exports {

/// @brief What PrivateOutput::commit() does when something is at the target already.
enum class OnExisting {
    Replace,  ///< renames over it (the caller checked it is a file that may go: --force)
    Refuse,   ///< fails: Invalid "already exists" (renameToFreeName)
    Number,   ///< takes the first free numbered name instead (target() says which)
};

/// @brief The temp file behind a PrivateOutput; one at a time per process (the signal handler
///        knows one name). Never reopens, follows or truncates anything by name.
class PrivateOutput {
public:
    /// Creates the temp file beside @p target (Io error naming @p target and why not: the folder
    /// is missing, not writable, ...).
    static core::Result<std::unique_ptr<PrivateOutput>> create(const std::string& target);
    ~PrivateOutput();  ///< unlinks the temp file unless commit() succeeded
    PrivateOutput(const PrivateOutput&) = delete;
    PrivateOutput& operator=(const PrivateOutput&) = delete;

    std::ostream& stream() { return m_stream; }
    /// Why writing to stream() failed ("the export could not be written: the disk is full"), or
    /// nullopt while every write went through.
    std::optional<core::Error> writeFailure() const;
    const std::string& tempPath() const { return m_temp; }
    /// The file written: after a commit that numbered it, the name it took.
    const std::string& target() const { return m_target; }
    /// Flushes, fsyncs, renames the temp file to the target (as @p existing says) and fsyncs the
    /// folder. On error (its reason said: the disk full, ...) the temp file is gone and the target
    /// is as it was.
    core::Result<void> commit(OnExisting existing = OnExisting::Replace);

private:
    /// Buffered writes straight to the descriptor; a failed write sets the stream's badbit.
    class FdBuf : public std::streambuf {
    public:
        explicit FdBuf(int fd) : m_fd(fd) { setp(m_buf, m_buf + sizeof m_buf); }
        bool drain();
        int error() const { return m_error; }  ///< errno of the first failed write, 0 if none

    protected:
        int_type overflow(int_type ch) override;
        /// A write at least as long as the buffer goes to the descriptor from the caller's memory
        /// (a FHIR Bundle entry is ~36 kB: copying it through the buffer first cost ~5% of that export).
        std::streamsize xsputn(const char* s, std::streamsize n) override;
        int sync() override { return drain() ? 0 : -1; }

    private:
        bool writeAll(const char* p, std::size_t size);
        int m_fd;
        int m_error = 0;
        char m_buf[1 << 16];
    };

    PrivateOutput(std::string target, std::string temp, int fd);
    void discard();

    std::string m_target, m_temp;
    int m_fd;
    FdBuf m_buf;
    std::ostream m_stream;
    bool m_committed = false;
};

}  // namespace kiosk::exports
