// Every usage error, whichever command finds it and whether CLI11 or the command's own check does,
// reads the same to an office manager: "intake-kiosk COMMAND: what was wrong", the usage line, how
// to get help; exit 2, nothing on stdout. Found by running every command wrong: some said
// "error: export: ...", some "intake-kiosk say: ..." and then the whole --help.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_kiosk.h"

namespace kiosk::app {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::RunResult;
using kiosk::testing::TempDir;

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

struct Case {
    std::string args;     ///< what was typed after intake-kiosk
    std::string command;  ///< "intake-kiosk export": the command the message names
    std::string said;     ///< the first line after "COMMAND: "
};

/// No database, no settings file: each error is found before either is needed.
RunResult runWrong(const TempDir& dir, const std::string& args) {
    return runKiosk(args, "cd '" + dir.path() + "' && env XDG_DATA_HOME='" + dir.path() + "' KIOSK_CONFIG='" +
                              dir.path() + "/none.yaml'");
}

void expectUsageShape(const TempDir& dir, const Case& c) {
    const RunResult r = runWrong(dir, c.args);
    SCOPED_TRACE("intake-kiosk " + c.args);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_EQ(r.out, "");
    const std::vector<std::string> lines = linesOf(r.err);
    ASSERT_EQ(lines.size(), 3u) << r.err;
    EXPECT_EQ(lines[0], c.command + ": " + c.said);
    EXPECT_EQ(lines[1].rfind("usage: " + c.command, 0), 0u) << lines[1];
    EXPECT_EQ(lines[2], "Run '" + c.command + " --help' for details.");
}

TEST(AppCliUsage, CommandsOwnChecksReadAsCli11sDo) {
    const TempDir dir("usage");
    const std::vector<Case> cases = {
        {"validate", "intake-kiosk validate", "give at least one form file"},
        {"simulate", "intake-kiosk simulate", "give a form file"},
        {"simulate form.yaml", "intake-kiosk simulate", "give --answers ANSWERS.json"},
        {"say", "intake-kiosk say", "give --form FILE"},
        {"say --form f.yaml --page 1", "intake-kiosk say", "give -o FILE.wav"},
        {"export --format csv -o out.csv --paper a4", "intake-kiosk export", "--paper is for --format pdf"},
        {"export --format json -o out.json --excel", "intake-kiosk export", "--excel is for --format csv"},
        {"export --format csv -o out.csv --since yesterday", "intake-kiosk export",
         "--since: expected a date such as 2026-11-01, got 'yesterday'"},
        // Options that did nothing here were taken without a word, as --paper once was on a CSV.
        {"export --format json -o out.json --fhir-base https://clinic.example/fhir", "intake-kiosk export",
         "--fhir-base is for --format fhir"},
        {"export --format json -o out.json --forms-dir forms", "intake-kiosk export",
         "--forms-dir is for --format csv, fhir or pdf"},
        {"export --format csv -o out.csv --kiosk desk-2", "intake-kiosk export", "--kiosk requires --pg"},
        {"records list --kiosk desk-2", "intake-kiosk records list", "--kiosk requires --pg"},
        {"records show", "intake-kiosk records show", "give the record id (see records list)"},
        {"records delete", "intake-kiosk records delete", "give the record id (see records list)"},
        {"purge --older-than 5x", "intake-kiosk purge",
         "--older-than: expected days or hours from 1h to 36500d, such as 90d or 36h, not '5x'"},
        {"form publish", "intake-kiosk form publish", "give the form file"},
    };
    for (const Case& c : cases) expectUsageShape(dir, c);
}

TEST(AppCliUsage, UnknownOptionsReadTheSameInEveryCommand) {
    const TempDir dir("usage");
    for (const char* command : {"run", "screenshot", "validate", "simulate", "say", "keys init", "keys status",
                                "staff passwd", "audit verify", "backup", "purge", "records list", "records show",
                                "records verify", "records review", "records delete", "export", "clinic init",
                                "clinic join", "clinic upgrade", "sync push", "sync status", "form export-fhir",
                                "form publish", "import-fhir"}) {
        const std::string path = std::string("intake-kiosk ") + command;
        expectUsageShape(dir, {std::string(command) + " --bogus", path, "unknown option '--bogus'"});
    }
}

TEST(AppCliUsage, AGroupWithoutItsCommandNamesTheCommands) {
    const TempDir dir("usage");
    expectUsageShape(dir, {"keys", "intake-kiosk keys", "give a command: init or status"});
    expectUsageShape(dir, {"records", "intake-kiosk records", "give a command: list, show, verify, review or delete"});
    // A mistyped command in a group was "A subcommand is required".
    expectUsageShape(dir, {"keys stauts", "intake-kiosk keys", "unknown command 'stauts' (did you mean 'status'?)"});
    expectUsageShape(dir, {"sync bogus", "intake-kiosk sync", "unknown command 'bogus' (commands: push, status)"});
    const RunResult r = runWrong(dir, "clinic");
    EXPECT_NE(r.err.find("usage: intake-kiosk clinic COMMAND"), std::string::npos) << r.err;
}

// Without a terminal a passphrase can only come from --passphrase-file: a command line to correct,
// as `records delete` without --yes is. It said "error: stdin is not a terminal ...", exit 1.
TEST(AppCliUsage, APassphraseThatCannotBeTypedIsAUsageError) {
    const TempDir dir("usage");
    const std::string db = dir / "k.sqlite3";
    std::ofstream(dir / "pass") << "correct horse battery staple\n";
    const RunResult made = runWrong(dir, "keys init --kdf-strength min --db '" + db + "' --passphrase-file pass");
    ASSERT_EQ(made.exitCode, 0) << made.output;
    const std::string said = "stdin is not a terminal, so the passphrase cannot be typed: give it with --passphrase-file FILE";
    expectUsageShape(dir, {"export --format json -o out.json --db '" + db + "'", "intake-kiosk export", said});
    expectUsageShape(dir, {"records show some-id --db '" + db + "'", "intake-kiosk records show", said});
    expectUsageShape(dir, {"purge --older-than 90d --db '" + db + "'", "intake-kiosk purge", said});
    expectUsageShape(dir, {"staff passwd --db '" + db + "'", "intake-kiosk staff passwd", said});
}

TEST(AppCliUsage, AnUnknownOptionIsSaidBeforeAMissingArgument) {
    // `import-fhir --bogus` said "QUESTIONNAIRE is required", hiding the typo.
    const TempDir dir("usage");
    expectUsageShape(dir, {"import-fhir --qestionnaire q.json", "intake-kiosk import-fhir",
                           "unknown option '--qestionnaire'"});
    expectUsageShape(dir, {"backup --dbb x.sqlite", "intake-kiosk backup", "unknown option '--dbb' (did you mean '--db'?)"});
}

TEST(AppCliUsage, ValuesAreAskedForInPlainWords) {
    const TempDir dir("usage");
    // CLI11 said "--windowed: 1 required WxH missing" and "--status: nope not in {submitted,...}".
    expectUsageShape(dir, {"run --windowed", "intake-kiosk run", "--windowed needs a value (WxH)"});
    expectUsageShape(dir, {"export --format csv -o out.csv --status nope", "intake-kiosk export",
                           "--status: one of submitted, reviewed or exported, not 'nope'"});
    expectUsageShape(dir, {"records list --status gone", "intake-kiosk records list",
                           "--status: one of submitted, reviewed, exported or deleted, not 'gone'"});
    // A window size out of range said "expected \"fullscreen\" or a size", which --windowed does not take.
    expectUsageShape(dir, {"run --windowed 100x100", "intake-kiosk run",
                           "--windowed: expected a size such as 1280x800 (200 to 16384 px each), not '100x100'"});
    expectUsageShape(dir, {"run --windowed fullscreen", "intake-kiosk run",
                           "--windowed: expected a size such as 1280x800 (200 to 16384 px each), not 'fullscreen'"});
    // "expected a whole number of days or hours ..., got '0d'": 0 is a whole number; the range was not said.
    expectUsageShape(dir, {"purge --older-than 0d", "intake-kiosk purge",
                           "--older-than: expected days or hours from 1h to 36500d, such as 90d or 36h, not '0d'"});
    // The usage line names each value as the help does, never CLI11's TEXT, and shows --pg's URL.
    RunResult r = runWrong(dir, "export --bogus");
    EXPECT_NE(r.err.find("[--status submitted|reviewed|exported]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[--pg [URL]]"), std::string::npos) << r.err;
    for (const char* command : {"simulate", "purge", "staff passwd", "export", "records list"}) {
        r = runWrong(dir, std::string(command) + " --bogus");
        EXPECT_EQ(r.err.find("TEXT"), std::string::npos) << r.err;
    }
}

}  // namespace
}  // namespace kiosk::app

namespace kiosk::app {
namespace {

TEST(AppCliUsage, ACommandsHelpEndsWithItsOwnHint) {
    // Every command's --help ended with the top level's "With no command (or only options), the
    // kiosk runs ... Run `intake-kiosk COMMAND --help`", which is about neither `export` nor `keys`.
    RunResult r = runKiosk("export --help");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("the kiosk runs"), std::string::npos) << r.output;
    r = runKiosk("keys --help");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("the kiosk runs"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Run `intake-kiosk keys COMMAND --help` for a command's options."), std::string::npos)
        << r.output;
    r = runKiosk("--help");
    EXPECT_NE(r.output.find("the kiosk runs"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace kiosk::app
