#pragma once
// app::KioskConfig: everything a clinic sets for one kiosk, in one documented struct (STYLE.md #12).
// Loaded from a YAML file (packaging/kiosk.example.yaml documents every key); command-line flags
// override it. Unknown keys and wrong types are errors with file:line:col, never silently ignored:
// a typo in `idle_afer` must not leave a kiosk wiping patients after the default time unnoticed.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"
#include "kiosk/core/text_file.h"
#include "kiosk/speech/speech_settings.h"

namespace kiosk::app {

/// YAML `theme`: normal | high_contrast.
enum class ThemeChoice { Normal, HighContrast };

/// @brief YAML `window`: "fullscreen" (the kiosk) or "WxH" (a decoration-less window, for testing).
struct WindowMode {
    bool fullscreen = true;
    int width = 0, height = 0;  ///< only when !fullscreen

    /// Parses "fullscreen" or "1280x800" (each side 200..16384); errors say what was expected.
    static core::Result<WindowMode> parse(std::string_view text);
};

/// @brief One kiosk's settings. Defaults are usable as they are: an empty file is a valid config.
struct KioskConfig {
    // [SECTION] Clinic (YAML `clinic:` map)
    /// string, "": shown on the welcome screen (`clinic.name`); empty shows only the form title.
    std::string clinicName;
    /// path, "": PNG logo for the welcome screen (`clinic.logo`); empty = no logo.
    std::string logoPath;

    // [SECTION] Content
    /// language code, "en" (`language`): the welcome screen's language until a patient picks one;
    /// must be one the form offers, else the form's first language is used (and logged).
    std::string defaultLanguage = "en";
    /// form id or file, "" (`form`): an id names forms_dir/<id>.yaml; a path (has a '/' or ends in
    /// .yaml/.yml) is used as is. "" = the only form in forms_dir, else "intake".
    std::string form;
    /// folder, "" (`forms_dir`): where questionnaires live; "" = the bundled forms/ (source tree in
    /// a development build, /usr/share/intake-kiosk/forms installed).
    std::string formsDir;
    /// folder, "" (`assets_dir`): fonts, translations, body-map geometry; "" = bundled assets/.
    std::string assetsDir;
    /// folder, "" (`data_dir`): database and logs; "" = $XDG_DATA_HOME/intake-kiosk, else
    /// ~/.local/share/intake-kiosk (see resolveDataDir()).
    std::string dataDir;
    /// string, "" (`kiosk_id`): names this kiosk in records and logs when a clinic has several;
    /// "" = the host name. Letters, digits, '-', '_' and '.' only (it goes into file names).
    std::string kioskId;

    /// libpq URL, "" (`server.url`): the clinic PostgreSQL this kiosk pushes its sealed records to
    /// and staff commands read with no --pg; "" = this kiosk is on its own. No password in it: a
    /// password file (PGPASSFILE or passfile=) holds that (README "Several kiosks").
    std::string serverUrl;

    // [SECTION] Timing (YAML `timeouts:` map; integer seconds, or a string "90s", "2m", "1h")
    /// seconds, 90 (`timeouts.idle_after`): silence before "Are you still there?". Long enough for
    /// a slow reader in pain, short enough that a patient who walked off is not left on show.
    std::chrono::seconds idleAfter{90};
    /// seconds, 300 (`timeouts.idle_after_consent`): the same silence on pages that ask for consent
    /// or a signature and on the review: patients read there, or go and ask the front desk as the
    /// consent text tells them to. At least idle_after; unset, 300 or idle_after if that is longer.
    std::chrono::seconds idleAfterConsent{300};
    /// seconds, 30 (`timeouts.countdown`): the visible countdown before the answers are wiped.
    /// Shorter than idle_after.
    std::chrono::seconds idleCountdown{30};
    /// seconds, 15 (`timeouts.thank_you`): the thank-you screen, then back to welcome.
    std::chrono::seconds thankYouFor{15};
    /// seconds, 10 (`timeouts.save_retry`): a failed save retries this often, answers kept.
    std::chrono::seconds saveRetry{10};
    /// seconds, 600 (`timeouts.draft_resume`): after a crash or power cut, a draft younger than this
    /// is resumed at start; an older one is discarded (its patient has surely left).
    std::chrono::seconds draftResume{600};

    // [SECTION] Phone numbers (YAML `phone:` map)
    /// 3-20, 7 (`phone.min_digits`): a phone number a patient types needs at least this many digits
    /// ("12" is refused with a kind message); set it to the clinic's local number length.
    int phoneMinDigits = 7;
    /// 3-20, 15 (`phone.max_digits`): and at most this many (15: the longest number there is).
    int phoneMaxDigits = 15;

    // [SECTION] Desk alerts (YAML `alerts:` map)
    /// absolute path, "" (`alerts.urgent_command`): run as `COMMAND RECORD_ID` after an intake with
    /// an urgent flag is saved (a bell, a lamp, a message to the desk). It gets the record id only,
    /// never patient data; the kiosk does not wait for it (app/cli/alert_hook.h). "" = none.
    std::string urgentCommand;

    // [SECTION] Look and staff
    /// normal | high_contrast, normal (`theme`): the theme the kiosk starts in; patients can switch.
    ThemeChoice theme = ThemeChoice::Normal;
    /// 4-8 digits, "" (`staff_pin`): the PIN asked after the staff gesture (hold the top-left
    /// corner) to leave the kiosk. "" = no PIN: the gesture asks for the staff passphrase instead
    /// (there is no built-in PIN). Quote it in YAML ("0123") so that any YAML tool keeps a leading zero.
    std::string staffPin;
    /// true for us_letter, false for a4 (`paper`): the page size of the therapist's PDF.
    bool letterPaper = false;
    /// fullscreen | WxH, fullscreen (`window`): fullscreen on the primary monitor for the kiosk;
    /// a size opens a window without decorations (testing, screenshots on a desktop).
    WindowMode window;

    // [SECTION] Read aloud (YAML `speech:` map: enabled, voices, rate, volume, device)
    /// See speech::SpeechSettings for each key's type, default and reason.
    speech::SpeechSettings speech;
};

/// @brief The outcome of reading a config file: the config when errors is empty.
struct ConfigLoad {
    std::optional<KioskConfig> config;
    core::Errors errors;  ///< every problem, each with file:line:col
    bool ok() const { return config.has_value() && errors.empty(); }
};

/// Parses YAML text; @p displayPath is used in error locations.
ConfigLoad parseConfig(std::string_view yamlText, const std::string& displayPath);
/// Reads @p path. A missing file is an error when @p explicitlyGiven (the user named it with
/// --config); otherwise it means "no config": defaults.
ConfigLoad loadConfig(const std::string& path, bool explicitlyGiven);

/// What a settings file is to core::readTextFile (its name in messages and its size limit).
const core::TextFileKind& settingsFileKind();

/// The config file used when --config is not given: $KIOSK_CONFIG, else /etc/intake-kiosk/kiosk.yaml.
std::string defaultConfigPath();

/// @brief The settings file in effect and what it held. `path` is the file that was read; "" when
///        no file was given and the default one does not exist (defaults apply).
struct SettingsFile {
    ConfigLoad load;
    std::string path;
};

/// The settings the kiosk and the staff commands share: @p configOption (--config FILE, which must
/// exist) if given, else defaultConfigPath() (a missing default file means defaults).
SettingsFile loadSettings(const std::string& configOption);

/// The data folder: @p configured if set, else $XDG_DATA_HOME/intake-kiosk, else
/// $HOME/.local/share/intake-kiosk (environment values passed in, so tests control them).
std::string resolveDataDir(const std::string& configured, const char* xdgDataHome, const char* home);

std::string_view toString(ThemeChoice theme);

}  // namespace kiosk::app
