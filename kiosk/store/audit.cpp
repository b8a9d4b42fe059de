#include "kiosk/store/audit.h"

#include <cctype>
#include <cstdlib>
#include <optional>

#include <SQLiteCpp/Statement.h>

#include "kiosk/store/crypto.h"

namespace kiosk::store {
namespace {

constexpr std::size_t kHashBytes = 32;

std::string_view view(const Bytes& b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

Bytes rowHash(const Bytes& prev, std::int64_t seq, const std::string& at, const std::string& kiosk,
              const std::string& action, const std::string& detail) {
    return hashFields({view(prev), std::to_string(seq), at, kiosk, action, detail});
}

Bytes blobOf(const SQLite::Column& c) {
    const auto* p = static_cast<const unsigned char*>(c.getBlob());
    return Bytes(p, p + c.getBytes());
}

/// The head as meta keeps it: "seq:hex hash" (the form migration 4 writes too).
std::string headText(std::int64_t seq, const Bytes& hash) {
    return std::to_string(seq) + ':' + toHex(hash.data(), hash.size());
}

/// meta's value for @p key as text; nullopt when the key is absent.
std::optional<std::string> metaText(SQLite::Database& db, const char* key) {
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    const Bytes b = blobOf(q.getColumn(0));
    return std::string(b.begin(), b.end());
}

/// @p sql with every run of whitespace made one space, and none at either end.
std::string squeezed(const std::string& sql) {
    std::string out;
    for (char c : sql) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// Both append-only triggers exist exactly as migration 2 (schema.cpp) creates them, whitespace
/// aside: a trigger kept under its name but with a WHEN clause or another body does not count.
bool triggersInPlace(SQLite::Database& db) {
    static const char* const kExpected[][2] = {
        {"audit_no_update", "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"},
        {"audit_no_delete", "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"},
    };
    SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit' AND name = ?");
    for (const auto& [name, sql] : kExpected) {
        q.reset();
        q.bind(1, name);
        if (!q.executeStep() || squeezed(q.getColumn(0).getString()) != sql) return false;
    }
    return true;
}

}  // namespace

const char* toString(AuditAction action) {
    switch (action) {
        case AuditAction::KeyInit: return "key_init";
        case AuditAction::Unlock: return "unlock";
        case AuditAction::Export: return "export";
        case AuditAction::Delete: return "delete";
        case AuditAction::PassphraseChange: return "passphrase_change";
        case AuditAction::SettingsChange: return "settings_change";
        case AuditAction::Purge: return "purge";
        case AuditAction::Backup: return "backup";
        case AuditAction::Review: return "review";
        case AuditAction::View: return "record_view";
        case AuditAction::StaffAccess: return "staff_access";
    }
    return "unknown";
}

void appendAudit(SQLite::Database& db, const std::string& kioskId, AuditAction action,
                 const std::string& detail, const std::string& at) {
    std::int64_t seq = 1;
    Bytes prev(kHashBytes, 0);
    SQLite::Statement last(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.executeStep()) {
        seq = last.getColumn(0).getInt64() + 1;
        prev = blobOf(last.getColumn(1));
    }
    const std::string name = toString(action);
    const Bytes hash = rowHash(prev, seq, at, kioskId, name, detail);
    SQLite::Statement insert(db,
        "INSERT INTO audit (seq, at, kiosk_id, action, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?)");
    insert.bind(1, seq);
    insert.bind(2, at);
    insert.bind(3, kioskId);
    insert.bind(4, name);
    insert.bind(5, detail);
    insert.bind(6, prev.data(), static_cast<int>(prev.size()));
    insert.bind(7, hash.data(), static_cast<int>(hash.size()));
    insert.exec();
    const std::string head = headText(seq, hash);
    SQLite::Statement setHead(db, "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    setHead.bind(1, head.data(), static_cast<int>(head.size()));
    setHead.exec();
}

AuditReport verifyAudit(SQLite::Database& db) {
    AuditReport report;
    Bytes prev(kHashBytes, 0);
    std::int64_t expectSeq = 1;
    std::string firstAction;
    int keyInits = 0;
    auto fail = [&](std::int64_t at, const char* why) {
        report.firstBroken = at;
        report.problem = why;
        return report;
    };
    SQLite::Statement rows(db, "SELECT seq, at, kiosk_id, action, detail, prev_hash, hash FROM audit ORDER BY seq");
    while (rows.executeStep()) {
        const std::int64_t seq = rows.getColumn(0).getInt64();
        ++report.entries;
        if (seq != expectSeq) return fail(seq, "a row is missing before this one");
        if (blobOf(rows.getColumn(5)) != prev) return fail(seq, "it does not link to the row before");
        const Bytes stored = blobOf(rows.getColumn(6));
        const Bytes want = rowHash(prev, seq, rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                                   rows.getColumn(3).getString(), rows.getColumn(4).getString());
        if (stored != want) return fail(seq, "its contents do not match its hash");
        const std::string action = rows.getColumn(3).getString();
        if (seq == 1) firstAction = action;
        // One key per database for life: a second key_init is what a silent re-key leaves behind.
        if (action == toString(AuditAction::KeyInit) && keyInits++ > 0)
            return fail(seq, "a second clinic key was created here (key_init): records saved before it are "
                             "sealed to the first key. There is no re-key command; restore the database from "
                             "a backup made before this entry");
        prev = stored;
        ++expectSeq;
        report.headHash = toHex(prev.data(), prev.size());
        report.headSeq = seq;
    }
    // The rows link up; now what could be missing around them.
    const std::int64_t last = expectSeq - 1;
    const std::optional<std::string> head = metaText(db, "audit_head");
    if (head && last == 0) return fail(1, "every entry was removed (the recorded head names entries)");
    if (!head && last > 0) return fail(0, "the recorded head of the log is missing");
    if (head && *head != headText(last, prev)) {
        if (std::strtoll(head->c_str(), nullptr, 10) > last)
            return fail(last + 1, "entries were removed from the end (the log is shorter than its recorded head)");
        return fail(last, "the last entry does not match the recorded head");
    }
    if (metaText(db, "clinic_public_key") && firstAction != toString(AuditAction::KeyInit)) {
        if (metaText(db, "audit_starts_after_key"))  // noted by the upgrade from schema v1 (schema.cpp)
            return fail(1, "the audit log starts after the key was made (database created before audit "
                           "logging, schema v1)");
        return fail(1, "the clinic key exists but the log does not begin with its creation (key_init)");
    }
    if (!triggersInPlace(db)) return fail(0, "the triggers that keep the log append-only are missing");
    return report;
}

}  // namespace kiosk::store
