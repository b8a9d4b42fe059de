// The staff desk on a real store: today's list locked then unlocked once per visit, urgent first,
// finding by days and name, the detail in the staff's language, review and delete (audited), health,
// and the 2-minute idle that forgets the key and every name. Time is passed in.
#include "desk_fixture.h"

namespace kiosk::staff {
namespace {
using namespace testing;

TEST_F(DeskFixture, OpensOnTodaysIntakesNewestFirstWithoutNamesUntilUnlocked) {
    Desk& d = open();
    const DeskView v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::List);
    EXPECT_FALSE(v.unlocked);
    EXPECT_EQ(v.list.kind, ListKind::Today);
    EXPECT_EQ(v.list.from, "2026-11-25");
    EXPECT_EQ(listedIds(d), (std::vector<std::string>{spanish, red, calm}));
    for (const auto& row : v.list.rows) {
        EXPECT_TRUE(row.name.empty());
        EXPECT_FALSE(row.urgent);
        EXPECT_EQ(row.state, RowState::Submitted);
        EXPECT_EQ(row.form, form->title.get("en"));
    }
    EXPECT_EQ(v.list.rows[0].time, "11:00");
    EXPECT_TRUE(audited("record_view").empty());  // nothing was opened
}

TEST_F(DeskFixture, UnlockingOnceShowsNamesAndPutsUrgentIntakesFirst) {
    Desk& d = open();
    d.apply(Touch{at(1)});
    unlock(d, "not the passphrase");
    EXPECT_FALSE(d.unlocked());
    EXPECT_EQ(d.view().screen, DeskScreen::Unlock);
    EXPECT_EQ(d.view().unlock.message, GateMessage::Wrong);
    d.apply(TypeKey{kPassphrase});
    d.apply(SubmitUnlock{});
    ASSERT_TRUE(d.unlocked());
    const DeskView v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::List);
    EXPECT_EQ(listedIds(d), (std::vector<std::string>{red, spanish, calm}));  // urgent first, then newest
    EXPECT_EQ(v.list.rows[0].name, "Testpatient R.");
    EXPECT_TRUE(v.list.rows[0].urgent);
    EXPECT_EQ(v.list.rows[1].name, "María José P.");
    EXPECT_FALSE(v.list.rows[2].urgent);
    EXPECT_EQ(audited("unlock"), (std::vector<std::string>{"failed", "ok"}));
    EXPECT_EQ(audited("record_view"), std::vector<std::string>{"desk list count=3"});

    // Opening an intake does not ask again: once per visit.
    d.apply(OpenIntake{calm});
    EXPECT_EQ(d.view().screen, DeskScreen::Detail);
    EXPECT_EQ(audited("unlock").size(), 2u);
}

// Found walking a kiosk with no staff PIN (the default settings): the gate asked the staff
// passphrase, then "Unlock records" asked it again. The key the gate's passphrase unlocked opens
// the visit unlocked; it is taken once, and the next visit starts locked.
TEST_F(DeskFixture, AVisitTheGatesPassphraseOpenedStartsUnlocked) {
    DeskOptions o = options();
    int asked = 0;
    o.takeGateKey = [this, &asked]() -> std::optional<store::ClinicKey> {
        if (++asked > 1) return std::nullopt;
        auto key = store->unlock(kPassphrase);
        EXPECT_TRUE(key);
        return key ? std::optional<store::ClinicKey>(std::move(*key)) : std::nullopt;
    };
    desk = std::make_unique<Desk>(*store, *catalog, o);
    desk->enter(kT0);
    ASSERT_TRUE(desk->unlocked());
    const DeskView v = desk->view();
    EXPECT_EQ(v.screen, DeskScreen::List);
    EXPECT_EQ(listedIds(*desk), (std::vector<std::string>{red, spanish, calm}));  // urgent first, names shown
    EXPECT_EQ(v.list.rows[0].name, "Testpatient R.");
    desk->apply(Leave{});
    EXPECT_FALSE(desk->unlocked());
    desk->enter(at(10));
    EXPECT_FALSE(desk->unlocked());
    EXPECT_EQ(asked, 2);
}

TEST_F(DeskFixture, ActionsThatNeedTheRecordsAskForThePassphraseFirst) {
    Desk& d = open();
    d.apply(OpenIntake{red});
    EXPECT_EQ(d.view().screen, DeskScreen::Unlock);
    EXPECT_FALSE(d.view().detail);
    d.apply(CancelUnlock{});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    d.apply(FindName{"maría"});
    EXPECT_EQ(d.view().screen, DeskScreen::Unlock);
    d.apply(TypeKey{kPassphrase});
    d.apply(SubmitUnlock{});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(listedIds(d), std::vector<std::string>{spanish});  // the name search waited for the unlock
}

// A receptionist looking for last month's intake stepped the From day back 30 taps (found walking
// the desk): the last 7, 30 or 90 days are one tap each, today included.
TEST_F(DeskFixture, FindsTheLastDaysInOneStep) {
    Desk& d = open();
    d.apply(FindRecent{7});
    EXPECT_EQ(d.view().list.kind, ListKind::Days);
    EXPECT_EQ(d.view().list.from, "2026-11-19");
    EXPECT_EQ(d.view().list.to, "2026-11-25");
    EXPECT_EQ(d.view().list.rows.size(), 4u);
    d.apply(FindRecent{30});
    EXPECT_EQ(d.view().list.from, "2026-10-27");
    d.apply(FindRecent{1});
    EXPECT_EQ(d.view().list.from, "2026-11-25");
    EXPECT_EQ(d.view().list.rows.size(), 3u);
    d.apply(FindRecent{0});  // nonsense is one day, never a range that ends before it starts
    EXPECT_EQ(d.view().list.from, "2026-11-25");
}

TEST_F(DeskFixture, FindsByLocalDaysAndByName) {
    Desk& d = open();
    d.apply(FindDays{"2026-11-24", "2026-11-24"});
    EXPECT_EQ(listedIds(d), std::vector<std::string>{yesterday});
    d.apply(FindDays{"2026-11-24", "2026-11-25"});
    EXPECT_EQ(d.view().list.rows.size(), 4u);
    d.apply(FindDays{"2026-11-31", ""});
    EXPECT_FALSE(d.view().notice.empty());
    EXPECT_TRUE(d.view().list.rows.empty());

    unlock(d);
    d.apply(FindName{"testpatient"});
    EXPECT_EQ(d.view().list.kind, ListKind::Name);
    EXPECT_EQ(d.view().list.rows.size(), 3u);  // calm twice and red flags, any day
    // Case and accents do not matter (found walking the desk: "Maria" did not find "María José"):
    // a receptionist types what the patient says, with or without the accents.
    for (const char* typed : {"NÚÑEZ", "nunez", "Maria", "MARÍA JOSÉ", "maria jose prueba"}) {
        d.apply(FindName{typed});
        EXPECT_EQ(listedIds(d), std::vector<std::string>{spanish}) << typed;
    }
    d.apply(FindName{"marta"});
    EXPECT_TRUE(d.view().list.rows.empty());
    d.apply(FindName{"prueba"});
    EXPECT_EQ(listedIds(d), std::vector<std::string>{spanish});
    d.apply(ShowToday{});
    EXPECT_EQ(d.view().list.rows.size(), 3u);
}

TEST_F(DeskFixture, TheDetailShowsFlagsFirstInTheStaffsLanguageAndIsAudited) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenIntake{red});
    DeskView v = d.view();
    ASSERT_EQ(v.screen, DeskScreen::Detail);
    ASSERT_TRUE(v.detail);
    EXPECT_EQ(v.detail->row.name, "Testpatient R.");
    ASSERT_FALSE(v.detail->reading.flags.empty());
    EXPECT_TRUE(v.detail->reading.flags.front().urgent);
    EXPECT_EQ(v.detail->reading.answers.front().question, form->findItem("first_name")->label.get("en"));
    EXPECT_EQ(audited("record_view").back(), "record=" + red);

    d.apply(SetStaffLang{"es"});
    v = d.view();
    ASSERT_TRUE(v.detail);
    EXPECT_EQ(v.screen, DeskScreen::Detail);
    const auto& flags = v.detail->reading.flags;
    const auto bladder = std::find_if(flags.begin(), flags.end(), [](const auto& f) { return f.id == "bladder_bowel"; });
    ASSERT_NE(bladder, flags.end());
    EXPECT_EQ(bladder->label, "Problema nuevo para controlar la orina o el intestino");
    EXPECT_EQ(v.detail->reading.answers.front().question, form->findItem("first_name")->label.get("es"));
    d.apply(BackToList{});
    EXPECT_FALSE(d.view().detail);
}

TEST_F(DeskFixture, MarkReviewedIsAuditedAndShows) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenIntake{calm});
    d.apply(MarkReviewed{calm});
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Reviewed);
    EXPECT_EQ(d.view().detail->row.state, RowState::Reviewed);
    const auto rows = d.view().list.rows;
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const DeskRow& r) { return r.id == calm; });
    ASSERT_NE(row, rows.end());
    EXPECT_EQ(row->state, RowState::Reviewed);
    EXPECT_EQ(audited("review"), std::vector<std::string>{"record=" + calm});
}

TEST_F(DeskFixture, DeleteAsksNamingTheRecordAndOnlyThenDeletes) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenIntake{spanish});
    d.apply(AskDelete{spanish});
    DeskView v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::ConfirmDelete);
    EXPECT_NE(v.deleteQuestion.find("María José P."), std::string::npos) << v.deleteQuestion;
    EXPECT_NE(v.deleteQuestion.find("2026-11-25 11:00"), std::string::npos) << v.deleteQuestion;
    EXPECT_NE(v.deleteQuestion.find(spanish.substr(0, 8)), std::string::npos) << v.deleteQuestion;
    d.apply(CancelDelete{});
    EXPECT_EQ(d.view().screen, DeskScreen::Detail);
    EXPECT_EQ(statusOf(spanish), store::RecordStatus::Submitted);
    EXPECT_TRUE(audited("delete").empty());

    d.apply(AskDelete{spanish});
    d.apply(ConfirmDelete{});
    v = d.view();
    EXPECT_EQ(v.screen, DeskScreen::List);
    EXPECT_FALSE(v.detail);
    EXPECT_EQ(statusOf(spanish), store::RecordStatus::Deleted);
    EXPECT_EQ(audited("delete"), std::vector<std::string>{"record=" + spanish});
    EXPECT_EQ(listedIds(d), (std::vector<std::string>{red, calm}));
    d.apply(ConfirmDelete{});  // nothing pending: nothing happens
    EXPECT_EQ(audited("delete").size(), 1u);
}

TEST_F(DeskFixture, HealthCountsRecordsByStateAndDraftsWaiting) {
    ASSERT_TRUE(store->saveDraft(R"({"answers":{}})", "2026-11-25T14:00:00Z"));
    Desk& d = open();
    unlock(d);
    d.apply(MarkReviewed{calm});
    d.apply(ShowHealth{});
    const DeskHealthView h = d.view().health;
    EXPECT_EQ(d.view().screen, DeskScreen::Health);
    EXPECT_EQ(h.submitted, 3);
    EXPECT_EQ(h.reviewed, 1);
    EXPECT_EQ(h.exported, 0);
    EXPECT_EQ(h.deleted, 0);
    EXPECT_EQ(h.draftsWaiting, 1);
    EXPECT_GT(h.databaseBytes, 0);
    EXPECT_GT(h.freeBytes, 0);
    EXPECT_TRUE(h.problem.empty());
    // This kiosk has no clinic server: all four records and the review mark wait to sync, none ever pushed.
    EXPECT_EQ(h.syncWaiting, 5);
    EXPECT_EQ(h.syncLastPush, "");
}

TEST_F(DeskFixture, HealthShowsWhatWaitsToSyncAndWhy) {
    ASSERT_TRUE(store->markPushed({calm, red}, "2026-11-25T14:30:00Z"));
    ASSERT_TRUE(store->noteSyncError("cannot reach the clinic server (db:5432/intake as kiosk1)", "2026-11-25T14:45:00Z"));
    Desk& d = open();
    unlock(d);
    d.apply(ShowHealth{});
    const DeskHealthView h = d.view().health;
    EXPECT_EQ(h.syncWaiting, 2);
    EXPECT_EQ(h.syncLastPush, "2026-11-25T14:30:00Z");
    EXPECT_EQ(h.syncLastError, "cannot reach the clinic server (db:5432/intake as kiosk1)");
}

TEST_F(DeskFixture, HealthSaysWhenTheLastBackupWasMade) {
    Desk& d = open();
    unlock(d);
    d.apply(ShowHealth{});
    EXPECT_EQ(d.view().health.lastBackup, "");  // never
    ASSERT_TRUE(store->backup(dir / "first.sqlite3"));
    ASSERT_TRUE(store->backup(dir / "second.sqlite3"));
    d.apply(ShowHealth{});
    const std::string last = d.view().health.lastBackup;
    ASSERT_EQ(last.size(), 20u) << last;  // UTC ISO 8601, from the audit log
    EXPECT_EQ(last.back(), 'Z');
    EXPECT_TRUE(d.view().health.problem.empty());
}

TEST_F(DeskFixture, TwoMinutesWithoutATouchLeaveAndForgetTheKeyAndEveryName) {
    Desk& d = open();
    d.apply(Touch{at(10)});
    unlock(d);
    d.apply(OpenIntake{red});
    ASSERT_TRUE(d.unlocked());
    EXPECT_EQ(d.nextDeadline(at(10)), at(130));
    d.apply(Tick{at(129)});
    EXPECT_FALSE(d.left());
    EXPECT_EQ(d.view().idleSecondsLeft, 1);
    d.apply(Tick{at(130)});
    EXPECT_TRUE(d.left());
    EXPECT_FALSE(d.unlocked());
    const DeskView v = d.view();
    EXPECT_FALSE(v.detail);
    EXPECT_TRUE(v.list.rows.empty());
    EXPECT_FALSE(d.nextDeadline(at(131)));

    // Nothing applies until the next visit, and that visit starts locked.
    d.apply(OpenIntake{red});
    EXPECT_FALSE(d.view().detail);
    d.enter(at(200));
    EXPECT_FALSE(d.left());
    EXPECT_FALSE(d.unlocked());
    for (const auto& row : d.view().list.rows) EXPECT_TRUE(row.name.empty());
}

TEST_F(DeskFixture, LeaveAndCloseKioskEndTheVisit) {
    Desk& d = open();
    unlock(d);
    d.apply(Leave{});
    EXPECT_TRUE(d.left());
    EXPECT_FALSE(d.closeRequested());
    EXPECT_FALSE(d.unlocked());
    d.enter(at(5));
    d.apply(CloseKiosk{});
    EXPECT_TRUE(d.left());
    EXPECT_TRUE(d.closeRequested());
}

TEST_F(DeskFixture, AnUnlockPadLeftAloneClosesBackToTheList) {
    Desk& d = open();
    d.apply(OpenUnlock{});
    d.apply(TypeKey{"half"});
    EXPECT_EQ(d.view().unlock.entered, 4);
    d.apply(Tick{at(61)});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(d.view().unlock.entered, 0);
}

}  // namespace
}  // namespace kiosk::staff

namespace kiosk::staff {
namespace {
using namespace testing;

TEST_F(DeskFixture, TheFormsAreLoadedAtTheFirstVisitNotBefore) {
    DeskOptions o = options();
    o.shelf.reset();
    int loads = 0;
    o.loadShelf = [&] {
        ++loads;
        auto shelf = std::make_shared<exports::FormShelf>();
        shelf->add(form);
        return std::shared_ptr<const exports::FormShelf>(shelf);
    };
    Desk d(*store, *catalog, o);
    EXPECT_EQ(loads, 0);
    d.enter(kT0);
    EXPECT_EQ(loads, 1);
    EXPECT_EQ(d.view().list.rows.front().form, form->title.get("en"));  // read against the loaded form
    d.apply(Leave{});
    d.enter(at(10));
    EXPECT_EQ(loads, 1);
}

}  // namespace
}  // namespace kiosk::staff
