#pragma once
// `intake-kiosk` is the command line alone: it links no ImGui, GLFW or GL, so validate, simulate,
// export and records never load a GL stack. The two commands that open a window (run, screenshot)
// hand the very same command line to `intake-kiosk-shell`, which replaces this process (exec: the
// same pid, so systemd, the bench and the crash tests see one process).

namespace kiosk::app {

/// The window program's path: beside this executable (a build tree, or /usr/bin), else
/// KIOSK_LIBEXEC_DIR (the package's private folder). "" when neither has it.
const char* windowProgramPath();

/// Execs the window program with @p argv unchanged; returns only on failure (exit code 1, after a
/// message on stderr saying which file could not be started and why).
int execWindowProgram(char** argv);

}  // namespace kiosk::app
