#pragma once
// Running the session's effects (STYLE.md #5): SaveRequest, SaveDraft and DiscardDraft go to a
// RecordSink; the outcome of a save comes back as an action for the Intake. Failures are data.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/session/actions.h"

namespace kiosk::app {

/// @brief Where finished intakes and drafts go. The real sink is the SQLite store (sealed, durable);
///        MemoryRecordSink stands in where nothing must persist (screenshots, tests). A sink never
///        throws: every failure is a core::Error without patient data.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    /// Durably saves a finished intake; returns its record id only after it is committed.
    virtual core::Result<std::string> submit(const session::Record& record) = 0;
    /// Replaces the kiosk's in-progress draft (Intake::snapshot()).
    virtual core::Result<void> saveDraft(const std::string& snapshotJson) = 0;
    virtual core::Result<void> discardDraft() = 0;
};

/// @brief Keeps records and the draft in memory; nothing survives the process.
class MemoryRecordSink final : public RecordSink {
  public:
    core::Result<std::string> submit(const session::Record& record) override;
    core::Result<void> saveDraft(const std::string& snapshotJson) override;
    core::Result<void> discardDraft() override;

    const std::vector<session::Record>& records() const { return m_records; }
    const std::optional<std::string>& draft() const { return m_draft; }

  private:
    std::vector<session::Record> m_records;
    std::optional<std::string> m_draft;
};

/// Runs @p effect against @p sink. A SaveRequest yields SaveSucceeded{id} or SaveFailed{reason}
/// to apply to the Intake; draft effects yield nothing (a failed draft is logged, the intake goes on).
std::optional<session::Action> runEffect(const session::Effect& effect, RecordSink& sink);

}  // namespace kiosk::app
