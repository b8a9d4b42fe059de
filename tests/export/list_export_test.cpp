// A list item (FHIR's repeating group) in every export: the public LHC-Forms questionnaire with a
// repeating group imports as a list, and an answer set keyed by its linkIds goes out as the group
// repeated once per entry (tree and stream byte for byte, valid against the official schema, every
// linkId in the exported Questionnaire); the CSV cell encodes entries readably and one way only,
// the same through the record reader and the parsed tree; the PDF's text names each entry.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "csv_reader.h"
#include "fhir_check.h"
#include "kiosk/export/csv_cell.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/fhir_questionnaire.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/export/fhir_stream.h"
#include "kiosk/export/json_out.h"
#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/answer_text.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"
#include "support/session_support.h"

namespace {

using nlohmann::json;
using namespace kiosk;
namespace fhir = kiosk::exports::fhir;

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

forms::LoadResult importPublic(std::vector<std::string>* warnings = nullptr) {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fhir/lhc-date-in-repeating-group.json";
    const forms::FhirImport imported = forms::importFhirQuestionnaire(readAll(path), path);
    EXPECT_TRUE(imported.ok());
    if (warnings) *warnings = imported.warnings;
    return forms::loadFormFromString(imported.yaml, "imported.yaml");
}

// Keyed the FHIR way (linkIds), as an EHR's answer file would be.
const char* kByLinkId = R"({"X1": [
    {"X11": "2024-05-01", "X12": "2024-05-02", "X13": "first visit"},
    {"X13": "a second; with, separators = inside"}]})";

json recordFor(const forms::Form& form, const json& answers) {
    const session::SimulateResult r =
        session::simulate(std::make_shared<forms::Form>(form), forms::answersByItemId(form, answers), "",
                          kiosk::testing::realCatalog(), kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.ok() ? session::toJson(*r.record) : json();
}

exports::ExportMeta metaOf(const forms::Form& form, const json& record) {
    exports::ExportMeta meta;
    meta.id = "0b7e7c4e-1111-4aaa-8bbb-222233334447";
    meta.formId = form.id;
    meta.formVersion = form.version;
    meta.submittedAt = record["submitted_at"];
    return meta;
}

}  // namespace

TEST(ExportList, ThePublicRepeatingGroupImportsAsAList) {
    std::vector<std::string> warnings;
    const forms::LoadResult loaded = importPublic(&warnings);
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    const forms::Item* list = loaded.form->findItem("x1");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->type, forms::ItemType::List);
    ASSERT_EQ(list->fields.size(), 3u);
    EXPECT_EQ(list->fields[0].linkId, "X11");
    EXPECT_EQ(list->fields[2].type, forms::ItemType::Text);
    for (const std::string& w : warnings) EXPECT_EQ(w.find("asked once"), std::string::npos) << w;
}

TEST(ExportList, EachEntryIsTheGroupAgainValidAndStreamedTheSame) {
    const forms::LoadResult loaded = importPublic();
    ASSERT_TRUE(loaded.ok());
    const json record = recordFor(*loaded.form, json::parse(kByLinkId));
    ASSERT_FALSE(record.is_null());
    ASSERT_EQ(record["answers"]["x1"].size(), 2u);
    const exports::ExportMeta meta = metaOf(*loaded.form, record);
    const json qr = fhir::questionnaireResponse(meta, record, loaded.form.get());
    kiosk::testing::expectValidFhir(qr, "response");
    const json q = fhir::questionnaire(*loaded.form);
    kiosk::testing::expectValidFhir(q, "questionnaire");
    EXPECT_EQ(kiosk::testing::LinkIdCheck(q).problems(qr), std::vector<std::string>{});
    ASSERT_EQ(qr["item"].size(), 2u) << qr.dump();  // the group twice, at the top level like the questionnaire's
    EXPECT_EQ(qr["item"][0]["linkId"], "X1");
    EXPECT_EQ(qr["item"][1]["linkId"], "X1");
    ASSERT_EQ(qr["item"][0]["item"].size(), 3u);
    EXPECT_EQ(qr["item"][0]["item"][0], json::parse(R"({"linkId":"X11","text":"Date","answer":[{"valueDate":"2024-05-01"}]})"));
    EXPECT_EQ(qr["item"][1]["item"], json::parse(R"([{"linkId":"X13","text":"String",
                                                     "answer":[{"valueString":"a second; with, separators = inside"}]}])"));
    // The exported Questionnaire: a repeating group with its questions and maxOccurs.
    ASSERT_EQ(q["item"].size(), 1u);
    EXPECT_EQ(q["item"][0]["type"], "group");
    EXPECT_EQ(q["item"][0]["repeats"], true);
    EXPECT_EQ(q["item"][0]["item"].size(), 3u);
    EXPECT_NE(q["item"][0].dump().find("questionnaire-maxOccurs\",\"valueInteger\":10"), std::string::npos) << q.dump();

    const std::string tree = json{{"fullUrl", "urn:uuid:" + meta.id},
                                  {"resource", qr}}.dump(-1, ' ', false, json::error_handler_t::replace);
    exports::JsonOut out;
    EXPECT_EQ(fhir::writeRecordEntries(out, meta, record, loaded.form.get(), {}, "", "|"), 1);
    EXPECT_EQ(out.text(), tree);
}

TEST(ExportList, TheCsvCellReadsOneWayOnlyThroughBothReaders) {
    const forms::LoadResult loaded = importPublic();
    ASSERT_TRUE(loaded.ok());
    const json record = recordFor(*loaded.form, json::parse(kByLinkId));
    ASSERT_FALSE(record.is_null());
    const std::string want = "x11=2024-05-01,x12=2024-05-02,x13=first visit;x13=a second\\; with\\, separators \\= inside";
    EXPECT_EQ(exports::csvAnswerText(record["answers"]["x1"]), want);

    exports::CsvLayout layout;
    layout.addForm(*loaded.form);
    const exports::ExportMeta meta = metaOf(*loaded.form, record);
    std::ostringstream parsed, streamed;
    exports::CsvExportWriter byTree(parsed, layout), byReader(streamed, layout);
    byTree.addParsed(meta, record);
    ASSERT_TRUE(byReader.addPayload(meta, record.dump()));
    ASSERT_TRUE(byTree.finish());
    ASSERT_TRUE(byReader.finish());
    EXPECT_EQ(streamed.str(), parsed.str());
    const auto rows = exports::testing::parseCsv(parsed.str());
    ASSERT_EQ(rows.size(), 2u);
    const auto at = std::find(rows[0].begin(), rows[0].end(), "x1");
    ASSERT_NE(at, rows[0].end());
    EXPECT_EQ(rows[1][static_cast<size_t>(at - rows[0].begin())], want);

    // A value starting like a formula is still neutralised as the cell's start.
    std::string line;
    exports::appendCsvCell(line, exports::csvAnswerText(json::parse(R"([{"a":"=1+1"}])")));
    EXPECT_EQ(line, "a=\\=1+1");
}

TEST(ExportList, TheReviewAndPdfTextNamesEachEntry) {
    const forms::LoadResult loaded = importPublic();
    ASSERT_TRUE(loaded.ok());
    const forms::Item& list = *loaded.form->findItem("x1");
    const forms::Answer a = forms::ListAnswer{forms::ListEntry{{{"x13", forms::Answer{std::string("one")}}}},
                                              forms::ListEntry{{{"x11", forms::Answer{forms::Date{2024, 5, 1}}},
                                                                {"x13", forms::Answer{std::string("two")}}}}};
    const session::Wording en{kiosk::testing::realCatalog(), "en", "en"};
    // Named by the group's text (the form has English only, so in Spanish too, like its questions).
    EXPECT_EQ(session::answerText(list, a, en), "A Repeating Group 1: one\nA Repeating Group 2: 1 May 2024; two");
    const session::Wording es{kiosk::testing::realCatalog(), "es", "en"};
    EXPECT_EQ(session::answerText(list, a, es), "A Repeating Group 1: one\nA Repeating Group 2: 1 de mayo de 2024; two");
    forms::Item unnamed = list;  // a list that names no entry: the kiosk's word
    unnamed.entryLabel = {};
    EXPECT_EQ(session::answerText(unnamed, a, en), "Entry 1: one\nEntry 2: 1 May 2024; two");
    EXPECT_EQ(session::answerText(unnamed, a, es), "Entrada 1: one\nEntrada 2: 1 de mayo de 2024; two");
}
