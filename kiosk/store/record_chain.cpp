// The record chain (see record_chain.h).
//
// [SECTION] index: hashing · reading a row · append · verify · upgrade
#include "kiosk/store/record_chain.h"

#include <cstdlib>
#include <optional>

#include <SQLiteCpp/Statement.h>

#include "kiosk/store/store.h"

namespace kiosk::store {
namespace {

// [SECTION] hashing
constexpr std::size_t kHashBytes = 32;
constexpr const char* kHeadKey = "records_head";

std::string_view view(const Bytes& b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

Bytes blobOf(const SQLite::Column& c) {
    const auto* p = static_cast<const unsigned char*>(c.getBlob());
    return Bytes(p, p + c.getBytes());
}

Bytes sealedHashOf(const unsigned char* data, std::size_t size) { return hash256(data, size); }

/// The plain columns that never change after the save (the state, in record_state, and the payload do).
Bytes linkHash(const Bytes& prev, std::int64_t seq, const RecordMeta& m, const Bytes& sealedHash) {
    return hashFields({"intake record v1", view(prev), std::to_string(seq), m.id, m.formId,
                       std::to_string(m.formVersion), m.contentHash, m.lang, m.startedAt, m.submittedAt,
                       m.kioskId, view(sealedHash)});
}

struct Head {
    std::int64_t seq = 0;
    Bytes hash;
};

/// The head as meta keeps it ("seq:hex hash"); nullopt when absent or unreadable.
std::optional<Head> readHead(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, kHeadKey);
    if (!q.executeStep()) return std::nullopt;
    const Bytes b = blobOf(q.getColumn(0));
    const std::string text(b.begin(), b.end());
    const auto colon = text.find(':');
    if (colon == std::string::npos || text.size() - colon - 1 != 2 * kHashBytes) return std::nullopt;
    Head h;
    h.seq = std::strtoll(text.c_str(), nullptr, 10);
    for (std::size_t i = colon + 1; i + 1 < text.size(); i += 2)
        h.hash.push_back(static_cast<unsigned char>(std::strtoul(text.substr(i, 2).c_str(), nullptr, 16)));
    return h;
}

/// "record #3" or "records #3 to #5".
std::string places(std::int64_t from, std::int64_t to) {
    return from == to ? "record #" + std::to_string(from)
                      : "records #" + std::to_string(from) + " to #" + std::to_string(to);
}

std::string named(const std::string& id, std::int64_t seq) { return id + " (#" + std::to_string(seq) + ")"; }

}  // namespace

// [SECTION] reading a row
RecordMeta readRecordMeta(SQLite::Statement& q, int first) {
    RecordMeta m;
    m.id = q.getColumn(first).getString();
    m.formId = q.getColumn(first + 1).getString();
    m.formVersion = q.getColumn(first + 2).getInt();
    m.contentHash = q.getColumn(first + 3).getString();
    m.lang = q.getColumn(first + 4).getString();
    m.startedAt = q.getColumn(first + 5).getString();
    m.submittedAt = q.getColumn(first + 6).getString();
    m.kioskId = q.getColumn(first + 7).getString();
    return m;
}

// [SECTION] append
ChainLink nextLink(SQLite::Database& db, const RecordMeta& meta, const Bytes& sealed) {
    ChainLink link;
    link.prev.assign(kHashBytes, 0);
    SQLite::Statement last(db, "SELECT chain_seq, chain_hash FROM records WHERE chain_seq IS NOT NULL "
                               "ORDER BY chain_seq DESC LIMIT 1");
    std::int64_t lastSeq = 0;
    if (last.executeStep()) {
        lastSeq = last.getColumn(0).getInt64();
        link.prev = blobOf(last.getColumn(1));
    }
    // Follow the head when it is ahead: records cut from the end stay a gap before this one.
    if (const auto head = readHead(db); head && head->seq > lastSeq) {
        lastSeq = head->seq;
        link.prev = head->hash;
    }
    link.seq = lastSeq + 1;
    link.sealedHash = sealedHashOf(sealed.data(), sealed.size());
    link.hash = linkHash(link.prev, link.seq, meta, link.sealedHash);
    return link;
}

void moveRecordsHead(SQLite::Database& db, const ChainLink& link) {
    const std::string head = std::to_string(link.seq) + ':' + toHex(link.hash.data(), link.hash.size());
    SQLite::Statement q(db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, kHeadKey);
    q.bind(2, head.data(), static_cast<int>(head.size()));
    q.exec();
}

// [SECTION] verify
RecordChainReport verifyRecordChain(SQLite::Database& db) {
    RecordChainReport report;
    auto problem = [&](std::string text) { report.problems.push_back(std::move(text)); };

    SQLite::Statement loose(db, "SELECT id FROM records WHERE chain_seq IS NULL ORDER BY submitted_at, id");
    while (loose.executeStep())
        problem("record " + loose.getColumn(0).getString() + " is not in the chain (it was added outside the kiosk)");

    SQLite::Statement rows(db,
        "SELECT chain_seq, id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, "
        "status, payload, chain_prev, sealed_hash, chain_hash FROM records LEFT JOIN record_state ON record_id = id "
        "WHERE chain_seq IS NOT NULL ORDER BY chain_seq");
    Bytes prevHash(kHashBytes, 0);
    std::string prevId;
    std::int64_t expect = 1;
    while (rows.executeStep()) {
        ++report.entries;
        const std::int64_t seq = rows.getColumn(0).getInt64();
        const RecordMeta m = readRecordMeta(rows, 1);
        const bool stateless = rows.getColumn(9).isNull();
        const std::string status = rows.getColumn(9).getString();
        const SQLite::Column payload = rows.getColumn(10);
        const Bytes storedPrev = blobOf(rows.getColumn(11));
        const Bytes sealedHash = blobOf(rows.getColumn(12));
        const Bytes stored = blobOf(rows.getColumn(13));
        const bool contentOk = stored == linkHash(storedPrev, seq, m, sealedHash);
        const std::string here = named(m.id, seq);

        if (seq > expect) {
            // The link across a gap cannot be checked; the row's own hash still can.
            problem(places(expect, seq - 1) + " missing " +
                    (prevId.empty() ? "before " + here : "between " + named(prevId, expect - 1) + " and " + here));
        } else if (seq < expect) {
            problem("record " + here + " repeats a place in the chain");
        } else if (storedPrev != prevHash && contentOk) {
            problem("record " + here + " is out of place: it does not follow " +
                    (prevId.empty() ? "the start of the chain" : named(prevId, seq - 1)));
        }
        if (!contentOk)
            problem("record " + here + (prevId.empty() ? "" : ", after " + prevId) +
                    ": its plain columns were changed or it is out of place");
        if (stateless) problem("record " + here + ": its state (status) was removed outside the kiosk");
        if (!payload.isNull()) {
            if (sealedHashOf(static_cast<const unsigned char*>(payload.getBlob()),
                             static_cast<std::size_t>(payload.getBytes())) != sealedHash)
                problem("record " + here + ": its sealed payload was replaced");
            else if (status == "deleted")
                problem("record " + here + ": it is marked deleted but its sealed payload is still there");
        } else if (status != "deleted") {
            problem("record " + here + ": its sealed payload is gone but it was never deleted");
        }
        prevHash = stored;
        prevId = m.id;
        expect = seq + 1;
        report.headSeq = seq;
        report.headHash = toHex(stored.data(), stored.size());
    }

    const std::int64_t last = expect - 1;
    const auto head = readHead(db);
    if (!head) {
        if (report.entries > 0)
            problem("the recorded head of the record chain is missing (records cut from the end would not show)");
    } else if (report.entries == 0) {
        problem("every record was removed (the chain's recorded head is #" + std::to_string(head->seq) + ")");
    } else if (head->seq > last) {
        problem(places(last + 1, head->seq) + " missing after " + named(prevId, last) +
                ", the last one left (the recorded head is #" + std::to_string(head->seq) + ")");
    } else if (head->seq < last) {
        problem("the chain runs past its recorded head (#" + std::to_string(head->seq) + "): " +
                places(head->seq + 1, last) + " were added outside the kiosk");
    } else if (head->hash != prevHash) {
        problem("the last record " + named(prevId, last) + " does not match the recorded head");
    }
    return report;
}

// [SECTION] upgrade
void chainExistingRecords(SQLite::Database& db) {
    struct Row {
        std::int64_t rowid;
        RecordMeta meta;
        Bytes sealedHash;
    };
    // Read first, then update: the scan never sees its own writes.
    std::vector<Row> rows;
    SQLite::Statement q(db,
        "SELECT rowid, id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, payload "
        "FROM records ORDER BY submitted_at, rowid");
    while (q.executeStep()) {
        Row r;
        r.rowid = q.getColumn(0).getInt64();
        r.meta = readRecordMeta(q, 1);
        const SQLite::Column payload = q.getColumn(9);
        r.sealedHash = sealedHashOf(static_cast<const unsigned char*>(payload.getBlob()),
                                    static_cast<std::size_t>(payload.getBytes()));
        rows.push_back(std::move(r));
    }
    SQLite::Statement update(db, "UPDATE records SET chain_seq = ?, chain_prev = ?, sealed_hash = ?, chain_hash = ? "
                                 "WHERE rowid = ?");
    ChainLink link;
    link.prev.assign(kHashBytes, 0);
    for (const Row& r : rows) {
        link.seq += 1;
        link.sealedHash = r.sealedHash;
        link.hash = linkHash(link.prev, link.seq, r.meta, link.sealedHash);
        update.reset();
        update.bind(1, link.seq);
        update.bind(2, link.prev.data(), static_cast<int>(link.prev.size()));
        update.bind(3, link.sealedHash.data(), static_cast<int>(link.sealedHash.size()));
        update.bind(4, link.hash.data(), static_cast<int>(link.hash.size()));
        update.bind(5, r.rowid);
        update.exec();
        link.prev = link.hash;
    }
    if (!rows.empty()) moveRecordsHead(db, link);
}

}  // namespace kiosk::store
