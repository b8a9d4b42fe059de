#pragma once
// Marks flow back: staff review, export and delete records on the clinic server (`--pg`), and those
// marks are the truth. The pusher's thread pulls the marks of its own kiosk's records after each
// push and applies them to the local store (Store::applyServerMarks), so the kiosk's own staff desk
// shows the same: a record deleted on the server loses its sealed payload here too.
#include <cstdint>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

/// @brief Reads the marks of @p store's kiosk's records written on @p server since the last pull
///        (ik_kiosk_marks: a kiosk role sees its own kiosk's only) and applies them; returns how
///        many local records changed. Nothing on a server before schema 3.
core::Result<std::int64_t> pullMarks(Server& server, store::Store& store);

}  // namespace kiosk::sync
