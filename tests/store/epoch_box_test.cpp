// Epoch boxes (store/epoch_box.h, docs/record-sealing.md): records sealed with one X25519 per epoch
// open with one X25519 per epoch, in any order; the older crypto_box_seal boxes still open, in the
// store too; any altered byte, a box for another clinic key or an index past the epoch fails as an
// Integrity error; an epoch ends after kEpochRecords records.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/epoch_box.h"
#include "store/store_test_util.h"

namespace kiosk::store::testing {
namespace {

struct Keys {
    Bytes publicKey;
    SecretBytes secretKey;
    Keys() {
        auto s = newKeyPair(publicKey);
        EXPECT_TRUE(s.ok());
        if (s) secretKey = std::move(*s);
    }
};

Bytes sealWith(EpochSealer& sealer, const Bytes& publicKey, const std::string& text) {
    auto box = sealer.seal(publicKey, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    EXPECT_TRUE(box.ok());
    return box.ok() ? *box : Bytes{};
}

/// The text @p box opens to with @p opener, or "error: <code>".
std::string openText(RecordOpener& opener, const Keys& k, const Bytes& box) {
    auto n = opener.open(k.publicKey, k.secretKey, box.data(), box.size());
    if (!n) return "error: " + std::to_string(static_cast<int>(n.error().code));
    return std::string(reinterpret_cast<const char*>(opener.data()), *n);
}

const std::string kIntegrity = "error: " + std::to_string(static_cast<int>(core::ErrorCode::Integrity));

TEST(EpochBox, RecordsOfOneEpochOpenInAnyOrderWithOneAgreement) {
    Keys clinic;
    EpochSealer sealer;
    std::vector<Bytes> boxes;
    for (int i = 0; i < 5; ++i) boxes.push_back(sealWith(sealer, clinic.publicKey, "record " + std::to_string(i)));
    EXPECT_EQ(boxes[0].size(), std::string("record 0").size() + kEpochBoxOverhead);
    EXPECT_EQ(std::string(boxes[0].begin(), boxes[0].begin() + 4), "KEB1");
    EXPECT_TRUE(std::equal(boxes[0].begin() + 4, boxes[0].begin() + 36, boxes[4].begin() + 4)) << "one epoch";
    RecordOpener opener;
    for (int i : {4, 0, 2, 3, 1}) EXPECT_EQ(openText(opener, clinic, boxes[i]), "record " + std::to_string(i));
    EXPECT_EQ(opener.agreements(), 1u);
    // The same plain text sealed twice gives two different boxes (its own key and nonce each).
    EXPECT_NE(sealWith(sealer, clinic.publicKey, "same"), sealWith(sealer, clinic.publicKey, "same"));
}

TEST(EpochBox, OldSealedBoxesStillOpenBesideEpochBoxes) {
    Keys clinic;
    const std::string oldText = "sealed before epochs";
    auto old = seal(clinic.publicKey, reinterpret_cast<const unsigned char*>(oldText.data()), oldText.size());
    ASSERT_TRUE(old.ok());
    EpochSealer sealer;
    const Bytes fresh = sealWith(sealer, clinic.publicKey, "sealed in an epoch");
    RecordOpener opener;
    EXPECT_EQ(openText(opener, clinic, *old), oldText);
    EXPECT_EQ(openText(opener, clinic, fresh), "sealed in an epoch");
    EXPECT_EQ(openText(opener, clinic, *old), oldText);
}

TEST(EpochBox, EveryAlteredByteTruncationAndOutOfRangeIndexFail) {
    Keys clinic;
    EpochSealer sealer;
    (void)sealWith(sealer, clinic.publicKey, "first");
    const Bytes box = sealWith(sealer, clinic.publicKey, "patient answers");
    RecordOpener opener;
    ASSERT_EQ(openText(opener, clinic, box), "patient answers");
    for (std::size_t i = 0; i < box.size(); ++i) {
        Bytes bad = box;
        bad[i] ^= 0x01;
        EXPECT_EQ(openText(opener, clinic, bad), kIntegrity) << "byte " << i;
    }
    for (std::size_t n : {std::size_t{0}, std::size_t{10}, std::size_t{79}, box.size() - 1}) {
        Bytes cut(box.begin(), box.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_EQ(openText(opener, clinic, cut), kIntegrity) << n << " bytes";
    }
    Bytes far = box;
    far[36] = far[37] = far[38] = far[39] = 0xff;  // index 2^32-1: refused before any ratchet step
    EXPECT_EQ(openText(opener, clinic, far), kIntegrity);
    // The record before it still opens: nothing in the opener was spoiled by the failures.
    EXPECT_EQ(openText(opener, clinic, box), "patient answers");
}

TEST(EpochBox, ABoxForAnotherClinicKeyDoesNotOpen) {
    Keys clinic, other;
    EpochSealer sealer;
    const Bytes box = sealWith(sealer, other.publicKey, "for the other clinic");
    RecordOpener opener;
    EXPECT_EQ(openText(opener, clinic, box), kIntegrity);
    EXPECT_EQ(openText(opener, other, box), "for the other clinic");
    // A sealer that changes clinic key starts a new epoch for it.
    const Bytes mine = sealWith(sealer, clinic.publicKey, "for this clinic");
    EXPECT_EQ(openText(opener, clinic, mine), "for this clinic");
    EXPECT_EQ(openText(opener, other, mine), kIntegrity);
}

TEST(EpochBox, AnEpochEndsAfterItsRecords) {
    Keys clinic;
    EpochSealer sealer;
    std::set<Bytes> epochs;
    std::vector<Bytes> boxes;
    for (std::uint32_t i = 0; i < kEpochRecords + 2; ++i) {
        boxes.push_back(sealWith(sealer, clinic.publicKey, std::to_string(i)));
        epochs.insert(Bytes(boxes.back().begin() + 4, boxes.back().begin() + 36));
    }
    EXPECT_EQ(epochs.size(), 2u);
    RecordOpener opener;
    EXPECT_EQ(openText(opener, clinic, boxes.back()), std::to_string(kEpochRecords + 1));
    EXPECT_EQ(openText(opener, clinic, boxes[kEpochRecords - 1]), std::to_string(kEpochRecords - 1));
    EXPECT_EQ(openText(opener, clinic, boxes[0]), "0");
    EXPECT_EQ(opener.agreements(), 2u);
}

TEST(EpochBox, TheStoreOpensItsOldSealedRecordsAndItsNewOnes) {
    TempDir dir;
    const std::string db = dir / "k.db";
    Store s = freshStore(db);
    const std::string oldId = *s.submit(meta(1), payload(1));
    const std::string newId = *s.submit(meta(2), payload(2));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    {  // Record 1 as an older kiosk saved it: the same plain text in a crypto_box_seal box.
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        SQLite::Statement get(raw, "SELECT payload FROM records WHERE id = ?");
        get.bind(1, oldId);
        ASSERT_TRUE(get.executeStep());
        const auto* blob = static_cast<const unsigned char*>(get.getColumn(0).getBlob());
        const Bytes epochBox(blob, blob + get.getColumn(0).getBytes());
        get.reset();
        RecordOpener opener;
        auto n = opener.open(key->publicKey(), key->secretKey(), epochBox.data(), epochBox.size());
        ASSERT_TRUE(n.ok());
        auto sealedBox = seal(key->publicKey(), opener.data(), *n);
        ASSERT_TRUE(sealedBox.ok());
        SQLite::Statement put(raw, "UPDATE records SET payload = ? WHERE id = ?");
        put.bind(1, sealedBox->data(), static_cast<int>(sealedBox->size()));
        put.bind(2, oldId);
        ASSERT_EQ(put.exec(), 1);
    }
    EXPECT_EQ(*s.readPayload(oldId, *key), payload(1));
    EXPECT_EQ(*s.readPayload(newId, *key), payload(2));
    std::vector<std::string> seen;
    ASSERT_TRUE(s.forEachRecord({}, *key, [&](const RecordSummary&, const core::Result<std::string>& p) {
        seen.push_back(p ? *p : "error");
        return true;
    }));
    EXPECT_EQ(seen, (std::vector<std::string>{payload(1), payload(2)}));
}

}  // namespace
}  // namespace kiosk::store::testing
