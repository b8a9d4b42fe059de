#include "kiosk/staff/name_search.h"

#include <sodium.h>

namespace kiosk::staff {
namespace {

/// The base letter of U+00C0..U+00FF (upper and lower case alike), or 0 when it has none
/// (×, ÷, Æ, Ð, Þ, ß and the like stay as typed).
char baseOf(unsigned code) {
    // U+00C0.. in order: ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß, then the same 32 in lower case.
    static constexpr char kBase[] = "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0\0";
    const unsigned i = (code - 0xC0) % 32;
    return i < sizeof kBase - 1 ? kBase[i] : '\0';
}

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
}

}  // namespace

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            continue;
        }
        // U+00C0..U+00FF is C3 80..C3 BF in UTF-8
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF)
                if (const char base = baseOf(0xC0u + (next - 0x80u))) {
                    out += base;
                    ++i;
                    continue;
                }
        }
        out += static_cast<char>(c);
    }
    return out;
}

bool nameMatches(const std::string& first, const std::string& last, std::string_view typed) {
    std::string needle = foldForSearch(typed);
    std::string name = first + " " + last;
    std::string hay = foldForSearch(name);
    const bool found = hay.find(needle) != std::string::npos;
    wipe(needle);
    wipe(name);
    wipe(hay);
    return found;
}

}  // namespace kiosk::staff
