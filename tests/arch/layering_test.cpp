// The layering check (kiosk/layers.txt): the real tree keeps to the graph, and the check fails, at
// file:line and naming the edge, on a fixture tree that breaks it (tests/data/layering/README.md).
#include "arch/layering.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using kiosk::arch::checkLayering;

namespace {

const std::string kSrc = KIOSK_SOURCE_DIR;
const std::string kLayers = kSrc + "/kiosk/layers.txt";

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

/// A forbidden-edge message without its tail ("; <layers file> has '<the layer's line>'"), which
/// follows the real graph file as it changes; other messages whole.
std::string head(const std::string& message) {
    const auto tail = message.find("); ");
    return tail == std::string::npos ? message : message.substr(0, tail + 1);
}

}  // namespace

TEST(Layering, TheTreeKeepsToTheGraph) {
    const std::vector<std::string> problems = checkLayering(kSrc, kLayers);
    EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(Layering, AForbiddenIncludeFailsAtItsLineNamingTheEdge) {
    const std::vector<std::string> problems = checkLayering(kSrc + "/tests/data/layering/forbidden", kLayers);
    std::vector<std::string> heads;
    for (const auto& p : problems) heads.push_back(head(p));
    const std::vector<std::string> expected = {
        "kiosk/app/cli/cli_export.cpp:5: error: forbidden edge app/cli -> glfw (#include <GLFW/glfw3.h>)",
        "kiosk/app/cli/cli_export.cpp:6: error: forbidden edge app/cli -> ui (#include \"kiosk/ui/theme.h\")",
        "kiosk/core/clock.h:5: error: forbidden edge core -> app (#include \"kiosk/app/paths.h\")",
        "kiosk/forms/model.h:4: error: forbidden edge forms -> imgui (#include <imgui.h>)",
        "kiosk/misc/util.cpp: error: kiosk/misc/ is in no layer of " + kLayers + "; give it a line there",
        "kiosk/session/intake.cpp:5: error: forbidden edge session -> store (#include \"kiosk/store/store.h\")",
        "kiosk/staff/gate.cpp:4: error: forbidden edge staff -> gl (#include <GL/gl.h>)",
        "kiosk/store/store.cpp:3: error: #include \"../session/record.h\" is not spelled \"kiosk/<layer>/...\", so the "
        "layering check cannot place it",
        "kiosk/store/store.cpp:4: error: forbidden edge store -> session (#include \"kiosk/session/record.h\")",
        "kiosk/ui/screens.cpp:6: error: forbidden edge ui -> store (#include \"kiosk/store/store.h\")",
    };
    EXPECT_EQ(heads, expected) << joined(problems);
    // The tail quotes the graph's line for the layer, so the reader sees what is allowed.
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].substr(head(problems[0]).size()), "; " + kLayers + " has 'app/cli: core forms bodymap "
                                                            "session staff store export sync speech cli11'");
}

TEST(Layering, MistakesInTheGraphFileAreReportedAtTheirLine) {
    const std::string root = kSrc + "/tests/data/layering/bad-graph";
    const std::vector<std::string> problems = checkLayering(root, root + "/layers.txt");
    const std::vector<std::string> expected = {
        "layers.txt:4: error: expected 'layer: what it may include'",
        "layers.txt:6: error: layer 'forms' has a line already",
        "layers.txt:7: error: 'stroe' is neither a layer of this file nor one of the libraries imgui, glfw, gl, cli11",
    };
    EXPECT_EQ(problems, expected) << joined(problems);
}
