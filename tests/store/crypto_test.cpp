// Sealed boxes opened into one reused guarded buffer (openSealedInto): what a walk over many
// records does, so guarded memory is set up once, not once per record.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/store/crypto.h"

using namespace kiosk::store;

namespace {

Bytes sealText(const Bytes& publicKey, const std::string& text) {
    auto box = seal(publicKey, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    EXPECT_TRUE(box.ok());
    return box.ok() ? *box : Bytes{};
}

std::string textOf(const SecretBytes& scratch, std::size_t n) {
    return std::string(reinterpret_cast<const char*>(scratch.data()), n);
}

}  // namespace

TEST(SealedBox, OpenIntoOneBufferReusesItAndGrowsOnlyForALargerText) {
    Bytes publicKey;
    auto secretKey = newKeyPair(publicKey);
    ASSERT_TRUE(secretKey.ok());
    const std::string medium(300, 'm'), small = "short", large(5000, 'L');
    SecretBytes scratch;

    const Bytes mediumBox = sealText(publicKey, medium);
    auto n = openSealedInto(scratch, publicKey, *secretKey, mediumBox.data(), mediumBox.size());
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_EQ(textOf(scratch, *n), medium);
    const unsigned char* first = scratch.data();

    const Bytes smallBox = sealText(publicKey, small);
    n = openSealedInto(scratch, publicKey, *secretKey, smallBox.data(), smallBox.size());
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(textOf(scratch, *n), small);
    EXPECT_EQ(scratch.data(), first) << "a smaller text reuses the buffer";

    const Bytes largeBox = sealText(publicKey, large);
    n = openSealedInto(scratch, publicKey, *secretKey, largeBox.data(), largeBox.size());
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(textOf(scratch, *n), large);
    EXPECT_GE(scratch.size(), large.size());

    Bytes tampered = smallBox;
    tampered.back() ^= 1;
    n = openSealedInto(scratch, publicKey, *secretKey, tampered.data(), tampered.size());
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().code, kiosk::core::ErrorCode::Integrity);
    n = openSealedInto(scratch, publicKey, *secretKey, tampered.data(), 10);
    ASSERT_FALSE(n.ok());
    EXPECT_NE(n.error().message.find("truncated"), std::string::npos);
}
