#pragma once
// What every staff command shares: which database it works on (--db, --data-dir, --config), how it
// logs, how it opens the store and unlocks the clinic key, and how it fails. The store commands
// (cli_store.cpp), records (cli_records.cpp), export (cli_export.cpp) and `simulate --save` use it,
// so they all find the database the kiosk itself uses.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"

namespace kiosk::app {

/// Prints @p e to stderr and ends the command with exit @p code (CLI::RuntimeError).
[[noreturn]] void fail(const core::Error& e, int code = 1);

template <class T>
T orFail(core::Result<T> r) {
    if (!r) fail(r.error());
    return std::move(*r);
}

inline void orFail(const core::Result<void>& r) {
    if (!r) fail(r.error());
}

/// The database a staff command uses, resolved as the kiosk does (`run`): @p db if given, else
/// <@p dataDir>/intake.sqlite3, else the settings file's data_dir (@p config, $KIOSK_CONFIG or
/// /etc/intake-kiosk/kiosk.yaml), else the XDG default. A broken settings file (read whenever
/// @p config names one) fails the command with each problem at file:line:col.
std::string staffDbPath(const std::string& db, const std::string& dataDir, const std::string& config);

/// Staff commands log warnings and errors to stderr, and to the data folder's logs/ only if that
/// folder exists already: a command never creates folders just to log (`--db /etc/passwd` must not
/// make /etc/logs).
void initStaffLogging(const std::string& dbPath);

/// @brief What a staff command does with the database: how StoreTarget::open opens it.
enum class Access {
    Read,    ///< reads only: opened read-only (works on a read-only data folder)
    Write,   ///< the database must exist
    Create,  ///< made, with its folder, when missing
    Backup,  ///< no quick_check: a damaged database is the one that most needs a copy
};

/// @brief The options naming a database (and the passphrase), shared by the staff commands.
struct StoreTarget {
    std::string db;              ///< --db PATH
    std::string dataDir;         ///< --data-dir DIR
    std::string config;          ///< --config FILE
    std::string passphraseFile;  ///< --passphrase-file FILE ("" = ask on the terminal)
    std::string kdf = "moderate";

    /// The database file (as staffDbPath finds it); sets up logging on first use. The settings file
    /// is read when it decides the database or --config names it, and its kiosk_id (if set) is
    /// the kiosk id open() uses.
    std::string path() const;
    /// Opens the database for @p access (NotFound if missing, unless Create). Staff get their own
    /// words for a file that is not a database or is damaged, and for one too damaged to back up.
    store::Store open(Access access = Access::Write) const;
    /// The staff passphrase (file or terminal), then Store::unlock.
    store::ClinicKey unlock(store::Store& s) const;
    store::KdfLimits limits() const;

private:
    mutable std::string m_path;
    mutable std::string m_kioskId;  ///< the settings file's kiosk_id, "" if none (set by path())
};

/// Adds --db, --data-dir and --config to @p sub; --passphrase-file if @p passphrase; the hidden
/// --kdf-strength (tests lower the argon2id cost) if @p kdf.
std::shared_ptr<StoreTarget> addStoreTarget(CLI::App* sub, bool passphrase, bool kdf = false);

}  // namespace kiosk::app
