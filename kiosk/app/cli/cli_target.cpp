#include "kiosk/app/cli/cli_target.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/passphrase.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/core/log.h"

namespace kiosk::app {
namespace fs = std::filesystem;

void fail(const core::Error& e, int code) {
    std::cerr << e.format() << '\n';
    core::flushLogs();
    throw CLI::RuntimeError(code);
}

namespace {

/// The settings file's contents; a broken file fails the command with each problem.
KioskConfig settingsOrFail(const std::string& config) {
    const SettingsFile settings = loadSettings(config);
    if (!settings.load.ok()) {
        for (const auto& e : settings.load.errors) std::cerr << e.format() << '\n';
        throw CLI::RuntimeError(1);
    }
    return *settings.load.config;
}

std::string dbPathFor(const std::string& db, const std::string& dataDir, const KioskConfig* settings) {
    if (!db.empty()) return db;
    if (!dataDir.empty()) return dataDir + "/intake.sqlite3";
    return resolveDataDir(settings ? settings->dataDir : "", std::getenv("XDG_DATA_HOME"), std::getenv("HOME")) +
           "/intake.sqlite3";
}

}  // namespace

std::string staffDbPath(const std::string& db, const std::string& dataDir, const std::string& config) {
    // A --config given is read even when --db decides: a wrong file is said, never ignored.
    if (config.empty() && (!db.empty() || !dataDir.empty())) return dbPathFor(db, dataDir, nullptr);
    const KioskConfig settings = settingsOrFail(config);
    return dbPathFor(db, dataDir, &settings);
}

void initStaffLogging(const std::string& dbPath) {
    core::LogOptions log;
    log.stderrLevel = spdlog::level::warn;
    const fs::path logs = fs::path(dbPath).parent_path() / "logs";
    std::error_code ec;
    if (fs::is_directory(logs, ec)) log.dir = logs.string();
    (void)core::initLogging(log);  // a log file that cannot be opened leaves stderr, which is enough
}

namespace {

/// True when @p path starts with SQLite's header: the difference between "not a database at all"
/// and "a damaged database".
bool looksLikeSqlite(const std::string& path) {
    static constexpr char kMagic[16] = "SQLite format 3";  // 15 characters and the NUL
    char head[16] = {};
    std::ifstream in(path, std::ios::binary);
    return in.read(head, sizeof head) && std::memcmp(head, kMagic, sizeof head) == 0;
}

}  // namespace

std::string StoreTarget::path() const {
    if (m_path.empty()) {
        // The settings file is read when it decides the database, or when --config names it; its
        // kiosk_id then names this kiosk in audit rows and exports, as it does for `run`.
        std::optional<KioskConfig> settings;
        if (!config.empty() || (db.empty() && dataDir.empty())) settings = settingsOrFail(config);
        m_path = dbPathFor(db, dataDir, settings ? &*settings : nullptr);
        m_kioskId = settings ? settings->kioskId : "";
        initStaffLogging(m_path);
    }
    return m_path;
}

store::Store StoreTarget::open(Access access) const {
    const std::string p = path();
    if (access == Access::Create) orFail(makePrivateParentDir(p));
    store::StoreOptions o;
    o.dbPath = p;
    o.kioskId = m_kioskId;  // "" = the id kept in the database
    o.createIfMissing = access == Access::Create;
    o.quickCheck = access != Access::Backup;
    o.readOnly = access == Access::Read;
    auto opened = store::Store::open(o);
    if (!opened && opened.error().code == core::ErrorCode::Integrity) {
        // The store's own words are for the kiosk screen ("intake is stopped"); staff at a terminal
        // need to know what the file is and what they can still do.
        if (!looksLikeSqlite(p))
            fail(core::makeError(core::ErrorCode::Integrity, p + " is not an intake database"));
        if (access == Access::Backup)  // not "run backup": this is backup, and it cannot read the file
            fail(core::makeError(core::ErrorCode::Integrity,
                                 "the database is too damaged to open, so `backup` cannot copy it. Stop the kiosk "
                                 "and copy the database file as it is (with its -wal file if there is one) for "
                                 "repair, then restore the latest backup",
                                 core::SourceLoc{p}));
        fail(core::makeError(core::ErrorCode::Integrity,
                             "the database is damaged (it failed its integrity check); nothing was changed. "
                             "`intake-kiosk backup` can still copy it for repair",
                             core::SourceLoc{p}));
    }
    return orFail(std::move(opened));
}

store::ClinicKey StoreTarget::unlock(store::Store& s) const {
    const std::string pass = orFail(getPassphrase(passphraseFile, "Staff passphrase: ", "--passphrase-file"));
    return orFail(s.unlock(pass));
}

store::KdfLimits StoreTarget::limits() const {
    if (kdf == "min") return store::KdfLimits::minimum();
    if (kdf == "interactive") return store::KdfLimits::interactive();
    return store::KdfLimits::moderate();
}

std::shared_ptr<StoreTarget> addStoreTarget(CLI::App* sub, bool passphrase, bool kdf) {
    auto t = std::make_shared<StoreTarget>();
    sub->add_option("--db", t->db, "database file (default: DATA_DIR/intake.sqlite3)")
        ->type_name("PATH")
        ->check(pathValidator());
    sub->add_option("--data-dir", t->dataDir,
                    "kiosk data directory (default: data_dir in the settings file, else "
                    "$XDG_DATA_HOME/intake-kiosk or ~/.local/share/intake-kiosk)")
        ->type_name("DIR")
        ->check(pathValidator());
    sub->add_option("--config", t->config,
                    "settings file whose data_dir to use (default: $KIOSK_CONFIG, else "
                    "/etc/intake-kiosk/kiosk.yaml)")
        ->type_name("FILE")
        ->check(pathValidator());
    if (passphrase)
        sub->add_option("--passphrase-file", t->passphraseFile,
                        "read the staff passphrase from FILE (otherwise it is asked for on the terminal)")
            ->type_name("FILE")
            ->check(pathValidator());
    if (kdf)  // hidden: tests lower the argon2id cost; real keys keep the default
        sub->add_option("--kdf-strength", t->kdf, "argon2id cost: moderate (default), interactive, min")
            ->type_name("moderate|interactive|min")
            ->check(oneOfValidator({"moderate", "interactive", "min"}))
            ->group("");
    return t;
}

}  // namespace kiosk::app
