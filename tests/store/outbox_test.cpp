// The sync outbox (store_outbox.cpp): a record is queued in its own transaction, leaves the queue
// only when marked pushed, and a deleted record is not sent.
#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace kiosk::store::testing {
namespace {

TEST(StoreOutbox, EverySavedRecordIsQueuedUntilMarkedPushed) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    (void)s.submit([&] { RecordMeta m = meta(0); m.id = ids[0]; return m; }(), payload(0));  // a retry: no second row
    auto pending = s.pendingOutbox(10);
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 3u);
    EXPECT_EQ((*pending)[0].meta.id, ids[0]);  // in chain order
    EXPECT_EQ((*pending)[0].chainSeq, 1);
    EXPECT_EQ((*pending)[0].meta.kioskId, "kiosk-test");
    EXPECT_EQ((*pending)[0].sealedHash, hash256((*pending)[0].sealed.data(), (*pending)[0].sealed.size()));
    EXPECT_EQ(s.pendingOutbox(2)->size(), 2u);

    ASSERT_TRUE(s.markPushed({ids[0], ids[1]}, "2026-12-06T10:00:00Z"));
    auto st = s.syncState();
    EXPECT_EQ(st->waiting, 1);
    EXPECT_EQ(st->lastPush, "2026-12-06T10:00:00Z");
    ASSERT_TRUE(s.noteSyncError("cannot reach the clinic server", "2026-12-06T10:01:00Z"));
    EXPECT_EQ(s.syncState()->lastError, "cannot reach the clinic server");
    ASSERT_TRUE(s.markPushed({}, "2026-12-06T10:02:00Z"));  // a push that succeeds clears the error
    EXPECT_EQ(s.syncState()->lastError, "");

    // Deleted before it was pushed: nothing to send (its answers are gone).
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.deleteRecord(ids[2], *key));
    EXPECT_EQ(s.syncState()->waiting, 0);
    EXPECT_TRUE(s.pendingOutbox(10)->empty());
}

TEST(StoreOutbox, APushReadsOnFromTheLastBatchAndStartsAtTheOldestWaiting) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 7; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    // Pushed before: the first three (a push does not begin at the chain's start).
    ASSERT_TRUE(s.markPushed({ids[0], ids[1], ids[2]}, "2026-12-06T10:00:00Z"));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.deleteRecord(ids[4], *key));  // deleted while waiting: never sent
    auto idsOf = [](const std::vector<OutboxRecord>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.meta.id);
        return out;
    };
    auto first = s.pendingOutbox(2);
    ASSERT_TRUE(first);
    EXPECT_EQ(idsOf(*first), (std::vector<std::string>{ids[3], ids[5]}));
    auto next = s.pendingOutbox(2, first->back().chainSeq);
    ASSERT_TRUE(next);
    EXPECT_EQ(idsOf(*next), (std::vector<std::string>{ids[6]}));
    EXPECT_TRUE(s.pendingOutbox(2, next->back().chainSeq)->empty());
    // Not marked yet: the next push starts again at the oldest waiting.
    EXPECT_EQ(idsOf(*s.pendingOutbox(10)), (std::vector<std::string>{ids[3], ids[5], ids[6]}));
    ASSERT_TRUE(s.markPushed({ids[3], ids[5], ids[6]}, "2026-12-06T10:05:00Z"));
    EXPECT_TRUE(s.pendingOutbox(10)->empty());
}

TEST(StoreOutbox, JoiningAClinicTakesItsKeyOnlyOnAFreshDatabase) {
    TempDir dir;
    auto material = makeClinicKeyMaterial("clinic passphrase", KdfLimits::minimum());
    ASSERT_TRUE(material);
    Store fresh = openOrDie(options(dir / "fresh.db"));
    ASSERT_TRUE(fresh.importKeys(*material));
    ASSERT_TRUE(fresh.importKeys(*material));  // again: nothing to do
    EXPECT_EQ(fresh.keyStatus()->fingerprint, material->fingerprint());
    const std::string id = *fresh.submit(meta(1), payload(1));
    auto key = unlockMaterial(*material, "clinic passphrase");
    ASSERT_TRUE(key);
    auto pending = fresh.pendingOutbox(1);
    ASSERT_EQ(pending->size(), 1u);
    const auto& r = (*pending)[0];
    EXPECT_EQ(*openRecordPayload(r.meta, r.sealed.data(), r.sealed.size(), *key), payload(1));
    EXPECT_EQ(*fresh.readPayload(id, *fresh.unlock("clinic passphrase")), payload(1));  // staff at the kiosk too
    EXPECT_FALSE(unlockMaterial(*material, "wrong passphrase"));

    Store own = freshStore(dir / "own.db");
    auto refused = own.importKeys(*material);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("already seals to its own clinic key"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::store::testing
