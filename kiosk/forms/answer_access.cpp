#include "kiosk/forms/answer_access.h"

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace kiosk::forms {

bool hasValue(const Answer& answer) {
    return std::visit(
        [](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, double> ||
                          std::is_same_v<T, Date>) {
                return true;
            } else if constexpr (std::is_same_v<T, ListAnswer>) {  // entries with nothing in them do not count
                return std::any_of(v.begin(), v.end(), [](const ListEntry& e) { return !e.fields.empty(); });
            } else {
                return !v.empty();
            }
        },
        answer);
}

ItemRef resolveRef(const Form& form, std::string_view ref) {
    if (const Item* item = form.findItem(ref)) return {item, nullptr};
    const auto dot = ref.find('.');
    if (dot == std::string_view::npos) return {};
    const Item* matrix = form.findItem(ref.substr(0, dot));
    if (matrix == nullptr || matrix->type != ItemType::Matrix) return {};
    const MatrixRow* row = matrix->findRow(ref.substr(dot + 1));
    if (row == nullptr) return {};
    return {matrix, row};
}

std::optional<Answer> refValue(const ItemRef& ref, const Answers& answers) {
    if (!ref) return std::nullopt;
    auto it = answers.find(ref.item->id);
    if (it == answers.end() || !hasValue(it->second)) return std::nullopt;
    if (ref.row == nullptr) return it->second;
    const auto* matrix = std::get_if<MatrixAnswer>(&it->second);
    if (matrix == nullptr) return std::nullopt;
    auto row = matrix->find(ref.row->id);
    if (row == matrix->end() || row->second.empty()) return std::nullopt;
    return Answer{row->second};
}

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t count) -> std::optional<int> {
        int v = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d) return std::nullopt;
    Date date{*y, *m, *d};
    if (!date.valid()) return std::nullopt;
    return date;
}

std::string toIsoString(const Date& date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year % 10000, date.month % 100,
                  date.day % 100);
    return buf;
}

std::vector<std::string> answerLines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        if (!line.empty()) lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

}  // namespace kiosk::forms
