#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/session/answer_json.h"
#include "kiosk/session/record.h"

using namespace kiosk;
using nlohmann::json;

TEST(SessionRecordJson, HasTheDocumentedShape) {
    session::Record r;
    r.formId = "intake";
    r.formVersion = 4;
    r.contentHash = "sha256:ab";
    r.lang = "es";
    r.startedAt = "2026-11-25T10:00:00Z";
    r.submittedAt = "2026-11-25T10:09:00Z";
    r.answers = {{"pain_now", 7.0}, {"dob", forms::Date{1950, 3, 14}}, {"hurts", true}};
    r.hidden = {"night_pain"};
    r.scores = {{"pain", 7.0, 1, 1, "severe", ""},
                {"func", std::nullopt, 1, 4, "", ""},
                {"odi", 12.5, 4, 4, "", ""},
                {"worst", 8.0, 1, 1, "", "lower_back_l"}};
    r.flags = {{"night", forms::Severity::Urgent, "Night pain", "Ask first."},
               {"anticoag", forms::Severity::Caution, "Blood thinners", "Gentle pressure."}};
    const json expected = json::parse(R"({
      "form": {"id": "intake", "version": 4, "content_hash": "sha256:ab"},
      "lang": "es",
      "started_at": "2026-11-25T10:00:00Z",
      "submitted_at": "2026-11-25T10:09:00Z",
      "answers": {"dob": "1950-03-14", "hurts": true, "pain_now": 7},
      "hidden": ["night_pain"],
      "scores": [{"id": "pain", "value": 7, "answered": 1, "total": 1, "band": "severe"},
                 {"id": "func", "value": null, "answered": 1, "total": 4, "band": null},
                 {"id": "odi", "value": 12.5, "answered": 4, "total": 4, "band": null},
                 {"id": "worst", "value": 8, "answered": 1, "total": 1, "band": null, "region": "lower_back_l"}],
      "flags": [{"id": "night", "severity": "urgent", "label": "Night pain", "explain": "Ask first."},
                {"id": "anticoag", "severity": "caution", "label": "Blood thinners", "explain": "Gentle pressure."}]
    })");
    EXPECT_EQ(session::toJson(r), expected) << session::toJson(r).dump(2);
}

// A signature's kept picture sits beside the answers: the answer itself stays {strokes}, the shape
// every earlier version reads (a desk or kiosk not yet upgraded reads it as signed), and the
// answer read back from the record is the signature without its picture.
TEST(SessionRecordJson, ASignaturesPictureIsKeptBesideTheAnswers) {
    session::Record r;
    forms::Signature signed_;
    signed_.strokes = {{{0.25f, 0.5f}, {0.5f, 0.75f}}};
    signed_.picture = "iVBORw0KGgoAAAANSUhEUg==";
    forms::Signature unsigned_;  // no picture: none kept
    unsigned_.strokes = {{{0.5f, 0.5f}}};
    r.answers = {{"consent_sig", signed_}, {"witness_sig", unsigned_}};
    const json out = session::toJson(r);
    EXPECT_EQ(out["answers"]["consent_sig"], json::parse(R"({"strokes": [[[0.25, 0.5], [0.5, 0.75]]]})"));
    EXPECT_EQ(out["signature_pictures"], json::parse(R"({"consent_sig": "iVBORw0KGgoAAAANSUhEUg=="})"));

    forms::Item item;
    item.id = "consent_sig";
    item.type = forms::ItemType::Signature;
    const auto read = session::answerFromJson(item, out["answers"]["consent_sig"], std::nullopt);
    ASSERT_TRUE(read) << read.error().format();
    EXPECT_EQ(std::get<forms::Signature>(*read).strokes, signed_.strokes);

    r.answers = {{"witness_sig", unsigned_}};
    EXPECT_FALSE(session::toJson(r).contains("signature_pictures")) << "a record without pictures keeps its shape";
}
