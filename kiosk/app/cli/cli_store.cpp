// Store administration subcommands (see cli_store.h). Output for scripts goes to stdout; errors
// go to stderr as "file: error: message" and set a non-zero exit code.
//
// The shared options (--db, --data-dir, --config, --passphrase-file) are in cli_target.cpp;
// records and export have files of their own.
//
// [SECTION] index: paths and ages · keys · staff · audit · backup · purge
#include "kiosk/app/cli/cli_store.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "kiosk/app/cli/cli_export.h"
#include "kiosk/app/cli/cli_records.h"
#include "kiosk/app/cli/cli_server.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/passphrase.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/server_audit.h"

namespace kiosk::app {

using store::Store;

std::string defaultDataDir() {
    // The same folder the kiosk itself uses (kiosk_config.cpp), so staff commands find its database.
    return resolveDataDir("", std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

std::string resolveDbPath(const std::string& db, const std::string& dataDir) {
    if (!db.empty()) return db;
    return (dataDir.empty() ? defaultDataDir() : dataDir) + "/intake.sqlite3";
}

std::optional<std::chrono::seconds> parseAge(const std::string& text) {
    if (text.size() < 2 || text.size() > 7) return std::nullopt;
    const char unit = text.back();
    long long n = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        n = n * 10 + (text[i] - '0');
    }
    if (n <= 0) return std::nullopt;
    if (unit == 'd' && n <= 36500) return std::chrono::seconds(n * 86400);
    if (unit == 'h' && n <= 36500LL * 24) return std::chrono::seconds(n * 3600);
    return std::nullopt;
}

namespace {

/// Whether the settings file sets a staff PIN: without one the staff gesture asks for the passphrase.
std::string staffPinStatus(const std::string& configOption) {
    const SettingsFile settings = loadSettings(configOption);
    const std::string where = settings.path.empty() ? "no settings file" : settings.path;
    if (!settings.load.ok()) return "staff PIN: unknown (" + where + " has errors)";
    if (settings.load.config->staffPin.empty())
        return "staff PIN: none set (" + where + "); the staff gesture asks for the staff passphrase";
    return "staff PIN: set (" + where + ")";
}

// [SECTION] keys
std::string bytesText(std::size_t n) {
    return n >= 1024 * 1024 ? std::to_string(n / (1024 * 1024)) + " MiB" : std::to_string(n / 1024) + " KiB";
}

void printKeyStatus(const store::KeyStatus& st) {
    if (!st.present) {
        if (!st.problem) std::cout << "clinic key: none (run `intake-kiosk keys init`)\n";
        return;
    }
    std::cout << "clinic key: present, fingerprint " << st.fingerprint
              << (st.problem ? "" : ", matches its pin (" + st.pinPath + ") and the audit log") << "\n"
              << (st.defaultPassphrase ? "passphrase: DEFAULT - change it now with `intake-kiosk staff passwd`\n"
                                       : "passphrase: changed from the default\n")
              << "key derivation: argon2id, opslimit " << st.limits.opslimit << ", memlimit "
              << bytesText(st.limits.memlimit) << "\n"
              << "  each passphrase guess costs one such run: that is all that slows someone who copied the\n"
              << "  database and guesses offline, so use a long passphrase\n"
              << "wrong passphrases since the last unlock: " << st.wrongPassphrases;
    if (st.nextWait.count() > 0) std::cout << " (the next attempt waits " << st.nextWait.count() << " s)";
    else if (st.wrongPassphrases > 0) std::cout << " (after 3, each attempt waits twice as long)";
    std::cout << "\n";
}

void addKeys(CLI::App& app) {
    auto* keys = app.add_subcommand("keys", "the clinic key that seals every record");
    keys->require_subcommand(1);

    auto* init = keys->add_subcommand("init", "create the clinic key pair, protected by a staff passphrase");
    auto ti = addStoreTarget(init, true, true);
    init->callback([ti] {
        const std::string path = ti->path();
        std::error_code ec;
        auto refuseIfPresent = [](Store& s) {
            auto st = s.keyStatus();
            if (st && st->present)
                fail(core::makeError(core::ErrorCode::Invalid,
                                     "the clinic key already exists; creating another would make every saved "
                                     "record unreadable. Use `intake-kiosk staff passwd` to change the passphrase",
                                     core::SourceLoc{s.path()}));
            if (st && st->problem) fail(*st->problem);  // a key that was here and is gone: no new one
        };
        // Told before typing a passphrase for nothing.
        if (std::filesystem::exists(path, ec)) {
            Store existing = ti->open();
            refuseIfPresent(existing);
        }
        // The passphrase is read and checked before the database is made: a missing or short
        // passphrase file leaves no file behind.
        const std::string pass = orFail(getNewPassphrase(ti->passphraseFile, "--passphrase-file"));
        orFail(store::checkNewPassphrase(pass));
        Store s = ti->open(Access::Create);
        refuseIfPresent(s);
        orFail(s.initKeys(pass, ti->limits()));
        auto st = orFail(s.keyStatus());
        std::cout << "clinic key created, fingerprint " << st.fingerprint << "\n"
                  << "Keep the passphrase safe: without it no saved intake can be read.\n";
    });

    auto* status = keys->add_subcommand(
        "status", "show the clinic key, whether it matches its pin, its passphrase and its cost to guess");
    auto ts = addStoreTarget(status, false, false);
    status->callback([ts] {
        Store s = ts->open(Access::Read);
        auto st = orFail(s.keyStatus());
        printKeyStatus(st);
        std::cout << staffPinStatus(ts->config) << "\n";
        if (st.problem) fail(*st.problem);  // exit 1: nothing can be saved until it is fixed
    });
}

// [SECTION] staff
void addStaff(CLI::App& app) {
    auto* staff = app.add_subcommand("staff", "staff access");
    staff->require_subcommand(1);
    auto* passwd = staff->add_subcommand("passwd", "change the staff passphrase (records are not touched)");
    auto t = addStoreTarget(passwd, true, true);
    auto newFile = std::make_shared<std::string>();
    passwd->add_option("--new-passphrase-file", *newFile, "read the new passphrase from FILE")
        ->type_name("FILE")
        ->check(pathValidator());
    passwd->callback([t, newFile] {
        Store s = t->open();
        const std::string old = orFail(getPassphrase(t->passphraseFile, "Current staff passphrase: ", "--passphrase-file"));
        const std::string fresh = orFail(getNewPassphrase(*newFile, "--new-passphrase-file"));
        orFail(store::checkReplacementPassphrase(fresh));  // the staff desk's rule too
        orFail(s.changePassphrase(old, fresh, t->limits()));
        std::cout << "staff passphrase changed\n";
    });
}

// [SECTION] audit
void addAudit(CLI::App& app) {
    auto* audit = app.add_subcommand("audit", "the staff audit log");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand(
        "verify", "check the hash chain; report the first broken entry; print the head to keep elsewhere");
    auto t = addStoreTarget(verify, false, false);
    auto pg = addServerTarget(verify);
    auto kept = std::make_shared<std::string>();
    verify->add_option("--head", *kept, "a head printed by an earlier verify (SEQ:HASH): check the log still holds it")
        ->type_name("SEQ:HASH");
    verify->callback([t, pg, kept] {
        // Checked before the store is opened: a typo is a usage error, not a verdict on the log.
        const auto colon = kept->find(':');
        std::int64_t keptSeq = 0;
        if (!kept->empty()) {
            const std::string seq = kept->substr(0, colon == std::string::npos ? 0 : colon);
            if (colon == std::string::npos || seq.empty() || seq.size() > 12 ||
                seq.find_first_not_of("0123456789") != std::string::npos || kept->size() - colon - 1 != 64)
                failUsage("--head: expected SEQ:HASH as `audit verify` prints it, e.g. 12:3f0a... (64 hex digits)");
            keptSeq = std::stoll(seq);
        }
        std::optional<Store> local;
        std::optional<sync::Server> server;
        store::AuditReport r;
        if (pg->wanted()) {
            server.emplace(connectServer(serverUrl(*pg, *t)));
            r = orFail(sync::verifyServerAudit(*server));
        } else {
            local.emplace(t->open(Access::Read));
            r = orFail(local->verifyAudit());
        }
        if (!r.intact()) {
            std::cout << "audit log broken" << (r.firstBroken > 0 ? " at entry " + std::to_string(r.firstBroken) : "")
                      << ": " << r.problem << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "audit log intact: " << r.entries << " entries\n"
                  << "head: entry " << r.headSeq << ", hash " << r.headHash << "\n"
                  << "Keep this line elsewhere (paper, another machine): the chain proves the log was not "
                     "edited piecemeal, but someone who can rewrite the whole file can rewrite the chain too; "
                     "`audit verify --head " << r.headSeq << ":HASH` later checks the log still holds it.\n";
        if (kept->empty()) return;
        auto hash = server ? sync::serverAuditHash(*server, keptSeq) : local->auditHash(keptSeq);
        std::string keptHash = kept->substr(colon + 1);
        for (char& c : keptHash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!hash || *hash != keptHash) {
            std::cout << "audit log rewritten: entry " << keptSeq << " does not have the hash kept for it"
                      << (hash ? "" : " (" + hash.error().message + ")") << "\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "entry " << keptSeq << " still has the hash kept for it\n";
    });
}

// [SECTION] backup
void addBackup(CLI::App& app) {
    auto* backup = app.add_subcommand("backup", "consistent copy of the database, safe while the kiosk runs");
    auto t = addStoreTarget(backup, false, false);
    auto dest = std::make_shared<std::string>();
    backup->add_option("PATH", *dest, "where to write the copy (must not exist)")->required()->check(pathValidator());
    backup->callback([t, dest] {
        // No quick_check at open: a damaged database is exactly the one that most needs a copy.
        Store s = t->open(Access::Backup);
        orFail(s.backup(*dest));
        std::cout << "backup written to " << *dest << "\n";
    });
}

// [SECTION] purge
void addPurge(CLI::App& app) {
    auto* purge = app.add_subcommand("purge", "delete exported records past retention (audited)");
    auto t = addStoreTarget(purge, true, false);
    auto age = std::make_shared<std::string>();
    purge->add_option("--older-than", *age, "age such as 90d or 36h (days or hours)")->required()->type_name("AGE");
    auto pg = addServerTarget(purge);
    purge->callback([t, age, pg] {
        const auto seconds = parseAge(*age);
        if (!seconds)
            failUsage("--older-than: expected days or hours from 1h to 36500d, such as 90d or 36h, not '" + *age + "'");
        if (pg->wanted()) {
            sync::Server server = connectServer(serverUrl(*pg, *t));
            const store::ClinicKey key = unlockServerKey(server, *t);
            const auto n = orFail(sync::purgeServerRecords(server, *seconds, key));
            std::cout << "purged " << n << " exported record" << (n == 1 ? "" : "s") << " older than " << *age
                      << " on the clinic server\n";
            return;
        }
        Store s = t->open();
        const store::ClinicKey key = t->unlock(s);
        const auto n = orFail(s.purgeExported(*seconds, key));
        std::cout << "purged " << n << " exported record" << (n == 1 ? "" : "s") << " older than " << *age << "\n";
    });
}

}  // namespace

void addStoreCommands(CLI::App& app) {
    addKeys(app);
    addStaff(app);
    addAudit(app);
    addBackup(app);
    addPurge(app);
    addRecordsCommands(app);
    addExportCommand(app);
}

}  // namespace kiosk::app
