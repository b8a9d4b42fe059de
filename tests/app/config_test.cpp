// app::KioskConfig loading: defaults, every key, and the errors a clinic admin's typo produces.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/forms/loader.h"
#include "support/temp_files.h"

namespace kiosk::app {
namespace {

std::string firstError(const ConfigLoad& load) {
    return load.errors.empty() ? std::string("(no error)") : load.errors.front().format();
}

TEST(AppConfig, EmptyFileGivesDocumentedDefaults) {
    const ConfigLoad load = parseConfig("", "kiosk.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    const KioskConfig& c = *load.config;
    EXPECT_EQ(c.defaultLanguage, "en");
    EXPECT_EQ(c.idleAfter.count(), 90);
    EXPECT_EQ(c.idleCountdown.count(), 30);
    EXPECT_EQ(c.thankYouFor.count(), 15);
    EXPECT_EQ(c.saveRetry.count(), 10);
    EXPECT_EQ(c.draftResume.count(), 600);
    EXPECT_EQ(c.theme, ThemeChoice::Normal);
    EXPECT_TRUE(c.window.fullscreen);
    EXPECT_TRUE(c.staffPin.empty());
    EXPECT_TRUE(c.form.empty());
}

TEST(AppConfig, ReadsEveryKey) {
    const char* yaml = R"(
clinic:
  name: Riverside Pain Clinic
  logo: /srv/logo.png
language: es
form: back_pain
forms_dir: /srv/forms
assets_dir: /srv/assets
data_dir: /srv/data
kiosk_id: lobby-1
timeouts:
  idle_after: 2m
  countdown: 20
  thank_you: "10s"
  save_retry: 5
  draft_resume: 1h
theme: high_contrast
staff_pin: "0246"
window: 1280x800
)";
    const ConfigLoad load = parseConfig(yaml, "kiosk.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    const KioskConfig& c = *load.config;
    EXPECT_EQ(c.clinicName, "Riverside Pain Clinic");
    EXPECT_EQ(c.logoPath, "/srv/logo.png");
    EXPECT_EQ(c.defaultLanguage, "es");
    EXPECT_EQ(c.form, "back_pain");
    EXPECT_EQ(c.formsDir, "/srv/forms");
    EXPECT_EQ(c.assetsDir, "/srv/assets");
    EXPECT_EQ(c.dataDir, "/srv/data");
    EXPECT_EQ(c.kioskId, "lobby-1");
    EXPECT_EQ(c.idleAfter.count(), 120);
    EXPECT_EQ(c.idleCountdown.count(), 20);
    EXPECT_EQ(c.thankYouFor.count(), 10);
    EXPECT_EQ(c.saveRetry.count(), 5);
    EXPECT_EQ(c.draftResume.count(), 3600);
    EXPECT_EQ(c.theme, ThemeChoice::HighContrast);
    EXPECT_EQ(c.staffPin, "0246");
    EXPECT_FALSE(c.window.fullscreen);
    EXPECT_EQ(c.window.width, 1280);
    EXPECT_EQ(c.window.height, 800);
}

TEST(AppConfig, EmptyValuesKeepDefaults) {
    const ConfigLoad load = parseConfig("form:\ntimeouts:\n  idle_after:\n", "kiosk.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->idleAfter.count(), 90);
}

TEST(AppConfig, UnknownKeyIsLocatedWithSuggestion) {
    const ConfigLoad load = parseConfig("language: en\ntimeouts:\n  idle_afer: 60\n", "/etc/k.yaml");
    ASSERT_FALSE(load.ok());
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(
        load.errors[0].format(),
        "/etc/k.yaml:3:3: error: unknown key 'timeouts.idle_afer' (did you mean 'timeouts.idle_after'?)");
}

TEST(AppConfig, NestedKeyAtTopLevelPointsToItsMap) {
    const ConfigLoad load = parseConfig("idle_after: 60\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].message.find("did you mean 'timeouts.idle_after'"), std::string::npos)
        << load.errors[0].message;
}

TEST(AppConfig, UnrelatedUnknownKeyHasNoSuggestion) {
    const ConfigLoad load = parseConfig("printer: lp0\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].format(), "k.yaml:1:1: error: unknown key 'printer'");
}

TEST(AppConfig, WrongTypesAreLocated) {
    const ConfigLoad load =
        parseConfig("clinic: Riverside\ntimeouts:\n  countdown: soon\nform: [a, b]\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 3u) << firstError(load);
    EXPECT_EQ(load.errors[0].where.line, 1);
    EXPECT_NE(load.errors[0].message.find("'clinic' must be a map"), std::string::npos);
    EXPECT_EQ(load.errors[1].where.line, 3);
    EXPECT_EQ(load.errors[1].where.col, 14);
    EXPECT_NE(load.errors[1].message.find("'timeouts.countdown' must be a duration"), std::string::npos);
    EXPECT_EQ(load.errors[2].where.line, 4);
    EXPECT_NE(load.errors[2].message.find("'form' must be a single value, not a list"), std::string::npos);
}

TEST(AppConfig, OutOfRangeAndBadValues) {
    const ConfigLoad load = parseConfig(
        "timeouts:\n  idle_after: 2\ntheme: high-contrast\nstaff_pin: 12ab\nwindow: big\nlanguage: English\n"
        "kiosk_id: lobby 1\n",
        "k.yaml");
    ASSERT_EQ(load.errors.size(), 6u) << firstError(load);
    EXPECT_NE(load.errors[0].message.find("between 10 and 3600 seconds"), std::string::npos);
    EXPECT_NE(load.errors[1].message.find("did you mean 'high_contrast'"), std::string::npos);
    EXPECT_NE(load.errors[2].message.find("4 to 8 digits"), std::string::npos);
    EXPECT_EQ(load.errors[2].message.find("12ab"), std::string::npos) << "a PIN never appears in errors";
    EXPECT_NE(load.errors[3].message.find("1280x800"), std::string::npos);
    EXPECT_NE(load.errors[4].message.find("language code"), std::string::npos);
    EXPECT_NE(load.errors[5].message.find("kiosk_id"), std::string::npos);
}

TEST(AppConfig, DuplicateKeyIsAnError) {
    const ConfigLoad load = parseConfig("language: en\nlanguage: es\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].format(),
              "k.yaml:2:1: error: duplicate key 'language'; it is already given at line 1:1 (each key may appear "
              "once in a map; remove one)");
}

TEST(AppConfig, DuplicateNestedKeyIsLocatedAndTheOtherKeysStillRead) {
    const ConfigLoad load =
        parseConfig("timeouts:\n  countdown: 20\n  idle_after: 60\n  countdown: 25\ntheme: sepia\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 2u) << firstError(load);
    EXPECT_EQ(load.errors[0].format(),
              "k.yaml:4:3: error: duplicate key 'countdown'; it is already given at line 2:3 (each key may appear "
              "once in a map; remove one)");
    EXPECT_EQ(load.errors[1].where.line, 5);  // reading goes on: every mistake in one pass
}

// Settings and form files are read by one YAML reader: a clinic admin sees a duplicate key in the
// same words, at the same place, whichever file it is in.
TEST(AppConfig, DuplicateKeyReadsAsInAFormFile) {
    const std::string text = "language: en\n\n  # the same key again, indented under nothing\nlanguage: es\n";
    const ConfigLoad settings = parseConfig(text, "same.yaml");
    const forms::LoadResult form = forms::loadFormFromString(text, "same.yaml");
    ASSERT_EQ(settings.errors.size(), 1u) << firstError(settings);
    const auto inForm = std::find_if(form.errors.begin(), form.errors.end(),
                                     [](const core::Error& e) { return e.message.rfind("duplicate key", 0) == 0; });
    ASSERT_NE(inForm, form.errors.end());
    EXPECT_EQ(settings.errors[0].format(), inForm->format());
    EXPECT_EQ(settings.errors[0].format(),
              "same.yaml:4:1: error: duplicate key 'language'; it is already given at line 1:1 (each key may "
              "appear once in a map; remove one)");
}

TEST(AppConfig, ReaderLimitsAndChecksApply) {
    const ConfigLoad big = parseConfig(std::string(70 * 1024, '#'), "k.yaml");
    ASSERT_EQ(big.errors.size(), 1u);
    EXPECT_EQ(big.errors[0].format(),
              "k.yaml: error: the file is 71680 bytes; the limit is 65536 bytes (64 kB). A settings file is normally "
              "under 2 kB: is this the right file?");
    const ConfigLoad tabbed = parseConfig("timeouts:\n\tidle_after: 60\n", "k.yaml");
    ASSERT_EQ(tabbed.errors.size(), 1u);
    EXPECT_EQ(tabbed.errors[0].where.line, 2);
    EXPECT_NE(tabbed.errors[0].message.find("a tab is used for indentation"), std::string::npos);
    const ConfigLoad two = parseConfig("language: en\n---\nlanguage: es\n", "k.yaml");
    ASSERT_EQ(two.errors.size(), 1u);
    EXPECT_EQ(two.errors[0].message, "a second YAML document (after '---'); a config file holds one document");
}

TEST(AppConfig, AFolderIsNotASettingsFile) {
    const kiosk::testing::TempDir folder("config-folder");
    const std::string& dir = folder.path();
    for (bool explicitlyGiven : {true, false}) {
        const ConfigLoad load = loadConfig(dir, explicitlyGiven);
        ASSERT_EQ(load.errors.size(), 1u);
        EXPECT_EQ(load.errors[0].format(), dir + ": error: this is a directory, not a config file");
    }
}

TEST(AppConfig, SyntaxErrorIsLocated) {
    const ConfigLoad load = parseConfig("clinic:\n  name: [unclosed\n", "k.yaml");
    ASSERT_FALSE(load.ok());
    EXPECT_EQ(load.errors[0].where.file, "k.yaml");
    EXPECT_GT(load.errors[0].where.line, 0);
}

TEST(AppConfig, TopLevelMustBeAMap) {
    const ConfigLoad load = parseConfig("- a\n- b\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].message.find("must be a map"), std::string::npos);
}

TEST(AppConfig, MissingFileIsDefaultsOnlyWhenNotExplicit) {
    const std::string missing = "/nonexistent/intake-kiosk/kiosk.yaml";
    const ConfigLoad implicitLoad = loadConfig(missing, false);
    ASSERT_TRUE(implicitLoad.ok());
    EXPECT_EQ(implicitLoad.config->idleAfter.count(), 90);

    const ConfigLoad explicitLoad = loadConfig(missing, true);
    ASSERT_FALSE(explicitLoad.ok());
    EXPECT_EQ(explicitLoad.errors[0].format(), missing + ": error: cannot read the config file");
}

TEST(AppConfig, LoadsFromFile) {
    const kiosk::testing::TempFile file("kiosk.yaml", "clinic:\n  name: North\nwindow: 800x600\n");
    const ConfigLoad load = loadConfig(file.path(), true);
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->clinicName, "North");
    EXPECT_EQ(load.config->window.width, 800);
}

TEST(AppConfig, RelativeLogoIsBesideTheSettingsFile) {
    const kiosk::testing::TempDir dir("config-logo");
    kiosk::testing::writeFile(dir / "kiosk.yaml", "clinic:\n  logo: logo.png\n");
    kiosk::testing::writeFile(dir / "abs.yaml", "clinic:\n  logo: /srv/clinic/logo.png\n");
    const ConfigLoad rel = loadConfig(dir / "kiosk.yaml", true);
    const ConfigLoad abs = loadConfig(dir / "abs.yaml", true);
    ASSERT_TRUE(rel.ok()) << firstError(rel);
    ASSERT_TRUE(abs.ok()) << firstError(abs);
    EXPECT_EQ(rel.config->logoPath, dir / "logo.png");
    EXPECT_EQ(abs.config->logoPath, "/srv/clinic/logo.png");
}

TEST(AppConfig, ShippedExampleIsValidAndMatchesDefaults) {
    const ConfigLoad load = loadConfig(KIOSK_SOURCE_DIR "/packaging/kiosk.example.yaml", true);
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->idleAfter.count(), KioskConfig{}.idleAfter.count());
    EXPECT_EQ(load.config->idleCountdown.count(), KioskConfig{}.idleCountdown.count());
    EXPECT_EQ(load.config->thankYouFor.count(), KioskConfig{}.thankYouFor.count());
    EXPECT_EQ(load.config->idleAfterConsent.count(), KioskConfig{}.idleAfterConsent.count());
    EXPECT_EQ(load.config->urgentCommand, KioskConfig{}.urgentCommand);
    EXPECT_EQ(load.config->speech.voices, KioskConfig{}.speech.voices);
    EXPECT_EQ(load.config->speech.rate, KioskConfig{}.speech.rate);
    EXPECT_EQ(load.config->speech.volume, KioskConfig{}.speech.volume);
    EXPECT_EQ(load.config->speech.device, KioskConfig{}.speech.device);
}

// Issue 20: the idle wipe fought the consent page (which sends patients to ask the front desk).
// Consent pages and the review wait longer, and timeouts are checked against each other.
TEST(AppConfig, ConsentPagesWaitLongerAndTimeoutsAreSaneTogether) {
    ConfigLoad load = parseConfig("timeouts:\n  idle_after_consent: 10m\n", "k.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->idleAfterConsent.count(), 600);
    EXPECT_EQ(parseConfig("", "k.yaml").config->idleAfterConsent.count(), 300);
    load = parseConfig("timeouts:\n  idle_after: 8m\n", "k.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->idleAfterConsent.count(), 480) << "unset: never shorter than idle_after";

    load = parseConfig("timeouts:\n  idle_after: 2m\n  idle_after_consent: 60\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].format(),
              "k.yaml:3:23: error: 'timeouts.idle_after_consent' (60 s) must be at least 'timeouts.idle_after' "
              "(120 s): the consent and review pages wait longer, never shorter");
    load = parseConfig("timeouts:\n  idle_after: 30\n  countdown: 45\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].where.line, 3);
    EXPECT_NE(load.errors[0].message.find("must be shorter than 'timeouts.idle_after'"), std::string::npos);
}

// Issue 20: the desk alert hook is a program run with the record id: checked when the file is read.
TEST(AppConfig, UrgentCommandMustBeAnExecutableGivenByAbsolutePath) {
    ConfigLoad load = parseConfig("alerts:\n  urgent_command: /bin/true\n", "k.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->urgentCommand, "/bin/true");
    EXPECT_TRUE(parseConfig("", "k.yaml").config->urgentCommand.empty());

    load = parseConfig("alerts:\n  urgent_command: ring-bell --loud\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].where.line, 2);
    EXPECT_NE(load.errors[0].message.find("must be an absolute path"), std::string::npos);
    load = parseConfig("alerts:\n  urgent_command: /nonexistent/bell\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].message.find("is not an executable file"), std::string::npos);
    load = parseConfig("alerts:\n  urgent_comand: /bin/true\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].message.find("did you mean 'alerts.urgent_command'"), std::string::npos);
}

TEST(AppConfig, SpeechVoiceRateAndVolume) {
    const ConfigLoad load = parseConfig(
        "speech:\n  enabled: false\n  voices: {en: en-gb, es: es}\n  rate: 120\n  volume: 150\n  device: hw:1\n",
        "k.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    const speech::SpeechSettings& s = load.config->speech;
    EXPECT_FALSE(s.enabled);
    EXPECT_EQ(s.voiceFor("en"), "en-gb");
    EXPECT_EQ(s.voiceFor("es"), "es");
    EXPECT_EQ(s.rate, 120);
    EXPECT_EQ(s.volume, 150);
    EXPECT_EQ(s.device, "hw:1");
}

TEST(AppConfig, SpeechMistakesAreLocated) {
    EXPECT_EQ(firstError(parseConfig("speech:\n  rate: 1000\n", "k.yaml")),
              "k.yaml:2:9: error: 'speech.rate' must be a whole number from 80 to 300, not '1000'");
    EXPECT_EQ(firstError(parseConfig("speech:\n  volum: 50\n", "k.yaml")),
              "k.yaml:2:3: error: unknown key 'speech.volum' (did you mean 'speech.volume'?)");
    EXPECT_EQ(firstError(parseConfig("speech:\n  voices: {en: \"en us\"}\n", "k.yaml")),
              "k.yaml:2:16: error: 'speech.voices.en' must be an espeak-ng voice name such as en-us, not 'en us'");
    EXPECT_EQ(firstError(parseConfig("speech:\n  enabled: yes\n", "k.yaml")),
              "k.yaml:2:12: error: 'speech.enabled' must be true or false, not 'yes'");
}

TEST(AppConfig, WindowModeParse) {
    EXPECT_TRUE(WindowMode::parse("fullscreen")->fullscreen);
    auto w = WindowMode::parse("1920x1080");
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w->width, 1920);
    EXPECT_EQ(w->height, 1080);
    EXPECT_FALSE(WindowMode::parse("1920").ok());
    EXPECT_FALSE(WindowMode::parse("10x10").ok());
    EXPECT_FALSE(WindowMode::parse("x1080").ok());
    EXPECT_FALSE(WindowMode::parse("1920x1080x24").ok());
}

TEST(AppConfig, DataDirFollowsXdg) {
    EXPECT_EQ(resolveDataDir("/srv/k", "/x", "/home/a"), "/srv/k");
    EXPECT_EQ(resolveDataDir("", "/x/data", "/home/a"), "/x/data/intake-kiosk");
    EXPECT_EQ(resolveDataDir("", nullptr, "/home/a"), "/home/a/.local/share/intake-kiosk");
    EXPECT_EQ(resolveDataDir("", "relative", "/home/a"), "/home/a/.local/share/intake-kiosk");
}

}  // namespace
}  // namespace kiosk::app

namespace kiosk::app {
namespace {

// Issue 20: a required phone number accepted "12": the digit count is a clinic's setting.
TEST(AppConfig, PhoneDigitsAreAClinicSetting) {
    ConfigLoad load = parseConfig("phone:\n  min_digits: 10\n  max_digits: 11\n", "k.yaml");
    ASSERT_TRUE(load.ok()) << firstError(load);
    EXPECT_EQ(load.config->phoneMinDigits, 10);
    EXPECT_EQ(load.config->phoneMaxDigits, 11);
    EXPECT_EQ(parseConfig("", "k.yaml").config->phoneMinDigits, 7);
    load = parseConfig("phone:\n  min_digits: 12\n  max_digits: 10\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].format(),
              "k.yaml:2:15: error: 'phone.min_digits' (12) must not be more than 'phone.max_digits' (10)");
    load = parseConfig("phone:\n  min_digits: seven\n", "k.yaml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].message.find("whole number from 3 to 20"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::app
