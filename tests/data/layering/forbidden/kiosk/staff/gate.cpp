#include "kiosk/staff/gate.h"
#include "kiosk/store/audit.h"
#include "kiosk/export/job.h"
  #  include <GL/gl.h>
