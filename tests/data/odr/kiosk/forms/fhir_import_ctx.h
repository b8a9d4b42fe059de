#pragma once
#include <map>
#include <string>

namespace kiosk::forms {
namespace detail {

struct ItemSym
    : Base {
    std::string id, type;
    std::map<std::string, std::string> codes;
};

}  // namespace detail
}  // namespace kiosk::forms
