#include <CLI/CLI.hpp>

#include "kiosk/export/job.h"
#include "kiosk/store/store.h"
#include <GLFW/glfw3.h>
#include "kiosk/ui/theme.h"
