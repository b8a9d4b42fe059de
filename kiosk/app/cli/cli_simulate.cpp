#include "kiosk/app/cli/cli_simulate.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/store_sink.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/core/text_file.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/record_change.h"
#include "kiosk/session/simulate.h"

namespace kiosk::app {
namespace {

struct SimulateOptions {
    std::string formPath;
    std::string answersPath;
    std::string previousPath;  ///< --previous RECORD.json: show the change since that visit
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
    // Errors name the database once: the store's own are located there already.
    const auto report = [&](core::Error e) {
        if (e.where.file.empty()) e.where.file = dbPath;
        std::cerr << e.format() << '\n';
        return 1;
    };
    auto sink = StoreRecordSink::open(dbPath, kSimulateKioskId, std::chrono::minutes(30),
                                      store::DraftAfterSubmit::Keep);
    if (!sink) return report(sink.error());
    auto id = (*sink)->submit(record);
    if (!id) return report(id.error());
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

// Byte offsets of the object keys in @p text (valid JSON), in document order: the order in which
// the parser reports them, so the n-th key event is at keyOffsets[n].
std::vector<std::size_t> keyOffsets(const std::string& text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        const std::size_t start = i;
        for (++i; i < text.size() && text[i] != '"'; ++i)
            if (text[i] == '\\') ++i;
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
        if (j < text.size() && text[j] == ':') out.push_back(start);
    }
    return out;
}

/// An answer set is a few kB (a signature included); a pipe is fine (`--answers /dev/stdin`).
const core::TextFileKind kAnswersFile{"JSON answers file", 1024 * 1024,
                                      "An answer set is normally a few kB: is this the right file?", true};

core::Result<nlohmann::json> readAnswers(const std::string& path) {
    auto read = core::readTextFile(path, kAnswersFile);
    if (!read) {
        if (read.error().code == core::ErrorCode::NotFound)
            return core::makeError(core::ErrorCode::NotFound, "cannot read the answers file", {path});
        return read.error();  // a folder, a device, a file far too big: said as such
    }
    const std::string text = std::move(*read);
    // nlohmann keeps the last of two equal keys without a word; an answer set that says two things
    // about one item (or row) is a mistake to report. Keys are ids, never patient values.
    std::vector<std::set<std::string>> open;  // keys of each object being read, innermost last
    std::size_t keyIndex = 0;
    std::optional<std::pair<std::string, std::size_t>> duplicate;  // key, index among all keys
    const auto watch = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start) open.emplace_back();
        if (event == Event::object_end && !open.empty()) open.pop_back();
        if (event == Event::key) {
            const std::string key = parsed.get<std::string>();
            if (!open.empty() && !open.back().insert(key).second && !duplicate) duplicate.emplace(key, keyIndex);
            ++keyIndex;
        }
        return true;
    };
    try {
        nlohmann::json answers = nlohmann::json::parse(text, watch);
        if (duplicate) {
            const std::vector<std::size_t> at = keyOffsets(text);
            return core::makeError(core::ErrorCode::Invalid,
                                   "key '" + duplicate->first + "' appears twice in the same object; keep one",
                                   duplicate->second < at.size() ? locate(path, text, at[duplicate->second] + 1)
                                                                 : core::SourceLoc{path});
        }
        return answers;
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
    // An imported form also takes answers keyed by FHIR linkIds and option codes.
    const nlohmann::json byId = forms::answersByItemId(*loaded.form, *answers);
    const session::SimulateResult r = session::simulate(loaded.form, byId, o.lang, catalog, core::systemClock(), hidden);
    for (const std::string& id : r.dropped)
        std::cerr << o.answersPath << ": note: answer to '" << id << "' dropped: the item is hidden\n";
    if (!r.ok()) {
        for (core::Error e : r.errors) {
            if (e.where.file.empty()) e.where.file = o.answersPath;
            std::cerr << e.format() << '\n';
        }
        return 1;
    }
    nlohmann::json printed = session::toJson(*r.record);
    if (!o.previousPath.empty()) {
        auto previous = readAnswers(o.previousPath);  // the same bounded, strict JSON reader
        if (!previous.ok()) {
            std::cerr << previous.error().format() << '\n';
            return 1;
        }
        const std::string staffLang = loaded.form->languages.front();
        auto change = session::changeSincePrevious(*loaded.form, *r.record, *previous, staffLang);
        if (!change.ok()) {
            core::Error e = change.error();
            e.where.file = o.previousPath;
            std::cerr << e.format() << '\n';
            return 1;
        }
        printed["change_since_previous"] = std::move(*change);
    }
    std::cout << printed.dump(2) << '\n';
    return o.save ? saveRecord(o, *r.record) : 0;
}

}  // namespace

void addSimulateCommand(CLI::App& app) {
    auto opts = std::make_shared<SimulateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "simulate", "Run the intake over an answer set (item id -> value) and print the record");
    cmd->add_option("FILE", opts->formPath, "questionnaire file (forms/*.yaml)")->type_name("FILE")->check(pathValidator());
    cmd->add_option("--answers", opts->answersPath, "answers as JSON: {\"item_id\": value, ...}")
        ->type_name("ANSWERS.json")
        ->check(pathValidator());
    cmd->add_option("--previous", opts->previousPath,
                    "an earlier record of the same patient (JSON): show each score's change since then")
        ->type_name("RECORD.json")
        ->check(pathValidator());
    cmd->add_option("--lang", opts->lang, "answer in this language (default: the form's first)")->type_name("xx");
    cmd->add_flag("--drop-hidden", opts->dropHidden,
                  "drop answers to items hidden by show_if (as the kiosk does) instead of failing");
    cmd->add_flag("--save", opts->save, "store the record in the database as a kiosk submit would");
    cmd->add_option("--db", opts->db, "database file for --save")->type_name("PATH")->check(pathValidator());
    cmd->add_option("--data-dir", opts->dataDir, "kiosk data directory for --save (default: the kiosk's)")
        ->type_name("DIR")
        ->check(pathValidator());
    cmd->add_option("--config", opts->config, "settings file whose data_dir --save uses (default: the kiosk's)")
        ->type_name("FILE")
        ->check(pathValidator());
    cmd->callback([opts] {
        const char* problem = opts->formPath.empty()       ? "give a form file"
                              : opts->answersPath.empty()  ? "give --answers ANSWERS.json"
                              : !opts->save && !(opts->db.empty() && opts->dataDir.empty() && opts->config.empty())
                                  ? "--db, --data-dir and --config go with --save"
                                                           : nullptr;
        if (problem != nullptr) failUsage(problem);
        if (const int rc = runSimulate(*opts); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace kiosk::app
