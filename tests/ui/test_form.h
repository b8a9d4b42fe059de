#pragma once
// A small form with every item type, built in C++, and a minimal stand-in for the session that
// only stores answers and moves between pages, so the screens can be driven before the real
// session::Intake is on main. End-to-end tests (e2e_test.cpp) use the real Intake.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "kiosk/forms/model.h"
#include "kiosk/session/actions.h"
#include "kiosk/session/view_model.h"

namespace kiosk::ui::test {

forms::Text tx(const std::string& en, const std::string& es = "");

/// Pages: about (name, phone, email, date of birth), pain (scale, yes/no, single, multi),
/// more (number, matrix, info, consent, signature), body (body map with detail), notes (multiline).
std::shared_ptr<forms::Form> makeTestForm();

class UiDriver;
/// Opens each on-screen keyboard of the test form in turn (name, phone, email, multiline, number
/// pad): @p goToPage shows a page by id, @p check looks at the screen with that keyboard open.
void forEachKeyboard(UiDriver& ui, const std::function<void(const std::string&)>& goToPage,
                     const std::function<void(const std::string&)>& check);

/// @brief Holds answers and the current screen/page; applies the actions the UI sends.
struct FakeSession {
    explicit FakeSession(std::shared_ptr<const forms::Form> f) : form(std::move(f)) {}
    std::shared_ptr<const forms::Form> form;
    forms::Answers answers;
    session::Screen screen = session::Screen::Welcome;
    int page = 0;
    std::string lang = "en";
    std::map<std::string, std::string> errors;  ///< item -> message, shown on the page
    bool idleWarning = false;
    int idleSecondsLeft = 0;
    int retryInSeconds = 0;

    void apply(const session::Action& action);
    session::ViewModel view() const;
};

}  // namespace kiosk::ui::test
