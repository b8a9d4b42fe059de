#pragma once
#include "kiosk/bodymap/regions.h"
#include "kiosk/core/error.h"
#include <imgui.h>
