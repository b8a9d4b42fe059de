// [SECTION] index: helpers · visit · list · detail · health · actions
// (exports: desk_export.cpp; the passphrase work: desk_keys.cpp)
#include "kiosk/staff/desk.h"
#include "kiosk/staff/desk_work.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>

#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/json_export.h"
#include "kiosk/core/local_day.h"
#include "kiosk/staff/name_search.h"
#include "kiosk/staff/previous_visit.h"

namespace kiosk::staff {
namespace fs = std::filesystem;

// [SECTION] helpers
const char* toString(ExportFormat format) {
    switch (format) {
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Json: return "json";
        case ExportFormat::Pdf: return "pdf";
    }
    return "csv";
}

namespace {

constexpr std::int64_t kNameSearchLimit = 2000;  ///< newest intakes a name search opens at most

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

void wipe(exports::IntakeReading& r) {
    for (std::string* s : {&r.firstName, &r.lastName, &r.dateOfBirth, &r.phone, &r.email}) wipe(*s);
    for (auto& a : r.answers) wipe(a.answer);
    for (auto& m : r.marks) wipe(m.region);
    for (auto& stroke : r.signature.strokes)
        if (!stroke.empty()) sodium_memzero(stroke.data(), stroke.size() * sizeof stroke[0]);
    r = exports::IntakeReading{};
}

void wipe(std::optional<exports::ReadPreviousVisit>& p) {
    if (!p) return;
    for (auto& c : p->changes) {
        wipe(c.text);
        c = exports::ReadChange{};
    }
    p.reset();
}

void wipe(DeskDetailView& d) {
    wipe(d.reading);
    wipe(d.previous);
}

RowState rowState(store::RecordStatus s) {
    switch (s) {
        case store::RecordStatus::Reviewed: return RowState::Reviewed;
        case store::RecordStatus::Exported: return RowState::Exported;
        default: return RowState::Submitted;
    }
}

}  // namespace

// [SECTION] visit
Desk::Desk(store::Store& store, const core::Catalog& catalog, DeskOptions options)
    : m_store(store),
      m_catalog(catalog),
      m_options(std::move(options)),
      // The passphrase is checked on a worker (desk_keys.cpp), which the store audits: no hooks.
      m_gate(GateOptions{"", std::chrono::seconds(60)}) {
    m_view.staffLang = m_options.staffLang;
    m_view.languages = m_catalog.languages();
    m_view.formats = {ExportFormat::Pdf, ExportFormat::Csv, ExportFormat::Json};
}

Desk::~Desk() { leave(); }

core::SystemTime Desk::wallNow() const {
    return m_options.wallNow ? m_options.wallNow() : core::SystemClock::now();
}

std::string Desk::tr(const std::string& key) const { return m_catalog.tr(m_view.staffLang, key); }

void Desk::say(const std::string& key, const std::vector<std::string>& args) {
    m_view.notice = m_catalog.format(m_view.staffLang, key, args);
    m_view.noticeIsDone = false;
}

void Desk::sayDone(const std::string& key, const std::vector<std::string>& args) {
    say(key, args);
    m_view.noticeIsDone = true;
}

void Desk::enter(TimePoint now) {
    leave();
    m_left = false;
    m_close = false;
    if (!m_options.shelf && m_options.loadShelf) m_options.shelf = m_options.loadShelf();
    m_now = m_lastTouch = now;
    m_view.staffLang = m_options.staffLang;
    m_view.screen = DeskScreen::List;
    m_view.list = DeskListView{};
    if (m_options.takeGateKey) m_key = m_options.takeGateKey();  // the gate's passphrase opened it (audited there)
    loadList();
}

void Desk::leave() {
    stopExport();
    waitKeyWork();  // an argon2id run: a second or two
    m_passForm.clearAll();
    m_view.passphrase = DeskPassphraseView{};
    m_gate.cancel();
    m_key.reset();  // SecretBytes: sodium_free zeroes the secret key's memory
    wipePatientData();
    m_view.screen = DeskScreen::List;
    m_view.exporting = DeskExportView{};
    m_view.notice.clear();
    m_left = true;
}

void Desk::wipePatientData() {
    for (auto& row : m_view.list.rows) wipe(row.name);
    m_view.list.rows.clear();
    wipe(m_view.list.name);
    if (m_view.detail) wipe(*m_view.detail);
    m_view.detail.reset();
    wipe(m_view.deleteQuestion);
    m_pendingDelete.clear();
    m_selected.clear();
    m_view.selecting = false;
    m_pendingPdf.reset();
    m_view.pdfChoiceCount = 0;
}

bool Desk::needKey() {
    if (m_key) return true;
    m_gate.open(m_now);
    m_view.screen = DeskScreen::Unlock;
    return false;
}

const forms::Form* Desk::formFor(const store::RecordMeta& meta) const {
    return m_options.shelf ? m_options.shelf->find(meta.formId, meta.formVersion, meta.contentHash) : nullptr;
}

// [SECTION] list
namespace {

DeskRow rowOf(const store::RecordSummary& s, const forms::Form* form, const std::string& lang) {
    DeskRow row;
    row.id = s.meta.id;
    std::tie(row.day, row.time) = core::localDayAndTime(s.meta.submittedAt);
    row.form = form ? form->title.get(lang, form->languages.empty() ? "en" : form->languages.front()) : s.meta.formId;
    row.state = rowState(s.status);
    return row;
}

}  // namespace

void Desk::loadList() {
    DeskListView& l = m_view.list;
    for (auto& row : l.rows) wipe(row.name);
    l.rows.clear();
    l.more = false;
    store::ListFilter f;
    if (l.kind == ListKind::Today) l.from = l.to = core::localDay(wallNow());
    if (!l.from.empty()) {
        const auto bounds = core::localDaysToUtc(l.from, l.to.empty() ? l.from : l.to);
        if (!bounds) return say("desk.notice.bad_days");
        f.since = bounds->first;
        f.until = bounds->second;
    }
    const bool byName = l.kind == ListKind::Name && !l.name.empty() && m_key;
    f.limit = byName ? kNameSearchLimit : static_cast<std::int64_t>(m_options.maxRows) + 1;
    auto found = m_store.list(f);
    if (!found) return say("desk.notice.store_failed", {found.error().message});
    for (const store::RecordSummary& s : *found) {
        const forms::Form* form = formFor(s.meta);
        DeskRow row = rowOf(s, form, m_view.staffLang);
        if (m_key) {
            // Names and flags for the list; the list is audited once below, the detail per record.
            auto record = exports::parseRecord(m_store.readPayload(s.meta.id, *m_key));
            if (record) {
                exports::IntakeReading reading =
                    exports::readIntake(*record, form, m_catalog, {m_view.staffLang, m_view.staffLang});
                row.name = reading.shortName();
                row.urgent = reading.hasUrgent();
                row.caution = reading.hasCaution();
                const bool match = !byName || nameMatches(reading.firstName, reading.lastName, l.name);
                wipe(reading);
                if (!match) {
                    wipe(row.name);
                    continue;
                }
            } else {
                row.damaged = true;
                if (byName) continue;
            }
        }
        if (l.rows.size() >= m_options.maxRows) {
            l.more = true;
            break;
        }
        l.rows.push_back(std::move(row));
    }
    // The choice keeps only the rows shown: what is exported is what staff see ticked.
    std::vector<std::string> kept;
    for (DeskRow& row : l.rows)
        if (std::find(m_selected.begin(), m_selected.end(), row.id) != m_selected.end()) {
            row.selected = true;
            kept.push_back(row.id);
        }
    m_selected = std::move(kept);
    if (m_key) {
        std::stable_sort(l.rows.begin(), l.rows.end(), [](const DeskRow& a, const DeskRow& b) { return a.urgent && !b.urgent; });
        if (!l.rows.empty())
            if (auto audited = m_store.audit(store::AuditAction::View, "desk list count=" + std::to_string(l.rows.size()));
                !audited)
                say("desk.notice.store_failed", {audited.error().message});
    }
}

void Desk::setSelection(std::vector<std::string> ids) {
    std::vector<std::string> kept;  // only rows shown can be chosen
    for (DeskRow& row : m_view.list.rows) {
        row.selected = std::find(ids.begin(), ids.end(), row.id) != ids.end();
        if (row.selected) kept.push_back(row.id);
    }
    m_selected = std::move(kept);
}

// [SECTION] detail
void Desk::openIntake(const std::string& id) {
    if (!needKey()) return;
    store::ListFilter f;
    f.ids = {id};
    auto found = m_store.list(f);
    if (!found || found->empty()) return say("desk.notice.gone");
    const store::RecordSummary& s = found->front();
    auto record = exports::parseRecord(m_store.viewPayload(id, *m_key));  // audited: a person reads it
    if (!record) return say("desk.notice.damaged", {id.substr(0, 8)});
    const forms::Form* form = formFor(s.meta);
    if (m_view.detail) wipe(*m_view.detail);
    m_view.detail = DeskDetailView{rowOf(s, form, m_view.staffLang),
                                   exports::readIntake(*record, form, m_catalog, {m_view.staffLang, m_view.staffLang}),
                                   std::nullopt};
    m_view.detail->row.name = m_view.detail->reading.shortName();
    m_view.detail->row.urgent = m_view.detail->reading.hasUrgent();
    m_view.detail->row.caution = m_view.detail->reading.hasCaution();
    // Change since the last visit: the same patient's newest earlier record, its scores shown too
    // (audited as a view of that record).
    m_view.detail->previous = previousVisitOf(m_store, *m_key, s.meta, m_view.detail->reading, m_options.shelf.get(),
                                              m_view.staffLang);
    if (m_view.detail->previous)
        if (auto audited = m_store.audit(store::AuditAction::View, "previous-visit record=" + m_view.detail->previous->recordId);
            !audited)
            say("desk.notice.store_failed", {audited.error().message});
    if (!form) say("desk.notice.form_unknown");
    m_view.screen = DeskScreen::Detail;
}

// [SECTION] health
void Desk::loadHealth() {
    DeskHealthView h;
    std::error_code ec;
    for (const char* suffix : {"", "-wal"}) {
        const auto size = fs::file_size(m_store.path() + suffix, ec);
        if (!ec) h.databaseBytes += static_cast<std::int64_t>(size);
    }
    const fs::path dir = fs::absolute(m_store.path(), ec).parent_path();
    const auto space = fs::space(dir, ec);
    if (!ec) h.freeBytes = static_cast<std::int64_t>(space.available);
    const std::pair<store::RecordStatus, std::int64_t*> counts[] = {{store::RecordStatus::Submitted, &h.submitted},
                                                                    {store::RecordStatus::Reviewed, &h.reviewed},
                                                                    {store::RecordStatus::Exported, &h.exported},
                                                                    {store::RecordStatus::Deleted, &h.deleted}};
    for (const auto& [status, into] : counts) {
        store::ListFilter f;
        f.status = status;
        if (auto n = m_store.count(f)) *into = *n;
        else h.problem = n.error().message;
    }
    if (auto drafts = m_store.draftCount()) h.draftsWaiting = *drafts;
    else h.problem = drafts.error().message;
    if (auto backup = m_store.lastAudited(store::AuditAction::Backup)) h.lastBackup = *backup;
    else h.problem = backup.error().message;
    if (auto sync = m_store.syncState()) {
        h.syncWaiting = sync->waiting + sync->marksWaiting;  // records, and marks made at this desk
        h.syncLastPush = sync->lastPush;
        h.syncLastError = sync->lastError;
    } else {
        h.problem = sync.error().message;
    }
    m_view.health = h;
}

// [SECTION] actions
struct DeskApply {
    Desk& d;

    void operator()(const Touch& a) {
        d.m_now = d.m_lastTouch = a.now;
        d.m_gate.touch(a.now);
    }
    void operator()(const Tick& a) {
        d.m_now = a.now;
        d.pollExport();
        d.pollKeyWork();
        if (d.m_keyWork) return;  // staff wait for it: no idle close meanwhile
        d.m_gate.tick(a.now);
        if (d.m_view.screen == DeskScreen::Unlock && !d.m_gate.isOpen()) d.m_view.screen = DeskScreen::List;
        if (!d.m_left && !d.m_export && a.now - d.m_lastTouch >= d.m_options.idleAfter) d.leave();
    }
    void operator()(const OpenUnlock&) { d.needKey(); }
    void operator()(const TypeKey& a) {
        if (d.m_view.screen == DeskScreen::ChangePassphrase) return d.m_passForm.type(a.text);
        d.m_gate.type(a.text, d.m_now);
    }
    void operator()(const Backspace&) {
        if (d.m_view.screen == DeskScreen::ChangePassphrase) return d.m_passForm.backspace();
        d.m_gate.backspace(d.m_now);
    }
    void operator()(const SubmitUnlock&) { d.startUnlockCheck(); }
    void operator()(const CancelUnlock&) {
        d.m_gate.cancel();
        d.m_view.screen = DeskScreen::List;
    }
    void operator()(const ShowToday&) {
        d.m_view.list.kind = ListKind::Today;
        wipe(d.m_view.list.name);
        d.m_view.screen = DeskScreen::List;
        d.loadList();
    }
    void operator()(const FindDays& a) {
        d.m_view.list.kind = ListKind::Days;
        d.m_view.list.from = a.from;
        d.m_view.list.to = a.to.empty() ? a.from : a.to;
        wipe(d.m_view.list.name);
        d.m_view.screen = DeskScreen::List;
        d.loadList();
    }
    void operator()(const FindRecent& a) {
        const std::string today = core::localDay(d.wallNow());
        (*this)(FindDays{core::addDays(today, -(std::clamp(a.days, 1, 3660) - 1)), today});
    }
    void operator()(const FindName& a) {
        d.m_view.list.kind = ListKind::Name;
        d.m_view.list.name = a.text;
        d.m_view.list.from.clear();  // a name is looked for on any day (the newest kNameSearchLimit)
        d.m_view.list.to.clear();
        if (!d.needKey()) return;  // the list is searched once unlocked
        d.m_view.screen = DeskScreen::List;
        d.loadList();
    }
    void operator()(const OpenIntake& a) { d.openIntake(a.id); }
    void operator()(const BackToList&) {
        if (d.m_view.detail) wipe(*d.m_view.detail);
        d.m_view.detail.reset();
        d.m_view.screen = DeskScreen::List;
    }
    void operator()(const MarkReviewed& a) {
        if (!d.needKey()) return;
        if (auto done = d.m_store.markReviewed(a.id, *d.m_key); !done)
            return d.say("desk.notice.store_failed", {done.error().message});
        if (d.m_view.detail && d.m_view.detail->row.id == a.id) d.m_view.detail->row.state = RowState::Reviewed;
        d.loadList();
    }
    void operator()(const AskDelete& a) {
        if (!d.needKey()) return;
        DeskRow row;
        if (d.m_view.detail && d.m_view.detail->row.id == a.id) row = d.m_view.detail->row;
        for (const auto& r : d.m_view.list.rows)
            if (r.id == a.id) row = r;
        if (row.id.empty()) return d.say("desk.notice.gone");
        d.m_pendingDelete = a.id;
        d.m_view.deleteQuestion = d.m_catalog.format(
            d.m_view.staffLang, "desk.confirm_delete.question",
            {row.name.empty() ? d.tr("desk.no_name") : row.name, row.day + " " + row.time, a.id.substr(0, 8)});
        d.m_view.screen = DeskScreen::ConfirmDelete;
    }
    void operator()(const ConfirmDelete&) {
        if (d.m_pendingDelete.empty() || !d.needKey()) return;
        const std::string id = std::exchange(d.m_pendingDelete, {});
        wipe(d.m_view.deleteQuestion);
        if (auto done = d.m_store.deleteRecord(id, *d.m_key); !done)
            d.say("desk.notice.store_failed", {done.error().message});
        else
            d.sayDone("desk.notice.deleted", {id.substr(0, 8)});
        if (d.m_view.detail && d.m_view.detail->row.id == id) {
            wipe(*d.m_view.detail);
            d.m_view.detail.reset();
        }
        d.m_view.screen = DeskScreen::List;
        d.loadList();
    }
    void operator()(const CancelDelete&) {
        d.m_pendingDelete.clear();
        wipe(d.m_view.deleteQuestion);
        d.m_view.screen = d.m_view.detail ? DeskScreen::Detail : DeskScreen::List;
    }
    void operator()(const StartExport& a) { d.startExport(a); }
    void operator()(const ChoosePdfBatch& a) { d.choosePdfBatch(a.onePerIntake); }
    void operator()(const CancelPdfChoice&) {
        d.m_pendingPdf.reset();
        d.m_view.pdfChoiceCount = 0;
        if (d.m_view.screen == DeskScreen::PdfChoice) d.m_view.screen = DeskScreen::List;  // asked from the list only
    }
    void operator()(const ToggleSelectMode&) {
        d.m_view.selecting = !d.m_view.selecting;
        if (!d.m_view.selecting) d.setSelection({});
    }
    void operator()(const ToggleSelect& a) {
        if (!d.m_view.selecting) return;
        std::vector<std::string> chosen = d.m_selected;
        const auto at = std::find(chosen.begin(), chosen.end(), a.id);
        if (at != chosen.end()) chosen.erase(at);
        else chosen.push_back(a.id);
        d.setSelection(std::move(chosen));
    }
    void operator()(const SelectAllShown&) {
        if (!d.m_view.selecting) return;
        std::vector<std::string> all;
        for (const auto& row : d.m_view.list.rows) all.push_back(row.id);
        d.setSelection(std::move(all));
    }
    void operator()(const ClearSelection&) { d.setSelection({}); }
    void operator()(const CancelExport&) {
        if (d.m_export) d.m_export->cancel = true;
    }
    void operator()(const CloseExport&) {
        if (d.m_export) return;
        d.m_view.exporting = DeskExportView{};
        d.m_view.screen = d.m_view.detail ? DeskScreen::Detail : DeskScreen::List;
    }
    void operator()(const ShowHealth&) {
        d.loadHealth();
        d.m_view.screen = DeskScreen::Health;
    }
    void operator()(const OpenChangePassphrase&) { d.openChangePassphrase(); }
    void operator()(const ChooseField& a) { d.m_passForm.choose(a.field); }
    void operator()(const SubmitChangePassphrase&) { d.submitChangePassphrase(); }
    void operator()(const CancelChangePassphrase&) {
        d.m_passForm.clearAll();
        d.m_view.passphrase = DeskPassphraseView{};
        if (d.m_view.screen == DeskScreen::ChangePassphrase) d.m_view.screen = DeskScreen::List;
    }
    void operator()(const SetStaffLang& a) {
        d.m_view.staffLang = a.lang;
        d.loadList();
        if (d.m_view.detail && d.m_key) {
            const std::string id = d.m_view.detail->row.id;
            const DeskScreen screen = d.m_view.screen;
            d.openIntake(id);
            d.m_view.screen = screen;
        }
    }
    void operator()(const Leave&) { d.leave(); }
    void operator()(const CloseKiosk&) {
        d.leave();
        d.m_close = true;
    }
};

void Desk::apply(const DeskAction& action) {
    if (m_left) return;  // a visit has ended: nothing applies until enter()
    const bool input = !std::holds_alternative<Touch>(action) && !std::holds_alternative<Tick>(action);
    if (input) m_view.notice.clear();
    if (m_export && input && !std::holds_alternative<CancelExport>(action) && !std::holds_alternative<Leave>(action))
        return;  // while the worker runs, the desk's store and key are left alone
    if (m_keyWork && input && !std::holds_alternative<Leave>(action) && !std::holds_alternative<CloseKiosk>(action))
        return;  // a passphrase is being checked or changed: staff wait for the answer
    std::visit(DeskApply{*this}, action);
}

DeskView Desk::view() const {
    DeskView v = m_view;
    v.unlocked = m_key.has_value();
    v.unlock = m_gate.view(m_now);
    v.working = m_keyWork != nullptr;
    v.selectedCount = static_cast<int>(m_selected.size());
    if (v.working) v.unlock.canSubmit = false;
    v.passphrase.field = m_passForm.field();
    for (int i = 0; i < PassphraseForm::kFields; ++i) v.passphrase.entered[i] = m_passForm.entered(i);
    if (m_export) {
        v.exporting.done = m_export->done;
        if (m_export->total > 0) v.exporting.total = m_export->total;
    }
    const auto idle = m_options.idleAfter - std::chrono::duration_cast<std::chrono::seconds>(m_now - m_lastTouch);
    v.idleSecondsLeft = static_cast<int>(std::max<std::int64_t>(0, idle.count()));
    return v;
}

std::optional<TimePoint> Desk::nextDeadline(TimePoint now) const {
    if (m_left) return std::nullopt;
    if (m_export) return now + std::chrono::milliseconds(250);  // the progress bar moves
    if (m_keyWork) return now + std::chrono::milliseconds(100);  // its answer is looked for
    std::optional<TimePoint> wake = m_lastTouch + m_options.idleAfter;
    if (const auto gate = m_gate.nextDeadline(now); gate && *gate < *wake) wake = gate;
    return wake;
}

}  // namespace kiosk::staff
