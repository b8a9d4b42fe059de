#pragma once
// The ids an export wrote, kept until the file is in place and they can be marked exported. A
// record id is a UUID (36 characters), kept here as its 16 bytes: 100 000 ids take 1.6 MB, not
// the 8 MB of strings, so an export's memory barely grows with its size. Any other id is kept as
// it is. Ids only, never content.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::exports {

class IdList {
public:
    /// Room for @p n ids up front (the job knows how many match): no doubling, no copy while growing.
    void reserve(std::size_t n) { m_uuids.reserve(n); }
    void push(const std::string& id);
    std::size_t size() const { return m_uuids.size() + m_others.size(); }
    /// Reads the ids back one per call, UUIDs first in ascending order of their text (the byte
    /// order is the text's): the order record_state keys them in, so marking them exported writes
    /// each page of that table once instead of hopping across it. True and @p id set, or false at the end.
    bool next(std::string& id);

private:
    std::vector<std::array<unsigned char, 16>> m_uuids;
    std::vector<std::string> m_others;
    std::size_t m_read = 0;
    bool m_sorted = false;
};

}  // namespace kiosk::exports
