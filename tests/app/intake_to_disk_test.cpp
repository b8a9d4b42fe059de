// The whole path a patient's intake takes, with nothing faked: taps on the real screens (the ui
// tests' driver) -> app/'s IntakeScene -> session::Intake -> the StoreRecordSink -> SQLite, sealed ->
// staff unlock it with the passphrase and read back what was tapped. The page-level details are checked
// by tests/ui; this checks that the layers meet.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "../store/store_test_util.h"
#include "kiosk/app/cli/store_sink.h"
#include "kiosk/export/fhir_common.h"
#include "kiosk/export/fhir_signature.h"
#include "kiosk/session/answer_json.h"
#include "support/temp_files.h"
#include "scene_e2e_fixture.h"

namespace kiosk::app {
namespace {

namespace st = kiosk::store::testing;
using session::Screen;

class IntakeToDisk : public testing::SceneE2e {
  protected:
    void SetUp() override {
        SceneE2e::SetUp();
        (void)st::freshStore(db(), kPass);  // keys made at argon2id's minimum: a fast test
        auto opened = StoreRecordSink::open(db(), "kiosk-e2e", std::chrono::minutes(10));
        ASSERT_TRUE(opened) << opened.error().format();
        sink = std::move(*opened);
        sink->saveDraftsInBackground();  // as `run` does: drafts on the writer's thread
        wire(*sink);
    }
    void TearDown() override {
        scene.reset();  // before the sink it writes to
        sink.reset();
    }

    std::string db() const { return dir / "intake.sqlite3"; }

    const std::string kPass = "front desk secret";
    kiosk::testing::TempDir dir{"intake-to-disk"};
    std::unique_ptr<StoreRecordSink> sink;
};

TEST_F(IntakeToDisk, ASpanishPatientsTapsBecomeASealedRecordThatStaffCanRead) {
    startIntake("es");
    const ui::test::Patient p;
    runToReview(p);
    ASSERT_FALSE(HasFailure());
    ASSERT_EQ(screen(), Screen::Review);

    // Mid-intake the draft was on disk (sealed); the submit clears it.
    ui->tap("submit");
    ASSERT_EQ(screen(), Screen::ThankYou) << "the thank-you screen shows only after COMMIT";
    scene.reset();
    sink.reset();

    store::StoreOptions options;
    options.dbPath = db();
    options.createIfMissing = false;
    auto s = store::Store::open(options);
    ASSERT_TRUE(s) << s.error().format();
    const auto rows = s->list();
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().meta.formId, "clinic_intake");
    EXPECT_EQ(rows->front().meta.lang, "es");
    EXPECT_EQ(rows->front().meta.kioskId, "kiosk-e2e");
    EXPECT_EQ(rows->front().status, store::RecordStatus::Submitted);
    auto draft = s->loadDraft();
    ASSERT_TRUE(draft);
    EXPECT_FALSE(draft->has_value()) << "a submitted intake leaves no draft behind";

    auto key = s->unlock(kPass);
    ASSERT_TRUE(key) << key.error().format();
    auto payload = s->readPayload(rows->front().meta.id, *key);
    ASSERT_TRUE(payload) << payload.error().format();
    const auto record = nlohmann::json::parse(*payload);
    EXPECT_EQ(record.at("lang"), "es");
    EXPECT_EQ(record.at("answers").at("first_name"), p.firstName);
    EXPECT_EQ(record.at("answers").at("phone"), p.phone);
    EXPECT_TRUE(record.at("answers").contains("date_of_birth"));
    // The finger signature is sealed with the picture its strokes draw (beside the answers), kept
    // for every export.
    const forms::Item* signatureItem = form->findItem("signature");
    ASSERT_NE(signatureItem, nullptr);
    const auto signature = session::answerFromJson(*signatureItem, record.at("answers").at("signature"), std::nullopt);
    ASSERT_TRUE(signature) << signature.error().format();
    forms::Signature signed_ = std::get<forms::Signature>(*signature);
    EXPECT_FALSE(signed_.strokes.empty());
    ASSERT_TRUE(record.contains("signature_pictures"));
    signed_.picture = record.at("signature_pictures").at("signature").get<std::string>();
    EXPECT_EQ(signed_.picture, exports::fhir::base64(exports::fhir::signaturePng(signed_)));

    // ... and neither the name nor the picture is anywhere in the file in plain text.
    for (const std::string suffix : {"", "-wal"}) {
        std::ifstream f(db() + suffix, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find(p.firstName), std::string::npos) << db() + suffix;
        EXPECT_EQ(bytes.find(signed_.picture.substr(0, 64)), std::string::npos) << db() + suffix;
    }
}

}  // namespace
}  // namespace kiosk::app
