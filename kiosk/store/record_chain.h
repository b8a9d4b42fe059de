#pragma once
// The record chain: every saved record carries its place (chain_seq), the hash of the record saved
// before it (chain_prev), the hash of its sealed payload (sealed_hash) and its own hash over all of
// that and its plain columns (chain_hash); the head ("seq:hash") sits in meta, written in the same
// transaction. A row removed, reordered, edited, added by hand or cut from the end then breaks the
// chain at a place verify names with the ids around it. Status, status time (record_state, schema
// 8) and the payload itself are left out of the hash so that review, export, delete and purge
// (tombstones) keep it whole; the sealed_hash stays when a delete drops the payload. Verify checks
// that state and payload agree: no record without its state, no payload gone without a delete and
// none left behind one.
//
// Limits (as for the audit log, audit.h): there is no secret, so whoever can write the file can
// rebuild the chain and its head after any change; a copy of the head kept elsewhere catches that.
// Records saved before schema version 5 were chained in submit order by the upgrade, which cannot
// know about rows removed before it.
#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/crypto.h"

namespace kiosk::store {

struct RecordMeta;

/// @brief What `records verify` reports about the chain; problems name record ids and places only.
struct RecordChainReport {
    std::int64_t entries = 0;           ///< chained rows checked
    std::vector<std::string> problems;  ///< one line each, e.g. "record #3 missing between A (#2) and B (#4)"
    std::int64_t headSeq = 0;           ///< the last chained row's place
    std::string headHash;               ///< and its hash (hex): keep it elsewhere
    bool intact() const { return problems.empty(); }
};

/// @brief The plain columns id, form_id, form_version, content_hash, lang, started_at,
///        submitted_at, kiosk_id (in this order) of @p q's row, from column @p first on.
RecordMeta readRecordMeta(SQLite::Statement& q, int first);

/// @brief A record's place in the chain, as its row stores it.
struct ChainLink {
    std::int64_t seq = 0;
    Bytes prev;        ///< the previous record's chain hash (zeros for the first)
    Bytes sealedHash;  ///< hash of the sealed payload
    Bytes hash;        ///< hash of all of the above and the plain columns
};

/// @brief The link for a record about to be inserted with @p sealed. It follows the head in meta
///        (not merely the last row), so rows cut from the end stay a visible gap after later saves.
///        Call inside the write transaction. Throws SQLite::Exception: call inside guarded().
ChainLink nextLink(SQLite::Database& db, const RecordMeta& meta, const Bytes& sealed);

/// @brief Moves the head in meta to @p link, once its row is inserted (same transaction).
void moveRecordsHead(SQLite::Database& db, const ChainLink& link);

/// @brief Walks the chain and checks it against the head in meta. Throws SQLite::Exception.
RecordChainReport verifyRecordChain(SQLite::Database& db);

/// @brief The upgrade to schema version 5: chains the records already saved, in submit order.
///        Call inside the migration's transaction. Throws SQLite::Exception.
void chainExistingRecords(SQLite::Database& db);

}  // namespace kiosk::store
