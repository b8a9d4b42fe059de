// `records ...` (see cli_records.h). Tables and records go to stdout; errors to stderr. Messages
// name record ids, never what a record holds.
#include "kiosk/app/cli/cli_records.h"

#include <unistd.h>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "kiosk/app/cli/cli_server.h"
#include "kiosk/app/cli/cli_fhir.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/form_shelf_for.h"
#include "kiosk/app/cli/record_change_json.h"
#include "kiosk/app/cli/server_source.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/export/json_export.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/clinic_records.h"

namespace kiosk::app {
namespace {

using store::Store;

/// "0", "25": a count of records; CLI11's NonNegativeNumber prints a range up to 1.8e308.
CLI::Validator recordCountValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string() : "expected a whole number of records (0 = all), not '" + text + "'";
        },
        "");
}

void addList(CLI::App* records) {
    auto* list = records->add_subcommand("list", "list records, newest first, tab-separated (plain columns only)");
    auto t = addStoreTarget(list, false);
    auto pg = addServerTarget(list, true);
    struct Args { std::string form, status; std::int64_t limit = 0; bool deleted = false; };
    auto a = std::make_shared<Args>();
    list->add_option("--form", a->form, "only this form id")->type_name("ID");
    list->add_option("--status", a->status, "submitted, reviewed, exported or deleted")
        ->type_name("submitted|reviewed|exported|deleted")
        ->check(oneOfValidator({"submitted", "reviewed", "exported", "deleted"}));
    list->add_option("--limit", a->limit, "at most N records (0 = all)")->type_name("N")->check(recordCountValidator());
    list->add_flag("--include-deleted", a->deleted, "also list deleted records");
    list->callback([t, a, pg] {
        store::ListFilter f;
        f.formId = a->form;
        if (!a->status.empty()) f.status = store::parseRecordStatus(a->status);
        f.includeDeleted = a->deleted;
        f.limit = a->limit;
        std::vector<store::RecordSummary> rows;
        if (pg->wanted()) {
            sync::Server server = connectServer(serverUrl(*pg, *t));
            rows = orFail(sync::listServerRecords(server, {f, pg->kiosk}));
        } else {
            Store s = t->open(Access::Read);  // only reads: works on a read-only data folder
            rows = orFail(s.list(f));
        }
        // urgent/caution: how many flags of each severity the record raised (the desk's red-flag
        // alert without the key); "-" when not known (saved before schema 7, or listed from the server).
        std::cout << "id\tform\tversion\tlang\tstarted\tsubmitted\tkiosk\tstatus\tbytes\turgent\tcaution\n";
        auto count = [](const std::optional<store::FlagCounts>& flags, int store::FlagCounts::*n) {
            return flags ? std::to_string((*flags).*n) : std::string("-");
        };
        for (const auto& r : rows)
            std::cout << r.meta.id << '\t' << r.meta.formId << '\t' << r.meta.formVersion << '\t' << r.meta.lang << '\t'
                      << r.meta.startedAt << '\t' << r.meta.submittedAt << '\t' << r.meta.kioskId << '\t'
                      << store::toString(r.status) << '\t' << r.sealedBytes << '\t'
                      << count(r.meta.flags, &store::FlagCounts::urgent) << '\t'
                      << count(r.meta.flags, &store::FlagCounts::caution) << '\n';
    });
}

/// The record id argument, given back by a bare --pg that took it (`records show --pg ID`).
void requireId(ServerTarget& pg, std::string& id) {
    pg.giveBack(id);
    if (id.empty()) failUsage("give the record id (see records list)");
}

/// `records NAME ID`: unlocks the clinic key, then runs @p action on the record.
using RecordAction = std::function<void(Store&, const store::ClinicKey&, const std::string& id)>;
/// The same on the clinic server (--pg).
using ServerAction = std::function<void(sync::Server&, const store::ClinicKey&, const std::string& id)>;
CLI::App* addRecordCommand(CLI::App* records, const std::string& name, const std::string& help,
                           const RecordAction& action, const ServerAction& onServer,
                           std::shared_ptr<StoreTarget>* target = nullptr) {
    auto* cmd = records->add_subcommand(name, help);
    auto t = addStoreTarget(cmd, true);
    auto pg = addServerTarget(cmd);
    if (target != nullptr) *target = t;
    auto id = std::make_shared<std::string>();
    cmd->add_option("ID", *id, "record id (see records list)");
    cmd->callback([t, pg, id, action, onServer] {
        requireId(*pg, *id);
        if (pg->wanted()) {
            sync::Server server = connectServer(serverUrl(*pg, *t));
            const store::ClinicKey key = unlockServerKey(server, *t);
            onServer(server, key, *id);
            return;
        }
        Store s = t->open();
        const store::ClinicKey key = t->unlock(s);
        action(s, key, *id);
    });
    return cmd;
}

/// The record's QuestionnaireResponse, typed by its form when the forms folder has it. The record
/// names its form and times itself (record.h), so no listing is needed.
nlohmann::json fhirResponseOf(const std::string& id, const nlohmann::json& record, const FhirArgs& fhir,
                              const std::string& config) {
    exports::ExportMeta meta;
    meta.id = id;
    try {  // a record of another shape keeps what could be read
        const nlohmann::json& form = record.at("form");
        meta.formId = form.value("id", "");
        meta.formVersion = form.value("version", 0);
        meta.contentHash = form.value("content_hash", "");
        meta.lang = record.value("lang", "");
        meta.submittedAt = record.value("submitted_at", "");
    } catch (const nlohmann::json::exception&) {
    }
    const exports::FormShelf shelf = formShelfFor(config, fhir.formsDir);
    exports::fhir::FhirOptions options;
    options.base = fhir.base;
    return exports::fhir::questionnaireResponse(meta, record, shelf.find(meta.formId, meta.formVersion, meta.contentHash),
                                                options);
}

void addShow(CLI::App* records) {
    struct Args {
        std::string format = "json";
        bool change = false;
        FhirArgs fhir;
        std::shared_ptr<StoreTarget> target;
    };
    auto a = std::make_shared<Args>();
    auto print = [a](const std::string& id, const std::string& payload) {
        // Printed as stored if it is not JSON (never re-encoded into something else).
        const auto parsed = nlohmann::json::parse(payload, nullptr, false);
        if (a->format == "fhir" && !parsed.is_discarded()) {
            std::cout << fhirResponseOf(id, parsed, a->fhir, a->target->config).dump(2) << '\n';
            return;
        }
        std::cout << (parsed.is_discarded() ? payload : parsed.dump(2)) << '\n';
    };
    CLI::App* show = addRecordCommand(
        records, "show", "unlock and print one record's JSON, or its FHIR QuestionnaireResponse (patient data: stdout only)",
        [print, a](Store& s, const store::ClinicKey& key, const std::string& id) {
            const std::string payload = orFail(s.viewPayload(id, key));
            nlohmann::json parsed = nlohmann::json::parse(payload, nullptr, false);
            if (!a->change || a->format != "json" || !parsed.is_object()) return print(id, payload);
            parsed.update(changeSinceLastVisit(staff::earlierRecordsIn(s, key), id, parsed,
                                               formShelfFor(a->target->config, a->fhir.formsDir)));
            std::cout << parsed.dump(2) << '\n';
        },
        [print, a](sync::Server& server, const store::ClinicKey& key, const std::string& id) {
            const std::string payload = orFail(sync::viewServerRecord(server, id, key));
            nlohmann::json parsed = nlohmann::json::parse(payload, nullptr, false);
            if (!a->change || a->format != "json" || !parsed.is_object()) return print(id, payload);
            // Earlier visits at any of the clinic's kiosks.
            parsed.update(changeSinceLastVisit(earlierRecordsOnServer(server, key), id, parsed,
                                               formShelfFor(a->target->config, a->fhir.formsDir)));
            std::cout << parsed.dump(2) << '\n';
        },
        &a->target);
    show->add_option("--format", a->format, "json (the record as saved) or fhir (a QuestionnaireResponse)")
        ->type_name("json|fhir")
        ->check(oneOfValidator({"json", "fhir"}));
    show->add_flag("--change", a->change,
                   "add the change of each score since the same patient's last visit: on this kiosk, or at "
                   "any of the clinic's kiosks with --pg (previous_visit, change_since_previous)");
    addFhirArgs(show, a->fhir);
    // Said before the passphrase is asked for: a QuestionnaireResponse has no place for the change.
    show->parse_complete_callback([a] {
        if (a->change && a->format != "json")
            throw CLI::ValidationError("--change", "is for --format json (a FHIR response has no place for it)");
    });
}

/// `records verify --pg`: every record on the server opened with the clinic key and checked against
/// its kiosk's sealed hash and plain columns; each kiosk's places unique (the server's index).
void verifyOnServer(const StoreTarget& t, const ServerTarget& pg) {
    sync::Server server = connectServer(serverUrl(pg, t));
    const store::ClinicKey key = unlockServerKey(server, t);
    std::int64_t checked = 0, damaged = 0;
    orFail(sync::forEachServerRecord(server, {{}, pg.kiosk}, key,
                                     [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        ++checked;
        if (const auto record = exports::parseRecord(payload); !record) {
            ++damaged;
            std::cout << r.meta.id << " (kiosk " << r.meta.kioskId << "): integrity error: " << record.error().message << '\n';
        }
        return true;
    }));
    std::cout << checked << " record" << (checked == 1 ? "" : "s") << " checked on " << server.describe() << ", "
              << damaged << " damaged\n";
    if (damaged > 0) throw CLI::RuntimeError(1);
}

void addVerify(CLI::App* records) {
    auto* verify = records->add_subcommand(
        "verify", "check the record chain and the clinic key, unlock and open every record; exit 1 on any problem");
    auto t = addStoreTarget(verify, true);
    auto pg = addServerTarget(verify, true);
    verify->callback([t, pg] {
        if (pg->wanted()) return verifyOnServer(*t, *pg);
        Store s = t->open();
        bool bad = false;
        // The chain needs no key: rows removed, reordered or cut from the end, named by the ids around them.
        const store::RecordChainReport chain = orFail(s.verifyRecords());
        for (const auto& p : chain.problems) std::cout << "record chain: " << p << '\n';
        if (chain.intact())
            std::cout << "record chain intact: " << chain.entries << " record" << (chain.entries == 1 ? "" : "s")
                      << (chain.entries > 0 ? ", head #" + std::to_string(chain.headSeq) + " hash " + chain.headHash : "")
                      << '\n';
        bad = !chain.intact();
        // A missing or foreign key: nothing to unlock the records with, and nothing may be saved.
        const auto key = orFail(s.keyStatus());
        if (key.problem) {
            std::cout << "clinic key: " << key.problem->message << '\n'
                      << "records not opened: fix the clinic key first\n";
            throw CLI::RuntimeError(1);
        }
        const store::ClinicKey clinicKey = t->unlock(s);
        std::int64_t checked = 0, damaged = 0;
        orFail(s.forEachRecord({}, clinicKey, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
            ++checked;
            // The check export makes: a record export would list as damaged is damaged here too.
            if (const auto record = exports::parseRecord(payload); !record) {
                ++damaged;
                std::cout << r.meta.id << ": integrity error: " << record.error().message
                          << '\n';
            }
            return true;
        }));
        std::cout << checked << " record" << (checked == 1 ? "" : "s") << " checked, " << damaged << " damaged\n";
        if (bad || damaged > 0) throw CLI::RuntimeError(1);
    });
}

/// Why @p id could not be marked reviewed, from its plain columns: "record ID is exported: only a
/// new record can be marked reviewed", "... was deleted", or "no record ID" (the store says only
/// that no submitted record has that id).
core::Error whyNotReviewed(Store& s, const std::string& id, const core::Error& failed) {
    if (failed.code != core::ErrorCode::NotFound) return failed;
    store::ListFilter f;
    f.ids = {id};
    f.includeDeleted = true;
    const auto found = s.list(f);
    if (!found) return found.error();
    if (found->empty()) return core::makeError(core::ErrorCode::NotFound, "no record " + id);
    const store::RecordStatus status = found->front().status;
    if (status == store::RecordStatus::Deleted) return core::makeError(core::ErrorCode::Invalid, "record " + id + " was deleted");
    if (status == store::RecordStatus::Reviewed)
        return core::makeError(core::ErrorCode::Invalid, "record " + id + " is reviewed already");
    return core::makeError(core::ErrorCode::Invalid, "record " + id + " is " + store::toString(status) +
                                                         ": only a new record can be marked reviewed");
}

void addReview(CLI::App* records) {
    addRecordCommand(records, "review", "mark a submitted record reviewed (audited)",
                     [](Store& s, const store::ClinicKey& key, const std::string& id) {
                         if (auto done = s.markReviewed(id, key); !done) fail(whyNotReviewed(s, id, done.error()));
                         std::cout << "record " << id << " marked reviewed\n";
                     },
                     [](sync::Server& server, const store::ClinicKey& key, const std::string& id) {
                         orFail(sync::markServerRecord(server, id, store::RecordStatus::Reviewed, key));
                         std::cout << "record " << id << " marked reviewed on the clinic server\n";
                     });
}

void addDelete(CLI::App* records) {
    auto* del = records->add_subcommand(
        "delete", "delete a record's answers, keeping a tombstone (audited); asks first unless --yes");
    auto t = addStoreTarget(del, true);
    auto pg = addServerTarget(del);
    auto id = std::make_shared<std::string>();
    auto yes = std::make_shared<bool>(false);
    del->add_option("ID", *id, "record id");
    del->add_flag("--yes", *yes, "do not ask (required when stdin is not a terminal)");
    del->callback([t, pg, id, yes] {
        requireId(*pg, *id);
        const bool terminal = ::isatty(STDIN_FILENO) != 0;
        if (!*yes && !terminal)
            failUsage("stdin is not a terminal, so deleting cannot be confirmed: give --yes");
        std::optional<sync::Server> server;
        std::optional<Store> s;
        std::optional<store::ClinicKey> key;
        if (pg->wanted()) {
            server.emplace(connectServer(serverUrl(*pg, *t)));
            key.emplace(unlockServerKey(*server, *t));
        } else {
            s.emplace(t->open());
            key.emplace(t->unlock(*s));
        }
        if (!*yes) {
            std::cerr << "Delete record " << *id << "? [y/N] " << std::flush;
            std::string answer;
            std::getline(std::cin, answer);
            if (answer != "y" && answer != "Y" && answer != "yes") {
                std::cerr << "record " << *id << " not deleted\n";
                throw CLI::RuntimeError(1);
            }
        }
        if (server) orFail(sync::markServerRecord(*server, *id, store::RecordStatus::Deleted, *key));
        else orFail(s->deleteRecord(*id, *key));
        std::cout << "record " << *id << " deleted" << (server ? " on the clinic server" : "") << "\n";
    });
}

}  // namespace

void addRecordsCommands(CLI::App& app) {
    auto* records = app.add_subcommand("records", "saved intakes: list, show, verify, review, delete");
    records->require_subcommand(1);
    addList(records);
    addShow(records);
    addVerify(records);
    addReview(records);
    addDelete(records);
}

}  // namespace kiosk::app
