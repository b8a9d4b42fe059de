#pragma once
// `--pg [URL]` for the staff commands (cli_records.cpp, cli_store.cpp's audit verify) and the sync
// commands (cli_sync.cpp): which clinic server, connected with the messages of sync/server.h, and
// the staff passphrase unlocking the clinic key kept there.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/app/cli/cli_target.h"
#include "kiosk/sync/server.h"

namespace kiosk::app {

/// @brief --pg [URL] (and --kiosk ID on commands that list or read several records). `--pg` alone
///        means the clinic server of the settings file (server.url); no --pg, the local database.
struct ServerTarget {
    std::string url;              ///< --pg URL; "" = server.url from the settings file
    std::string kiosk;            ///< --kiosk ID: only records saved by this kiosk
    CLI::Option* option = nullptr;
    /// --pg was given, with or without a URL.
    bool wanted() const { return option != nullptr && option->count() > 0; }
    /// A bare `--pg` before a command's argument takes that argument as its URL (`records show --pg
    /// ID`): a value that is no libpq URL (no "://", no "=") is handed back to @p positional.
    void giveBack(std::string& positional);
};

/// Adds --pg [URL] to @p sub, and --kiosk ID if @p kioskFilter.
std::shared_ptr<ServerTarget> addServerTarget(CLI::App* sub, bool kioskFilter = false);

/// @p server's --pg URL, else server.url from the settings file (@p store's --config); fails with
/// a clear message when neither names a server.
std::string serverUrl(const ServerTarget& server, const StoreTarget& store);

/// Connects, or ends the command with the connection's error (exit 1).
sync::Server connectServer(const std::string& url);

/// The staff passphrase (--passphrase-file or the terminal), then the clinic key from the server.
store::ClinicKey unlockServerKey(sync::Server& server, const StoreTarget& target);

}  // namespace kiosk::app
