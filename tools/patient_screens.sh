#!/usr/bin/env bash
# Makes the README's pictures of the patient's screens (docs/screens/*.png, "What the patient sees")
# with the real UI and the bundled intake: `intake-kiosk screenshot` drives a real session to each
# screen with demo answers, under a private Xvfb. The body map's pictures: tools/body_map_screens.sh.
#
#   tools/patient_screens.sh [BUILD]      (BUILD defaults to build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
kiosk="${1:-build}/intake-kiosk"
out=docs/screens

# shot NAME SCREEN [OPTION...]
shot() {
  local name=$1 screen=$2
  shift 2
  XVFB_SCREEN=1920x1080x24 tests/support/with_xvfb.sh "$kiosk" screenshot --screen "$screen" "$@" -o "$out/$name"
  echo "$out/$name"
}
shot welcome_en.png welcome --size 1280x720
shot date_of_birth_es.png page:date_of_birth --lang es
shot date_of_birth_1280x800_larger_es.png page:date_of_birth --lang es --size 1280x800 --larger-text
shot health_en.png page:blood_thinners --tap item/blood_thinners/no --tap item/fever_now/not_sure
shot review_en.png review --size 1280x720
shot thank_you_urgent_en.png thank_you_urgent --size 1280x720
shot idle_es.png idle --lang es --size 1280x720
shot save_failed_en.png save_failed --size 1280x720
shot resume_es.png resume --lang es --size 1280x720
