// Store::formVersions: what an export learns from the plain columns before it unlocks anything.
#include "store_test_util.h"

namespace {
using namespace kiosk::store;
using namespace kiosk::store::testing;

TEST(StoreFormVersions, DistinctVersionsOfTheMatchingRecordsNewestFirst) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    for (int i = 0; i < 6; ++i) {
        RecordMeta m = meta(i, i < 2 ? "follow-up" : "intake");
        m.formVersion = i % 3 == 0 ? 2 : 3;
        ASSERT_TRUE(s.submit(m, payload(i)));
    }
    auto all = s.formVersions();
    ASSERT_TRUE(all) << all.error().format();
    ASSERT_EQ(all->size(), 4u);
    EXPECT_EQ((*all)[0].formId, "follow-up");
    EXPECT_EQ((*all)[0].formVersion, 3);
    EXPECT_EQ((*all)[0].records, 1);
    EXPECT_EQ((*all)[1].formVersion, 2);
    EXPECT_EQ((*all)[2].formId, "intake");
    EXPECT_EQ((*all)[2].formVersion, 3);
    EXPECT_EQ((*all)[2].records, 3);  // i = 2, 4, 5
    EXPECT_EQ((*all)[3].formVersion, 2);
    EXPECT_EQ((*all)[3].contentHash, "sha256:abc");

    ListFilter f;
    f.formId = "intake";
    f.since = meta(4).submittedAt;
    auto some = s.formVersions(f);
    ASSERT_TRUE(some);
    ASSERT_EQ(some->size(), 1u);
    EXPECT_EQ((*some)[0].formVersion, 3);
    EXPECT_EQ((*some)[0].records, 2);
}

}  // namespace
