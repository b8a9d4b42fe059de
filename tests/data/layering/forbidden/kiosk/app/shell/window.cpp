#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>

#include "kiosk/app/cli/cli_run.h"
#include "kiosk/ui/theme.h"
