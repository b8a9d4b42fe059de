#include "kiosk/app/cli/cli_run.h"
#include "kiosk/app/shell/window.h"
#include "kiosk/store/store.h"
#include <GLFW/glfw3.h>
