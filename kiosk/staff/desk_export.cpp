// The desk's exports (desk.h): one intake, the list shown, or the intakes chosen in the select
// mode, as CSV, JSON or the therapist's PDF, through the export job (export/export_job.h) on a
// worker with its own store connection. Several intakes as PDF first ask one combined PDF (a page
// break per intake) or one PDF per intake in a new folder; either way nothing is half-written and
// records are marked exported only once the file or folder is whole. The choice is cleared when
// its export is done.
// [SECTION] index: the worker · start · progress and outcome
#include <filesystem>

#include "kiosk/core/local_day.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "kiosk/staff/desk_work.h"
#include "kiosk/staff/previous_visit.h"

namespace kiosk::staff {
namespace fs = std::filesystem;

// [SECTION] the worker
core::Result<store::Store> openWorkerStore(const std::string& dbPath, const std::string& kioskId) {
    store::StoreOptions o;
    o.dbPath = dbPath;
    o.kioskId = kioskId;
    o.createIfMissing = false;
    o.quickCheck = false;  // the kiosk's own connection checked it at start
    return store::Store::open(o);
}

namespace {

struct ExportJobArgs {
    std::string dbPath, kioskId, file;  ///< file: a folder when onePerIntake
    store::ListFilter filter;
    ExportFormat format = ExportFormat::Csv;
    bool onePerIntake = false;                     ///< PDF: one file per intake into the new folder `file`
    std::shared_ptr<const exports::FormShelf> shelf;
    std::shared_ptr<const core::Catalog> catalog;  ///< the worker's own copy (lookups are not thread-safe)
    exports::PdfOptions pdf;                       ///< its catalog set by the worker
};

/// The worker: its own connection to the same database (a Store is one thread's), the export job.
core::Result<exports::ExportSummary> runExportJob(const ExportJobArgs& a, const store::ClinicKey& key,
                                                  Desk::ExportRun& run) {
    auto s = openWorkerStore(a.dbPath, a.kioskId);
    if (!s) return s.error();
    exports::ExportOptions options;
    options.numbered = true;  // the name goes by the second: a second export then is NAME-2
    if (a.format == ExportFormat::Csv) {
        auto plan = exports::planCsv(*s, key, a.filter, a.shelf ? *a.shelf : exports::FormShelf{});
        if (!plan) return plan.error();
        options.writer = exports::csvWriter(std::move(plan->layout));
    }
    if (a.format == ExportFormat::Pdf) {
        exports::PdfOptions pdf = a.pdf;
        pdf.catalog = a.catalog.get();
        // The change since each patient's last visit, looked up on a connection of its own.
        if (auto lookup = openWorkerStore(a.dbPath, a.kioskId))
            pdf.previousVisit = previousVisitHook(std::make_shared<store::Store>(std::move(*lookup)), key, a.shelf,
                                                  a.pdf.staffLang);
        options.writer = exports::pdfWriter(std::move(pdf));
    }
    const auto progress = [&run](const exports::ExportProgress& p) {
        run.done = p.done;
        run.total = p.total;
        return !run.cancel.load();
    };
    if (a.onePerIntake) return exports::exportRecordsEach(*s, key, a.filter, a.file, exports::pdfFileName, options, progress);
    return exports::exportRecords(*s, key, a.filter, a.file, options, progress);
}

}  // namespace

// [SECTION] start
void Desk::startExport(const StartExport& request) {
    if (m_export || !needKey()) return;
    store::ListFilter filter;
    if (!request.id.empty()) {
        filter.ids = {request.id};
    } else if (request.selection) {
        filter.ids = m_selected;
        if (filter.ids.empty()) return say("desk.notice.nothing_selected");
    } else {
        for (const auto& row : m_view.list.rows) filter.ids.push_back(row.id);
        if (filter.ids.empty()) return say("desk.notice.nothing_to_export");
    }
    if (request.format == ExportFormat::Pdf && filter.ids.size() > 1) {  // one PDF, or one per intake?
        m_pendingPdf = request;
        m_view.pdfChoiceCount = static_cast<int>(filter.ids.size());
        m_view.screen = DeskScreen::PdfChoice;
        return;
    }
    runExport(request.format, std::move(filter), request.id, false, request.selection);
}

void Desk::choosePdfBatch(bool onePerIntake) {
    if (!m_pendingPdf || m_export || !needKey()) return;
    const StartExport request = *std::exchange(m_pendingPdf, std::nullopt);
    m_view.pdfChoiceCount = 0;
    store::ListFilter filter;
    if (request.selection) filter.ids = m_selected;
    else for (const auto& row : m_view.list.rows) filter.ids.push_back(row.id);
    if (filter.ids.empty()) {
        m_view.screen = DeskScreen::List;
        return say("desk.notice.nothing_to_export");
    }
    runExport(ExportFormat::Pdf, std::move(filter), "", onePerIntake, request.selection);
}

void Desk::runExport(ExportFormat format, store::ListFilter filter, const std::string& id, bool onePerIntake,
                     bool selection) {
    m_view.exporting = DeskExportView{};
    m_view.screen = DeskScreen::Export;
    auto folder = findExportFolder(m_options.places);
    if (!folder) {
        m_view.exporting.failed = m_view.exporting.finished = true;
        m_view.exporting.message = m_catalog.format(m_view.staffLang, "desk.export.failed", {folder.error().message});
        return;
    }
    ExportJobArgs args;
    args.dbPath = m_store.path();
    args.kioskId = m_store.kioskId();
    args.filter = std::move(filter);
    args.format = format;
    args.onePerIntake = onePerIntake;
    args.shelf = m_options.shelf;
    if (format == ExportFormat::Pdf) {
        args.catalog = std::make_shared<const core::Catalog>(m_catalog);
        args.pdf.paper = m_options.paper;
        args.pdf.clinicName = m_options.clinicName;
        args.pdf.logoPath = m_options.logoPath;
        args.pdf.bodyMapFigure = m_options.bodyMapFigure;
        args.pdf.staffLang = m_view.staffLang;
        args.pdf.shelf = m_options.shelf;
    }
    // "intake-<id>-<stamp>.csv", "intakes-<stamp>.pdf", or the folder "intakes-<stamp>" of PDFs;
    // "...-2.csv" and so on when that name is taken by the time the file is whole.
    const std::string stem =
        (id.empty() ? std::string("intakes-") : "intake-" + id.substr(0, 8) + "-") + core::localStamp(wallNow());
    args.file = (fs::path(folder->path) / (onePerIntake ? stem : stem + "." + toString(format))).string();
    m_view.exporting.file = args.file;
    m_view.exporting.running = true;
    m_view.exporting.total = static_cast<std::int64_t>(args.filter.ids.size());
    m_export = std::make_unique<ExportRun>();
    m_export->selection = selection;
    m_exportEach = onePerIntake;
    ExportRun& run = *m_export;
    const store::ClinicKey& key = *m_key;
    run.result = launchWork<core::Result<exports::ExportSummary>>(
        m_options.exportOnThread, [args, &key, &run] { return runExportJob(args, key, run); });
    pollExport();
}

// [SECTION] progress and outcome
void Desk::pollExport() {
    if (!m_export) return;
    DeskExportView& x = m_view.exporting;
    x.done = m_export->done;
    if (m_export->total > 0) x.total = m_export->total;
    if (m_export->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    const core::Result<exports::ExportSummary> outcome = m_export->result.get();
    const bool selection = m_export->selection;
    m_export.reset();
    m_lastTouch = m_now;  // staff waited for it: the idle clock starts again now
    x.running = false;
    x.finished = true;
    if (outcome) {
        x.file = outcome->output;  // the name it took (numbered when another export had this one)
        // "1 intakes" reads as a mistake to staff: one record gets its own sentence
        x.message = m_catalog.count(m_view.staffLang, m_exportEach ? "desk.export.done_each" : "desk.export.done",
                                    static_cast<long long>(outcome->exported), {outcome->output});
        if (!outcome->damaged.empty())
            x.message += " " + m_catalog.count(m_view.staffLang, "desk.export.damaged",
                                               static_cast<long long>(outcome->damaged.size()));
        if (selection) {  // done with the choice: cleared, the select mode left
            m_selected.clear();
            m_view.selecting = false;
        }
    } else {
        x.failed = true;
        const core::Error& e = outcome.error();
        const bool drive = e.code == core::ErrorCode::Io || e.code == core::ErrorCode::DiskFull;
        x.message = m_catalog.format(m_view.staffLang, "desk.export.failed",
                                     {drive ? tr("desk.export.drive") + " (" + e.format() + ")" : e.format()});
    }
    loadList();  // states changed to exported
    // The intake open behind the export screen shows its new state too (as the list does).
    if (m_view.detail)
        for (const DeskRow& row : m_view.list.rows)
            if (row.id == m_view.detail->row.id) m_view.detail->row.state = row.state;
}

void Desk::stopExport() {
    if (!m_export) return;
    m_export->cancel = true;  // the key must outlive the worker: cancel, wait, then forget
    if (m_export->result.valid()) m_export->result.wait();
    m_export.reset();
}

}  // namespace kiosk::staff
