// FHIR Bundle export against the JSON export of the same records, at 1 000 and 10 000 intakes:
// the writers alone, each handed every record's JSON text as the export job hands it
// (RecordWriter::addPayload: the records already opened), into a stream that counts and discards,
// so the figure is the cost of the format (export_bench runs both through the real job, against
// CSV, at 10 000 and 100 000: the figure). Reported: records/s of each, bytes, and the peak
// RSS growth of each run (the writers stream: growth stays flat); the ratio is FHIR CPU time / JSON
// CPU time of one run.
// BM_SignaturePng is one signature of a realistic length (3 strokes, 180 points) drawn and
// encoded; BM_SignaturePngScribble the answer set's own signature (two strokes, 6 points), the one
// every record of both benches carries.
// How the FHIR writer got here (details and profiles: docs/record-sealing.md, "FHIR export"): a
// JSON tree per record and a 600x200 RGB PNG made it ~95x JSON; a 1-bit PNG ~12x; written as a
// stream (fhir_stream.h) ~3x; the picture drawn on an A8 canvas with only inked rows deflated and
// the text of a form and language kept per export (StreamCache) ~1.8x (2026-12-06c). Now each
// record is read as a RapidJSON document in place (record_doc.h) instead of an nlohmann tree, and
// answers from a short list (options, yes/no, scales, matrices) are written once a value and then
// copied. All records here carry the same answers, so those copies hit every time; with real
// intakes free text, dates, numbers and body maps stay the same work, and only the short-list
// answers repeat. A signature's picture is drawn as the intake is sealed and copied by the export
// (record_payload.h): the fixture is the record as the kiosk seals it.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/fhir_signature.h"
#include "kiosk/export/json_export.h"
#include "kiosk/export/record_payload.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"

namespace {

using nlohmann::json;

/// Counts what is written and keeps none of it.
class CountingBuf : public std::streambuf {
public:
    std::streamsize written = 0;

protected:
    int_type overflow(int_type ch) override {
        ++written;
        return ch;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        written += n;
        return n;
    }
};

struct Fixture {
    std::shared_ptr<const kiosk::forms::Form> form;
    json record;
    std::string text;  ///< the record as saved: what the export job hands a writer
};

const Fixture& fixture() {
    static const Fixture f = [] {
        const std::string root = KIOSK_SOURCE_DIR;
        Fixture out;
        out.form = kiosk::forms::loadForm(root + "/forms/intake.yaml").form;
        std::ifstream in(root + "/tests/data/answers/intake-red-flags/answers.json");
        std::stringstream s;
        s << in.rdbuf();
        auto catalog = kiosk::core::Catalog::loadDir(root + "/assets/i18n");
        const auto r = kiosk::session::simulate(out.form, json::parse(s.str()), "en",
                                                catalog.ok() ? catalog.value() : kiosk::core::Catalog{});
        if (r.ok()) out.text = kiosk::exports::recordPayload(*r.record);  // as the kiosk seals it
        out.record = json::parse(out.text.empty() ? "{}" : out.text);
        return out;
    }();
    return f;
}

long maxRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

kiosk::exports::ExportMeta metaOf(const Fixture& f, int64_t i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012lld", static_cast<long long>(i));
    return kiosk::exports::ExportMeta{id, f.form->id, f.form->version, f.form->contentHash, "en", "2026-11-25T10:00:00Z",
                                      "2026-11-25T10:05:00Z", "kiosk-1", "submitted"};
}

template <class MakeWriter>
void run(benchmark::State& state, MakeWriter make) {
    const Fixture& f = fixture();
    if (f.record.is_null()) state.SkipWithError("the red-flags answer set does not simulate");
    const int64_t n = state.range(0);
    const long before = maxRssKb();
    std::streamsize bytes = 0;
    for (auto _ : state) {
        CountingBuf buf;
        std::ostream out(&buf);
        auto w = make(out, f);
        for (int64_t i = 0; i < n; ++i)
            if (!w->addPayload(metaOf(f, i), f.text)) state.SkipWithError("the record was refused");
        if (!w->finish()) state.SkipWithError("write failed");
        bytes = buf.written;
    }
    state.counters["records/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["rss_growth_kB"] = static_cast<double>(maxRssKb() - before);
}

void BM_JsonExport(benchmark::State& state) {
    run(state, [](std::ostream& out, const Fixture&) {
        return std::make_unique<kiosk::exports::JsonExportWriter>(out, "2026-12-01T09:00:00Z", "kiosk-1");
    });
}
BENCHMARK(BM_JsonExport)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_FhirBundleExport(benchmark::State& state) {
    run(state, [](std::ostream& out, const Fixture& f) {
        auto shelf = std::make_shared<kiosk::exports::FormShelf>();
        shelf->add(f.form);
        return std::make_unique<kiosk::exports::FhirBundleWriter>(out, "2026-12-01T09:00:00Z", shelf);
    });
}
BENCHMARK(BM_FhirBundleExport)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_SignaturePng(benchmark::State& state) {
    kiosk::forms::Signature sig;
    for (int k = 0; k < 3; ++k) {  // three strokes of 60 touch samples each (a second each at 60 Hz)
        kiosk::forms::Stroke stroke;
        for (int i = 0; i < 60; ++i) {
            const double t = i / 60.0;
            stroke.push_back({static_cast<float>(0.1 + 0.27 * k + 0.22 * t),
                              static_cast<float>(0.5 + 0.3 * std::sin(t * 12 + k))});
        }
        sig.strokes.push_back(std::move(stroke));
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string png = kiosk::exports::fhir::signaturePng(sig);
        bytes = png.size();
        benchmark::DoNotOptimize(png.data());
    }
    state.counters["png_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SignaturePng)->Unit(benchmark::kMicrosecond);

/// The answer set's own signature (two strokes, 6 points): what a picture costs whatever its ink.
void BM_SignaturePngScribble(benchmark::State& state) {
    kiosk::forms::Signature sig;
    sig.strokes = {{{0.10f, 0.60f}, {0.22f, 0.40f}, {0.35f, 0.62f}, {0.48f, 0.41f}}, {{0.55f, 0.50f}, {0.80f, 0.52f}}};
    for (auto _ : state) benchmark::DoNotOptimize(kiosk::exports::fhir::signaturePng(sig).data());
}
BENCHMARK(BM_SignaturePngScribble)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
