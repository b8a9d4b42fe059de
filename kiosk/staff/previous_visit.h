#pragma once
// Which earlier record is the same patient's last visit, for "change since the last visit" on the
// desk and in the therapist's PDF (issue 19). The same patient: the same first name, last name and
// date of birth as the patient typed them, compared case-folded with spaces trimmed and collapsed
// (patientIdentity); a record missing any of the three matches nobody. Nothing of this is kept in
// a plain column: the earlier records are opened with the unlocked key, newest first, at most
// kPreviousVisitScan of them before the record being read, and forgotten (wiped) unless they match.
// The change itself is read by export/visit_change.h.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/export/form_shelf.h"
#include "kiosk/export/intake_reading.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/export/visit_change.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {

/// Earlier records opened at most when looking for a patient's last visit.
constexpr std::int64_t kPreviousVisitScan = 500;

/// @brief "ana maría|garcía|1980-02-29" from the reading's first name, last name and date of birth:
///        letters case-folded (ASCII and Latin-1, "JOSÉ" = "josé"), spaces trimmed and collapsed;
///        "" when any of the three is missing (such a record is nobody's previous visit).
std::string patientIdentity(const exports::IntakeReading& reading);

/// @brief An earlier record of the same patient, decrypted (patient data: wipe it after use).
struct PreviousRecord {
    store::RecordMeta meta;
    nlohmann::json record;
};

/// @brief Where earlier records are looked for: this kiosk's store (earlierRecordsIn), or the
///        clinic server across all kiosks (app/cli wires that: staff/ knows no server).
struct EarlierRecords {
    /// The records @p filter matches, newest first.
    std::function<core::Result<std::vector<store::RecordSummary>>(const store::ListFilter& filter)> list;
    /// One record's payload opened with the unlocked key; not audited (a program step).
    std::function<core::Result<std::string>(const std::string& id)> open;
    /// Audits that the earlier record @p id was shown beside another ("previous-visit record=ID").
    std::function<core::Result<void>(const std::string& id)> auditShown;
};

/// @brief EarlierRecords in @p store opened with @p key; both must outlive it.
EarlierRecords earlierRecordsIn(store::Store& store, const store::ClinicKey& key);

/// @brief The newest record submitted before @p before (UTC ISO) whose patientIdentity() is
///        @p identity, among the @p limit newest such records; not @p excludeId. Records that do
///        not open are skipped. Not audited (the caller audits what it shows). An empty identity
///        finds nothing.
core::Result<std::optional<PreviousRecord>> findPreviousRecord(const EarlierRecords& records,
                                                               const std::string& excludeId, const std::string& before,
                                                               const std::string& identity,
                                                               const exports::FormShelf* shelf,
                                                               std::int64_t limit = kPreviousVisitScan);

/// @brief The change since the patient's last visit for the record @p meta read as @p reading
///        (findPreviousRecord + readPreviousVisit), labels in @p staffLang; empty when there is
///        no earlier visit or the store failed (the desk still shows the record).
std::optional<exports::ReadPreviousVisit> previousVisitOf(const EarlierRecords& records, const store::RecordMeta& meta,
                                                          const exports::IntakeReading& reading,
                                                          const exports::FormShelf* shelf,
                                                          const std::string& staffLang);
/// @brief The same in @p store (the desk).
std::optional<exports::ReadPreviousVisit> previousVisitOf(store::Store& store, const store::ClinicKey& key,
                                                          const store::RecordMeta& meta,
                                                          const exports::IntakeReading& reading,
                                                          const exports::FormShelf* shelf,
                                                          const std::string& staffLang);

/// @brief The therapist's PDF's hook (exports::PdfOptions::previousVisit) looking each record's
///        previous visit up in @p records: a connection of its own, not the one the export
///        streams from. Each earlier record shown is audited (EarlierRecords::auditShown).
exports::PreviousVisitFn previousVisitHook(std::shared_ptr<const EarlierRecords> records,
                                           std::shared_ptr<const exports::FormShelf> shelf, std::string staffLang);
/// @brief The same in @p store; @p key must outlive the export.
exports::PreviousVisitFn previousVisitHook(std::shared_ptr<store::Store> store, const store::ClinicKey& key,
                                           std::shared_ptr<const exports::FormShelf> shelf,
                                           std::string staffLang);

}  // namespace kiosk::staff
