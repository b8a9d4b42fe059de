#pragma once

namespace kiosk::store {

struct ItemSym {};

enum class Kind : unsigned char { A, B };

}  // namespace kiosk::store
