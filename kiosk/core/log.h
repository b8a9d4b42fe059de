#pragma once
// Logging for every layer: one spdlog logger ("kiosk") writing to a rotating file in the data
// directory and to stderr. Events name forms, versions, counts and durations, never patient data
// (`intake submitted form=x v=3 ms=4`). Logging never throws into the kiosk: a failing sink is
// reported once through the error handler and otherwise ignored.
#include <cstddef>
#include <memory>
#include <string>

#include <spdlog/common.h>
#include <spdlog/logger.h>

#include "kiosk/core/error.h"

namespace kiosk::core {

/// @brief Where logs go; one struct so that app/ fills it from the config.
struct LogOptions {
    std::string dir;                                     ///< "" = no file sink (stderr only)
    std::string fileName = "intake-kiosk.log";           ///< inside dir
    std::size_t maxFileBytes = 5 * 1024 * 1024;          ///< rotate after 5 MB
    std::size_t maxFiles = 3;                            ///< keep 3 rotated files
    spdlog::level::level_enum fileLevel = spdlog::level::info;
    spdlog::level::level_enum stderrLevel = spdlog::level::info;  ///< CLI tools use warn
};

/// @brief Replaces the kiosk logger with file + stderr sinks. If the file cannot be opened the
///        logger still logs to stderr and the Io error says why. A missing log folder is made
///        0700 and the log files are 0600, like the database.
Result<void> initLogging(const LogOptions& options);

/// @brief The kiosk logger; before initLogging() it logs to stderr only. Never null.
std::shared_ptr<spdlog::logger> logger();

/// @brief Adds a sink to the current logger (tests capture log lines with it).
void addLogSink(spdlog::sink_ptr sink);

/// @brief Flushes every sink (before exit, after an important event).
void flushLogs();

}  // namespace kiosk::core
