#include "kiosk/app/cli/effects.h"

#include <chrono>

#include "kiosk/core/log.h"

namespace kiosk::app {

core::Result<std::string> MemoryRecordSink::submit(const session::Record& record) {
    m_records.push_back(record);
    return "memory-" + std::to_string(m_records.size());
}

core::Result<void> MemoryRecordSink::saveDraft(const std::string& snapshotJson) {
    m_draft = snapshotJson;
    return {};
}

core::Result<void> MemoryRecordSink::discardDraft() {
    m_draft.reset();
    return {};
}

namespace {
// Overload set for std::visit.
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
}  // namespace

std::optional<session::Action> runEffect(const session::Effect& effect, RecordSink& sink) {
    // Log lines name the form and timings only: records and drafts hold patient data.
    return std::visit(Overloaded{
                          [&](const session::SaveRequest& save) -> std::optional<session::Action> {
                              const auto start = std::chrono::steady_clock::now();
                              auto id = sink.submit(save.record);
                              const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  std::chrono::steady_clock::now() - start)
                                                  .count();
                              if (!id) {
                                  core::logger()->error("intake save failed form={} v={}: {}",
                                                        save.record.formId, save.record.formVersion,
                                                        id.error().format());
                                  return session::SaveFailed{id.error().message};
                              }
                              core::logger()->info("intake submitted form={} v={} ms={}", save.record.formId,
                                                   save.record.formVersion, ms);
                              return session::SaveSucceeded{*id};
                          },
                          [&](const session::SaveDraft& draft) -> std::optional<session::Action> {
                              if (auto r = sink.saveDraft(draft.snapshotJson); !r) {
                                  core::logger()->warn("draft save failed: {}", r.error().format());
                              }
                              return std::nullopt;
                          },
                          [&](const session::DiscardDraft&) -> std::optional<session::Action> {
                              if (auto r = sink.discardDraft(); !r)
                                  core::logger()->warn("draft discard failed: {}", r.error().format());
                              return std::nullopt;
                          },
                      },
                      effect);
}

}  // namespace kiosk::app
