// IdList: every id an export wrote comes back exactly once, UUIDs packed and anything else kept.
#include <algorithm>

#include <gtest/gtest.h>

#include "kiosk/export/id_list.h"
#include "kiosk/store/crypto.h"

TEST(ExportIdList, EveryIdComesBackExactlyAsGiven) {
    kiosk::exports::IdList list;
    std::vector<std::string> given;
    for (int i = 0; i < 50; ++i) given.push_back(kiosk::store::newUuid());
    // Not lower-case canonical UUIDs: kept as strings, so they come back byte for byte.
    for (const char* odd : {"8F14E45F-CEEA-467A-9F2B-3E8C1A2B4C5D", "8f14e45fceea467a9f2b3e8c1a2b4c5d00000",
                            "8f14e45f-ceea-467a-9f2b-3e8c1a2b4c5", "8f14e45f-ceea-467a-9f2b-3e8c1a2b4c5g", "rec-1", ""})
        given.emplace_back(odd);
    for (const auto& id : given) list.push(id);
    EXPECT_EQ(list.size(), given.size());

    std::vector<std::string> back;
    for (std::string id; list.next(id);) back.push_back(id);
    std::string id;
    EXPECT_FALSE(list.next(id));
    std::sort(given.begin(), given.end());
    std::sort(back.begin(), back.end());
    EXPECT_EQ(back, given);
}

// Marking follows the database's key order (record_state is keyed by the id's text): UUIDs come
// back in ascending order of their text, so each page of that table is written once per export.
TEST(ExportIdList, UuidsComeBackInAscendingTextOrder) {
    kiosk::exports::IdList list;
    std::vector<std::string> given;
    for (int i = 0; i < 500; ++i) given.push_back(kiosk::store::newUuid());
    for (const auto& id : given) list.push(id);
    std::vector<std::string> back;
    for (std::string id; list.next(id);) back.push_back(id);
    std::sort(given.begin(), given.end());
    EXPECT_EQ(back, given);
}
