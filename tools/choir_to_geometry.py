#!/usr/bin/env python3
"""Converts the CHOIR body map polygons into the kiosk's geometry format (assets/body_map/README.md).

Inputs (not kept in this tree; see assets/body_map/SOURCE.md for where they come from):
  POLYGONS  data-raw/bm_poly_construct.R of github.com/emcramer/CHOIRBM (MIT): the 74 segments as
            integer polygons, front 101-136 and back 201-238, each view in its own ~280x565 space.
  NAMES     maps/choirbodymap_male.html of github.com/ctsit/imagemap (Apache-2.0): the same polygons
            with English titles ("Wrist (front-right)"); the back view is shifted 261 to the right.

The region ids are ours (the ids answers store); the names in NAMES are only used to check that each
id's side (_r/_l: the patient's right/left) and body part agree with the published title, so a
left/right swap cannot slip in. Run:
  python3 tools/choir_to_geometry.py POLYGONS NAMES > assets/body_map/choir_male.json
"""
import json
import re
import sys

# CHOIR code -> (our id, the words its imagemap title must contain). Front: odd = patient's right (on
# the viewer's left); back: odd = patient's LEFT (also on the viewer's left: we see the patient's back).
REGIONS = {
    101: ("head_front_r", "Cranium (front-right)"), 102: ("head_front_l", "Cranium (front-left)"),
    103: ("face_r", "Face (front-right)"), 104: ("face_l", "Face (front-left)"),
    105: ("neck_front_r", "Neck (front-right)"), 106: ("neck_front_l", "Neck (front-left)"),
    107: ("shoulder_front_r", "Shoulder (front-right)"), 110: ("shoulder_front_l", "Shoulder (front-left)"),
    108: ("chest_r", "Chest (front-right)"), 109: ("chest_l", "Chest (front-left)"),
    111: ("upper_arm_front_r", "Bicep (front-right)"), 112: ("upper_arm_front_l", "Bicep (front-left)"),
    113: ("elbow_front_r", "Elbow (front-right)"), 114: ("elbow_front_l", "Elbow (front-left)"),
    115: ("forearm_front_r", "Forearm (front-right)"), 118: ("forearm_front_l", "Forearm (front-left)"),
    116: ("abdomen_r", "Abdomen (front-right)"), 117: ("abdomen_l", "Abdomen (front-left)"),
    119: ("wrist_front_r", "Wrist (front-right)"), 124: ("wrist_front_l", "Wrist (front-left)"),
    120: ("hip_front_r", "Hip (front-right)"), 123: ("hip_front_l", "Hip (front-left)"),
    121: ("groin_r", "Pubic (front-right)"), 122: ("groin_l", "Pubic (front-left)"),
    125: ("palm_r", "Hand (palm-right)"), 128: ("palm_l", "Hand (palm-left)"),
    126: ("thigh_front_r", "Upper Leg (front-right)"), 127: ("thigh_front_l", "Upper Leg (front-left)"),
    129: ("knee_front_r", "Knee (front-right)"), 130: ("knee_front_l", "Knee (front-left)"),
    131: ("shin_r", "Lower Leg (front-right)"), 132: ("shin_l", "Lower Leg (front-left)"),
    133: ("ankle_front_r", "Ankle (front-right)"), 134: ("ankle_front_l", "Ankle (front-left)"),
    135: ("foot_top_r", "Foot (top-right)"), 136: ("foot_top_l", "Foot (top-left)"),
    201: ("head_top_back_l", "Cranium (back-left)"), 202: ("head_top_back_r", "Cranium (back-right)"),
    203: ("head_back_l", "Head (back-left)"), 204: ("head_back_r", "Head (back-right)"),
    205: ("neck_back_l", "Neck (back-left)"), 206: ("neck_back_r", "Neck (back-right)"),
    207: ("shoulder_back_l", "Shoulder (back-left)"), 210: ("shoulder_back_r", "Shoulder (back-right)"),
    208: ("upper_back_l", "Upper Back (back-left)"), 209: ("upper_back_r", "Upper Back (back-right)"),
    211: ("upper_arm_back_l", "Bicep (back-left)"), 214: ("upper_arm_back_r", "Bicep (back-right)"),
    212: ("mid_back_l", "Middle Back (back-left)"), 213: ("mid_back_r", "Middle Back (back-right)"),
    215: ("elbow_back_l", "Elbow (back-left)"), 216: ("elbow_back_r", "Elbow (back-right)"),
    217: ("forearm_back_l", "Forearm (back-left)"), 220: ("forearm_back_r", "Forearm (back-right)"),
    218: ("lower_back_l", "Lower Back (back-left)"), 219: ("lower_back_r", "Lower Back (back-right)"),
    221: ("wrist_back_l", "Wrist (back-left)"), 226: ("wrist_back_r", "Wrist (back-right)"),
    222: ("hip_back_l", "Hip (back-left)"), 225: ("hip_back_r", "Hip (back-right)"),
    223: ("buttock_l", "Buttocks (back-left)"), 224: ("buttock_r", "Buttocks (back-right)"),
    227: ("hand_back_l", "Hand (top-left)"), 230: ("hand_back_r", "Hand (top-right)"),
    228: ("hamstring_l", "Upper Leg (back-left)"), 229: ("hamstring_r", "Upper Leg (back-right)"),
    231: ("knee_back_l", "Knee (back-left)"), 232: ("knee_back_r", "Knee (back-right)"),
    233: ("calf_l", "Lower Leg (back-left)"), 234: ("calf_r", "Lower Leg (back-right)"),
    235: ("ankle_back_l", "Ankle (back-left)"), 236: ("ankle_back_r", "Ankle (back-right)"),
    237: ("sole_l", "Foot (bottom-left)"), 238: ("sole_r", "Foot (bottom-right)"),
}

# Corrections to the traced outlines, each (code, old point, new point) with its reason. The tests
# (tests/bodymap/choir_geometry_test.cpp) hold every pair of regions to a small overlap; this one
# was ~40 square units, ten times the rest.
CORRECTIONS = [
    # Mid back, right: its top corner reached 3 units into the right upper arm (214), whose edge
    # runs down x = 197-198 there; the mirrored left side (212 against 211) has no such overlap.
    (213, (201, 161), (198, 161)),
]

BACK_SHIFT_IN_NAMES = 261  # the imagemap draws the back view to the right of the front one
VIEW_BOX = [0, 0, 280, 565]
ATTRIBUTION = ("CHOIR body map: Stanford University's Collaborative Health Outcomes Information Registry "
               "(CHOIR); Scherrer KH et al., \"Development and validation of the Collaborative Health "
               "Outcomes Information Registry body map\", Pain Reports 2021. Polygons from "
               "github.com/emcramer/CHOIRBM, MIT licence, Copyright (c) 2021 Eric Cramer.")


def fail(message):
    sys.exit("choir_to_geometry: " + message)


def points(coords):
    values = [int(v) for v in coords.split(",")]
    if len(values) % 2:
        fail("an odd number of coordinates")
    return list(zip(values[0::2], values[1::2]))


def read_polygons(path):
    text = open(path, encoding="utf-8").read()
    found = {int(code): points(coords) for code, coords in re.findall(r'"(\d{3})"\s*=\s*c\(([^)]*)\)', text)}
    if sorted(found) != sorted(REGIONS):
        fail("expected the 74 CHOIR codes 101-136 and 201-238 in " + path)
    return found


def read_names(path):
    text = open(path, encoding="utf-8").read()
    found = {}
    for key, title, coords in re.findall(r'data-key="([fb])\d+" title="([^"]*)"[^>]*coords="([^"]*)"', text):
        found[title] = (key, points(coords))
    return found


def clean(poly):
    """Drops a closing point equal to the first and points repeating the one before."""
    out = []
    for p in poly:
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    polygons, names = read_polygons(argv[1]), read_names(argv[2])
    regions = []
    for code in sorted(REGIONS):
        rid, title = REGIONS[code]
        if title not in names:
            fail(f"{code} ({rid}): no area titled '{title}' in {argv[2]}")
        key, named = names[title]
        shift = BACK_SHIFT_IN_NAMES if key == "b" else 0
        # The titled polygon must be this code's polygon: that is what ties the id's side to the name.
        if [(x - shift, y) for x, y in named] != polygons[code]:
            fail(f"{code} ({rid}): the polygon titled '{title}' is not CHOIR segment {code}")
        poly = list(polygons[code])
        for c, old, new in CORRECTIONS:
            if c == code:
                if old not in poly:
                    fail(f"correction of {code}: point {old} not found")
                poly = [new if p == old else p for p in poly]
        regions.append({"id": rid, "choir": code, "view": "front" if code < 200 else "back",
                        "polygons": [[list(p) for p in clean(poly)]]})
    doc = {"version": 1, "attribution": ATTRIBUTION, "license": "MIT",
           "views": {"front": {"view_box": VIEW_BOX}, "back": {"view_box": VIEW_BOX}}, "regions": regions}
    # One region per line keeps diffs of the data readable.
    lines = [json.dumps(r, separators=(",", ":")) for r in regions]
    head = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in doc.items() if k != "regions")
    text = "{\n" + head + ',\n  "regions": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"
    json.loads(text)  # what we print must parse
    sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
