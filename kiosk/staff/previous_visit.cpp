#include "kiosk/staff/previous_visit.h"

#include <sodium.h>

#include "kiosk/export/json_export.h"

namespace kiosk::staff {
namespace {

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

/// Case-folded (ASCII, and Latin-1 capitals as UTF-8 "C3 80".."C3 9E" but ×), spaces trimmed and collapsed.
std::string folded(const std::string& text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
        out += static_cast<char>(c);
        if (c == 0xC3 && i + 1 < text.size()) {
            unsigned char n = static_cast<unsigned char>(text[++i]);
            if (n >= 0x80 && n <= 0x9E && n != 0x97) n = static_cast<unsigned char>(n + 0x20);
            out += static_cast<char>(n);
        }
    }
    return out;
}

}  // namespace

std::string patientIdentity(const exports::IntakeReading& r) {
    const std::string first = folded(r.firstName), last = folded(r.lastName), born = folded(r.dateOfBirth);
    if (first.empty() || last.empty() || born.empty()) return "";
    return first + "|" + last + "|" + born;
}

EarlierRecords earlierRecordsIn(store::Store& store, const store::ClinicKey& key) {
    EarlierRecords r;
    r.list = [&store](const store::ListFilter& f) { return store.list(f); };
    r.open = [&store, &key](const std::string& id) { return store.readPayload(id, key); };
    r.auditShown = [&store](const std::string& id) {
        return store.audit(store::AuditAction::View, "previous-visit record=" + id);
    };
    return r;
}

core::Result<std::optional<PreviousRecord>> findPreviousRecord(const EarlierRecords& records,
                                                               const std::string& excludeId, const std::string& before,
                                                               const std::string& identity,
                                                               const exports::FormShelf* shelf, std::int64_t limit) {
    if (identity.empty() || before.empty()) return std::optional<PreviousRecord>{};
    store::ListFilter f;
    f.until = before;
    f.limit = limit + 1;  // the record itself may be among them when two share a second
    auto found = records.list(f);
    if (!found) return found.error();
    std::int64_t opened = 0;
    for (const store::RecordSummary& s : *found) {
        if (s.meta.id == excludeId) continue;
        if (opened++ >= limit) break;
        auto payload = records.open(s.meta.id);
        auto record = exports::parseRecord(payload);
        if (payload) wipe(*payload);
        if (!record) continue;
        const forms::Form* form = shelf ? shelf->find(s.meta.formId, s.meta.formVersion, s.meta.contentHash) : nullptr;
        exports::IntakeReading reading = exports::readPatient(*record, form);
        std::string other = patientIdentity(reading);
        const bool same = other == identity;
        wipe(other);
        for (std::string* t : {&reading.firstName, &reading.lastName, &reading.dateOfBirth, &reading.phone, &reading.email})
            wipe(*t);
        if (same) return std::optional<PreviousRecord>(PreviousRecord{s.meta, std::move(*record)});
    }
    return std::optional<PreviousRecord>{};
}

std::optional<exports::ReadPreviousVisit> previousVisitOf(store::Store& store, const store::ClinicKey& key,
                                                          const store::RecordMeta& meta,
                                                          const exports::IntakeReading& reading,
                                                          const exports::FormShelf* shelf,
                                                          const std::string& staffLang) {
    return previousVisitOf(earlierRecordsIn(store, key), meta, reading, shelf, staffLang);
}

std::optional<exports::ReadPreviousVisit> previousVisitOf(const EarlierRecords& records, const store::RecordMeta& meta,
                                                          const exports::IntakeReading& reading,
                                                          const exports::FormShelf* shelf,
                                                          const std::string& staffLang) {
    std::string identity = patientIdentity(reading);
    auto found = findPreviousRecord(records, meta.id, meta.submittedAt, identity, shelf);
    wipe(identity);
    if (!found || !*found) return std::nullopt;
    const PreviousRecord& p = **found;
    const forms::Form* form = shelf ? shelf->find(meta.formId, meta.formVersion, meta.contentHash) : nullptr;
    const forms::Form* previousForm = shelf ? shelf->find(p.meta.formId, p.meta.formVersion, p.meta.contentHash) : nullptr;
    exports::ReadPreviousVisit visit = exports::readPreviousVisit(reading, form, p.record, previousForm, staffLang);
    visit.recordId = p.meta.id;
    if (visit.submittedAt.empty()) visit.submittedAt = p.meta.submittedAt;
    return visit;
}

exports::PreviousVisitFn previousVisitHook(std::shared_ptr<store::Store> store, const store::ClinicKey& key,
                                           std::shared_ptr<const exports::FormShelf> shelf,
                                           std::string staffLang) {
    // The hook keeps the store alive: the aliasing pointer owns it and points at its reader.
    auto both = std::make_shared<std::pair<std::shared_ptr<store::Store>, EarlierRecords>>(store, earlierRecordsIn(*store, key));
    std::shared_ptr<const EarlierRecords> records(both, &both->second);
    return previousVisitHook(std::move(records), std::move(shelf), std::move(staffLang));
}

exports::PreviousVisitFn previousVisitHook(std::shared_ptr<const EarlierRecords> records,
                                           std::shared_ptr<const exports::FormShelf> shelf, std::string staffLang) {
    return [records = std::move(records), shelf = std::move(shelf), lang = std::move(staffLang)](
               const exports::ExportMeta& m, const exports::IntakeReading& reading) {
        store::RecordMeta meta;
        meta.id = m.id;
        meta.formId = m.formId;
        meta.formVersion = m.formVersion;
        meta.contentHash = m.contentHash;
        meta.submittedAt = m.submittedAt;
        auto visit = previousVisitOf(*records, meta, reading, shelf.get(), lang);
        if (visit && !records->auditShown(visit->recordId)) return std::optional<exports::ReadPreviousVisit>{};  // shown only when audited
        return visit;
    };
}

}  // namespace kiosk::staff
