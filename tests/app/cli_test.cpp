// The command line as a receptionist meets it: wrong words give a short message, the usage line and
// exit 2; --help lists everything. These run the built binary.
#include <fstream>
#include <gtest/gtest.h>

#include "support/run_kiosk.h"

namespace kiosk::app {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::RunResult;
using kiosk::testing::TempDir;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(AppCli, HelpListsEveryCommandAndExitsZero) {
    const RunResult r = runKiosk("--help");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(has(r.output, "run")) << r.output;
    EXPECT_TRUE(has(r.output, "screenshot")) << r.output;
    EXPECT_TRUE(has(r.output, "intake-kiosk run")) << r.output;  // the footer: no command = run
}

TEST(AppCli, RunHelpListsEveryOption) {
    const RunResult r = runKiosk("run --help");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    for (const char* opt : {"--form", "--config", "--windowed", "--lang", "--data-dir", "--forms-dir"}) {
        EXPECT_TRUE(has(r.output, opt)) << opt << " missing from:\n" << r.output;
    }
}

TEST(AppCli, UnknownCommandSuggestsTheRightOne) {
    const RunResult r = runKiosk("rnu");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "unknown command 'rnu' (did you mean 'run'?)")) << r.output;
    EXPECT_TRUE(has(r.output, "usage: intake-kiosk")) << r.output;
    EXPECT_TRUE(has(r.output, "--help")) << r.output;
}

TEST(AppCli, UnknownCommandWithoutCloseMatch) {
    const RunResult r = runKiosk("print-everything");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "unknown command 'print-everything'")) << r.output;
    EXPECT_FALSE(has(r.output, "did you mean")) << r.output;
}

TEST(AppCli, MisspeltOptionSuggestsTheRightOne) {
    const RunResult r = runKiosk("run --windowd 800x600");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "unknown option '--windowd' (did you mean '--windowed'?)")) << r.output;
    EXPECT_TRUE(has(r.output, "usage: intake-kiosk run")) << r.output;
}

TEST(AppCli, LeadingOptionMeansRun) {
    // `intake-kiosk --windowd ...` is read as `run --windowd ...`: the error names run's options.
    const RunResult r = runKiosk("--windowd 800x600");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "did you mean '--windowed'")) << r.output;
}

TEST(AppCli, BadWindowSizeExplainsTheFormat) {
    const RunResult r = runKiosk("run --windowed huge");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "1280x800")) << r.output;
}

TEST(AppCli, BadLanguageExplainsTheFormat) {
    const RunResult r = runKiosk("run --lang English");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "language code")) << r.output;
}

TEST(AppCli, MissingOptionValue) {
    const RunResult r = runKiosk("run --form");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "--form")) << r.output;
    EXPECT_TRUE(has(r.output, "usage: intake-kiosk run")) << r.output;
}

TEST(AppCli, ScreenshotNeedsScreenAndOutput) {
    const RunResult r = runKiosk("screenshot");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "--screen")) << r.output;
    EXPECT_TRUE(has(r.output, "usage: intake-kiosk screenshot")) << r.output;
}

TEST(AppCli, ScreenshotUnknownScreenListsScreens) {
    const RunResult r = runKiosk("screenshot --screen lobby -o /tmp/x.png");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(has(r.output, "unknown screen 'lobby'")) << r.output;
    EXPECT_TRUE(has(r.output, "thank_you")) << r.output;
}

TEST(AppCli, MissingConfigFileNamedOnTheCommandLine) {
    const RunResult r = runKiosk("run --config /nonexistent/kiosk.yaml", "env -u DISPLAY -u WAYLAND_DISPLAY");
    EXPECT_EQ(r.exitCode, 2);
    // A usage error in the one shape every command uses (it was "intake-kiosk run: PATH: error: ...",
    // with no usage line and no way to help).
    EXPECT_EQ(r.err, "intake-kiosk run: --config /nonexistent/kiosk.yaml: cannot read the config file\n"
                     "usage: intake-kiosk run [--form ID|FILE] [--config FILE] [--windowed WxH] [--lang xx] "
                     "[--data-dir DIR] [--forms-dir DIR]\n"
                     "Run 'intake-kiosk run --help' for details.\n");
}

TEST(AppCli, BadConfigFileNamedOnTheCommandLineIsLocated) {
    TempDir dir("cli-bad-config");
    std::ofstream(dir / "kiosk.yaml") << "clinic:\n  name: North\ntimeouts:\n  idle_afer: 60\n";
    const RunResult r =
        runKiosk("run --config '" + dir / "kiosk.yaml" + "'", "env -u DISPLAY -u WAYLAND_DISPLAY");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.output, dir / "kiosk.yaml" + ":4:3: error: unknown key 'timeouts.idle_afer'"))
        << r.output;
    EXPECT_TRUE(has(r.output, "did you mean 'timeouts.idle_after'")) << r.output;
}

TEST(AppCli, RunWithoutDisplaySaysSo) {
    TempDir dir("cli-no-display");
    const RunResult r = runKiosk("run --windowed 800x600 --data-dir '" + dir.path() + "'",
                                 "env -u DISPLAY -u WAYLAND_DISPLAY KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.output, "no display available")) << r.output;
}

TEST(AppCli, ScreenshotWithoutDisplaySaysSo) {
    TempDir dir("cli-shot-no-display");
    const RunResult r = runKiosk("screenshot --screen welcome -o '" + dir / "w.png" + "'",
                                 "env -u DISPLAY -u WAYLAND_DISPLAY");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.output, "no display available")) << r.output;
}

}  // namespace
}  // namespace kiosk::app
