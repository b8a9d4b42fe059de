#pragma once
// Test fixture: the test form, the stand-in session and a headless driver wired together.
#include <gtest/gtest.h>

#include <memory>

#include "test_form.h"
#include "ui_driver.h"

namespace kiosk::ui::test {

class UiTest : public ::testing::Test {
protected:
    void start(float width = 1920, float height = 1080, UiOptions options = {}) {
        ui = std::make_unique<UiDriver>(
            width, height, *form, [this] { return session.view(); },
            [this](const session::Action& a) { session.apply(a); }, std::move(options));
        ui->frame();
    }
    void SetUp() override { start(); }
    void goToPage(const std::string& pageId) {
        session.screen = session::Screen::Page;
        for (size_t i = 0; i < form->pages.size(); ++i)
            if (form->pages[i].id == pageId) session.page = static_cast<int>(i);
        ui->frames(2);
    }
    template <class T>
    const T* answer(const std::string& item) const {
        auto it = session.answers.find(item);
        return it == session.answers.end() ? nullptr : std::get_if<T>(&it->second);
    }

    std::shared_ptr<forms::Form> form = makeTestForm();
    FakeSession session = FakeSession(form);
    std::unique_ptr<UiDriver> ui;
};

}  // namespace kiosk::ui::test
