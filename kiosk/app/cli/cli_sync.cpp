// `clinic init|join` and `sync push|status` (cli_sync.h). Messages name servers, kiosks and counts,
// never a record's content; a password never appears (the URL may not hold one).
#include "kiosk/app/cli/cli_sync.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <pqxx/pqxx>

#include "kiosk/app/cli/cli_server.h"
#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/app/cli/form_shelf_for.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/passphrase.h"
#include "kiosk/core/clock.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/pusher.h"

namespace kiosk::app {
namespace {

void addClinicInit(CLI::App* clinic) {
    auto* init = clinic->add_subcommand(
        "init", "create the clinic on an empty PostgreSQL: tables, roles intake_kiosk and intake_staff, the clinic key");
    auto t = addStoreTarget(init, true, true);
    auto pg = addServerTarget(init);
    init->callback([t, pg] {
        const std::string url = serverUrl(*pg, *t);
        sync::Server server = connectServer(url);
        const std::string pass = orFail(getNewPassphrase(t->passphraseFile, "--passphrase-file"));
        const auto key = orFail(store::makeClinicKeyMaterial(pass, t->limits()));
        orFail(sync::initClinic(server, key));
        std::cout << "clinic created on " << server.describe() << ", key fingerprint " << key.fingerprint() << "\n"
                  << "next: make login roles members of intake_kiosk (kiosks) and intake_staff (desks), then run\n"
                  << "`intake-kiosk clinic join --pg URL` on each kiosk before its first intake\n";
    });
}

void addClinicJoin(CLI::App* clinic) {
    auto* join = clinic->add_subcommand(
        "join", "make this kiosk seal its records to the clinic's key (before its first intake)");
    auto t = addStoreTarget(join, false);
    auto pg = addServerTarget(join);
    join->callback([t, pg] {
        const std::string url = serverUrl(*pg, *t);
        sync::Server server = connectServer(url);
        store::Store s = t->open(Access::Create);
        const std::string fingerprint = orFail(sync::joinClinic(server, s));
        std::cout << "kiosk " << s.kioskId() << " joined the clinic on " << server.describe() << ", key fingerprint "
                  << fingerprint << "\n"
                  << "set server.url in the settings file so the kiosk pushes its records by itself\n";
    });
}

void addClinicUpgrade(CLI::App* clinic) {
    auto* upgrade = clinic->add_subcommand(
        "upgrade", "bring a clinic made by an older intake-kiosk to this program's server schema (the admin's role)");
    auto t = addStoreTarget(upgrade, false);
    auto pg = addServerTarget(upgrade);
    upgrade->callback([t, pg] {
        sync::Server server = connectServer(serverUrl(*pg, *t));
        const int from = server.schemaVersion();
        const int now = orFail(sync::upgradeClinic(server));
        if (from == now) std::cout << "the clinic on " << server.describe() << " is already at schema " << now << "\n";
        else std::cout << "the clinic on " << server.describe() << " upgraded from schema " << from << " to " << now << "\n";
    });
}

void addPush(CLI::App* syncCmd) {
    auto* push = syncCmd->add_subcommand("push", "push whatever waits in this kiosk's outbox, once, and exit");
    auto t = addStoreTarget(push, false);
    auto pg = addServerTarget(push);
    auto batch = std::make_shared<std::int64_t>(500);
    push->add_option("--batch", *batch, "records per server transaction")->check(CLI::Range(1, 10000))->group("");
    push->callback([t, pg, batch] {
        const std::string url = serverUrl(*pg, *t);
        store::Store s = t->open(Access::Write);
        sync::PushOptions o;
        o.batch = *batch;
        // The clinic's published forms come along, kept for the kiosk's next patient.
        o.onForms = clinicFormsTaker(std::filesystem::path(s.path()).parent_path().string(), formsDirFor(t->config, ""));
        const auto r = sync::pushOnce(s, url, o);
        if (!r) {
            const auto state = s.syncState();
            std::cerr << "error: " << r.error().message << "\n";
            if (state) std::cerr << state->waiting << " waiting to sync\n";
            throw CLI::RuntimeError(1);
        }
        std::cout << "pushed " << r->sent << ", already on the server " << r->already << ", waiting " << r->waiting
                  << "; marks sent " << r->marksSent << ", waiting " << r->marksWaiting << "\n";
    });
}

void addStatus(CLI::App* syncCmd) {
    auto* status = syncCmd->add_subcommand(
        "status", "this kiosk's outbox (waiting, last push, last error); with --pg, records per kiosk on the server");
    auto t = addStoreTarget(status, false);
    auto pg = addServerTarget(status);
    status->callback([t, pg] {
        if (pg->wanted()) {
            sync::Server server = connectServer(serverUrl(*pg, *t));
            std::cout << "clinic server " << server.describe() << "\nkiosk\trecords\tlast received\n";
            orFail(server.run("reading the record counts", [](pqxx::connection_base& c) {
                pqxx::read_transaction tx(c);
                for (const auto& row : tx.exec("SELECT kiosk_id, count(*), max(received_at)::text FROM ik_records "
                                               "GROUP BY kiosk_id ORDER BY kiosk_id"))
                    std::cout << row[0].as<std::string>() << '\t' << row[1].as<long long>() << '\t'
                              << row[2].as<std::string>() << '\n';
            }));
            return;
        }
        store::Store s = t->open(Access::Read);
        const auto st = orFail(s.syncState());
        const SettingsFile settings = loadSettings(t->config);
        const bool configured = settings.load.ok() && !settings.load.config->serverUrl.empty();
        if (!configured) {
            // Nothing is waiting for a server that is not there: say so, and what is kept here.
            const std::int64_t kept = orFail(s.count());
            std::cout << "kiosk " << s.kioskId() << ": no clinic server configured (server.url in "
                      << (settings.path.empty() ? defaultConfigPath() : settings.path) << "); " << kept
                      << " records kept here\n";
            if (st.lastPush.empty() && st.lastError.empty()) return;  // it never synced: nothing more to say
        }
        std::cout << "kiosk " << s.kioskId() << ": " << st.waiting << " waiting to sync\n"
                  << "desk marks waiting: " << st.marksWaiting << "\n"
                  << "last push: " << (st.lastPush.empty() ? "never" : st.lastPush) << "\n"
                  << "last error: " << (st.lastError.empty() ? "none" : st.lastErrorAt + " " + st.lastError) << "\n";
    });
}

}  // namespace

void addSyncCommands(CLI::App& app) {
    auto* clinic = app.add_subcommand("clinic", "several kiosks, one clinic PostgreSQL: init the clinic, join a kiosk, upgrade the server schema");
    clinic->require_subcommand(1);
    addClinicInit(clinic);
    addClinicJoin(clinic);
    addClinicUpgrade(clinic);
    auto* syncCmd = app.add_subcommand("sync", "this kiosk's records and the clinic server: push, status");
    syncCmd->require_subcommand(1);
    addPush(syncCmd);
    addStatus(syncCmd);
}

}  // namespace kiosk::app
