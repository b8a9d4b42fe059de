#pragma once
// The export job's tests: RecordsFixture's three records (app/records_fixture.h) in a store opened
// and unlocked here, and the audit rows an export leaves.
#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "app/records_fixture.h"

namespace kiosk::exports::testing {

class ExportJobFixture : public kiosk::app::testing::RecordsFixture {
protected:
    void SetUp() override {
        RecordsFixture::SetUp();
        store = std::make_unique<store::Store>(store::testing::openOrDie(store::testing::options(db)));
        auto unlocked = store->unlock(kiosk::app::testing::kPass);
        ASSERT_TRUE(unlocked);
        key = std::make_unique<store::ClinicKey>(std::move(*unlocked));
        out = dir / "export.json";
    }
    /// The detail of each 'export' audit row, oldest first.
    std::vector<std::string> exportDetails() const {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT detail FROM audit WHERE action = 'export' ORDER BY seq");
        std::vector<std::string> details;
        while (q.executeStep()) details.push_back(q.getColumn(0).getString());
        return details;
    }
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::ClinicKey> key;
    std::string out;
};

}  // namespace kiosk::exports::testing
