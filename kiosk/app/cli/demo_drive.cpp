// Drives a real Intake to a named screen with demo answers (see demo_drive.h).
#include "kiosk/app/cli/demo_drive.h"

#include "kiosk/app/cli/demo_answers.h"

#include <algorithm>
#include <optional>
#include <set>
#include <variant>

namespace kiosk::app {

CLI::Validator demoScreenValidator() {
    return CLI::Validator(
        [](std::string& name) -> std::string {
            for (const char* s : {"welcome", "review", "saving", "save_failed", "thank_you", "thank_you_urgent", "idle",
                                  "resume"}) {
                if (name == s) return {};
            }
            if (name.rfind("page:", 0) == 0 && name.size() > 5) return {};
            return "unknown screen '" + name + "' (screens: " + kDemoScreens + ")";
        },
        "");
}

namespace {

using session::Screen;

core::Result<void> fail(std::string message) {
    return core::makeError(core::ErrorCode::Invalid, std::move(message));
}

void applyAll(session::Intake& intake, const session::Action& action) {
    (void)intake.apply(action);  // effects are not run: nothing is saved by a screenshot
}

/// Answers every unanswered question of the current page with its demo answer. An answer can
/// reveal a later question on the same page (show_if), so it goes over the page again until a
/// pass tries nothing new. Each item is tried once (a refused answer stays unanswered), so this ends.
void answerPage(session::Intake& intake) {
    std::set<std::string> tried;
    for (bool answered = true; answered;) {
        answered = false;
        for (const auto& entry : intake.view().items) {
            if (!entry.item || entry.answer || !tried.insert(entry.item->id).second) continue;
            if (auto answer = demoAnswer(*entry.item)) {
                applyAll(intake, session::SetAnswer{entry.item->id, *answer});
                answered = true;
            }
        }
    }
}

/// For "thank_you_urgent": answers on this page the first urgent flag's question the way that
/// raises it (a flag whose `when` is one plain "item == value" on a shown item; demo answers are calm).
/// True once one is raised.
bool raiseUrgentFlag(session::Intake& intake) {
    for (const auto& flag : intake.form().flags) {
        const forms::Condition& c = flag.when;
        if (flag.severity != forms::Severity::Urgent || c.kind != forms::Condition::Kind::Compare ||
            c.op != forms::CondOp::Eq)
            continue;
        for (const auto& entry : intake.view().items) {
            if (!entry.item || entry.item->id != c.item) continue;
            std::optional<forms::Answer> answer;
            if (const bool* b = std::get_if<bool>(&c.value)) answer = forms::Answer{*b};
            if (const std::string* s = std::get_if<std::string>(&c.value)) answer = forms::Answer{*s};
            if (!answer) continue;
            applyAll(intake, session::SetAnswer{c.item, *answer});
            return true;
        }
    }
    return false;
}

/// The page index (0-based, into form.pages) that "page:N" (1-based) or "page:ITEM_ID" names.
core::Result<int> targetPage(const forms::Form& form, const std::string& arg) {
    const bool numeric = !arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) {
        const long n = std::stol(arg);
        if (n < 1 || n > static_cast<long>(form.pages.size())) {
            return core::makeError(core::ErrorCode::Invalid,
                                   "page " + arg + " does not exist: the form has " +
                                       std::to_string(form.pages.size()) + " pages");
        }
        return static_cast<int>(n - 1);
    }
    const int page = form.pageOf(arg);
    if (page < 0) return core::makeError(core::ErrorCode::Invalid, "the form has no item '" + arg + "'");
    return page;
}

/// Walks the intake forward with demo answers until @p stopAtPage (or the review when -1).
core::Result<void> walk(session::Intake& intake, const std::string& lang, int stopAtPage, bool urgent = false) {
    applyAll(intake, session::Start{lang});
    for (int guard = 0; guard < 500; ++guard) {
        const session::ViewModel vm = intake.view();
        if (vm.screen == Screen::Review) return {};
        if (vm.screen != Screen::Page) return fail("the intake did not reach its pages (demo run)");
        if (vm.page == stopAtPage) return {};
        answerPage(intake);
        if (urgent && raiseUrgentFlag(intake)) urgent = false;
        applyAll(intake, session::Next{});
        const session::ViewModel after = intake.view();
        if (after.screen == Screen::Page && after.page == vm.page && after.hasErrors) {
            std::string why;
            for (const auto& e : after.items) {
                if (!e.error.empty())
                    why += " " + (e.item ? e.item->id : std::string("?")) + ": " + e.error + ";";
            }
            return fail("the demo answers were refused on page " + std::to_string(vm.page + 1) + ":" + why);
        }
    }
    return fail("the intake did not reach the review (demo run)");
}

}  // namespace

/// See demo_drive.h.
core::Result<void> driveToScreen(session::Intake& intake, const std::string& screen, const std::string& lang,
                           const session::IntakeConfig& timing, session::TimePoint now) {
    if (screen == "welcome") {
        applyAll(intake, session::SetLanguage{lang});
        return {};
    }
    if (screen.rfind("page:", 0) == 0) {
        auto page = targetPage(intake.form(), screen.substr(5));
        if (!page) return page.error();
        if (auto r = walk(intake, lang, *page); !r) return r;
        if (intake.view().screen == Screen::Review) {
            // Not on the demo path (a show_if hides it): open it the way the review's Edit does.
            applyAll(intake, session::GoTo{*page});
        }
        if (intake.view().page != *page)
            return fail("page " + screen.substr(5) + " is not shown with the demo answers");
        return {};
    }
    if (screen == "idle") {
        if (auto r = walk(intake, lang, 0); !r) return r;
        applyAll(intake, session::Touch{now});
        applyAll(intake, session::Tick{now + timing.idleAfter + std::chrono::seconds(2)});
        if (!intake.view().idleWarning) return fail("the session showed no idle warning");
        return {};
    }
    if (screen == "resume") {
        // As after a crash mid-intake: a draft of a patient on the third page, restored.
        const int third = std::min(2, static_cast<int>(intake.form().pages.size()) - 1);
        if (auto r = walk(intake, lang, third); !r) return r;
        if (!intake.restore(intake.snapshot())) return fail("the demo draft could not be restored");
        return {};
    }
    const bool urgent = screen == "thank_you_urgent";
    if (auto r = walk(intake, lang, -1, urgent); !r) return r;
    if (screen == "review") return {};
    applyAll(intake, session::Submit{});
    if (screen == "saving") return {};
    if (screen == "save_failed") {
        applyAll(intake, session::SaveFailed{"demo: the disk is full"});
    } else if (screen == "thank_you" || urgent) {
        applyAll(intake, session::SaveSucceeded{"demo-record"});
        if (urgent && !intake.view().goToDesk)
            return fail("the form has no urgent flag of one \"item == value\" for the demo to raise");
    }
    return {};
}

}  // namespace kiosk::app
