#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/staff/gate.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/store/store.h"
