// "Find by name" on the desk: case and accents do not matter (staff/name_search.h).
#include <gtest/gtest.h>

#include "kiosk/staff/name_search.h"

namespace kiosk::staff {
namespace {

TEST(StaffNameSearch, FoldsCaseAndLatinAccents) {
    EXPECT_EQ(foldForSearch("María José NÚÑEZ"), "maria jose nunez");
    EXPECT_EQ(foldForSearch("ÀÉÎÕÜÇÑÝàéîõüçñý"), "aeioucnyaeioucny");
    EXPECT_EQ(foldForSearch("O'Brien-Smith"), "o'brien-smith");
    // letters without a base letter, and signs, stay as they are
    EXPECT_EQ(foldForSearch("Æ×ß÷"), "Æ×ß÷");
    EXPECT_EQ(foldForSearch("Łukasz 李"), "Łukasz 李");
}

TEST(StaffNameSearch, MatchesFirstAndLastNameWithOrWithoutAccents) {
    EXPECT_TRUE(nameMatches("María José", "Prueba Núñez", "maria"));
    EXPECT_TRUE(nameMatches("María José", "Prueba Núñez", "NUNEZ"));
    EXPECT_TRUE(nameMatches("Maria", "Nunez", "María Núñez"));
    EXPECT_TRUE(nameMatches("Ana", "García", ""));
    EXPECT_FALSE(nameMatches("María", "Núñez", "marta"));
    EXPECT_FALSE(nameMatches("Ana", "Lopez", "ana  lopez"));
}

}  // namespace
}  // namespace kiosk::staff
