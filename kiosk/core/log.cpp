#include "kiosk/core/log.h"

#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

namespace kiosk::core {
namespace {

std::mutex g_mutex;
std::shared_ptr<spdlog::logger> g_logger;

// A sink that fails (disk full, file removed) must not take the kiosk down: spdlog catches the
// exception and calls this handler. Report the first failure on stderr and stay quiet after that,
// so a full disk does not flood the terminal. The message comes from spdlog/fmt, not from us, and
// our log lines hold no patient data, so printing it is safe.
void onLogError(const std::string& message) {
    static std::atomic<bool> reported{false};
    if (!reported.exchange(true)) std::fprintf(stderr, "intake-kiosk: logging failed: %s\n", message.c_str());
}

std::shared_ptr<spdlog::logger> makeLogger(std::vector<spdlog::sink_ptr> sinks) {
    auto log = std::make_shared<spdlog::logger>("kiosk", sinks.begin(), sinks.end());
    log->set_level(spdlog::level::trace);  // the sinks filter
    log->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    log->set_error_handler(onLogError);
    log->flush_on(spdlog::level::warn);
    return log;
}

std::shared_ptr<spdlog::logger> stderrOnly(spdlog::level::level_enum level) {
    auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    err->set_level(level);
    return makeLogger({err});
}

}  // namespace

Result<void> initLogging(const LogOptions& options) {
    std::vector<spdlog::sink_ptr> sinks;
    auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    err->set_level(options.stderrLevel);
    sinks.push_back(err);
    Result<void> result;
    if (!options.dir.empty()) {
        const std::string path = options.dir + "/" + options.fileName;
        // Owner-only, like the database: a missing folder is made 0700 here (spdlog would make it
        // 0755), and every file the sink opens, rotated ones included, is made 0600.
        if (::mkdir(options.dir.c_str(), 0700) != 0 && errno == ENOENT) {
            std::error_code ec;
            std::filesystem::create_directories(std::filesystem::path(options.dir).parent_path(), ec);
            ::mkdir(options.dir.c_str(), 0700);
        }
        spdlog::file_event_handlers events;
        events.after_open = [](const spdlog::filename_t&, std::FILE* f) { ::fchmod(::fileno(f), 0600); };
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                path, options.maxFileBytes, options.maxFiles, false, events);
            file->set_level(options.fileLevel);
            sinks.push_back(file);
        } catch (const std::exception& e) {
            result = makeError(ErrorCode::Io, std::string("cannot open the log file: ") + e.what(),
                               SourceLoc{path});
        }
    }
    std::lock_guard<std::mutex> lock(g_mutex);
    g_logger = makeLogger(std::move(sinks));
    return result;
}

std::shared_ptr<spdlog::logger> logger() {
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_logger) g_logger = stderrOnly(spdlog::level::info);
    return g_logger;
}

void addLogSink(spdlog::sink_ptr sink) {
    auto log = logger();
    log->sinks().push_back(std::move(sink));  // spdlog: sinks() is not thread-safe; call at setup
}

void flushLogs() { logger()->flush(); }

}  // namespace kiosk::core
