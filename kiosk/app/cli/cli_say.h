#pragma once
// `intake-kiosk say --form FILE --page N|ID --lang xx -o FILE.wav`: what the Read aloud button says
// for one page, as a WAVE file (espeak-ng in-process; no window, no sound card).
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// @brief Registers `say`. Exit 0 with the file written, 1 when the form, the voice or the file
///        fails (file:line:col for form errors), 2 for a wrong command line.
void addSayCommand(CLI::App& app);

}  // namespace kiosk::app
