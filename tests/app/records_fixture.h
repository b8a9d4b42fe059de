#pragma once
// Shared by the `records` and `export` CLI tests: a database with three records (keys made by the
// store library, argon2id at its minimum), a passphrase file, and the binary run with stdin not a
// terminal.
#include <filesystem>
#include <fstream>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "../store/store_test_util.h"
#include "kiosk/store/store.h"
#include "support/run_kiosk.h"

namespace kiosk::app::testing {
namespace st = kiosk::store::testing;
using namespace kiosk::store;
// The runner of tests/support, under the names the CLI tests use.
using kiosk::testing::RunResult;
using kiosk::testing::runKiosk;

inline const std::string kPass = "first staff secret";

/// Flips one byte in the middle of a record's sealed payload, as a bad disk sector would.
inline void flipPayloadByte(const std::string& db, const std::string& id) {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    SQLite::Statement q(raw, "SELECT payload FROM records WHERE id = ?");
    q.bind(1, id);
    ASSERT_TRUE(q.executeStep());
    const auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob());
    std::vector<unsigned char> blob(p, p + q.getColumn(0).getBytes());
    q.reset();
    blob[blob.size() / 2] ^= 0x01;
    SQLite::Statement u(raw, "UPDATE records SET payload = ? WHERE id = ?");
    u.bind(1, blob.data(), static_cast<int>(blob.size()));
    u.bind(2, id);
    ASSERT_EQ(u.exec(), 1);
}

/// Files in @p dir whose names end in ".tmp": what an export may never leave behind.
inline std::vector<std::string> tempFiles(const std::string& dir) {
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".tmp") found.push_back(e.path().filename().string());
    return found;
}

inline RecordStatus statusOf(Store& s, const std::string& id) {
    ListFilter all;
    all.includeDeleted = true;
    const auto rows = s.list(all);
    if (rows)
        for (const auto& r : *rows)
            if (r.meta.id == id) return r.status;
    ADD_FAILURE() << "no record " << id;
    return RecordStatus::Deleted;
}

class RecordsFixture : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir / "intake.sqlite3";
        std::ofstream(dir / "pass") << kPass << "\n";
        Store s = st::freshStore(db, kPass);
        for (int i = 0; i < 3; ++i) ids.push_back(*s.submit(st::meta(i), st::payload(i)));
    }
    /// Runs `intake-kiosk <args> --db DB --passphrase-file PASS` with stdin not a terminal.
    RunResult run(const std::string& args) const {
        return runKiosk(args + " --db " + db + " --passphrase-file " + dir / "pass" + " </dev/null");
    }
    kiosk::testing::TempDir dir{"records"};
    std::string db;
    std::vector<std::string> ids;
};

}  // namespace kiosk::app::testing
