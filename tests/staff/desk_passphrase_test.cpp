// Changing the staff passphrase on the desk (issue 14): only once the records are unlocked; the
// current passphrase, the new one twice, the rule `staff passwd` applies (store::replacementProblem);
// the key re-wrapped by the store in one transaction and audited; each mistake a clear message
// with nothing changed. The argon2id work (this and the unlock) runs on a worker, so frames keep
// coming: the view says it is working until a Tick finds the worker done.
#include <thread>

#include "desk_fixture.h"

namespace kiosk::staff {
namespace {
using namespace testing;

const std::string kNewPassphrase = "a new desk secret";

class DeskPassphrase : public DeskFixture {
protected:
    /// Types @p current, @p fresh and @p again into the three fields and submits.
    void change(Desk& d, const std::string& current, const std::string& fresh, const std::string& again) {
        d.apply(ChooseField{0});
        d.apply(TypeKey{current});
        d.apply(ChooseField{1});
        d.apply(TypeKey{fresh});
        d.apply(ChooseField{2});
        d.apply(TypeKey{again});
        d.apply(SubmitChangePassphrase{});
    }
    bool opens(const std::string& passphrase) {
        return static_cast<bool>(store->unlock(passphrase));
    }
    /// Ticks (real time passing) until the desk's worker is done, at most ~20 s.
    void waitForWorker(Desk& d, double& t) {
        for (int i = 0; i < 2000 && d.view().working; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            d.apply(Tick{at(t += 0.01)});
        }
    }
};

TEST_F(DeskPassphrase, NeedsTheRecordsUnlockedThenRewrapsTheKeyAndAuditsIt) {
    Desk& d = open();
    d.apply(OpenChangePassphrase{});
    EXPECT_EQ(d.view().screen, DeskScreen::Unlock);  // asked for the passphrase first
    unlock(d);
    d.apply(OpenChangePassphrase{});
    DeskView v = d.view();
    ASSERT_EQ(v.screen, DeskScreen::ChangePassphrase);
    EXPECT_EQ(v.passphrase.field, 0);
    d.apply(TypeKey{"abc"});
    d.apply(ChooseField{1});
    d.apply(TypeKey{"ñ1"});
    d.apply(Backspace{});
    v = d.view();
    EXPECT_EQ(v.passphrase.entered[0], 3);  // counts, never the text
    EXPECT_EQ(v.passphrase.entered[1], 1);
    EXPECT_EQ(v.passphrase.field, 1);
    d.apply(Backspace{});  // "ñ" goes whole
    EXPECT_EQ(d.view().passphrase.entered[1], 0);
    d.apply(ChooseField{0});
    d.apply(Backspace{});
    d.apply(Backspace{});
    d.apply(Backspace{});
    EXPECT_EQ(d.view().passphrase.entered[0], 0);
    change(d, kPassphrase, kNewPassphrase, kNewPassphrase);
    v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::List);
    EXPECT_TRUE(v.unlocked);  // the key itself did not change: still unlocked
    EXPECT_EQ(v.notice, "The staff passphrase was changed. Use the new one from now on.");
    EXPECT_TRUE(v.noticeIsDone);  // good news, not drawn as an error
    EXPECT_EQ(audited("passphrase_change"), std::vector<std::string>{"ok"});
    EXPECT_TRUE(opens(kNewPassphrase));
    EXPECT_FALSE(opens(kPassphrase));
    // The records are still readable with the new one: nothing but the wrapping changed.
    d.apply(OpenIntake{red});
    EXPECT_EQ(d.view().screen, DeskScreen::Detail);
}

TEST_F(DeskPassphrase, EachMistakeIsSaidAndChangesNothing) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenChangePassphrase{});
    change(d, kPassphrase, kNewPassphrase, "a new desk secreT");
    DeskView v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::ChangePassphrase);
    EXPECT_EQ(v.passphrase.message, "The two new passphrases are not the same. Type them again.");
    EXPECT_EQ(v.passphrase.field, 1);  // both new ones cleared, the current one kept
    EXPECT_EQ(v.passphrase.entered[1], 0);
    EXPECT_EQ(v.passphrase.entered[2], 0);
    EXPECT_EQ(v.passphrase.entered[0], static_cast<int>(kPassphrase.size()));

    d.apply(CancelChangePassphrase{});
    d.apply(OpenChangePassphrase{});
    EXPECT_EQ(d.view().passphrase.entered[0], 0);  // cancelled: forgotten
    change(d, kPassphrase, "short", "short");
    EXPECT_EQ(d.view().passphrase.message, "The new passphrase must have at least 8 characters.");
    d.apply(CancelChangePassphrase{});
    d.apply(OpenChangePassphrase{});
    change(d, kPassphrase, store::kDefaultPassphrase, store::kDefaultPassphrase);
    EXPECT_EQ(d.view().passphrase.message, "The new passphrase must not be the default one.");
    d.apply(CancelChangePassphrase{});
    d.apply(OpenChangePassphrase{});
    change(d, kPassphrase, kPassphrase, kPassphrase);
    EXPECT_EQ(d.view().passphrase.message, "The new passphrase is the current one. Choose another.");
    EXPECT_TRUE(audited("passphrase_change").empty());  // none of these reached the key

    d.apply(CancelChangePassphrase{});
    d.apply(OpenChangePassphrase{});
    change(d, "not the passphrase", kNewPassphrase, kNewPassphrase);
    v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::ChangePassphrase);
    EXPECT_EQ(v.passphrase.message, "The current passphrase is not right. Nothing was changed.");
    EXPECT_FALSE(v.noticeIsDone);
    EXPECT_EQ(v.passphrase.field, 0);
    EXPECT_EQ(v.passphrase.entered[0], 0);
    EXPECT_EQ(audited("passphrase_change"), std::vector<std::string>{"failed"});  // the store audits the try
    EXPECT_TRUE(opens(kPassphrase));
    EXPECT_FALSE(opens(kNewPassphrase));

    d.apply(CancelChangePassphrase{});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
}

TEST_F(DeskPassphrase, LeavingForgetsWhatWasTyped) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenChangePassphrase{});
    d.apply(TypeKey{"half typed"});
    d.apply(Leave{});
    d.enter(at(10));
    unlock(d);
    d.apply(OpenChangePassphrase{});
    EXPECT_EQ(d.view().passphrase.entered[0], 0);
}

TEST_F(DeskPassphrase, TheChangeAndTheUnlockRunOnAWorkerWhileFramesGoOn) {
    DeskOptions o = options();
    o.exportOnThread = true;  // all worker jobs on their thread, as on the kiosk
    desk = std::make_unique<Desk>(*store, *catalog, o);
    Desk& d = *desk;
    d.enter(kT0);
    double t = 0;
    d.apply(OpenUnlock{});
    d.apply(TypeKey{kPassphrase});
    d.apply(SubmitUnlock{});
    // Returned at once: the view says the passphrase is being checked, the pad takes no keys.
    if (!d.unlocked()) {
        EXPECT_TRUE(d.view().working);
        EXPECT_EQ(d.view().screen, DeskScreen::Unlock);
        ASSERT_TRUE(d.nextDeadline(at(t)));
        EXPECT_LE(*d.nextDeadline(at(t)), at(t + 0.5));  // polled soon
    }
    waitForWorker(d, t);
    ASSERT_TRUE(d.unlocked());
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(listedIds(d), (std::vector<std::string>{red, spanish, calm}));

    d.apply(OpenChangePassphrase{});
    change(d, kPassphrase, kNewPassphrase, kNewPassphrase);
    if (d.view().working) {
        EXPECT_EQ(d.view().screen, DeskScreen::ChangePassphrase);
        d.apply(TypeKey{"x"});  // ignored while it works
    }
    waitForWorker(d, t);
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(d.view().notice, "The staff passphrase was changed. Use the new one from now on.");
    EXPECT_TRUE(opens(kNewPassphrase));

    // A wrong passphrase on the worker is still a wrong try, counted by the gate.
    d.apply(Leave{});
    d.enter(at(t += 1));
    d.apply(OpenUnlock{});
    d.apply(TypeKey{kPassphrase});
    d.apply(SubmitUnlock{});
    waitForWorker(d, t);
    EXPECT_FALSE(d.unlocked());
    EXPECT_EQ(d.view().unlock.message, GateMessage::Wrong);
}

}  // namespace
}  // namespace kiosk::staff
