// Loading a questionnaire: read + parse + validate of forms/intake.yaml (the largest bundled form),
// against the floor of yaml-cpp's YAML::Load of the same bytes and nothing more.
// Target (PERFORMANCE.md style, a ratio against the floor): load <= 3x the parse and <= 5 ms.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "kiosk/forms/loader.h"

namespace {

const std::string& formBytes() {
    static const std::string bytes = [] {
        std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    return bytes;
}

void BM_YamlCppLoadFloor(benchmark::State& state) {
    const std::string& bytes = formBytes();
    for (auto _ : state) {
        YAML::Node n = YAML::Load(bytes);
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_YamlCppLoadFloor)->Unit(benchmark::kMicrosecond);

void BM_LoadAndValidateForm(benchmark::State& state) {
    const std::string& bytes = formBytes();
    for (auto _ : state) {
        kiosk::forms::LoadResult r = kiosk::forms::loadFormFromString(bytes, "forms/intake.yaml");
        if (!r.ok()) state.SkipWithError("forms/intake.yaml does not load");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_LoadAndValidateForm)->Unit(benchmark::kMicrosecond);

/// Console output as usual, plus the ratio of the two means at the end.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& r : runs)
            if (r.run_type == Run::RT_Iteration && !r.error_occurred) m_cpu[r.run_name.function_name] = r.GetAdjustedCPUTime();
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        const auto floor = m_cpu.find("BM_YamlCppLoadFloor");
        const auto load = m_cpu.find("BM_LoadAndValidateForm");
        if (floor == m_cpu.end() || load == m_cpu.end()) return;
        std::printf("form %zu bytes: load+validate %.0f us, yaml-cpp YAML::Load %.0f us, ratio %.2fx (target <= 3x, <= 5000 us)\n",
                    formBytes().size(), load->second, floor->second, load->second / floor->second);
    }

private:
    std::map<std::string, double> m_cpu;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (formBytes().empty()) {
        std::fprintf(stderr, "forms/intake.yaml is missing\n");
        return 1;
    }
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
