#include "kiosk/export/record_payload.h"

#include <nlohmann/json.hpp>

#include "kiosk/export/fhir_signature.h"

namespace kiosk::exports {

std::string recordPayload(session::Record record) {
    fhir::keepSignaturePictures(record.answers);
    return session::toJson(record).dump();
}

}  // namespace kiosk::exports
