#include "kiosk/session/entry_rules.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace kiosk::session {
namespace {

using forms::AnswerProblem;
using forms::Problem;

bool signatureLargeEnough(const forms::Signature& sig, const EntryRules& rules) {
    float ink = 0, minX = 1, maxX = 0, minY = 1, maxY = 0;
    for (const forms::Stroke& s : sig.strokes) {
        for (size_t i = 0; i < s.size(); ++i) {
            minX = std::min(minX, s[i].x);
            maxX = std::max(maxX, s[i].x);
            minY = std::min(minY, s[i].y);
            maxY = std::max(maxY, s[i].y);
            if (i > 0) ink += std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
        }
    }
    return ink >= rules.signatureMinInk && maxX - minX >= rules.signatureMinWidth &&
           maxY - minY >= rules.signatureMinHeight;
}

}  // namespace

int phoneDigits(const std::string& text) {
    return static_cast<int>(
        std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool looksLikeEmail(const std::string& text) {
    const auto at = text.find('@');
    if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos) return false;
    if (std::any_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        return false;
    const std::string domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || domain.find("..") != std::string::npos) return false;
    const std::string tld = domain.substr(dot + 1);
    return tld.size() >= 2 &&
           std::all_of(tld.begin(), tld.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::optional<AnswerProblem> checkEntry(const forms::Item& item, const forms::Answer& answer,
                                        const EntryRules& rules) {
    if (item.type == forms::ItemType::Signature) {
        const auto* sig = std::get_if<forms::Signature>(&answer);
        if (sig && !signatureLargeEnough(*sig, rules)) return AnswerProblem{Problem::SignatureTooSmall, {}};
        return std::nullopt;
    }
    const auto* text = std::get_if<std::string>(&answer);
    if (item.type != forms::ItemType::Text || text == nullptr) return std::nullopt;
    if (item.textKind == forms::TextKind::Phone) {
        const int n = phoneDigits(*text);
        if (n < rules.phoneMinDigits || n > rules.phoneMaxDigits)
            return AnswerProblem{Problem::PhoneDigits,
                                 {static_cast<double>(rules.phoneMinDigits), static_cast<double>(rules.phoneMaxDigits)}};
    } else if (item.textKind == forms::TextKind::Email && !looksLikeEmail(*text)) {
        return AnswerProblem{Problem::EmailShape, {}};
    }
    return std::nullopt;
}

}  // namespace kiosk::session
