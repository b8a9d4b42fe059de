#include "kiosk/core/error.h"
