#pragma once
// Where the pusher thread runs: on a kiosk with two or more CPUs it keeps to one of them (the
// last), so the frame loop, which is not pinned, always finds a CPU the pusher never takes (the
// scheduler wakes it on an idle one). The frame loop itself is left to the scheduler: pinning it
// would stop it escaping the X server or an interrupt-heavy CPU, a choice for the machine's
// builder, not for this program.
#include <vector>

namespace kiosk::sync {

/// @brief Of the CPUs @p allowed (ascending), those the pusher keeps to: the last one when there
///        are two or more; all of @p allowed otherwise (a single CPU is shared with the frames).
std::vector<int> pusherCpus(const std::vector<int>& allowed);

/// @brief Applies pusherCpus to the calling thread's affinity (Linux: per thread). Best effort:
///        false if the affinity could not be read or set, and the thread runs where it was.
bool keepPusherToItsCpu();

}  // namespace kiosk::sync
