#pragma once
// The two figures the bodymap tests use, each loaded and measured once: the bundled CHOIR map and
// the small fixture of tests/data/bodymap (a failure to load fails the test that asked).
#include <gtest/gtest.h>

#include <string>

#include "kiosk/bodymap/figure.h"

namespace kiosk::bodymap::test {

inline Figure loadFigure(const std::string& path) {
    core::Result<Geometry> g = loadGeometry(path);
    if (!g) ADD_FAILURE() << g.error().format();
    return makeFigure(g ? std::move(*g) : Geometry{});
}

inline const Figure& choir() {
    static const Figure f = loadFigure(KIOSK_SOURCE_DIR "/assets/body_map/choir_male.json");
    return f;
}

inline const Figure& fixture() {
    static const Figure f = loadFigure(KIOSK_SOURCE_DIR "/tests/data/bodymap/fixture.json");
    return f;
}

}  // namespace kiosk::bodymap::test
