// intake-kiosk is the command line alone: validate, simulate, export and records never load a GL
// stack; run and screenshot exec intake-kiosk-shell (app/cli/window_program.h). Neither loads
// espeak-ng: read aloud comes from the voice plugin.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace {

/// What the dynamic loader maps for @p binary (ldd prints one line per shared library).
std::string librariesOf(const std::string& binary) {
    std::string out;
    FILE* p = ::popen(("ldd '" + binary + "' 2>&1").c_str(), "r");
    if (!p) return out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
    return out;
}

bool mapsGl(const std::string& libs) {
    return libs.find("libGL") != std::string::npos || libs.find("libglfw") != std::string::npos ||
           libs.find("libOpenGL") != std::string::npos;
}

TEST(WindowProgram, TheCommandLineLoadsNoGlStack) {
    const std::string libs = librariesOf(KIOSK_BINARY);
    ASSERT_NE(libs.find("libc.so"), std::string::npos) << libs;  // ldd did read it
    EXPECT_FALSE(mapsGl(libs)) << libs;
}

TEST(WindowProgram, TheShellDoesLoadIt) {  // the check above can fail: the same test sees GL here
    const std::string libs = librariesOf(KIOSK_SHELL_BINARY);
    ASSERT_NE(libs.find("libc.so"), std::string::npos) << libs;
    EXPECT_TRUE(mapsGl(libs)) << libs;
}

bool mapsSpeech(const std::string& libs) {
    return libs.find("libespeak-ng") != std::string::npos || libs.find("libasound") != std::string::npos;
}

// Read aloud's espeak-ng and ALSA (18 MB installed with their data) are the voice plugin's alone
// (speech/voice_plugin.h): neither program loads them, the plugin does.
TEST(WindowProgram, NeitherProgramLoadsTheSpeechLibraries) {
    for (const std::string binary : {KIOSK_BINARY, KIOSK_SHELL_BINARY}) {
        const std::string libs = librariesOf(binary);
        ASSERT_NE(libs.find("libc.so"), std::string::npos) << libs;
        EXPECT_FALSE(mapsSpeech(libs)) << binary << ":\n" << libs;
    }
    const std::string plugin = librariesOf(KIOSK_VOICE_PLUGIN);
    EXPECT_NE(plugin.find("libespeak-ng"), std::string::npos) << plugin;
    EXPECT_NE(plugin.find("libasound"), std::string::npos) << plugin;
}

}  // namespace
