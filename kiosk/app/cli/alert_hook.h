#pragma once
// The desk alert hook (settings `alerts.urgent_command`): after an intake that raised an urgent flag
// is saved, the clinic's command runs with the record id as its only argument, so the desk can ring
// a bell, light a lamp or send a message. It gets the id and nothing else: no name, no answer, no
// flag. It is started and never waited for, so a slow or hanging command cannot hold up a frame,
// and a command that is missing or fails is logged, never fatal: the intake is saved either way.
#include <sys/types.h>

#include <string>
#include <vector>

#include "kiosk/app/cli/effects.h"
#include "kiosk/core/error.h"

namespace kiosk::app {

/// @brief Starts the configured command without a shell; reaps finished ones as it goes.
class AlertHook {
  public:
    /// @p command: an absolute path (the settings reader checks it); "" = no hook.
    explicit AlertHook(std::string command) : m_command(std::move(command)) {}
    ~AlertHook();
    AlertHook(const AlertHook&) = delete;
    AlertHook& operator=(const AlertHook&) = delete;

    bool enabled() const { return !m_command.empty(); }
    /// Starts `command RECORD_ID` (stdin from /dev/null) and returns at once. An error only when
    /// it could not be started; its exit status is logged later, when it is reaped.
    core::Result<void> run(const std::string& recordId);
    /// Collects commands that have finished (logs a non-zero exit); never blocks.
    void reap();
    /// Commands started and not yet seen to finish.
    std::size_t running() const { return m_children.size(); }

  private:
    std::string m_command;
    std::vector<pid_t> m_children;
};

/// @brief A RecordSink that passes everything to @p inner and, when a saved record raised an
///        urgent flag, runs the hook with its id. The hook's failures never fail the save.
class AlertingSink final : public RecordSink {
  public:
    AlertingSink(RecordSink& inner, AlertHook& hook) : m_inner(inner), m_hook(hook) {}
    core::Result<std::string> submit(const session::Record& record) override;
    core::Result<void> saveDraft(const std::string& snapshotJson) override { return m_inner.saveDraft(snapshotJson); }
    core::Result<void> discardDraft() override { return m_inner.discardDraft(); }

  private:
    RecordSink& m_inner;
    AlertHook& m_hook;
};

}  // namespace kiosk::app
