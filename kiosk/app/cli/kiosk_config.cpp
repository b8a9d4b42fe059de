// Reading kiosk.yaml into app::KioskConfig through core's strict YAML reader (the one forms use, so a
// duplicate key reads the same in both). Every key is checked: unknown keys (with a did-you-mean),
// wrong types and out-of-range values each give an error at file:line:col.
//
// [SECTION] Helpers     locations, scalar parsers
// [SECTION] Fields      one reader per key, the table of known keys
// [SECTION] Loading     parseConfig / loadConfig / loadSettings / paths
#include "kiosk/app/cli/kiosk_config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include <unistd.h>
#include <map>
#include <vector>

#include "kiosk/core/suggest.h"
#include "kiosk/core/text_file.h"
#include "kiosk/core/yaml_tree.h"
#include "kiosk/sync/server_url.h"

namespace kiosk::app {
namespace {

using core::ErrorCode;
using core::Errors;
using core::SourceLoc;
using core::YamlNode;

/// A settings file is a few hundred bytes of flat keys; the limits refuse a wrong file at once.
const core::YamlRules kConfigYaml{
    {"config file", 64 * 1024, "A settings file is normally under 2 kB: is this the right file?"},
    10000,
    16,
    "a settings file has a few dozen",
    "a settings file needs 2",
    256 * 1024,
    "a settings file holds a few hundred bytes",
};

// [SECTION] Helpers
std::string typeName(const YamlNode& node) {
    switch (node.kind) {
        case YamlNode::Kind::Map:
            return "a map";
        case YamlNode::Kind::Seq:
            return "a list";
        case YamlNode::Kind::Null:
            return "empty";
        case YamlNode::Kind::Scalar:
            break;
    }
    return "a single value";
}

/// "90", "90s", "2m", "1h" -> seconds; nullopt when malformed.
std::optional<long> parseSeconds(const std::string& text) {
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
    size_t used = 0;
    long value = 0;
    try {
        value = std::stol(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const std::string unit = text.substr(used);
    if (unit.empty() || unit == "s") return value;
    if (unit == "m") return value * 60;
    if (unit == "h") return value * 3600;
    return std::nullopt;
}

bool allOf(const std::string& s, int (*pred)(int)) {
    return std::all_of(s.begin(), s.end(),
                       [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

/// Reading context for one file: collects every error instead of stopping at the first.
struct Reader {
    std::string file;
    Errors errors;

    void fail(const YamlNode& node, std::string message) {
        errors.push_back(core::makeError(ErrorCode::Invalid, std::move(message), node.loc(file)));
    }

    /// A plain value (not a map or list); nullopt (and an error) otherwise; null or "" means "unset".
    std::optional<std::string> scalar(const YamlNode& node, const std::string& key) {
        if (node.isNull()) return std::nullopt;
        if (!node.isScalar()) {
            fail(node, "'" + key + "' must be a single value, not " + typeName(node));
            return std::nullopt;
        }
        if (node.value.empty()) return std::nullopt;  // `key: ""` keeps the default, like `key:`
        return node.value;
    }

    void text(const YamlNode& node, const std::string& key, std::string& out) {
        if (auto v = scalar(node, key)) out = *v;
    }

    void integer(const YamlNode& node, const std::string& key, int min, int max, int& out) {
        auto v = scalar(node, key);
        if (!v) return;
        const bool digits = !v->empty() && v->size() <= 6 && allOf(*v, std::isdigit);
        const int n = digits ? std::stoi(*v) : -1;
        if (!digits || n < min || n > max)
            return fail(node, "'" + key + "' must be a whole number from " + std::to_string(min) + " to " +
                                  std::to_string(max) + ", not '" + *v + "'");
        out = n;
    }

    void seconds(const YamlNode& node, const std::string& key, long min, long max,
                 std::chrono::seconds& out) {
        auto v = scalar(node, key);
        if (!v) return;
        auto secs = parseSeconds(*v);
        if (!secs) {
            fail(node,
                 "'" + key + "' must be a duration such as 90, \"90s\", \"2m\" or \"1h\", not '" + *v + "'");
        } else if (*secs < min || *secs > max) {
            fail(node, "'" + key + "' must be between " + std::to_string(min) + " and " +
                           std::to_string(max) + " seconds, not " + std::to_string(*secs));
        } else {
            out = std::chrono::seconds(*secs);
        }
    }
};

// [SECTION] Fields
using FieldReader = std::function<void(Reader&, const YamlNode&, KioskConfig&)>;
struct Field {
    std::string key;
    FieldReader read;
};

void readMap(Reader& r, const YamlNode& map, const std::string& prefix, const std::vector<Field>& fields,
             const std::vector<std::string>& elsewhere, KioskConfig& cfg);

/// A `timeouts.<key>` duration in [min, max] seconds.
Field durationField(const std::string& key, long min, long max, std::chrono::seconds KioskConfig::*member) {
    return {key, [=](Reader& r, const YamlNode& n, KioskConfig& c) {
                r.seconds(n, "timeouts." + key, min, max, c.*member);
            }};
}

/// A free-text key (a name, a path, an id) stored as is; @p prefix names its map in errors.
Field textField(const std::string& key, std::string KioskConfig::*member, const std::string& prefix = "") {
    return {key, [=](Reader& r, const YamlNode& n, KioskConfig& c) { r.text(n, prefix + key, c.*member); }};
}

const std::vector<Field>& timeoutFields() {
    static const std::vector<Field> kFields = {
        durationField("idle_after", 10, 3600, &KioskConfig::idleAfter),
        durationField("idle_after_consent", 10, 3600, &KioskConfig::idleAfterConsent),
        durationField("countdown", 5, 300, &KioskConfig::idleCountdown),
        durationField("thank_you", 3, 300, &KioskConfig::thankYouFor),
        durationField("save_retry", 1, 600, &KioskConfig::saveRetry),
        durationField("draft_resume", 0, 86400, &KioskConfig::draftResume),
    };
    return kFields;
}

const std::vector<Field>& clinicFields() {
    static const std::vector<Field> kFields = {
        textField("name", &KioskConfig::clinicName, "clinic."),
        textField("logo", &KioskConfig::logoPath, "clinic."),
    };
    return kFields;
}

void readUrgentCommand(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "alerts.urgent_command");
    if (!v) return;
    // Run without a shell, with the record id as its only argument: a path, not a command line.
    const std::filesystem::path p(*v);
    std::error_code ec;
    if (!p.is_absolute())
        return r.fail(n, "'alerts.urgent_command' must be an absolute path to a program (it is run without a "
                         "shell, with the record id as its only argument), not '" + *v + "'");
    if (!std::filesystem::is_regular_file(p, ec) || ::access(v->c_str(), X_OK) != 0)
        return r.fail(n, "'alerts.urgent_command': " + *v + " is not an executable file");
    c.urgentCommand = *v;
}

const std::vector<Field>& phoneFields() {
    static const std::vector<Field> kFields = {
        {"min_digits", [](Reader& r, const YamlNode& n, KioskConfig& c) { r.integer(n, "phone.min_digits", 3, 20, c.phoneMinDigits); }},
        {"max_digits", [](Reader& r, const YamlNode& n, KioskConfig& c) { r.integer(n, "phone.max_digits", 3, 20, c.phoneMaxDigits); }},
    };
    return kFields;
}

/// An integer `speech.<key>` in [min, max].
Field intField(const std::string& key, int min, int max, int speech::SpeechSettings::*member) {
    return {key, [=](Reader& r, const YamlNode& n, KioskConfig& c) {
                auto v = r.scalar(n, "speech." + key);
                if (!v) return;
                const bool digits = !v->empty() && v->size() <= 6 && allOf(*v, std::isdigit);
                const int value = digits ? std::stoi(*v) : -1;
                if (value < min || value > max)
                    return r.fail(n, "'speech." + key + "' must be a whole number from " + std::to_string(min) +
                                         " to " + std::to_string(max) + ", not '" + *v + "'");
                c.speech.*member = value;
            }};
}

void readSpeechEnabled(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "speech.enabled");
    if (!v) return;
    if (*v == "true") c.speech.enabled = true;
    else if (*v == "false") c.speech.enabled = false;
    else r.fail(n, "'speech.enabled' must be true or false, not '" + *v + "'");
}

/// `speech.voices`: a map of language code -> espeak-ng voice name; it replaces the defaults.
void readVoices(Reader& r, const YamlNode& n, KioskConfig& c) {
    if (n.isNull()) return;
    if (!n.isMap()) return r.fail(n, "'speech.voices' must be a map such as {en: en-us, es: es-419}, not " + typeName(n));
    std::map<std::string, std::string> voices;
    for (size_t i = 0; i < n.keys.size(); ++i) {
        const std::string& lang = n.keys[i].value;
        auto voice = r.scalar(n.values[i], "speech.voices." + lang);
        if (!voice) continue;
        const bool ok = voice->size() <= 64 && std::all_of(voice->begin(), voice->end(), [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '+' || ch == '/';
        });
        if (!ok) {
            r.fail(n.values[i], "'speech.voices." + lang + "' must be an espeak-ng voice name such as en-us, not '" +
                                    *voice + "'");
            continue;
        }
        voices[lang] = *voice;
    }
    c.speech.voices = std::move(voices);
}

const std::vector<Field>& speechFields() {
    static const std::vector<Field> kFields = {
        {"enabled", readSpeechEnabled},
        {"voices", readVoices},
        intField("rate", 80, 300, &speech::SpeechSettings::rate),
        intField("volume", 10, 200, &speech::SpeechSettings::volume),
        {"device", [](Reader& r, const YamlNode& n, KioskConfig& c) { r.text(n, "speech.device", c.speech.device); }},
    };
    return kFields;
}

const std::vector<Field>& alertFields() {
    static const std::vector<Field> kFields = {{"urgent_command", readUrgentCommand}};
    return kFields;
}

/// The value node of @p key in map @p map, or nullptr.
const YamlNode* valueOf(const YamlNode& map, const std::string& key) {
    if (!map.isMap()) return nullptr;
    for (size_t i = 0; i < map.keys.size(); ++i)
        if (map.keys[i].value == key) return &map.values[i];
    return nullptr;
}

/// Values that are each fine but wrong together, reported at the key that breaks the rule.
void checkTogether(Reader& r, const YamlNode& root, KioskConfig& c) {
    if (c.phoneMinDigits > c.phoneMaxDigits) {
        const YamlNode* phone = valueOf(root, "phone");
        const YamlNode* at = phone ? valueOf(*phone, "min_digits") : nullptr;
        if (!at && phone) at = valueOf(*phone, "max_digits");
        r.fail(at ? *at : root, "'phone.min_digits' (" + std::to_string(c.phoneMinDigits) +
                                    ") must not be more than 'phone.max_digits' (" +
                                    std::to_string(c.phoneMaxDigits) + ")");
    }
    const YamlNode* timeouts = valueOf(root, "timeouts");
    const YamlNode* consent = timeouts ? valueOf(*timeouts, "idle_after_consent") : nullptr;
    const YamlNode* countdown = timeouts ? valueOf(*timeouts, "countdown") : nullptr;
    const bool consentGiven = consent != nullptr && !consent->isNull() && !consent->value.empty();
    if (!consentGiven) {
        c.idleAfterConsent = std::max(c.idleAfterConsent, c.idleAfter);
    } else if (c.idleAfterConsent < c.idleAfter) {
        r.fail(*consent, "'timeouts.idle_after_consent' (" + std::to_string(c.idleAfterConsent.count()) +
                             " s) must be at least 'timeouts.idle_after' (" + std::to_string(c.idleAfter.count()) +
                             " s): the consent and review pages wait longer, never shorter");
    }
    if (c.idleCountdown >= c.idleAfter)
        r.fail(countdown ? *countdown : *valueOf(*timeouts, "idle_after"),
               "'timeouts.countdown' (" + std::to_string(c.idleCountdown.count()) +
                   " s) must be shorter than 'timeouts.idle_after' (" + std::to_string(c.idleAfter.count()) +
                   " s): the warning comes after a silence longer than itself");
}

std::vector<std::string> keysOf(const std::vector<Field>& fields, const std::string& prefix) {
    std::vector<std::string> keys;
    for (const auto& f : fields)
        keys.push_back(prefix + f.key);
    return keys;
}

void readLanguage(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "language");
    if (!v) return;
    // ISO 639 code, optionally with a region: "en", "es", "pt-BR".
    auto lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
    auto alpha = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; };
    const std::string& s = *v;
    const bool ok =
        ((s.size() == 2 || s.size() == 3) && std::all_of(s.begin(), s.end(), lower)) ||
        (s.size() == 5 && lower(s[0]) && lower(s[1]) && s[2] == '-' && alpha(s[3]) && alpha(s[4]));
    if (!ok)
        return r.fail(n, "'language' must be a language code such as \"en\" or \"es\", not '" + *v + "'");
    c.defaultLanguage = *v;
}

void readKioskId(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "kiosk_id");
    if (!v) return;
    const bool ok = !v->empty() && v->size() <= 64 && std::all_of(v->begin(), v->end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
    });
    if (!ok) return r.fail(n, "'kiosk_id' may hold only letters, digits, '-', '_' and '.' (1 to 64 of them)");
    c.kioskId = *v;
}

void readServer(Reader& r, const YamlNode& n, KioskConfig& c) {
    if (!n.isMap()) return r.fail(n, "'server' must be a map of keys, not " + typeName(n));
    for (size_t i = 0; i < n.keys.size(); ++i) {
        if (n.keys[i].value != "url") {
            r.fail(n.keys[i], "unknown key 'server." + n.keys[i].value + "' (the only one is 'server.url')");
            continue;
        }
        auto v = r.scalar(n.values[i], "server.url");
        if (!v) continue;
        // The check names what is wrong, never the value: a URL may hold a password.
        if (auto ok = sync::checkServerUrl(*v); !ok) r.fail(n.values[i], "'server.url': " + ok.error().message);
        else c.serverUrl = *v;
    }
}

void readTheme(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "theme");
    if (!v) return;
    if (*v == "normal") {
        c.theme = ThemeChoice::Normal;
    } else if (*v == "high_contrast") {
        c.theme = ThemeChoice::HighContrast;
    } else {
        std::string msg = "'theme' must be normal or high_contrast, not '" + *v + "'";
        if (const std::string s = core::closest(*v, {"normal", "high_contrast"}, 2); !s.empty()) msg += " (did you mean '" + s + "'?)";
        r.fail(n, msg);
    }
}

void readPaper(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "paper");
    if (!v) return;
    if (*v != "a4" && *v != "us_letter") return r.fail(n, "'paper' must be a4 or us_letter, not '" + *v + "'");
    c.letterPaper = *v == "us_letter";
}

void readPin(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "staff_pin");
    if (!v) return;
    if (v->size() < 4 || v->size() > 8 || !allOf(*v, std::isdigit)) {
        return r.fail(n, "'staff_pin' must be 4 to 8 digits");  // never echo the value: it is a secret
    }
    c.staffPin = *v;
}

void readWindow(Reader& r, const YamlNode& n, KioskConfig& c) {
    auto v = r.scalar(n, "window");
    if (!v) return;
    auto mode = WindowMode::parse(*v);
    if (!mode) return r.fail(n, "'window': " + mode.error().message);
    c.window = *mode;
}

const std::vector<Field>& topFields() {
    static const std::vector<Field> kFields = {
        {"clinic", [](Reader& r, const YamlNode& n,
                      KioskConfig& c) { readMap(r, n, "clinic.", clinicFields(), {}, c); }},
        {"language", readLanguage},
        textField("form", &KioskConfig::form),
        textField("forms_dir", &KioskConfig::formsDir),
        textField("assets_dir", &KioskConfig::assetsDir),
        textField("data_dir", &KioskConfig::dataDir),
        {"kiosk_id", readKioskId},
        {"server", readServer},
        {"timeouts", [](Reader& r, const YamlNode& n,
                        KioskConfig& c) { readMap(r, n, "timeouts.", timeoutFields(), {}, c); }},
        {"phone", [](Reader& r, const YamlNode& n,
                     KioskConfig& c) { readMap(r, n, "phone.", phoneFields(), {}, c); }},
        {"alerts", [](Reader& r, const YamlNode& n,
                      KioskConfig& c) { readMap(r, n, "alerts.", alertFields(), {}, c); }},
        {"theme", readTheme},
        {"paper", readPaper},
        {"staff_pin", readPin},
        {"window", readWindow},
        {"speech", [](Reader& r, const YamlNode& n,
                      KioskConfig& c) { readMap(r, n, "speech.", speechFields(), {}, c); }},
    };
    return kFields;
}

/// Reads one map's keys through @p fields. @p elsewhere lists the dotted keys of other maps, so
/// `idle_after:` at the top level suggests `timeouts.idle_after`.
void readMap(Reader& r, const YamlNode& map, const std::string& prefix, const std::vector<Field>& fields,
             const std::vector<std::string>& elsewhere, KioskConfig& cfg) {
    if (map.isNull()) return;
    if (!map.isMap()) {
        const std::string name =
            prefix.empty() ? "the config file" : "'" + prefix.substr(0, prefix.size() - 1) + "'";
        return r.fail(map, name + " must be a map of keys, not " + typeName(map));
    }
    // Keys are plain scalars, each once: the reader has already said so for any that was not.
    for (size_t i = 0; i < map.keys.size(); ++i) {
        const YamlNode& keyNode = map.keys[i];
        const std::string& key = keyNode.value;
        auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
        if (field != fields.end()) {
            field->read(r, map.values[i], cfg);
            continue;
        }
        std::string msg = "unknown key '" + prefix + key + "'";
        std::vector<std::string> here;
        for (const auto& f : fields)
            here.push_back(f.key);
        if (const std::string s = core::closest(key, here, 2); !s.empty()) {
            msg += " (did you mean '" + prefix + s + "'?)";
        } else {
            for (const auto& dotted : elsewhere) {
                const std::string leaf = dotted.substr(dotted.rfind('.') + 1);
                if (core::editDistance(key, leaf) <= 1) {
                    msg += " (did you mean '" + dotted + "'?)";
                    break;
                }
            }
        }
        r.fail(keyNode, msg);
    }
}

}  // namespace

// [SECTION] Loading
core::Result<WindowMode> WindowMode::parse(std::string_view text) {
    if (text == "fullscreen") return WindowMode{};
    const auto x = text.find('x');
    auto number = [](std::string_view s) -> int {
        if (s.empty() || s.size() > 5) return -1;
        int v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (x != std::string_view::npos) {
        const int w = number(text.substr(0, x));
        const int h = number(text.substr(x + 1));
        if (w >= 200 && h >= 200 && w <= 16384 && h <= 16384) return WindowMode{false, w, h};
    }
    return core::makeError(
        ErrorCode::Invalid,
        "expected \"fullscreen\" or a size such as 1280x800 (200 to 16384 px each), not '" +
            std::string(text) + "'");
}

std::string_view toString(ThemeChoice theme) {
    return theme == ThemeChoice::HighContrast ? "high_contrast" : "normal";
}

ConfigLoad parseConfig(std::string_view yamlText, const std::string& displayPath) {
    Reader reader{displayPath, {}};
    KioskConfig cfg;
    YamlNode root;  // an empty file stays null: every default applies
    if (core::parseYaml(yamlText, displayPath, kConfigYaml, root, reader.errors)) {
        std::vector<std::string> nested = keysOf(timeoutFields(), "timeouts.");
        for (auto& k : keysOf(clinicFields(), "clinic."))
            nested.push_back(k);
        for (auto& k : keysOf(alertFields(), "alerts."))
            nested.push_back(k);
        for (auto& k : keysOf(phoneFields(), "phone."))
            nested.push_back(k);
        const size_t before = reader.errors.size();
        for (auto& k : keysOf(speechFields(), "speech."))
            nested.push_back(k);
        readMap(reader, root, "", topFields(), nested, cfg);
        if (reader.errors.size() == before) checkTogether(reader, root, cfg);
    }
    ConfigLoad out;
    out.errors = std::move(reader.errors);
    if (out.errors.empty()) out.config = std::move(cfg);
    return out;
}

ConfigLoad loadConfig(const std::string& path, bool explicitlyGiven) {
    core::Result<std::string> text = core::readTextFile(path, kConfigYaml.file);
    if (!text) {
        ConfigLoad out;
        const ErrorCode code = text.error().code;
        if (code != ErrorCode::NotFound && code != ErrorCode::Io) {
            out.errors.push_back(text.error());  // a folder, a device, a file far too big
        } else if (explicitlyGiven) {
            out.errors.push_back(
                core::makeError(ErrorCode::NotFound, "cannot read the config file", SourceLoc{path}));
        } else {
            out.config = KioskConfig{};
        }
        return out;
    }
    ConfigLoad out = parseConfig(*text, path);
    // An admin keeps the logo beside the settings file: a relative path means "next to this file".
    if (out.config && !out.config->logoPath.empty() && std::filesystem::path(out.config->logoPath).is_relative())
        out.config->logoPath = (std::filesystem::path(path).parent_path() / out.config->logoPath).string();
    return out;
}

const core::TextFileKind& settingsFileKind() { return kConfigYaml.file; }

std::string defaultConfigPath() {
    if (const char* env = std::getenv("KIOSK_CONFIG"); env && *env) return env;
    return "/etc/intake-kiosk/kiosk.yaml";
}

SettingsFile loadSettings(const std::string& configOption) {
    const bool explicitlyGiven = !configOption.empty();
    SettingsFile out;
    const std::string path = explicitlyGiven ? configOption : defaultConfigPath();
    out.load = loadConfig(path, explicitlyGiven);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) out.path = path;
    return out;
}

std::string resolveDataDir(const std::string& configured, const char* xdgDataHome, const char* home) {
    if (!configured.empty()) return configured;
    // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdgDataHome && xdgDataHome[0] == '/') return std::string(xdgDataHome) + "/intake-kiosk";
    if (home && *home) return std::string(home) + "/.local/share/intake-kiosk";
    return "/var/lib/intake-kiosk";  // a service account without a home
}

}  // namespace kiosk::app
