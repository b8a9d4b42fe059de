#include "kiosk/forms/answer.h"

#include <tuple>

namespace kiosk::forms {

bool Date::operator<(const Date& o) const {
    return std::tie(year, month, day) < std::tie(o.year, o.month, o.day);
}

bool Date::valid() const {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= max;
}

}  // namespace kiosk::forms
