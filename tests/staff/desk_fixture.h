#pragma once
// A staff desk on a real store in a temp folder: four intakes made by the real session from the
// bundled answer sets (three today, one yesterday), the bundled forms on the shelf, the wall clock
// fixed at 2026-11-25 15:00 UTC in the UTC zone, exports into a temp folder, synthetic steady time.
#include <stdlib.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "export/bundled_records.h"
#include "kiosk/staff/desk.h"
#include "store/store_test_util.h"

namespace kiosk::staff::testing {
namespace st = kiosk::store::testing;

inline const std::string kPassphrase = "desk staff secret";
inline const TimePoint kT0 = TimePoint{} + std::chrono::hours(5);

inline TimePoint at(double seconds) {
    return kT0 + std::chrono::duration_cast<TimePoint::duration>(std::chrono::duration<double>(seconds));
}

/// The names of the files in @p dir (none when it is missing), sorted.
inline std::vector<std::string> namesIn(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(it->path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

class DeskFixture : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
        db = dir / "intake.sqlite3";
        store = std::make_unique<store::Store>(st::freshStore(db, kPassphrase));
        form = exports::testing::bundledForm();
        calm = add("intake-calm", "en", "2026-11-25T09:00:00Z");
        red = add("intake-red-flags", "en", "2026-11-25T10:00:00Z");
        spanish = add("intake-spanish", "es", "2026-11-25T11:00:00Z");
        yesterday = add("intake-calm", "en", "2026-11-24T10:00:00Z");
        std::ofstream(dir / "mounts") << "proc /proc proc rw 0 0\n";
        catalog = &kiosk::testing::realCatalog();
    }

    std::string add(const std::string& answers, const std::string& lang, const std::string& submittedAt) {
        nlohmann::json record = exports::testing::bundledRecord(answers, form, lang);
        store::RecordMeta m;
        m.formId = form->id;
        m.formVersion = form->version;
        m.contentHash = form->contentHash;
        m.lang = lang;
        m.startedAt = m.submittedAt = submittedAt;
        record["submitted_at"] = submittedAt;
        auto id = store->submit(m, record.dump());
        EXPECT_TRUE(id) << id.error().format();
        return id ? *id : "";
    }

    DeskOptions options() {
        DeskOptions o;
        auto shelf = std::make_shared<exports::FormShelf>();
        shelf->add(form);
        o.shelf = shelf;
        o.exportOnThread = false;
        o.places.mountTable = dir / "mounts";
        o.places.mediaRoots[0] = dir / "media/";
        o.places.mediaRoots[1] = "";
        o.places.fallbackDir = dir / "exports";
        o.wallNow = [] { return *core::parseUtcIso("2026-11-25T15:00:00Z"); };
        return o;
    }

    Desk& open() {
        desk = std::make_unique<Desk>(*store, *catalog, options());
        desk->enter(kT0);
        return *desk;
    }

    /// Types @p passphrase and waits for its check (on a worker when the options say so).
    void unlock(Desk& d, const std::string& passphrase = kPassphrase) {
        d.apply(OpenUnlock{});
        d.apply(TypeKey{passphrase});
        d.apply(SubmitUnlock{});
        for (int i = 0; i < 2000 && d.view().working; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            d.apply(Tick{kT0});
        }
    }

    std::vector<std::string> listedIds(const Desk& d) const {
        std::vector<std::string> out;
        for (const auto& r : d.view().list.rows) out.push_back(r.id);
        return out;
    }

    /// The audit rows of @p action, as "detail".
    std::vector<std::string> audited(const std::string& action) const {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT detail FROM audit WHERE action = ? ORDER BY seq");
        q.bind(1, action);
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    }

    store::RecordStatus statusOf(const std::string& id) const {
        store::ListFilter f;
        f.ids = {id};
        f.includeDeleted = true;
        auto rows = store->list(f);
        return rows && !rows->empty() ? rows->front().status : store::RecordStatus::Deleted;
    }

    st::TempDir dir;
    std::string db;
    std::unique_ptr<store::Store> store;
    std::shared_ptr<const forms::Form> form;
    const core::Catalog* catalog = nullptr;
    std::unique_ptr<Desk> desk;
    std::string calm, red, spanish, yesterday;
};

}  // namespace kiosk::staff::testing
