// libFuzzer entry: any bytes through the whole form loader. It must return errors, never crash,
// hang or exhaust memory, and a form that loads must have no errors and a content hash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kiosk/forms/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kiosk::forms::LoadResult r = kiosk::forms::loadFormFromString(text, "fuzz.yaml");
    if ((r.form == nullptr) == r.errors.empty()) std::abort();  // exactly one of form / errors
    if (r.form && r.form->contentHash.size() != 7 + 64) std::abort();
    for (const auto& e : r.errors)
        if (e.message.empty()) std::abort();
    return 0;
}
