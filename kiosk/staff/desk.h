#pragma once
// The staff desk: what staff reach after the staff gesture and the gate (pin_gate.h). Its rules,
// all here and unit-tested (tests/staff), the screens only draw its view (desk_view.h):
// - Today's intakes first (time, form, state); names ("Ana G.") and flag badges once the records
//   are unlocked with the staff passphrase, asked once per visit (Store::unlock audits each try;
//   a PinGate in passphrase mode adds the same back-off as the staff gate). Urgent first, then
//   newest first. Find by local days or by name. At most maxRows listed.
// - One intake's detail (audited as a view): flags with what to do, scores with bands, answers in
//   form order, the signature, all in the staff's language (export/intake_reading.h).
// - Mark reviewed, delete after a confirmation naming the record, export this one, the list shown
//   or the intakes chosen in the select mode (the therapist's PDF, CSV, JSON) through the export
//   job into a USB drive under /media or the export folder, with progress; several intakes as PDF
//   go into one PDF or one PDF per intake in a new folder, as staff choose; a full or pulled drive
//   leaves nothing half-written (export_job.h). The store audits each of these (desk_export.cpp).
// - Change the staff passphrase (once unlocked): the current one, the new one twice, the rule of
//   `staff passwd`; the key re-wrapped in one transaction, audited. This and the unlock's check
//   cost an argon2id run each, so they run on a worker and the screens keep drawing (desk_keys.cpp).
// - Health: database size, free disk, records by state, drafts waiting.
// - Two minutes without a touch, or Leave: back to the welcome screen, the clinic key and every
//   patient text forgotten (the key's memory is wiped by sodium_free; texts by sodium_memzero).
// Time comes in through Touch and Tick: tests never sleep. One thread uses a Desk; an export runs
// on a worker with its own store connection and only reads the key, which stays until it ends;
// the passphrase work runs on one too and hands its answer back at a Tick.
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/i18n.h"
#include "kiosk/export/form_shelf.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/staff/desk_view.h"
#include "kiosk/staff/export_place.h"
#include "kiosk/staff/passphrase_form.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {

/// @brief How the desk is set up (app/ fills it from the settings file).
struct DeskOptions {
    std::string staffLang = "en";                  ///< the staff's language at each visit's start
    std::chrono::seconds idleAfter{120};           ///< silence before the desk closes by itself
    std::shared_ptr<const exports::FormShelf> shelf;  ///< forms to read records against (may be empty)
    /// Loads the shelf at the first visit when `shelf` is empty: the kiosk's start-up never pays
    /// for forms only staff read against.
    std::function<std::shared_ptr<const exports::FormShelf>()> loadShelf;
    ExportPlaces places;                           ///< where exports go
    /// false: exports and the passphrase work (unlock, change) run inside apply() (tests)
    bool exportOnThread = true;
    std::size_t maxRows = 200;                     ///< intakes listed at most (each is opened once unlocked)
    exports::PaperSize paper = exports::PaperSize::A4;  ///< the therapist's PDF
    std::string clinicName;                        ///< its header
    std::string logoPath;                          ///< its header's logo (PNG, `clinic.logo`); "" = none
    exports::BodyMapFigure bodyMapFigure;          ///< its body map (export/pdf_body_map.h); empty: listed
    std::function<core::SystemTime()> wallNow;       ///< "today"; empty = the system clock
    /// The clinic key the staff gate unlocked when it asked the staff passphrase (no PIN set), taken
    /// once at enter(): that visit starts unlocked rather than asking the same passphrase again.
    /// Empty, or nullopt (a PIN opened the gate): the visit starts locked.
    std::function<std::optional<store::ClinicKey>()> takeGateKey;
};

class Desk {
public:
    Desk(store::Store& store, const core::Catalog& catalog, DeskOptions options);
    ~Desk();  ///< waits for a running export or passphrase check, then forgets everything
    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

    /// A staff visit begins (the gate opened): today's list, locked, the idle clock started.
    void enter(TimePoint now);
    void apply(const DeskAction& action);
    DeskView view() const;

    /// True once the visit ended (Leave or idle): show the welcome screen. enter() clears it.
    bool left() const { return m_left; }
    /// True after CloseKiosk: end the program.
    bool closeRequested() const { return m_close; }
    bool unlocked() const { return m_key.has_value(); }
    /// When the desk next changes by itself (idle leave, export progress, the gate's lockout).
    std::optional<TimePoint> nextDeadline(TimePoint now) const;

    struct ExportRun;  ///< a running export (desk.cpp)
    struct KeyWork;    ///< a passphrase being checked or changed (desk_keys.cpp)

private:
    // one operator() per action (desk.cpp, [SECTION] actions)
    friend struct DeskApply;

    void leave();
    void wipePatientData();
    bool needKey();
    void loadList();
    void openIntake(const std::string& id);
    void startExport(const StartExport& request);
    void runExport(ExportFormat format, store::ListFilter filter, const std::string& id, bool onePerIntake,
                   bool selection);
    void choosePdfBatch(bool onePerIntake);
    void setSelection(std::vector<std::string> ids);  ///< those of @p ids the list shows
    void stopExport();
    void pollExport();
    void loadHealth();
    // the passphrase work on a worker (desk_keys.cpp)
    void startUnlockCheck();
    void openChangePassphrase();
    void submitChangePassphrase();
    void pollKeyWork();
    void waitKeyWork();
    void say(const std::string& key, const std::vector<std::string>& args = {});
    void sayDone(const std::string& key, const std::vector<std::string>& args = {});  ///< a notice of success
    std::string tr(const std::string& key) const;
    const forms::Form* formFor(const store::RecordMeta& meta) const;
    core::SystemTime wallNow() const;

    store::Store& m_store;
    const core::Catalog& m_catalog;
    DeskOptions m_options;
    PinGate m_gate;                       ///< the passphrase keyboard's rules (back-off, wipe)
    std::optional<store::ClinicKey> m_key;
    DeskView m_view;                      ///< everything drawn, kept up to date by apply()
    std::string m_pendingDelete;
    std::vector<std::string> m_selected;  ///< ids chosen in the select mode, in the order chosen
    std::optional<StartExport> m_pendingPdf;  ///< DeskScreen::PdfChoice: the export asked for
    std::unique_ptr<ExportRun> m_export;
    bool m_exportEach = false;            ///< the last export wrote one PDF per intake
    PassphraseForm m_passForm;            ///< DeskScreen::ChangePassphrase's fields (wiped)
    std::unique_ptr<KeyWork> m_keyWork;
    TimePoint m_now{}, m_lastTouch{};
    bool m_left = true, m_close = false;
};

}  // namespace kiosk::staff
