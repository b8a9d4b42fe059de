#include "kiosk/core/error.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(CoreError, FormatsLikeACompiler) {
    Error e = makeError(ErrorCode::Invalid, "bad thing", SourceLoc{"forms/a.yaml", 42, 9});
    EXPECT_EQ(e.format(), "forms/a.yaml:42:9: error: bad thing");
    EXPECT_EQ(makeError(ErrorCode::Io, "x", SourceLoc{"f"}).format(), "f: error: x");
    EXPECT_EQ(makeError(ErrorCode::Io, "x").format(), "error: x");
}

TEST(CoreError, ResultHoldsValueOrError) {
    Result<int> good = 3;
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 3);
    Result<int> bad = makeError(ErrorCode::NotFound, "nope");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::NotFound);
    Result<void> v;
    EXPECT_TRUE(v.ok());
}
