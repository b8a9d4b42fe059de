#pragma once
// Internal to kiosk_store: the state behind Store, shared by store*.cpp and drafts.cpp.
#include <cctype>
#include <memory>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/crypto.h"
#include "kiosk/store/sqlite_error.h"
#include "kiosk/store/store.h"

namespace kiosk::store {

struct Store::Impl {
    Impl(StoreOptions opts, SQLite::Database database)
        : options(std::move(opts)), db(std::move(database)) {}

    StoreOptions options;
    SQLite::Database db;                      // declared before the statements: they die first
    std::string kioskId;
    Bytes publicKey;                          // empty until keys exist
    std::optional<SecretBytes> draftKey;      // the current intake's draft key, once saved/loaded
    std::unique_ptr<SQLite::Statement> insertRecord;
    std::unique_ptr<SQLite::Statement> deleteDraft;

    /// `<db>.<kiosk id>.draft-key`: one key file per kiosk sharing a database file.
    std::string draftKeyPath() const {
        std::string safe;
        for (char c : kioskId) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
        return options.dbPath + "." + safe + ".draft-key";
    }

    /// Runs @p f inside guarded(): SQLite exceptions become errors about @p doing.
    template <class F>
    auto run(const std::string& doing, F&& f) -> decltype(f()) {
        return guarded(doing, options.dbPath, std::forward<F>(f));
    }

    // meta table (throw SQLite::Exception: call inside run()).
    std::optional<Bytes> metaGet(const std::string& key);
    void metaSet(const std::string& key, const Bytes& value);
    void metaSet(const std::string& key, const std::string& value);

    /// Reads the public key from meta into publicKey (empty if none).
    void loadPublicKey();
    /// Unlinks the draft key file and forgets the key.
    void forgetDraftKey();
};

}  // namespace kiosk::store
