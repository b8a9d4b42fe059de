#pragma once
// End-to-end fixture: the REAL screens (UiDriver) over the REAL session (session::Intake) with the
// bundled forms/intake.yaml. It plays app/'s part: every frame a Tick with the driver's clock, every
// action the UI sends applied to the Intake, and every effect answered the way app/ would (a fake
// store that succeeds or fails on command). Patients answer by taps on registry keys only.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/session/intake.h"
#include "ui_driver.h"

namespace kiosk::ui::test {

/// @brief What one patient enters; the defaults are an English patient.
struct Patient {
    std::string firstName = "Margaret Ann";
    std::string lastName = "O'Neil";
    std::string phone = "555-010-4477";
    std::string reason = "Back pain";
    bool optional = true;  ///< also answer a representative mix of optional items
};

class IntakeE2e : public ::testing::Test {
protected:
    enum class SaveOutcome { Succeed, Fail };

    void SetUp() override;
    /// (Re)creates the UI at @p width x @p height over the same intake (the session is kept).
    void startUi(float width, float height);
    /// What the kiosk gives its view: the bundled body-map figure.
    UiOptions uiOptions() const;

    /// Welcome -> (language) -> Start.
    void startIntake(const std::string& lang = "en");
    /// Answers the page on screen the way @p p would: each question on it, by fillItem().
    void fillPage(const std::string& pageId, const Patient& p);
    /// Answers the question @p item the way @p p would (nothing for questions @p p leaves alone).
    void fillItem(const std::string& item, const Patient& p);
    /// From the page on screen to the review: fills each page, taps Next, checks it moved on.
    /// Returns the ids of the pages visited, in order.
    std::vector<std::string> runToReview(const Patient& p);
    /// Taps Next until the page @p pageId shows, filling each page passed on the way.
    void advanceTo(const std::string& pageId, const Patient& p);

    std::string pageId() const;
    int pageIndex(const std::string& pageId) const;
    session::Screen screen() const { return intake->screen(); }
    /// Every registry label and text of the last frame, to look for patient data on screen.
    bool onScreen(const std::string& needle) const;
    std::string tr(const std::string& lang, const std::string& key) const { return catalog.tr(lang, key); }

    template <class T>
    const T* answer(const std::string& item) const {
        auto it = intake->answers().find(item);
        return it == intake->answers().end() ? nullptr : std::get_if<T>(&it->second);
    }
    template <class T>
    static const T* answerIn(const session::Record& r, const std::string& item) {
        auto it = r.answers.find(item);
        return it == r.answers.end() ? nullptr : std::get_if<T>(&it->second);
    }
    static const session::ScoreResult* score(const session::Record& r, const std::string& id);

    core::Catalog catalog = loadCatalog();
    std::shared_ptr<const forms::Form> form;
    std::unique_ptr<session::Intake> intake;
    std::unique_ptr<UiDriver> ui;

    // The fake store's side of app/.
    SaveOutcome outcome = SaveOutcome::Succeed;
    std::vector<session::Record> saveRequests;  ///< every SaveRequest, in order
    int savedDrafts = 0, discardedDrafts = 0;
    /// Set both to play app/'s part with app/'s own wiring (tests/app: an IntakeScene over a real
    /// store): beforeFrame runs first in every frame instead of the plain Tick, and routeAction
    /// receives the UI's actions instead of the intake (and the fake store above).
    std::function<void()> beforeFrame;
    std::function<void(const session::Action&)> routeAction;

private:
    void handle(const std::vector<session::Effect>& effects);
};

/// The year the date picker counts from (it reads the local clock, as the kiosk does).
int pickerYear();

}  // namespace kiosk::ui::test
