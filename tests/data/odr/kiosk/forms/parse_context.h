#pragma once
#include <string>

namespace kiosk::forms::detail {

/// @brief struct ItemSym { in a comment does not count }
struct ItemSym {
    std::string id;
    size_t page = 0;
};

}  // namespace kiosk::forms::detail
