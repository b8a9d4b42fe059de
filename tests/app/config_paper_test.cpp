// The settings' `paper` key: the therapist's PDF in A4 (the default) or US Letter; anything else is
// an error at its line and column.
#include <gtest/gtest.h>

#include "kiosk/app/cli/kiosk_config.h"

namespace kiosk::app {
namespace {

TEST(AppConfigPaper, A4UnlessUsLetterIsAsked) {
    auto load = parseConfig("", "kiosk.yaml");
    ASSERT_TRUE(load.ok());
    EXPECT_FALSE(load.config->letterPaper);
    load = parseConfig("paper: us_letter\n", "kiosk.yaml");
    ASSERT_TRUE(load.ok());
    EXPECT_TRUE(load.config->letterPaper);
    load = parseConfig("paper: a4\n", "kiosk.yaml");
    ASSERT_TRUE(load.ok());
    EXPECT_FALSE(load.config->letterPaper);
    load = parseConfig("theme: normal\npaper: A5\n", "kiosk.yaml");
    ASSERT_FALSE(load.ok());
    EXPECT_EQ(load.errors.front().format(), "kiosk.yaml:2:8: error: 'paper' must be a4 or us_letter, not 'A5'");
}

}  // namespace
}  // namespace kiosk::app
