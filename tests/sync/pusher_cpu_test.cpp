// Where the pusher thread runs (pusher_cpu.h): off the frame loop's way on two or more CPUs.
#include <gtest/gtest.h>
#include <sched.h>

#include <thread>

#include "kiosk/sync/pusher_cpu.h"

namespace kiosk::sync {
namespace {

TEST(PusherCpu, KeepsToTheLastCpuWhenThereAreTwoOrMore) {
    EXPECT_EQ(pusherCpus({0, 1}), (std::vector<int>{1}));
    EXPECT_EQ(pusherCpus({2, 3, 5}), (std::vector<int>{5}));
    EXPECT_EQ(pusherCpus({0}), (std::vector<int>{0}));  // one CPU: shared, as before
    EXPECT_TRUE(pusherCpus({}).empty());
}

TEST(PusherCpu, AppliesToTheCallingThreadOnly) {
    cpu_set_t before;
    ASSERT_EQ(::sched_getaffinity(0, sizeof before, &before), 0);
    const int cpus = CPU_COUNT(&before);
    int inThread = -1;
    std::thread t([&] {
        if (!keepPusherToItsCpu()) return;
        cpu_set_t set;
        if (::sched_getaffinity(0, sizeof set, &set) == 0) inThread = CPU_COUNT(&set);
    });
    t.join();
    EXPECT_EQ(inThread, cpus >= 2 ? 1 : cpus);
    cpu_set_t after;
    ASSERT_EQ(::sched_getaffinity(0, sizeof after, &after), 0);
    EXPECT_TRUE(CPU_EQUAL(&before, &after));  // the calling test's thread is where it was
}

}  // namespace
}  // namespace kiosk::sync
