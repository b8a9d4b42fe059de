#pragma once
// Shared helpers for the store tests: stores made fast, records with known content, and the two
// ways the clinic key gets tampered with.
#include <cstdio>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "kiosk/store/store.h"
#include "support/temp_files.h"

namespace kiosk::store::testing {

// The temp folder and file reader of tests/support, under the names the store tests use.
using kiosk::testing::readFile;
using kiosk::testing::TempDir;

inline StoreOptions options(const std::string& db) {
    StoreOptions o;
    o.dbPath = db;
    o.kioskId = "kiosk-test";
    return o;
}

inline Store openOrDie(const StoreOptions& o) {
    auto s = Store::open(o);
    if (!s) throw std::runtime_error("open failed: " + s.error().format());
    return std::move(*s);
}

/// A store with keys made fast (argon2id at its minimum) and the given passphrase.
inline Store freshStore(const std::string& db, const std::string& passphrase = "correct horse") {
    Store s = openOrDie(options(db));
    auto made = s.initKeys(passphrase, KdfLimits::minimum());
    if (!made) throw std::runtime_error("initKeys failed: " + made.error().format());
    return s;
}

inline RecordMeta meta(int i, const std::string& form = "intake") {
    RecordMeta m;
    m.formId = form;
    m.formVersion = 3;
    m.contentHash = "sha256:abc";
    m.lang = i % 2 ? "es" : "en";
    m.startedAt = "2026-11-25T10:00:00Z";
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-11-25T%02d:%02d:%02dZ", 10 + (i / 3600) % 14, (i / 60) % 60, i % 60);
    m.submittedAt = buf;
    return m;
}

inline std::string payload(int i) {
    return R"({"answers":{"name":"Patient )" + std::to_string(i) + R"(","pain_now":7},"flags":[]})";
}

/// SQL that removes every meta row of the clinic key, as someone "resetting" the key would.
inline constexpr const char* kRemoveKey =
    "DELETE FROM meta WHERE key IN ('clinic_public_key', 'clinic_secret_box', 'clinic_secret_nonce', "
    "'kdf_salt', 'kdf_alg', 'kdf_opslimit', 'kdf_memlimit', 'passphrase_is_default')";

/// Replaces the stored public key with a real one whose secret the clinic does not have.
inline void swapPublicKey(const std::string& db) {
    Bytes foreign;
    ASSERT_TRUE(newKeyPair(foreign));
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    SQLite::Statement q(raw, "UPDATE meta SET value = ? WHERE key = 'clinic_public_key'");
    q.bind(1, foreign.data(), static_cast<int>(foreign.size()));
    ASSERT_EQ(q.exec(), 1);
}

}  // namespace kiosk::store::testing
