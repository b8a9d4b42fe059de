#pragma once
// The PDF tests read their output back with poppler-utils (pdftotext, pdfinfo, pdftoppm), which
// packaging/install-deps.sh installs: a missing poppler is a set-up failure, never a silent skip.
#include <cstdio>
#include <memory>
#include <string>

#include "bundled_records.h"
#include "kiosk/export/pdf_intake.h"

namespace kiosk::exports::testing {

/// What @p command (through /bin/sh) wrote on stdout.
inline std::string commandOutput(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

inline bool havePoppler() { return !commandOutput("command -v pdftotext pdfinfo pdftoppm").empty(); }

/// The PDF tests' options: real labels, the clinic "Clínica Ñandú" (accents in the header), and
/// @p form on the shelf.
inline PdfOptions pdfTestOptions(std::shared_ptr<const forms::Form> form) {
    PdfOptions options;
    options.catalog = &kiosk::testing::realCatalog();
    options.clinicName = "Clínica Ñandú";
    auto shelf = std::make_shared<FormShelf>();
    shelf->add(std::move(form));
    options.shelf = shelf;
    return options;
}

}  // namespace kiosk::exports::testing
