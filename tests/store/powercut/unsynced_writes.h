/* The undo journal written by the power-cut shim (unsynced_writes.c) and read by the power-cut
 * test (power_cut.h): shared by C and C++. */
#pragma once
#include <stdint.h>

enum { kPowerCutWrite = 1, kPowerCutSync = 2 };

/* One journal entry. Write: before a write or truncate of [offset, offset + length) in `file`
 * (0 database, 1 WAL, 2 rollback journal), whose size was then `sizeBefore`; `have` bytes of what
 * that range held (the part inside the file) follow. Sync: `file` was synced; nothing follows. */
typedef struct PowerCutRecord {
    uint32_t type;
    uint32_t file;
    uint64_t offset;
    uint64_t length;
    uint64_t sizeBefore;
    uint64_t have;
} PowerCutRecord;
