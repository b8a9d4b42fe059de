#pragma once
// `--pg URL` for the staff commands (cli_records.cpp, cli_store.cpp's audit verify) and the sync
// commands (cli_sync.cpp): which clinic server, connected with the messages of sync/server.h, and
// the staff passphrase unlocking the clinic key kept there.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/app/cli/cli_target.h"
#include "kiosk/sync/server.h"

namespace kiosk::app {

/// @brief --pg URL (and --kiosk ID on commands that list or read several records).
struct ServerTarget {
    std::string url;    ///< --pg URL; "" = the local database (or server.url, for sync commands)
    std::string kiosk;  ///< --kiosk ID: only records saved by this kiosk
    bool wanted() const { return !url.empty(); }
};

/// Adds --pg URL to @p sub, and --kiosk ID if @p kioskFilter.
std::shared_ptr<ServerTarget> addServerTarget(CLI::App* sub, bool kioskFilter = false);

/// @p server's --pg, else server.url from the settings file (@p store's --config); fails with a
/// clear message when neither names a server.
std::string serverUrl(const ServerTarget& server, const StoreTarget& store);

/// Connects, or ends the command with the connection's error (exit 1).
sync::Server connectServer(const std::string& url);

/// The staff passphrase (--passphrase-file or the terminal), then the clinic key from the server.
store::ClinicKey unlockServerKey(sync::Server& server, const StoreTarget& target);

}  // namespace kiosk::app
