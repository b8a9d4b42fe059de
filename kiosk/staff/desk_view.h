#pragma once
// What the staff desk's screens draw: a read-only picture of the desk, every staff-facing text in
// the staff's language already (labels of buttons come from the catalogue in ui/). It holds patient
// data once the records are unlocked (names, answers): the desk wipes it when staff leave.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/export/intake_reading.h"
#include "kiosk/export/visit_change.h"
#include "kiosk/staff/desk_actions.h"
#include "kiosk/staff/pin_gate.h"

namespace kiosk::staff {

enum class DeskScreen { List, Unlock, Detail, ConfirmDelete, Export, Health, ChangePassphrase, PdfChoice };
enum class ListKind { Today, Days, Name };
enum class RowState { Submitted, Reviewed, Exported };

/// @brief One intake in the list.
struct DeskRow {
    std::string id;
    std::string day;   ///< local "YYYY-MM-DD"
    std::string time;  ///< local "HH:MM"
    std::string form;  ///< the form's title in the staff's language (its id when not on the shelf)
    std::string name;  ///< "Ana G." once unlocked, else ""
    bool urgent = false, caution = false;  ///< known once unlocked
    bool damaged = false;                   ///< unlocked but unreadable (see `records verify`)
    RowState state = RowState::Submitted;
    bool selected = false;  ///< chosen in the select mode
};

struct DeskListView {
    ListKind kind = ListKind::Today;
    std::string from, to, name;  ///< the search shown (local days, name text)
    std::vector<DeskRow> rows;   ///< urgent first, then newest first (newest first while locked)
    bool more = false;           ///< more intakes matched than are listed
};

struct DeskDetailView {
    DeskRow row;
    exports::IntakeReading reading;
    /// The change since the same patient's last visit (staff/previous_visit.h); empty when no
    /// earlier record of the patient was found.
    std::optional<exports::ReadPreviousVisit> previous;
};

struct DeskExportView {
    bool running = false, finished = false, failed = false;
    std::int64_t done = 0, total = 0;
    std::string file;     ///< where it goes (or went)
    std::string message;  ///< the outcome in the staff's language, "" while running
};

struct DeskHealthView {
    std::int64_t databaseBytes = 0;  ///< the database and its WAL
    std::int64_t freeBytes = 0;      ///< on the disk holding the database
    std::int64_t submitted = 0, reviewed = 0, exported = 0, deleted = 0;
    std::int64_t draftsWaiting = 0;
    std::string lastBackup;          ///< UTC ISO of the last backup (audited), "" = never
    std::int64_t syncWaiting = 0;    ///< records and desk marks not yet on the clinic server ("N waiting to sync")
    std::string syncLastPush;        ///< UTC ISO, "" = never
    std::string syncLastError;       ///< the last push's error, "" = none
    std::string problem;             ///< "" when every figure was read
};

/// @brief The "Change the staff passphrase" form: which field takes the keys, how many characters
///        each holds (never what), and why the last try was refused.
struct DeskPassphraseView {
    int field = 0;             ///< 0 the current passphrase, 1 the new one, 2 it again
    int entered[3] = {0, 0, 0};
    std::string message;       ///< in the staff's language, "" = none
};

struct DeskView {
    DeskScreen screen = DeskScreen::List;
    std::string staffLang;
    std::vector<std::string> languages;  ///< staff can switch between these
    bool unlocked = false;
    GateView unlock;                     ///< the passphrase keyboard's state (DeskScreen::Unlock)
    DeskListView list;
    std::optional<DeskDetailView> detail;
    std::string deleteQuestion;          ///< DeskScreen::ConfirmDelete: names the record
    DeskExportView exporting;
    DeskHealthView health;
    DeskPassphraseView passphrase;       ///< DeskScreen::ChangePassphrase
    /// A passphrase is being checked or the key re-wrapped (argon2id, on a worker): keys and taps
    /// wait, a "please wait" shows.
    bool working = false;
    std::vector<ExportFormat> formats;   ///< what the export buttons offer
    std::string notice;                  ///< a message for staff (a failed action), "" = none
    bool noticeIsDone = false;           ///< the notice says something went well (drawn not as an error)
    bool selecting = false;              ///< the select mode: a tap on a row chooses it
    int selectedCount = 0;               ///< rows chosen (all of them shown in the list)
    int pdfChoiceCount = 0;              ///< DeskScreen::PdfChoice: the intakes about to be exported
    int idleSecondsLeft = 0;             ///< until the desk closes by itself
};

}  // namespace kiosk::staff
