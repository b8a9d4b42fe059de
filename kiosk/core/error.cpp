#include "kiosk/core/error.h"

namespace kiosk::core {

std::string Error::format() const {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) {
            out += ':' + std::to_string(where.line);
            if (where.col > 0) out += ':' + std::to_string(where.col);
        }
        out += ": ";
    }
    out += "error: ";
    out += message;
    return out;
}

Error makeError(ErrorCode code, std::string message, SourceLoc where) {
    return Error{code, std::move(message), std::move(where)};
}

}  // namespace kiosk::core
