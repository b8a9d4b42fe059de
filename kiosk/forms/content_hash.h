#pragma once
// The content hash recorded with every intake: which exact bytes of a form the patient answered.
#include <string>
#include <string_view>

namespace kiosk::forms {

/// @brief "sha256:<64 lowercase hex digits>" of @p bytes (libsodium crypto_hash_sha256).
std::string contentHash(std::string_view bytes);

}  // namespace kiosk::forms
