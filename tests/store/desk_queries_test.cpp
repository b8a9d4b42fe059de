// What exports and the staff desk ask of the plain columns: form versions among some records, a
// filter by record ids, and whether a draft waits. Nothing here unlocks a payload.
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

namespace {
using namespace kiosk::store;
using namespace kiosk::store::testing;

TEST(StoreListFilter, IdsSelectExactlyThoseRecordsAndShowInTheAuditText) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    ListFilter f;
    f.ids = {ids[1], ids[3], "not-a-record"};
    EXPECT_EQ(*s.count(f), 2);
    auto rows = s.list(f);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->at(0).meta.id, ids[3]);  // newest first
    EXPECT_EQ(rows->at(1).meta.id, ids[1]);
    f.formId = "intake";
    EXPECT_EQ(describe(f), "form=intake ids=3");
    f.formId = "other";
    EXPECT_EQ(*s.count(f), 0);
}

TEST(StoreDrafts, DraftCountSaysWhetherAnIntakeIsWaiting) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    EXPECT_EQ(*s.draftCount(), 0);
    ASSERT_TRUE(s.saveDraft(R"({"answers":{}})", "2026-11-25T10:00:00Z"));
    EXPECT_EQ(*s.draftCount(), 1);
    ASSERT_TRUE(s.discardDraft());
    EXPECT_EQ(*s.draftCount(), 0);
}

}  // namespace
