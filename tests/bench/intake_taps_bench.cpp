// Issue 20 "a shorter intake": how many screens and taps each bundled answer set
// (tests/data/answers) takes on the real screens, from the welcome screen to the thank-you, at
// 1920x1080 (tests/ui/intake_walk.h drives them). Counters: screens, taps (keyboard keys, Shift
// and Done included; a signature stroke counts as one), keys (the keyboard's share), scrolls (drags
// that scrolled a page to reach the next answer). The budget for a typical new patient
// (intake-typical): at most 16 screens and 100 taps, checked by tests/ui/intake_walk_test.cpp.
// The time is one whole walk, headless (no GPU): a figure for the test's cost, not the patient's.
#include <benchmark/benchmark.h>

#include "intake_walk.h"

int main(int argc, char** argv) {
    using kiosk::ui::test::AnswerSet;
    for (const AnswerSet& set : kiosk::ui::test::bundledAnswerSets()) {
        benchmark::RegisterBenchmark(("walk/" + set.name).c_str(),
                                     [set](benchmark::State& state) {
                                         kiosk::ui::test::WalkResult walk;
                                         for (auto _ : state) walk = kiosk::ui::test::walkAnswerSet(set);
                                         state.counters["screens"] = static_cast<double>(walk.screens.size());
                                         state.counters["taps"] = walk.count.taps;
                                         state.counters["keys"] = walk.count.keys;
                                         state.counters["scrolls"] = walk.count.swipes;
                                     })
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
