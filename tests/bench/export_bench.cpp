// Export figures for `make bench` (PERFORMANCE.md): the CSV export of 10 000 and 100 000 intakes
// through the real export job (unlock excluded: argon2id is the same for any count), beside the
// floors measured in the same run: `sqlite3 -csv` dumping the plain columns of the same rows (the
// target's floor), and a raw SQLite walk opening every sealed payload (one crypto_box_seal_open, so one
// X25519, per record: the cost no CSV code can remove); and the
// therapist's PDF of 1 000 intakes in one file: time per page and peak memory (no target yet). Each
// export runs in a fresh child process (this program again, "child" mode), so its peak memory
// (ru_maxrss from wait4) is its own: streaming means 100 000 stay within 1.2x of 10 000.
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

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include "kiosk/core/i18n.h"
#include "kiosk/core/log.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/simulate.h"
#include "kiosk/store/store.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPass = "bench passphrase";

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

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
    const std::string payload = session::toJson(*sim.record).dump();
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

/// Child mode "open": the least any export of these records must do, a second floor beside
/// sqlite3's: a raw SQLite walk over the payloads in export order with one crypto_box_seal_open
/// each (libsodium, no parsing, nothing written). Unlocking is outside the time, as for the export.
int openFloor(const std::string& db) {
    store::StoreOptions o;
    o.dbPath = db;
    o.createIfMissing = false;
    auto s = store::Store::open(o);
    if (!s) return 1;
    auto key = s->unlock(kPass);
    if (!key) return 1;
    const auto t0 = Clock::now();
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT payload FROM records ORDER BY submitted_at, id");
    std::vector<unsigned char> plain;
    std::size_t opened = 0;
    while (q.executeStep()) {
        const SQLite::Column c = q.getColumn(0);
        const auto* box = static_cast<const unsigned char*>(c.getBlob());
        const auto size = static_cast<std::size_t>(c.getBytes());
        if (size < crypto_box_SEALBYTES) return 1;
        plain.resize(size - crypto_box_SEALBYTES);
        if (crypto_box_seal_open(plain.data(), box, size, key->publicKey().data(), key->secretKey().data()) == 0)
            ++opened;
    }
    std::printf("%.1f\n", msSince(t0));
    return opened > 0 ? 0 : 1;
}

/// Child mode: unlock, then plan and write the CSV (or the PDF when @p out ends in .pdf) and mark the
/// records; prints the export's milliseconds.
int child(const std::string& db, const std::string& out) {
    store::StoreOptions o;
    o.dbPath = db;
    o.createIfMissing = false;
    auto s = store::Store::open(o);
    if (!s) return 1;
    auto key = s->unlock(kPass);
    if (!key) return 1;
    exports::FormShelf shelf = exports::FormShelf::loadFolder(bundled("forms"));
    const auto t0 = Clock::now();
    auto plan = exports::planCsv(*s, *key, {}, shelf);
    if (!plan) return 1;
    exports::ExportOptions options;
    options.writer = exports::csvWriter(plan->layout);
    core::Catalog catalog;
    if (out.size() > 4 && out.compare(out.size() - 4, 4, ".pdf") == 0) {
        auto loaded = core::Catalog::loadDir(bundled("assets/i18n"));
        if (!loaded) return 1;
        catalog = std::move(*loaded);
        exports::PdfOptions pdf;
        pdf.catalog = &catalog;
        pdf.clinicName = "Bench Clinic";
        pdf.shelf = std::make_shared<exports::FormShelf>(std::move(shelf));
        options.writer = exports::pdfWriter(std::move(pdf));
    }
    auto done = exports::exportRecords(*s, *key, {}, out, options);
    if (!done) {
        std::fprintf(stderr, "%s\n", done.error().format().c_str());
        return 1;
    }
    std::printf("%.1f\n", msSince(t0));
    return 0;
}

struct Run {
    double ms = 0;     ///< wall time, exec to exit
    double cpuMs = 0;  ///< user + system time of the child (the machine is shared: steadier than wall)
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
        r.maxRssKb = usage.ru_maxrss;
        auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
        r.cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
        r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return r;
}

std::string firstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    kiosk::core::LogOptions quiet;
    quiet.stderrLevel = spdlog::level::warn;
    (void)kiosk::core::initLogging(quiet);
    if (argc == 4 && std::string(argv[1]) == "child") return child(argv[2], argv[3]);
    if (argc == 3 && std::string(argv[1]) == "open") return openFloor(argv[2]);
    if (argc == 4 && std::string(argv[1]) == "fill") return fill(argv[2], std::stoi(argv[3])) ? 0 : 1;  // profiling
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    const std::string base = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    const std::string dir = base + "/kiosk-export-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const bool haveSqlite = std::system("command -v sqlite3 >/dev/null 2>&1") == 0;

    std::printf("export bench in %s\n", dir.c_str());
    std::printf("CSV export (plan, write, mark) against two floors in the same run: sqlite3 -csv of the plain\n"
                "columns (the target's floor), and a raw walk opening each sealed payload (crypto_box_seal_open,\n"
                "one X25519 per record: what any export of these records must do). Times are wall (and CPU) ms\n"
                "of a child process each; ratios are ours / floor.\n");
    std::printf("\n%-8s %16s %16s %16s %14s %14s %10s %10s\n", "records", "csv ms (cpu)", "sqlite3 (cpu)",
                "open (cpu)", "x sqlite3", "x open", "csv MB", "ms/record");
    long rss10k = 0, rss100k = 0;
    for (const int n : {10000, 100000}) {
        const std::string db = dir + "/intakes-" + std::to_string(n) + ".sqlite3";
        if (!fill(db, n)) {
            std::fprintf(stderr, "could not build the %d-record database\n", n);
            return 1;
        }
        const std::string csv = dir + "/out-" + std::to_string(n) + ".csv";
        const Run ours = spawn({self, "child", db, csv}, dir + "/child.txt");
        const double exportMs = ours.ok ? std::stod(firstLine(dir + "/child.txt")) : 0;
        Run floor;
        if (haveSqlite)
            floor = spawn({"sqlite3", "-csv", db,
                           "SELECT id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, "
                           "status FROM records ORDER BY submitted_at, id"},
                          dir + "/floor.csv");
        const Run open = spawn({self, "open", db}, dir + "/open.txt");
        (n == 10000 ? rss10k : rss100k) = ours.maxRssKb;
        char wallCpu[3][40];
        std::snprintf(wallCpu[0], sizeof wallCpu[0], "%.0f (%.0f)", ours.ms, ours.cpuMs);
        std::snprintf(wallCpu[1], sizeof wallCpu[1], "%.0f (%.0f)", floor.ms, floor.cpuMs);
        std::snprintf(wallCpu[2], sizeof wallCpu[2], "%.0f (%.0f)", open.ms, open.cpuMs);
        char vsSqlite[40], vsOpen[40];
        std::snprintf(vsSqlite, sizeof vsSqlite, "%.1fx (%.0fx)", floor.ok ? ours.ms / floor.ms : 0.0,
                      floor.ok && floor.cpuMs > 0 ? ours.cpuMs / floor.cpuMs : 0.0);
        std::snprintf(vsOpen, sizeof vsOpen, "%.2fx (%.2fx)", open.ok ? ours.ms / open.ms : 0.0,
                      open.ok && open.cpuMs > 0 ? ours.cpuMs / open.cpuMs : 0.0);
        std::printf("%-8d %16s %16s %16s %14s %14s %10.1f %10.4f\n", n, wallCpu[0], wallCpu[1], wallCpu[2], vsSqlite,
                    vsOpen, ours.maxRssKb / 1024.0, exportMs / n);
        if (!ours.ok) std::printf("  (the CSV export failed)\n");
        if (!open.ok) std::printf("  (the open floor failed)\n");
        std::filesystem::remove(db);
        std::filesystem::remove(csv);
    }
    if (!haveSqlite) std::printf("(sqlite3 is not installed: no floor; apt-get install sqlite3)\n");
    std::printf("peak memory 100 000 / 10 000: %.2fx   (target <= 1.2x; time target <= 3x sqlite3)\n",
                rss10k ? static_cast<double>(rss100k) / static_cast<double>(rss10k) : 0.0);
    std::printf("(every record is a sealed box: the open floor is the part of the time no CSV code can remove)\n");

    // The therapist's PDF: 1 000 intakes in one file, a page break between them.
    {
        constexpr int kPdfIntakes = 1000;
        const std::string db = dir + "/intakes-pdf.sqlite3";
        if (!fill(db, kPdfIntakes)) return 1;
        const std::string pdf = dir + "/out.pdf";
        const Run run = spawn({self, "child", db, pdf}, dir + "/child.txt");
        const double ms = run.ok ? std::stod(firstLine(dir + "/child.txt")) : 0;
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
