#include "kiosk/app/cli_simulate.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/app/cli_target.h"
#include "kiosk/app/store_sink.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"

namespace kiosk::app {
namespace {

struct SimulateOptions {
    std::string formPath;
    std::string answersPath;
    std::string lang;
    bool dropHidden = false;
    bool save = false;    ///< store the record exactly as a kiosk submit would
    std::string db;       ///< --db PATH
    std::string dataDir;  ///< --data-dir DIR
    std::string config;   ///< --config FILE (its data_dir)
};

/// The kiosk id of records simulate saves: a clinic can tell them from patients' intakes.
constexpr const char* kSimulateKioskId = "simulate";

// The same sink the kiosk submits through: sealed to the clinic key, returned only after COMMIT.
// A fresh database gets the clinic keys with the default passphrase, as on a kiosk's first start.
// The database is found as staff commands find it, and a kiosk running on it keeps its draft.
int saveRecord(const SimulateOptions& o, const session::Record& record) {
    const std::string dbPath = staffDbPath(o.db, o.dataDir, o.config);
    initStaffLogging(dbPath);
    auto sink = StoreRecordSink::open(dbPath, kSimulateKioskId, std::chrono::minutes(30),
                                      store::DraftAfterSubmit::Keep);
    if (!sink) {
        std::cerr << dbPath << ": " << sink.error().format() << '\n';
        return 1;
    }
    auto id = (*sink)->submit(record);
    if (!id) {
        std::cerr << dbPath << ": " << id.error().format() << '\n';
        return 1;
    }
    std::cerr << "saved record " << *id << " to " << dbPath << '\n';
    return 0;
}

// Line and column of byte @p offset, for "file:line:col" on a JSON syntax error. The parser's own
// message quotes the text it read, which may be patient data, so only the position is reported.
core::SourceLoc locate(const std::string& path, const std::string& text, std::size_t offset) {
    core::SourceLoc loc{path, 1, 1};
    for (std::size_t i = 0; i + 1 < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.col = 1;
        } else {
            ++loc.col;
        }
    }
    return loc;
}

core::Result<nlohmann::json> readAnswers(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::makeError(core::ErrorCode::NotFound, "cannot read the answers file", {path});
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return core::makeError(core::ErrorCode::Invalid, "the answers file is not valid JSON",
                               locate(path, text, e.byte));
    }
}

// Translations only phrase patient-facing text; the record does not depend on them, so a missing
// folder (an unusual install) gives an empty catalogue rather than an error.
core::Catalog loadCatalog() {
    const std::string dir = std::string(KIOSK_SOURCE_DIR) + "/assets/i18n";
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) {
        if (auto c = core::Catalog::loadDir(dir); c.ok()) return std::move(c.value());
    }
    return core::Catalog{};
}

int runSimulate(const SimulateOptions& o) {
    const forms::LoadResult loaded = forms::loadForm(o.formPath);
    if (!loaded.ok()) {
        for (const core::Error& e : loaded.errors) std::cerr << e.format() << '\n';
        if (loaded.errors.empty()) std::cerr << o.formPath << ": error: the form could not be loaded\n";
        return 1;
    }
    const auto answers = readAnswers(o.answersPath);
    if (!answers.ok()) {
        std::cerr << answers.error().format() << '\n';
        return 1;
    }
    const core::Catalog catalog = loadCatalog();
    const auto hidden = o.dropHidden ? session::HiddenAnswers::Drop : session::HiddenAnswers::Error;
    const session::SimulateResult r = session::simulate(loaded.form, *answers, o.lang, catalog, nullptr, hidden);
    for (const std::string& id : r.dropped)
        std::cerr << o.answersPath << ": note: answer to '" << id << "' dropped: the item is hidden\n";
    if (!r.ok()) {
        for (core::Error e : r.errors) {
            if (e.where.file.empty()) e.where.file = o.answersPath;
            std::cerr << e.format() << '\n';
        }
        return 1;
    }
    std::cout << session::toJson(*r.record).dump(2) << '\n';
    return o.save ? saveRecord(o, *r.record) : 0;
}

}  // namespace

void addSimulateCommand(CLI::App& app) {
    auto opts = std::make_shared<SimulateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "simulate", "Run the intake over an answer set (item id -> value) and print the record");
    cmd->add_option("FILE", opts->formPath, "questionnaire file (forms/*.yaml)");
    cmd->add_option("--answers", opts->answersPath, "answers as JSON: {\"item_id\": value, ...}")
        ->type_name("ANSWERS.json");
    cmd->add_option("--lang", opts->lang, "answer in this language (default: the form's first)");
    cmd->add_flag("--drop-hidden", opts->dropHidden,
                  "drop answers to items hidden by show_if (as the kiosk does) instead of failing");
    cmd->add_flag("--save", opts->save, "store the record in the database as a kiosk submit would");
    cmd->add_option("--db", opts->db, "database file for --save")->type_name("PATH");
    cmd->add_option("--data-dir", opts->dataDir, "kiosk data directory for --save (default: the kiosk's)")
        ->type_name("DIR");
    cmd->add_option("--config", opts->config, "settings file whose data_dir --save uses (default: the kiosk's)")
        ->type_name("FILE");
    // Usage errors exit 2 like `validate` (CLI11's own codes are 100+).
    cmd->allow_extras();
    cmd->callback([opts, cmd] {
        const std::vector<std::string> extras = cmd->remaining();
        const char* problem = !extras.empty()              ? "unknown option or extra argument"
                              : opts->formPath.empty()     ? "give a form file"
                              : opts->answersPath.empty()  ? "give --answers ANSWERS.json"
                              : !opts->save && !(opts->db.empty() && opts->dataDir.empty() && opts->config.empty())
                                  ? "--db, --data-dir and --config go with --save"
                                                           : nullptr;
        if (problem != nullptr) {
            std::cerr << "intake-kiosk simulate: " << problem << "\n" << cmd->help();
            throw CLI::RuntimeError(2);
        }
        if (const int rc = runSimulate(*opts); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace kiosk::app
