#include "kiosk/sync/pusher_cpu.h"

#include <sched.h>

namespace kiosk::sync {

std::vector<int> pusherCpus(const std::vector<int>& allowed) {
    if (allowed.size() < 2) return allowed;
    return {allowed.back()};
}

bool keepPusherToItsCpu() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) != 0) return false;  // 0: this thread
    std::vector<int> allowed;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &set)) allowed.push_back(cpu);
    const std::vector<int> keep = pusherCpus(allowed);
    if (keep.size() == allowed.size()) return true;
    CPU_ZERO(&set);
    for (int cpu : keep) CPU_SET(cpu, &set);
    return ::sched_setaffinity(0, sizeof set, &set) == 0;
}

}  // namespace kiosk::sync
