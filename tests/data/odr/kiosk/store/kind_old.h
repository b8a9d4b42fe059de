#pragma once

namespace kiosk::store {

enum class Kind { A, B, C };

}  // namespace kiosk::store
