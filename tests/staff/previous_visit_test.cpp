// Change since the last visit on the staff desk (issue 19): a follow-up's detail finds the same
// patient's most recent earlier record (same first name, last name and date of birth, read from
// the sealed payloads with the unlocked key: nothing in a plain column) and shows each score's
// change with its minimal important change.
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "desk_fixture.h"
#include "kiosk/staff/previous_visit.h"

namespace kiosk::staff::testing {
namespace {

class PreviousVisitFixture : public DeskFixture {
protected:
    void SetUp() override {
        DeskFixture::SetUp();
        followUpForm = exports::testing::bundledForm("follow-up.yaml");
        // The follow-up patient's intake three weeks earlier (pain 7), another patient's with the
        // same name and another birthday after it, then the follow-up (pain 4).
        lumbarIntake = addAs("intake-pregnant", form, "2026-11-04T09:00:00Z", "Testpatient", "Lumbar", "1962-06-03", 7);
        namesake = addAs("intake-pregnant", form, "2026-11-05T09:00:00Z", "Testpatient", "Lumbar", "1962-06-04", 1);
        followUp = addAs("follow-up-back-pain", followUpForm, "2026-11-25T12:00:00Z", " TESTPATIENT ", "lumbar",
                         "1962-06-03", std::nullopt);
    }

    /// Answer set @p answers on @p f as the patient named so, with the average pain of the past week.
    std::string addAs(const std::string& answers, std::shared_ptr<const forms::Form> f, const std::string& submittedAt,
                      const std::string& first, const std::string& last, const std::string& born,
                      std::optional<int> painWeek) {
        std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/tests/data/answers/" + answers + "/answers.json");
        nlohmann::json a = nlohmann::json::parse(in);
        a["first_name"] = first;
        a["last_name"] = last;
        a["date_of_birth"] = born;
        if (painWeek) a["pain_nrs_week"] = *painWeek;
        const auto r = session::simulate(f, a, "en", kiosk::testing::realCatalog(), kiosk::testing::fixedClock(),
                                         session::HiddenAnswers::Drop);
        EXPECT_TRUE(r.ok()) << answers;
        if (!r.ok()) return "";
        nlohmann::json record = session::toJson(*r.record);
        store::RecordMeta m;
        m.formId = f->id;
        m.formVersion = f->version;
        m.contentHash = f->contentHash;
        m.lang = "en";
        m.startedAt = m.submittedAt = submittedAt;
        record["submitted_at"] = submittedAt;
        auto id = store->submit(m, record.dump());
        EXPECT_TRUE(id) << id.error().format();
        return id ? *id : "";
    }

    Desk& openWithBothForms() {
        DeskOptions o = options();
        auto shelf = std::make_shared<exports::FormShelf>();
        shelf->add(form);
        shelf->add(followUpForm);
        o.shelf = shelf;
        desk = std::make_unique<Desk>(*store, *catalog, o);
        desk->enter(kT0);
        unlock(*desk);
        return *desk;
    }

    std::shared_ptr<const forms::Form> followUpForm;
    std::string lumbarIntake, namesake, followUp;
};

const exports::ReadChange* changeOf(const DeskView& v, const std::string& id) {
    if (!v.detail || !v.detail->previous) return nullptr;
    for (const auto& c : v.detail->previous->changes)
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace

TEST(StaffPreviousVisit, TheSamePatientIsTheSameNamesAndBirthdayWhateverTheCaseAndSpaces) {
    exports::IntakeReading a, b;
    a.firstName = "  José  María ";
    a.lastName = "GARCÍA";
    a.dateOfBirth = "1980-02-29";
    b.firstName = "JOSÉ MARÍA";
    b.lastName = "garcía";
    b.dateOfBirth = "1980-02-29";
    EXPECT_EQ(patientIdentity(a), "josé maría|garcía|1980-02-29");
    EXPECT_EQ(patientIdentity(a), patientIdentity(b));
    b.dateOfBirth = "1980-03-01";
    EXPECT_NE(patientIdentity(a), patientIdentity(b));
    b.dateOfBirth.clear();  // without a birthday nobody is matched
    EXPECT_EQ(patientIdentity(b), "");
    a.lastName = "   ";
    EXPECT_EQ(patientIdentity(a), "");
}

TEST_F(PreviousVisitFixture, AFollowUpShowsTheChangeSinceThePatientsIntake) {
    Desk& d = openWithBothForms();
    d.apply(OpenIntake{followUp});
    const DeskView v = d.view();
    ASSERT_TRUE(v.detail);
    ASSERT_TRUE(v.detail->previous) << "no earlier visit found";
    EXPECT_EQ(v.detail->previous->recordId, lumbarIntake);  // not the namesake born a day later
    EXPECT_EQ(v.detail->previous->submittedAt, "2026-11-04T09:00:00Z");
    EXPECT_EQ(v.detail->previous->formTitle, form->title.get("en"));
    const exports::ReadChange* pain = changeOf(v, "pain_nrs_average");
    ASSERT_NE(pain, nullptr);
    EXPECT_DOUBLE_EQ(pain->previous, 7);
    EXPECT_DOUBLE_EQ(pain->now, 4);
    EXPECT_EQ(pain->way, exports::ReadChange::Way::Better);
    EXPECT_EQ(pain->important, true);
    EXPECT_NE(pain->text.find("improved by 3, at least the 2-point minimal important change"), std::string::npos);
    // Showing the earlier visit's scores is audited as a view of that record too.
    EXPECT_EQ(audited("record_view").back(), "previous-visit record=" + lumbarIntake);

    d.apply(SetStaffLang{"es"});
    const exports::ReadChange* dolor = changeOf(d.view(), "pain_nrs_average");
    ASSERT_NE(dolor, nullptr);
    EXPECT_NE(dolor->text.find("mejoró 3"), std::string::npos) << dolor->text;
}

TEST_F(PreviousVisitFixture, AFirstVisitOrAnotherPatientHasNoChange) {
    Desk& d = openWithBothForms();
    d.apply(OpenIntake{lumbarIntake});  // the earliest record of that patient: nothing before it
    ASSERT_TRUE(d.view().detail);
    EXPECT_FALSE(d.view().detail->previous);
    d.apply(OpenIntake{red});  // nobody else has that name
    ASSERT_TRUE(d.view().detail);
    EXPECT_FALSE(d.view().detail->previous);
}

TEST_F(PreviousVisitFixture, ADeletedEarlierRecordIsNotThePreviousVisit) {
    auto key = store->unlock(kPassphrase);
    ASSERT_TRUE(key);
    ASSERT_TRUE(store->deleteRecord(lumbarIntake, *key));
    Desk& d = openWithBothForms();
    d.apply(OpenIntake{followUp});
    ASSERT_TRUE(d.view().detail);
    EXPECT_FALSE(d.view().detail->previous);
}

TEST_F(PreviousVisitFixture, LeavingForgetsTheChange) {
    Desk& d = openWithBothForms();
    d.apply(OpenIntake{followUp});
    ASSERT_TRUE(d.view().detail && d.view().detail->previous);
    d.apply(Leave{});
    EXPECT_FALSE(d.view().detail);
}

TEST_F(PreviousVisitFixture, TheTherapistsPdfFromTheDeskShowsTheChangeToo) {
    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
        FAIL() << "poppler-utils is not installed (packaging/install-deps.sh installs it)";
    Desk& d = openWithBothForms();
    d.apply(StartExport{ExportFormat::Pdf, followUp});
    const DeskView v = d.view();
    ASSERT_FALSE(v.exporting.failed) << v.exporting.message;
    const std::string txt = dir / "follow-up.txt";
    ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + v.exporting.file + "' '" + txt + "'").c_str()), 0);
    std::string text = st::readFile(txt);
    for (char& c : text)
        if (c == '\n') c = ' ';
    EXPECT_NE(text.find("Change since the visit of 2026-11-04"), std::string::npos) << text.substr(0, 1500);
    EXPECT_NE(text.find("improved by 3, at least the 2-point minimal important change"), std::string::npos)
        << text.substr(0, 1500);
    // The earlier record's scores left the kiosk in the PDF: audited as a view of it.
    const auto views = audited("record_view");
    EXPECT_NE(std::find(views.begin(), views.end(), "previous-visit record=" + lumbarIntake), views.end());
}

TEST_F(PreviousVisitFixture, TheLookupOpensOnlyRecordsBeforeTheOneReadAndAtMostTheLimit) {
    auto key = store->unlock(kPassphrase);
    ASSERT_TRUE(key);
    exports::IntakeReading r;
    r.firstName = "Testpatient";
    r.lastName = "Lumbar";
    r.dateOfBirth = "1962-06-03";
    exports::FormShelf shelf;
    shelf.add(form);
    auto found = findPreviousRecord(earlierRecordsIn(*store, *key), followUp, "2026-11-25T12:00:00Z", patientIdentity(r), &shelf);
    ASSERT_TRUE(found);
    ASSERT_TRUE(*found);
    EXPECT_EQ((*found)->meta.id, lumbarIntake);
    // Before the intake itself: nothing.
    found = findPreviousRecord(earlierRecordsIn(*store, *key), "", "2026-11-04T09:00:00Z", patientIdentity(r), &shelf);
    ASSERT_TRUE(found);
    EXPECT_FALSE(*found);
    // The six records before the follow-up, newest first: the intake is the 6th (today's three,
    // yesterday's, the namesake's, then it); a limit of 5 does not reach it.
    found = findPreviousRecord(earlierRecordsIn(*store, *key), followUp, "2026-11-25T12:00:00Z", patientIdentity(r), &shelf, 5);
    ASSERT_TRUE(found);
    EXPECT_FALSE(*found);
    found = findPreviousRecord(earlierRecordsIn(*store, *key), followUp, "2026-11-25T12:00:00Z", patientIdentity(r), &shelf, 6);
    ASSERT_TRUE(found);
    EXPECT_TRUE(*found);
}

}  // namespace kiosk::staff::testing
