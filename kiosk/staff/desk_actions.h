#pragma once
// What the staff desk's screens (ui/desk_*.cpp) can ask of the desk (desk.h), as small structs in a
// std::variant applied by Desk::apply(), like the patient flow's actions (session/actions.h).
#include <string>
#include <variant>

#include "kiosk/staff/pin_gate.h"

namespace kiosk::staff {

/// @brief The formats staff can export to.
enum class ExportFormat { Csv, Json, Pdf };
const char* toString(ExportFormat format);

struct Touch { TimePoint now; };             ///< any input: restarts the 2-minute idle clock
struct Tick { TimePoint now; };              ///< time passes: idle leave, export progress
struct OpenUnlock {};                        ///< "Unlock records": the passphrase keyboard
struct TypeKey { std::string text; };        ///< a key on that keyboard or the change form's (never logged or kept by ui)
struct Backspace {};
struct SubmitUnlock {};
struct CancelUnlock {};
struct ShowToday {};                         ///< today's intakes (the desk opens on them)
struct FindDays { std::string from, to; };   ///< local days "YYYY-MM-DD", both included
struct FindRecent { int days = 7; };        ///< the last @p days local days, today included
struct FindName { std::string text; };       ///< "first last" contains it, any case or accents (name_search.h; needs the records unlocked)
struct OpenIntake { std::string id; };       ///< the detail of one intake (audited as a view)
struct BackToList {};
struct MarkReviewed { std::string id; };     ///< audited
struct AskDelete { std::string id; };        ///< a confirmation that names the record
struct ConfirmDelete {};                     ///< audited
struct CancelDelete {};
/// id "" = the list shown, or with selection the intakes chosen in the select mode. Several intakes
/// as PDF first ask one combined PDF or one per intake (DeskScreen::PdfChoice).
struct StartExport {
    ExportFormat format = ExportFormat::Csv;
    std::string id;
    bool selection = false;
};
struct ChoosePdfBatch { bool onePerIntake = false; };  ///< the answer: starts that export
struct CancelPdfChoice {};
struct ToggleSelectMode {};                  ///< rows become check boxes; leaving the mode clears the choice
struct ToggleSelect { std::string id; };     ///< a row shown, chosen or not
struct SelectAllShown {};
struct ClearSelection {};
struct CancelExport {};
struct CloseExport {};
struct ShowHealth {};
struct OpenChangePassphrase {};              ///< "Change the passphrase" (needs the records unlocked)
struct ChooseField { int field = 0; };       ///< 0 the current passphrase, 1 the new one, 2 it again
struct SubmitChangePassphrase {};            ///< checked, then the key re-wrapped on a worker (audited)
struct CancelChangePassphrase {};
struct SetStaffLang { std::string lang; };
struct Leave {};                             ///< back to the welcome screen; the key is forgotten
struct CloseKiosk {};                        ///< end the kiosk program (a desktop behind it)

using DeskAction = std::variant<Touch, Tick, OpenUnlock, TypeKey, Backspace, SubmitUnlock, CancelUnlock, ShowToday,
                                FindDays, FindRecent, FindName, OpenIntake, BackToList, MarkReviewed, AskDelete, ConfirmDelete,
                                CancelDelete, StartExport, ChoosePdfBatch, CancelPdfChoice, ToggleSelectMode,
                                ToggleSelect, SelectAllShown, ClearSelection, CancelExport, CloseExport, ShowHealth, OpenChangePassphrase,
                                ChooseField, SubmitChangePassphrase, CancelChangePassphrase, SetStaffLang, Leave,
                                CloseKiosk>;

}  // namespace kiosk::staff
