#!/usr/bin/env bash
# Makes the README's body-map pictures (docs/screens/body_map_*.png) with the real UI:
# `intake-kiosk screenshot --tap ...` marks regions as a finger would, under a private Xvfb.
#
#   tools/body_map_screens.sh [BUILD]      (BUILD defaults to build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
kiosk="${1:-build}/intake-kiosk"
out=docs/screens
K=item/pain_map

taps=()
# mark REGION [INTENSITY [KIND...]]: tap the region, its strength and kinds, then Done.
mark() {
  local region=$1
  shift
  taps+=(--tap "$K/$region")
  if [ $# -gt 0 ]; then taps+=(--tap "$K/$region/intensity/$1"); shift; fi
  for kind in "$@"; do taps+=(--tap "$K/$region/kind/$kind"); done
  taps+=(--tap "$K/$region/done")
}
mark lower_back_l 7 aching stiffness
mark lower_back_r 5
mark neck_back_l 4
mark shoulder_front_r 6 burning
mark knee_front_l 8 sharp
mark wrist_front_r 3
mark calf_l 2
mark hip_back_r
several=("${taps[@]}")
# At 1280x800 the kinds of a panel lie below the fold (a finger scrolls first; --tap refuses a
# widget out of view): the same areas, with their strengths only.
taps=()
mark lower_back_l 7
mark lower_back_r 5
mark neck_back_l 4
mark shoulder_front_r 6
mark knee_front_l 8
mark wrist_front_r 3
mark calf_l 2
mark hip_back_r
strengths=("${taps[@]}")
# The panel of one more region, open: strength given, one kind ticked.
panel=(--tap "$K/ankle_front_l" --tap "$K/ankle_front_l/intensity/6" --tap "$K/ankle_front_l/kind/aching")

shot() {
  local name=$1
  shift
  XVFB_SCREEN=1920x1080x24 tests/support/with_xvfb.sh "$kiosk" screenshot --screen page:pain_map "$@" -o "$out/$name"
  echo "$out/$name"
}
shot body_map_en.png "${several[@]}"
shot body_map_panel_en.png "${several[@]}" "${panel[@]}"
shot body_map_panel_es.png --lang es "${several[@]}" "${panel[@]}"
shot body_map_contrast_en.png --high-contrast "${several[@]}" "${panel[@]}"
shot body_map_1280x800_en.png --size 1280x800 "${strengths[@]}"
