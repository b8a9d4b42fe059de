// Export figures for `make bench` (PERFORMANCE.md): the CSV and FHIR R4 Bundle exports of 10 000
// and 100 000 intakes through the real export job (unlock excluded: argon2id is the same for any
// count), beside the floor measured in the same run, `sqlite3 -csv` dumping the plain columns of
// the same rows; the FHIR export is also given as a ratio to the CSV export of the same rows; and
// the therapist's PDF of 1 000 intakes in one file: time per page and peak memory (no target yet). Each
// export runs in a fresh child process (this program again, "child" mode), so its peak memory
// (ru_maxrss from wait4) is its own: streaming means 100 000 stay within 1.2x of 10 000.
// A second reference, labelled apart and never in place of the floor: the decrypt walk, a child
// that opens the same store, unlocks it and reads and opens every sealed payload through
// Store::forEachRecord (what any export must do at least), writing nothing and marking nothing.
// Records are the bundled intake form answered with tests/data/answers/intake-red-flags, saved
// through Store::submit on tmpfs when there is one (the path a kiosk takes, without 100 000 fsyncs).
// Plain output; figures only, nothing asserted.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/core/i18n.h"
#include "kiosk/core/log.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/export/record_payload.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/simulate.h"
#include "kiosk/store/store.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPass = "bench passphrase";

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

/// This process's CPU time so far (user + system), in ms: on a shared machine, steadier than wall time.
double cpuMs() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

std::string bundled(const std::string& rel) { return std::string(KIOSK_SOURCE_DIR) + "/" + rel; }

/// Fills @p db with @p n copies of one real record (each its own id and time).
bool fill(const std::string& db, int n) {
    auto form = forms::loadForm(bundled("forms/intake.yaml"));
    auto catalog = core::Catalog::loadDir(bundled("assets/i18n"));
    if (!form.ok() || !catalog) return false;
    std::ifstream in(bundled("tests/data/answers/intake-red-flags/answers.json"));
    auto sim = session::simulate(form.form, nlohmann::json::parse(in), "en", *catalog, kiosk::core::systemClock(),
                                 session::HiddenAnswers::Drop);
    if (!sim.ok()) return false;
    const std::string payload = exports::recordPayload(*sim.record);  // as the kiosk seals it
    store::StoreOptions o;
    o.dbPath = db;
    o.kioskId = "kiosk-bench";
    auto s = store::Store::open(o);
    if (!s || !s->initKeys(kPass, store::KdfLimits::minimum())) return false;
    for (int i = 0; i < n; ++i) {
        store::RecordMeta m;
        m.formId = form.form->id;
        m.formVersion = form.form->version;
        m.contentHash = form.form->contentHash;
        m.lang = "en";
        char at[32];
        std::snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:%02dZ", 1 + (i / 86400) % 12, 1 + (i / 3600) % 28,
                      (i / 60) % 24, i % 60, (i * 7) % 60);
        m.startedAt = m.submittedAt = at;
        if (!s->submit(m, payload, store::DraftAfterSubmit::Keep)) return false;
    }
    std::printf("  %d records of %zu bytes each in %s\n", n, payload.size(), db.c_str());
    return true;
}

/// Child mode: unlock, then write the export in @p format (csv: planned first; fhir: typed by the
/// bundled forms; pdf: the therapist's) and mark the records; prints the export's wall and CPU
/// milliseconds. "csv-nomark" leaves the records unmarked (for profiling: the mark's share);
/// "walk" is the decrypt walk (the file comment): every payload read and opened, nothing written.
int child(const std::string& format, const std::string& db, const std::string& out) {
    store::StoreOptions o;
    o.dbPath = db;
    o.createIfMissing = false;
    auto s = store::Store::open(o);
    if (!s) return 1;
    auto key = s->unlock(kPass);
    if (!key) return 1;
    auto shelf = std::make_shared<const exports::FormShelf>(exports::FormShelf::loadFolder(bundled("forms")));
    const auto t0 = Clock::now();
    const double cpu0 = cpuMs();
    exports::ExportOptions options;
    core::Catalog catalog;  // outlives the job: the PDF writer reads it
    if (format == "walk") {
        std::size_t bytes = 0;
        auto walked = s->forEachRecord({}, *key, [&](const store::RecordSummary&, const core::Result<std::string>& p) {
            if (p) bytes += p->size();
            return static_cast<bool>(p);
        });
        if (!walked || bytes == 0) return 1;
        std::printf("%.1f %.1f\n", msSince(t0), cpuMs() - cpu0);
        return 0;
    }
    if (format == "csv-nomark") options.noMark = true;
    if (format == "fhir") {
        options.writer = exports::fhirWriter(shelf);
    } else if (format == "pdf") {
        auto loaded = core::Catalog::loadDir(bundled("assets/i18n"));
        if (!loaded) return 1;
        catalog = std::move(*loaded);
        exports::PdfOptions pdf;
        pdf.catalog = &catalog;
        pdf.clinicName = "Bench Clinic";
        pdf.shelf = shelf;
        options.writer = exports::pdfWriter(std::move(pdf));
    } else {
        auto plan = exports::planCsv(*s, *key, {}, *shelf);
        if (!plan) return 1;
        options.writer = exports::csvWriter(plan->layout);
    }
    auto done = exports::exportRecords(*s, *key, {}, out, options);
    if (!done) {
        std::fprintf(stderr, "%s\n", done.error().format().c_str());
        return 1;
    }
    std::printf("%.1f %.1f\n", msSince(t0), cpuMs() - cpu0);
    return 0;
}

struct Run {
    double ms = 0;
    double cpuMs = 0;  ///< the child's user + system time, from exec to exit
    long maxRssKb = 0;
    bool ok = false;
};

/// Runs @p argv with stdout to @p stdoutPath; wall time and the child's peak RSS.
Run spawn(const std::vector<std::string>& argv, const std::string& stdoutPath) {
    const auto t0 = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE* f = std::freopen(stdoutPath.c_str(), "w", stdout);
        if (!f) ::_exit(127);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    Run r;
    int status = 0;
    struct rusage usage {};
    if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid) {
        r.ms = msSince(t0);
        r.cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                  (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
        r.maxRssKb = usage.ru_maxrss;
        r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return r;
}

/// What a child printed: its export's wall and CPU milliseconds (0 0 if it failed).
struct Took {
    double wallMs = 0, cpuMs = 0;
};
Took tookOf(const Run& run, const std::string& path) {
    Took t;
    std::ifstream in(path);
    if (run.ok) in >> t.wallMs >> t.cpuMs;
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    kiosk::core::LogOptions quiet;
    quiet.stderrLevel = spdlog::level::warn;
    (void)kiosk::core::initLogging(quiet);
    if (argc == 5 && std::string(argv[1]) == "child") return child(argv[2], argv[3], argv[4]);
    if (argc == 4 && std::string(argv[1]) == "fill") return fill(argv[2], std::stoi(argv[3])) ? 0 : 1;  // profiling
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    const std::string base = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    const std::string dir = base + "/kiosk-export-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const bool haveSqlite = std::system("command -v sqlite3 >/dev/null 2>&1") == 0;

    std::printf("export bench in %s\n", dir.c_str());
    std::printf("\n%-10s %12s %12s %12s %12s %12s %9s %9s %12s %12s %9s %9s %10s %10s\n", "records", "csv ms",
                "csv peak MB", "sqlite3 ms", "sqlite3 MB", "ms/record", "ratio", "cpu ratio", "fhir ms", "fhir peak MB",
                "fhir/csv", "cpu f/c", "walk ms", "cpu c/walk");
    long rss10k = 0, rss100k = 0, fhirRss10k = 0, fhirRss100k = 0;
    for (const int n : {10000, 100000}) {
        const std::string db = dir + "/intakes-" + std::to_string(n) + ".sqlite3";
        if (!fill(db, n)) {
            std::fprintf(stderr, "could not build the %d-record database\n", n);
            return 1;
        }
        const std::string csv = dir + "/out-" + std::to_string(n) + ".csv";
        const Run ours = spawn({self, "child", "csv", db, csv}, dir + "/child.txt");
        const Took csvTook = tookOf(ours, dir + "/child.txt");
        // The records are marked exported by now: the FHIR export takes them all the same.
        const std::string bundle = dir + "/out-" + std::to_string(n) + ".fhir.json";
        const Run fhir = spawn({self, "child", "fhir", db, bundle}, dir + "/child.txt");
        const Took fhirTook = tookOf(fhir, dir + "/child.txt");
        // The decrypt walk last: the records it reads are the ones the exports read (marked by now).
        const Run walk = spawn({self, "child", "walk", db, dir + "/walk.out"}, dir + "/child.txt");
        Run floor;
        if (haveSqlite)
            floor = spawn({"sqlite3", "-csv", db,
                           "SELECT id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, "
                           "status FROM records JOIN record_state ON record_id = id ORDER BY submitted_at, id"},
                          dir + "/floor.csv");
        (n == 10000 ? rss10k : rss100k) = ours.maxRssKb;
        (n == 10000 ? fhirRss10k : fhirRss100k) = fhir.maxRssKb;
        std::printf("%-10d %12.0f %12.1f %12.0f %12.1f %12.4f %8.1fx %8.1fx %12.0f %12.1f %8.2fx %8.2fx %10.0f %9.2fx\n",
                    n, ours.ms, ours.maxRssKb / 1024.0, floor.ms, floor.maxRssKb / 1024.0, csvTook.wallMs / n,
                    floor.ok ? ours.ms / floor.ms : 0.0, floor.ok && floor.cpuMs > 0 ? ours.cpuMs / floor.cpuMs : 0.0,
                    fhir.ms, fhir.maxRssKb / 1024.0, csvTook.wallMs > 0 ? fhirTook.wallMs / csvTook.wallMs : 0.0,
                    csvTook.cpuMs > 0 ? fhirTook.cpuMs / csvTook.cpuMs : 0.0, walk.ms,
                    walk.ok && walk.cpuMs > 0 ? ours.cpuMs / walk.cpuMs : 0.0);
        if (!walk.ok) std::printf("  (the decrypt walk failed)\n");
        if (!ours.ok) std::printf("  (the CSV export failed)\n");
        if (!fhir.ok) std::printf("  (the FHIR export failed)\n");
        std::filesystem::remove(db);
        std::filesystem::remove(csv);
        std::filesystem::remove(bundle);
    }
    if (!haveSqlite) std::printf("(sqlite3 is not installed: no floor; apt-get install sqlite3)\n");
    std::printf("peak memory 100 000 / 10 000: csv %.2fx, fhir %.2fx   (target <= 1.2x; time target <= 3x the floor)\n",
                rss10k ? static_cast<double>(rss100k) / static_cast<double>(rss10k) : 0.0,
                fhirRss10k ? static_cast<double>(fhirRss100k) / static_cast<double>(fhirRss10k) : 0.0);
    std::printf("(fhir/csv: export-job wall milliseconds of each, same rows, same run; cpu f/c: their CPU time)\n");
    std::printf("(walk: a second reference, not the floor: a child that opens and unlocks the same store and reads and\n"
                " opens every sealed payload, writing and marking nothing; cpu c/walk: the CSV child's CPU over it. The\n"
                " CSV export also marks every record exported: one small row of record_state each (schema 8), the\n"
                " record rows and their payloads untouched)\n");
    std::printf("(ratio: wall times; cpu ratio: user + system time of each process from exec to exit, steadier on a\n"
                " shared machine. Records are epoch boxes (docs/record-sealing.md): one X25519 per 1 024 records and an\n"
                " XChaCha20-Poly1305 open per record, which the floor never pays; an older sealed box costs one X25519)\n");

    // The therapist's PDF: 1 000 intakes in one file, a page break between them.
    {
        constexpr int kPdfIntakes = 1000;
        const std::string db = dir + "/intakes-pdf.sqlite3";
        if (!fill(db, kPdfIntakes)) return 1;
        const std::string pdf = dir + "/out.pdf";
        const Run run = spawn({self, "child", "pdf", db, pdf}, dir + "/child.txt");
        const double ms = tookOf(run, dir + "/child.txt").wallMs;
        std::string info;
        if (std::FILE* p = ::popen(("pdfinfo '" + pdf + "' 2>/dev/null").c_str(), "r")) {
            char buf[256];
            while (std::fgets(buf, sizeof buf, p)) info += buf;
            ::pclose(p);
        }
        const auto at = info.find("Pages:");
        const long pages = at == std::string::npos ? 0 : std::strtol(info.c_str() + at + 6, nullptr, 10);
        std::printf("\nPDF for the therapist, %d intakes in one file: %.0f ms, %.2f ms per intake", kPdfIntakes, ms,
                    ms / kPdfIntakes);
        if (pages > 0) std::printf(", %ld pages, %.2f ms per page", pages, ms / static_cast<double>(pages));
        std::printf(", peak %.1f MB%s\n", run.maxRssKb / 1024.0, run.ok ? "" : " (the export failed)");
    }
    std::filesystem::remove_all(dir);
    return 0;
}
