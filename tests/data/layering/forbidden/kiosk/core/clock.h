#pragma once
#include <chrono>

#include "kiosk/core/error.h"
#include "kiosk/app/paths.h"
