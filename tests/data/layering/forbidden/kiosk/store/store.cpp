#include "kiosk/store/store.h"
#include "kiosk/core/error.h"
#include "../session/record.h"
#include "kiosk/session/record.h"
