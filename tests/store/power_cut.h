#pragma once
// The parent's side of the power-cut simulation (the shim is powercut/unsynced_writes.c): start a
// child under the shim, and after it died, undo what it wrote since each file's last sync, wholly
// or sector by sector, as a disk losing its power at that moment might.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "powercut/unsynced_writes.h"

extern char** environ;

namespace kiosk::store::testing {

/// What a cut keeps of the data written since the last sync.
enum class CutMode {
    DropAll,  ///< nothing reached the disk
    KeepAll,  ///< everything did (what SIGKILL alone leaves)
    Random,   ///< each 512-byte sector, and the file's new size, reached it or not (a coin each)
};

struct CutStats {
    std::size_t unsyncedSectors = 0;  ///< sectors written since their file's last sync
    std::size_t droppedSectors = 0;
    std::size_t revertedSizes = 0;    ///< files whose size went back to the synced one
};

/// Starts @p args[0] with the shim preloaded on @p db, its journal at @p journal; extra @p env
/// entries ("NAME=value") are added. Returns the pid, or -1.
inline pid_t spawnUnderShim(const std::vector<std::string>& args, const std::string& db, const std::string& journal,
                            const std::vector<std::string>& env = {}) {
    std::vector<std::string> envs = {"LD_PRELOAD=" KIOSK_POWERCUT_SHIM, "KIOSK_POWERCUT_DB=" + db,
                                     "KIOSK_POWERCUT_JOURNAL=" + journal};
    envs.insert(envs.end(), env.begin(), env.end());
    // Under KIOSK_SANITIZE the child's ASan would refuse a library preloaded before it.
    std::string asan = "ASAN_OPTIONS=verify_asan_link_order=0";
    for (char** e = environ; *e; ++e) {
        if (std::strncmp(*e, "ASAN_OPTIONS=", 13) == 0) asan += std::string(":") + (*e + 13);
        else if (std::strncmp(*e, "LD_PRELOAD=", 11) != 0 && std::strncmp(*e, "KIOSK_POWERCUT_", 15) != 0) envs.push_back(*e);
    }
    envs.push_back(asan);
    std::vector<char*> envp, argv;
    for (auto& e : envs) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argsCopy = args;
    for (auto& a : argsCopy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) != 0) return -1;
    return pid;
}

namespace detail {

/// What a sector held at its file's last sync, for the bytes written since (the rest is unchanged).
struct SyncedSector {
    unsigned char bytes[512] = {};
    bool known[512] = {};
};

inline std::uint64_t fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

}  // namespace detail

/// Applies the cut to @p db and its WAL from the shim's @p journal (then removed). A journal entry
/// cut short by the kill is ignored: its write had not started.
inline CutStats applyPowerCut(const std::string& journal, const std::string& db, CutMode mode, std::mt19937& rng) {
    std::ifstream in(journal, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    struct Entry { PowerCutRecord r; std::size_t data; };
    std::vector<Entry> entries;
    for (std::size_t at = 0; at + sizeof(PowerCutRecord) <= bytes.size();) {
        Entry e{};
        std::memcpy(&e.r, bytes.data() + at, sizeof e.r);
        e.data = at + sizeof e.r;
        if (e.data + e.r.have > bytes.size()) break;
        entries.push_back(e);
        at = e.data + e.r.have;
    }
    ::unlink(journal.c_str());
    CutStats stats;
    std::bernoulli_distribution coin(0.5);
    const char* suffixes[] = {"", "-wal", "-journal"};
    for (std::uint32_t file = 0; file < 3; ++file) {
        const std::string path = db + suffixes[file];
        std::size_t first = 0;  // entries after the file's last sync
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (entries[i].r.file == file && entries[i].r.type == kPowerCutSync) first = i + 1;
        std::map<std::uint64_t, detail::SyncedSector> sectors;
        std::uint64_t syncedSize = 0;
        bool any = false;
        for (std::size_t i = first; i < entries.size(); ++i) {
            const PowerCutRecord& r = entries[i].r;
            if (r.file != file || r.type != kPowerCutWrite) continue;
            if (!any) syncedSize = r.sizeBefore;
            any = true;
            for (std::uint64_t k = 0; k < r.length; ++k) {
                detail::SyncedSector& s = sectors[(r.offset + k) / 512];
                const std::size_t at = (r.offset + k) % 512;
                if (s.known[at]) continue;  // the first write since the sync saw the synced byte
                s.known[at] = true;
                s.bytes[at] = k < r.have ? static_cast<unsigned char>(bytes[entries[i].data + k]) : 0;
            }
        }
        if (!any || ::access(path.c_str(), F_OK) != 0) continue;  // removing a file counts as durable
        const std::uint64_t current = detail::fileSize(path);
        const bool revertSize = mode == CutMode::DropAll || (mode == CutMode::Random && coin(rng));
        const std::uint64_t finalSize = revertSize ? syncedSize : current;
        stats.revertedSizes += finalSize != current;
        const int fd = ::open(path.c_str(), O_RDWR);
        if (fd < 0) continue;
        if (finalSize > current && ::ftruncate(fd, static_cast<off_t>(finalSize)) != 0) std::abort();
        for (const auto& [index, s] : sectors) {
            ++stats.unsyncedSectors;
            const bool drop = mode == CutMode::DropAll || (mode == CutMode::Random && coin(rng));
            stats.droppedSectors += drop;
            const std::uint64_t start = index * 512;
            if (start >= finalSize) continue;
            unsigned char sector[512] = {};
            const auto len = static_cast<std::size_t>(std::min<std::uint64_t>(512, finalSize - start));
            if (::pread(fd, sector, len, static_cast<off_t>(start)) < 0) std::abort();
            bool changed = false;
            for (std::size_t at = 0; at < len; ++at) {
                // A kept sector keeps what was written, except where an un-synced truncation that
                // did not reach the disk had cut it off: that part is back as it was.
                if (!s.known[at] || (!drop && start + at < current)) continue;
                sector[at] = s.bytes[at];
                changed = true;
            }
            if (changed && ::pwrite(fd, sector, len, static_cast<off_t>(start)) != static_cast<ssize_t>(len))
                std::abort();
        }
        if (finalSize < current && ::ftruncate(fd, static_cast<off_t>(finalSize)) != 0) std::abort();
        ::close(fd);
    }
    return stats;
}

}  // namespace kiosk::store::testing
