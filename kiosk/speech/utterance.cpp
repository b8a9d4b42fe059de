#include "kiosk/speech/utterance.h"

namespace kiosk::speech {

std::string Utterance::text() const {
    std::string all;
    for (const auto& s : sentences) {
        if (!all.empty()) all += ' ';
        all += s;
    }
    return all;
}

}  // namespace kiosk::speech
