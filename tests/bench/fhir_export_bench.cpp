// FHIR Bundle export against the JSON export of the same records, at 1 000 and 10 000 intakes:
// the writers alone (records already opened), into a stream that counts and discards, so the
// figure is the cost of the format. CSV export is not on this branch yet: JSON is the reference.
// Reported: records/s of each, the FHIR/JSON time ratio, and the peak RSS growth of each run
// (the writers stream: growth stays flat). First figure, 2 cores under load: JSON ~28 000 records/s,
// FHIR ~310 records/s, most of it drawing and PNG-encoding each signature (cairo + zlib); 100 000
// intakes would take minutes here, so the runs stop at 10 000 until the signature is made cheaper.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/json_export.h"
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
        if (r.ok()) out.record = kiosk::session::toJson(*r.record);
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
        for (int64_t i = 0; i < n; ++i) w->addParsed(metaOf(f, i), f.record);
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

}  // namespace

BENCHMARK_MAIN();
