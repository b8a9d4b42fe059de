// test_app links the layer libraries but not the executable's own sources (kiosk/app/*.cpp are
// compiled straight into intake-kiosk). The logic the tests exercise in-process is compiled in here;
// everything else is tested by running the built binary (KIOSK_BINARY).
// If app/ ever becomes a kiosk_app library (main.cpp apart), link it instead and delete this file.
#include "kiosk/app/effects.cpp"       // NOLINT(bugprone-suspicious-include)
#include "kiosk/app/kiosk_config.cpp"  // NOLINT(bugprone-suspicious-include)
#include "kiosk/app/paths.cpp"         // NOLINT(bugprone-suspicious-include)
#include "kiosk/app/suggest.cpp"       // NOLINT(bugprone-suspicious-include)
#include "kiosk/app/demo_answers.cpp"  // NOLINT(bugprone-suspicious-include)
#include "kiosk/app/intake_scene.cpp"  // NOLINT(bugprone-suspicious-include)
