#include "kiosk/export/id_list.h"

#include <algorithm>

namespace kiosk::exports {
namespace {

constexpr char kHex[] = "0123456789abcdef";

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool isDash(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

/// A lower-case canonical UUID ("8-4-4-4-12" hex) as 16 bytes; false for anything else, so that
/// reading it back always gives the very same string.
bool pack(const std::string& id, std::array<unsigned char, 16>& out) {
    if (id.size() != 36) return false;
    std::size_t byte = 0;
    for (std::size_t i = 0; i < 36;) {
        if (isDash(i)) {
            if (id[i++] != '-') return false;
            continue;
        }
        const int hi = nibble(id[i]), lo = nibble(id[i + 1]);
        if (hi < 0 || lo < 0 || isDash(i + 1)) return false;
        out[byte++] = static_cast<unsigned char>(hi << 4 | lo);
        i += 2;
    }
    return byte == 16;
}

std::string unpack(const std::array<unsigned char, 16>& b) {
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0x0f];
    }
    return out;
}

}  // namespace

void IdList::push(const std::string& id) {
    std::array<unsigned char, 16> packed{};
    if (pack(id, packed)) m_uuids.push_back(packed);
    else m_others.push_back(id);
}

bool IdList::next(std::string& id) {
    if (!m_sorted) {
        std::sort(m_uuids.begin(), m_uuids.end());
        m_sorted = true;
    }
    if (m_read < m_uuids.size()) {
        id = unpack(m_uuids[m_read++]);
        return true;
    }
    if (m_read - m_uuids.size() < m_others.size()) {
        id = m_others[m_read++ - m_uuids.size()];
        return true;
    }
    return false;
}

}  // namespace kiosk::exports
