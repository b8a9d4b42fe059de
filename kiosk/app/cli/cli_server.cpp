#include "kiosk/app/cli/cli_server.h"

#include <iostream>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/passphrase.h"
#include "kiosk/sync/clinic_records.h"

namespace kiosk::app {

std::shared_ptr<ServerTarget> addServerTarget(CLI::App* sub, bool kioskFilter) {
    auto t = std::make_shared<ServerTarget>();
    t->option = sub->add_option("--pg", t->url,
                                 "the clinic PostgreSQL (libpq URL, e.g. postgresql://staff@db.clinic/intake?sslmode=verify-full; "
                                 "alone: server.url from the settings file); passwords from PGPASSFILE or passfile=, "
                                 "never in the URL")
                    ->expected(0, 1)
                    ->type_name("[URL]");
    // Without --pg it was ignored without a word: this kiosk's database was read whole.
    if (kioskFilter)
        sub->add_option("--kiosk", t->kiosk, "with --pg: only records saved by this kiosk")->type_name("ID")->needs(t->option);
    return t;
}

void ServerTarget::giveBack(std::string& positional) {
    if (!positional.empty() || url.empty()) return;
    if (url.find("://") != std::string::npos || url.find('=') != std::string::npos) return;
    positional = std::move(url);
    url.clear();
}

std::string serverUrl(const ServerTarget& server, const StoreTarget& store) {
    if (!server.url.empty()) return server.url;
    const SettingsFile settings = loadSettings(store.config);
    if (!settings.load.ok()) {
        for (const auto& e : settings.load.errors) std::cerr << e.format() << '\n';
        fail(core::makeError(core::ErrorCode::Invalid, "the settings file has errors"));
    }
    if (settings.load.config->serverUrl.empty())
        fail(core::makeError(core::ErrorCode::Invalid,
                             "no clinic server: give --pg URL or set server.url in the settings file (" +
                                 (settings.path.empty() ? defaultConfigPath() : settings.path) + ")"));
    return settings.load.config->serverUrl;
}

sync::Server connectServer(const std::string& url) { return orFail(sync::Server::connect(url)); }

store::ClinicKey unlockServerKey(sync::Server& server, const StoreTarget& target) {
    const std::string pass = orFail(getPassphrase(target.passphraseFile, "Staff passphrase: ", "--passphrase-file"));
    return orFail(sync::unlockServer(server, pass));
}

}  // namespace kiosk::app
