// answer.h before model.h, in this order on purpose: a body_map item's answer type once shared its
// name with ItemType::BodyMap, and -Wshadow (an error) failed every file that included them so.
// The answer type is BodyMapAnswer now; this file keeps the order compiling.
#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"
#include "kiosk/forms/answer_check.h"

#include <gtest/gtest.h>

namespace kiosk::forms {
namespace {

TEST(FormsHeaders, BodyMapAnswerSitsBesideItemTypeBodyMap) {
    Item item;
    item.id = "where";
    item.type = ItemType::BodyMap;
    EXPECT_EQ(toString(item.type), "body_map");
    const Answer marks = BodyMapAnswer{{"calf_l", std::nullopt, {}}};
    EXPECT_FALSE(checkAnswer(item, marks, std::nullopt).has_value());
    const Answer unknown = BodyMapAnswer{{"tail", std::nullopt, {}}};
    ASSERT_TRUE(checkAnswer(item, unknown, std::nullopt).has_value());
    EXPECT_EQ(checkAnswer(item, unknown, std::nullopt)->problem, Problem::UnknownRegion);
}

}  // namespace
}  // namespace kiosk::forms
