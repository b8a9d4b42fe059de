#include "kiosk/session/intake.h"

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/model.h"
#include "kiosk/store/store.h"
