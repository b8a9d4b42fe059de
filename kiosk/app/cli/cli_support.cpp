#include "kiosk/app/cli/cli_support.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <regex>
#include <sstream>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/core/suggest.h"

namespace kiosk::app {

CLI::Validator windowSizeValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            // WindowMode also reads the settings file's "fullscreen", which these options do not take.
            auto mode = WindowMode::parse(text);
            if (mode && !mode->fullscreen) return {};
            return "expected a size such as 1280x800 (200 to 16384 px each), not '" + text + "'";
        },
        "");  // no description: the help shows the option's type name alone
}

CLI::Validator languageValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
            const bool ok = (text.size() == 2 || text.size() == 3 || (text.size() == 5 && text[2] == '-')) &&
                            lower(text[0]) && lower(text[1]);
            return ok ? std::string() : "expected a language code such as en or es, not '" + text + "'";
        },
        "");
}

CLI::Validator pathValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return text.empty() ? "the path is empty (is a shell variable unset?)" : std::string();
        },
        "");
}

CLI::Validator oneOfValidator(std::vector<std::string> values) {
    return CLI::Validator(
        [values](std::string& text) -> std::string {
            if (std::find(values.begin(), values.end(), text) != values.end()) return {};
            return "one of " + orList(values) + ", not '" + text + "'";
        },
        "");
}

std::string orList(const std::vector<std::string>& words) {
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i)
        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return list;
}

namespace {

/// What failUsage throws: a ParseError, so runCli says it as it says CLI11's.
class UsageError : public CLI::ParseError {
public:
    explicit UsageError(std::string message) : CLI::ParseError("UsageError", std::move(message), kExitUsage) {}
};

}  // namespace

void failUsage(const std::string& message) { throw UsageError(message); }

namespace {

std::string commandPath(const CLI::App& command) {
    std::string path = command.get_name();
    for (const CLI::App* p = command.get_parent(); p; p = p->get_parent())
        path = p->get_name() + " " + path;
    return path;
}

std::vector<std::string> commandNames(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    return names;
}

/// The subcommand the error happened in: the deepest one that was parsed.
const CLI::App& failingCommand(const CLI::App& app) {
    const CLI::App* current = &app;
    for (;;) {
        auto parsed = current->get_subcommands([](const CLI::App* sub) { return sub->parsed(); });
        if (parsed.empty()) return *current;
        current = parsed.front();
    }
}

/// "unknown option '--windowd' (did you mean '--windowed'?)" for the first of @p words that looks
/// like an option, else "unexpected argument '3'".
std::string extrasMessage(const CLI::App& command, const std::vector<std::string>& words) {
    std::string word = words.empty() ? std::string() : words.front();
    for (const auto& w : words) {
        if (w.rfind('-', 0) == 0) {
            word = w;
            break;
        }
    }
    std::vector<std::string> optionNames;
    for (const CLI::Option* opt : command.get_options())
        optionNames.push_back(opt->get_name());
    std::string msg = (word.rfind('-', 0) == 0 ? "unknown option '" : "unexpected argument '") + word + "'";
    if (const std::string s = core::closest(word, optionNames, 2); !s.empty()) msg += " (did you mean '" + s + "'?)";
    return msg;
}

/// A group (`keys`, `records`) run without one of its commands, or with a word that is none of them.
std::string missingCommandMessage(const CLI::App& group, const std::vector<std::string>& extras) {
    const std::vector<std::string> names = commandNames(group);
    if (extras.empty()) return "give a command: " + orList(names);
    if (extras.front().rfind('-', 0) == 0) return extrasMessage(group, extras);
    std::string msg = "unknown command '" + extras.front() + "'";
    const std::string s = core::closest(extras.front(), names, 2);
    return msg + (s.empty() ? " (commands: " + CLI::detail::join(names, ", ") + ")" : " (did you mean '" + s + "'?)");
}

std::string friendlyMessage(const CLI::App& command, const CLI::ParseError& error) {
    std::string msg = error.what();
    const std::vector<std::string> extras = command.remaining();
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && command.get_require_subcommand_min() > 0)
        return missingCommandMessage(command, extras);
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        if (!extras.empty()) return extrasMessage(command, extras);
        // "The following arguments were not expected: 3 --windowd" (CLI11 lists them last first).
        std::vector<std::string> words;
        std::istringstream listed(msg.substr(msg.find(": ") + 2));
        for (std::string w; listed >> w;) words.insert(words.begin(), w);
        return extrasMessage(command, words);
    }
    // Words nobody asked for come first: `import-fhir --qestionnaire q.json` is a typo, not a
    // missing QUESTIONNAIRE (CLI11 checks what is required before what is extra).
    if (!extras.empty() && dynamic_cast<const UsageError*>(&error) == nullptr) return extrasMessage(command, extras);
    // "--windowed: 1 required WxH missing" -> "--windowed needs a value (WxH)".
    static const std::regex kMissingValue(R"(^(\S+): (\d+) required (.*) missing$)");
    if (std::smatch m; std::regex_match(msg, m, kMissingValue))
        return m[1].str() + " needs " + (m[2].str() == "1" ? std::string("a value") : m[2].str() + " values") + " (" +
               m[3].str() + ")";
    return msg;
}

}  // namespace

std::string usageLine(const CLI::App& command) {
    std::string line = "usage: " + commandPath(command);
    if (command.get_parent() == nullptr) {
        return line + " [COMMAND] [OPTIONS]   (commands: " + CLI::detail::join(commandNames(command), ", ") +
               ")";
    }
    if (command.get_require_subcommand_min() > 0)  // a group: `keys`, `records`
        return line + " COMMAND [OPTIONS]   (commands: " + CLI::detail::join(commandNames(command), ", ") + ")";
    for (const CLI::Option* opt : command.get_options()) {
        if (opt->get_name() == "--help" || opt->get_name().empty()) continue;
        std::string part = opt->get_positional() ? opt->get_name(true) : opt->get_name();
        // A value that may be left out (--pg [URL]) shows as its type name does: in brackets.
        if (!opt->get_positional() && opt->get_items_expected_max() > 0 && !opt->get_type_name().empty())
            part += " " + opt->get_type_name();
        if (opt->get_positional() && opt->get_items_expected_max() > 1) part += "...";
        line += opt->get_required() ? " " + part : " [" + part + "]";
    }
    return line;
}

int runCli(CLI::App& app, int argc, char** argv, const int& exitCode) {
    std::vector<std::string> args(argv, argv + argc);
    const std::string self = app.get_name();
    // No command, or an option first (`intake-kiosk --windowed 800x600`): that is `run`.
    if (args.size() < 2) {
        args.insert(args.begin() + 1, "run");
    } else if (args[1].rfind('-', 0) == 0) {
        static const std::vector<std::string> kTopLevel = {"-h", "--help", "--help-all"};
        if (std::find(kTopLevel.begin(), kTopLevel.end(), args[1]) == kTopLevel.end()) {
            args.insert(args.begin() + 1, "run");
        }
    } else if (const auto subs = app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(args[1]); });
               subs.empty()) {  // neither a command's name nor its alias (`forms` for `form`)
        std::string msg = self + ": unknown command '" + args[1] + "'";
        if (const std::string s = core::closest(args[1], commandNames(app), 2); !s.empty()) msg += " (did you mean '" + s + "'?)";
        std::cerr << msg << "\n" << usageLine(app) << "\nRun '" << self << " --help' to see every command.\n";
        return kExitUsage;
    }
    std::vector<char*> argvFixed;
    for (auto& a : args)
        argvFixed.push_back(a.data());
    try {
        app.parse(static_cast<int>(argvFixed.size()), argvFixed.data());
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();  // the command printed its own message (as CLI11's App::exit does)
    } catch (const CLI::ParseError& e) {
        const CLI::App& command = failingCommand(app);
        const std::string name = commandPath(command);
        std::cerr << name << ": " << friendlyMessage(command, e) << "\n"
                  << usageLine(command) << "\nRun '" << name << " --help' for details.\n";
        return kExitUsage;
    }
    return exitCode;
}

}  // namespace kiosk::app
