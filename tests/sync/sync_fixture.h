#pragma once
// What the sync tests share: one throwaway PostgreSQL per test process (tests/support/pg.sh), a
// clinic created on a database of the test's own, and kiosk stores that joined it.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/store/store.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/server.h"
#include "support/pg_cluster.h"
#include "support/temp_files.h"

namespace kiosk::sync::testing {

using kiosk::testing::PgCluster;
using kiosk::testing::TempDir;

inline constexpr const char* kClinicPassphrase = "clinic-pass-123";

class SyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_pg = std::make_unique<PgCluster>(); }
    static void TearDownTestSuite() { s_pg.reset(); }
    static PgCluster& pg() { return *s_pg; }

    /// A database @p db with a clinic on it (as the admin); returns the admin's URL.
    static std::string makeClinic(const std::string& db) {
        pg().createDatabase(db);
        const std::string url = pg().url(db);
        auto server = Server::connect(url);
        if (!server) throw std::runtime_error(server.error().message);
        auto key = store::makeClinicKeyMaterial(kClinicPassphrase, store::KdfLimits::minimum());
        if (!key) throw std::runtime_error(key.error().message);
        if (auto ok = initClinic(*server, *key); !ok) throw std::runtime_error(ok.error().message);
        return url;
    }

    /// A kiosk store in @p dir (dir/intake.sqlite3, as --data-dir finds it), of no clinic yet.
    static store::Store openKiosk(const TempDir& dir, const std::string& kioskId) {
        store::StoreOptions o;
        o.dbPath = dir / "intake.sqlite3";
        o.kioskId = kioskId;
        auto s = store::Store::open(o);
        if (!s) throw std::runtime_error(s.error().message);
        return std::move(*s);
    }

    /// A kiosk store in @p dir (as openKiosk) that joined @p url.
    static store::Store joinedKiosk(const TempDir& dir, const std::string& kioskId, const std::string& url) {
        store::Store s = openKiosk(dir, kioskId);
        auto server = Server::connect(url);
        if (!server) throw std::runtime_error(server.error().message);
        if (auto ok = joinClinic(*server, s); !ok) throw std::runtime_error(ok.error().message);
        return s;
    }

    static store::RecordMeta meta(int i) {
        store::RecordMeta m;
        m.formId = "intake";
        m.formVersion = 3;
        m.contentHash = "sha256:abc";
        m.lang = i % 2 ? "es" : "en";
        m.startedAt = "2026-11-25T10:00:00Z";
        m.submittedAt = "2026-11-25T11:00:00Z";
        return m;
    }
    static std::string payload(const std::string& kiosk, int i) {
        return R"({"answers":{"name":"Patient )" + kiosk + "-" + std::to_string(i) + R"(","pain_now":7},"flags":[]})";
    }

private:
    static inline std::unique_ptr<PgCluster> s_pg;
};

}  // namespace kiosk::sync::testing
