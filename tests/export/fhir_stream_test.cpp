// The FHIR Bundle written as a stream (fhir_stream.h, json_out.h) against the trees of
// fhir_response.h dumped by nlohmann: byte for byte the same, over a varied record set (every
// answer set, every public Questionnaire of tests/data/fhir, records with unicode, quotes,
// control characters and broken UTF-8, signatures, body maps, fractional scores, flags, answers
// the form does not type, and records whose form is not at hand), and valid against the schema.
#include <dirent.h>

#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fhir_check.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/export/fhir_stream.h"
#include "kiosk/export/json_out.h"
#include "kiosk/export/record_payload.h"
#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"
#include "support/fhir_answers.h"
#include "support/session_support.h"
#include "support/temp_files.h"

namespace {

using nlohmann::json;
using kiosk::testing::readFile;
using namespace kiosk;
namespace fhir = kiosk::exports::fhir;

const std::string kRoot = KIOSK_SOURCE_DIR;

std::string dumped(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

/// The string as JsonOut writes it.
std::string streamed(const std::string& s) {
    exports::JsonOut out;
    out.string(s);
    return out.text();
}

/// A record to export, with its form (null: not at hand) and plain columns.
struct Case {
    std::string name;
    std::shared_ptr<const forms::Form> form;
    json record;
    exports::ExportMeta meta;
};

exports::ExportMeta metaFor(const json& record, const std::string& id) {
    exports::ExportMeta m;
    m.id = id;
    m.formId = record.value("form", json::object()).value("id", "some-form");
    m.formVersion = record.value("form", json::object()).value("version", 3);
    m.lang = "en";
    m.submittedAt = record.value("submitted_at", "");
    return m;
}

json simulated(const std::shared_ptr<const forms::Form>& form, const json& answers, const std::string& lang) {
    const session::SimulateResult r = session::simulate(form, answers, lang, kiosk::testing::realCatalog(),
                                                        kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.ok() ? session::toJson(*r.record) : json::object();
}

/// The record as the kiosk seals it: its signature's picture drawn and kept (record_payload.h).
json sealed(const std::shared_ptr<const forms::Form>& form, const json& answers, const std::string& lang) {
    const session::SimulateResult r = session::simulate(form, answers, lang, kiosk::testing::realCatalog(),
                                                        kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.ok() ? json::parse(exports::recordPayload(*r.record)) : json::object();
}

/// Text that tries every escape: quotes, backslashes, each control character, DEL, accents,
/// CJK, an emoji, and broken UTF-8 (a stray continuation byte, a cut sequence, an overlong
/// form, a surrogate, a byte that never starts one).
std::string nasty() {
    std::string s = "Dolor \"agudo\" en la espalda \\ baja: ñ é ü 痛み 🙂 </script>";
    for (char c = 1; c < 0x20; ++c) s += c;
    s += '\x7f';
    s += "\x80 cut:\xe2\x82 overlong:\xc0\x80 surrogate:\xed\xa0\x80 ff:\xff end";
    return s;
}

std::vector<Case> cases() {
    std::vector<Case> out;
    auto intake = forms::loadForm(kRoot + "/forms/intake.yaml").form;
    auto followUp = forms::loadForm(kRoot + "/forms/follow-up.yaml").form;
    // Every realistic answer set.
    const std::vector<std::tuple<std::string, std::shared_ptr<const forms::Form>, std::string>> sets = {
        {"intake-red-flags", intake, "en"}, {"intake-calm", intake, "en"},       {"intake-spanish", intake, "es"},
        {"intake-pregnant", intake, "en"},  {"follow-up-worse", followUp, "en"},
    };
    int n = 0;
    auto id = [&n] {
        char buf[40];
        std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", ++n);
        return std::string(buf);
    };
    for (const auto& [dir, form, lang] : sets) {
        const json answers = json::parse(readFile(kRoot + "/tests/data/answers/" + dir + "/answers.json"));
        const json record = simulated(form, answers, lang);
        out.push_back({dir, form, record, metaFor(record, id())});
        out.push_back({dir + " without its form", nullptr, record, metaFor(record, id())});
    }
    // As sealed: the kept picture copied; one that is not a PNG is drawn again from the strokes.
    {
        const json answers = json::parse(readFile(kRoot + "/tests/data/answers/intake-red-flags/answers.json"));
        json kept = sealed(intake, answers, "en");
        EXPECT_TRUE(kept["signature_pictures"].contains("signature"));
        out.push_back({"picture kept", intake, kept, metaFor(kept, id())});
        kept["signature_pictures"]["signature"] = "R0lGODlhAQABAAAAACw=";
        out.push_back({"picture not a PNG", intake, kept, metaFor(kept, id())});
    }
    // The worst text in every string the record carries, a longer signature, fractional scores.
    json hard = out.front().record;
    hard["answers"]["main_reason"] = nasty();
    hard["answers"]["first_name"] = "O'Brien \"Bob\" \\ \t";
    hard["answers"]["sleep_hours"] = 4.25;
    hard["answers"]["email"] = nasty();  // the Patient's telecom, escaped as the tree escapes it
    hard["answers"]["sex"] = "other";
    hard["answers"]["pain_now"] = "not a number";  // untyped by its form: written as it is
    hard["answers"]["interference"] = json::object({{"activity", ""}, {"work", ""}});  // a matrix of empty rows
    json strokes = json::array();
    for (int k = 0; k < 3; ++k) {
        json stroke = json::array();
        for (int i = 0; i < 40; ++i) stroke.push_back(json::array({0.1 + 0.27 * k + 0.005 * i, 0.5 + 0.01 * (i % 7)}));
        strokes.push_back(stroke);
    }
    hard["answers"]["signature"] = json{{"strokes", strokes}};
    hard["scores"] = json::array({json{{"id", "pain_avg"}, {"value", 6.333333333333333}, {"band", nasty()}},
                                  json{{"id", "big"}, {"value", 1e20}}, json{{"id", "neg"}, {"value", -2.5}},
                                  json{{"id", "whole"}, {"value", 7.0}, {"band", ""}}, json{{"id", "no value"}}});
    hard["flags"] = json::array({json{{"id", "f1"}, {"severity", "urgent"}, {"label", nasty()}, {"explain", nasty()}},
                                 json{{"id", "f2"}, {"severity", "caution"}, {"label", 5}},
                                 json{{"id", "f3"}}, "not an object"});
    hard["lang"] = "es";
    out.push_back({"hard text", intake, hard, metaFor(hard, id())});
    out.push_back({"hard text without its form", nullptr, hard, metaFor(hard, id())});
    // Answers no form types: every JSON shape an old record may hold.
    json odd = {{"answers",
                 {{"flag", true},
                  {"count", 3},
                  {"huge", 18446744073709551615ULL},
                  {"ratio", 0.1},
                  {"whole_float", 2.0},
                  {"text", nasty()},
                  {"empty", ""},
                  {"nothing", nullptr},
                  {"list", json::array({"a", "", 2, 2.5, false, json::array({1}), json::object({{"k", "v"}})})},
                  {"grid", {{"row1", "often"}, {"row2", ""}, {"row3", json::array({"x", ""})}}},
                  {"marks", json::array({json{{"region", "neck_l"}, {"intensity", 4}, {"kinds", {"aching", 3}}},
                                         json{{"region", "somewhere_else"}}})},
                  {"signature", {{"strokes", json::array({json::array({json::array({0.5, 0.5})})})}}}}},
                {"scores", json::array()},
                {"lang", "en"}};
    exports::ExportMeta oddMeta = metaFor(odd, id());
    oddMeta.submittedAt = "";
    oddMeta.lang = "";
    out.push_back({"odd answers", nullptr, odd, oddMeta});
    out.push_back({"odd answers, intake form", intake, odd, metaFor(odd, id())});
    // Every public Questionnaire, imported (codings, plain integer/string/date options, groups).
    if (DIR* d = ::opendir((kRoot + "/tests/data/fhir").c_str())) {
        std::vector<std::string> names;
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".json" && name.rfind("bad-", 0) != 0)
                names.push_back(name);
        }
        ::closedir(d);
        std::sort(names.begin(), names.end());
        for (const std::string& name : names) {
            const auto imported = forms::importFhirQuestionnaire(readFile(kRoot + "/tests/data/fhir/" + name), name);
            if (!imported.ok()) continue;
            const auto loaded = forms::loadFormFromString(imported.yaml, imported.formId + ".yaml");
            if (!loaded.ok()) continue;
            const json byId = forms::answersByItemId(*loaded.form, kiosk::testing::fhirAnswersFor(*loaded.form));
            const json record = simulated(loaded.form, byId, "");
            out.push_back({name, loaded.form, record, metaFor(record, id())});
        }
    }
    return out;
}

/// The Bundle as the tree writer wrote it: each entry built as a tree and dumped.
std::string treeBundle(const std::vector<Case>& all, const std::string& at) {
    std::string text = dumped(json{{"resourceType", "Bundle"}, {"type", "collection"}, {"timestamp", at}});
    text.pop_back();
    bool first = true;
    auto entry = [&](const json& e) {
        text += first ? ",\"entry\":[\n" : ",\n";
        text += dumped(e);
        first = false;
    };
    for (const Case& c : all) {
        for (const json& e : fhir::bundleEntries(c.meta, c.record, c.form.get())) entry(e);
    }
    return text + (first ? "" : "\n]") + "}\n";
}

/// Where two texts first differ, with some context.
std::string firstDifference(const std::string& a, const std::string& b) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const size_t from = i < 80 ? 0 : i - 80;
    return "at byte " + std::to_string(i) + "\n  tree:   ..." + a.substr(from, 200) + "\n  stream: ..." + b.substr(from, 200);
}

}  // namespace

TEST(ExportFhirStream, StringsAreEscapedAsNlohmannEscapesThem) {
    for (int c = 0; c < 256; ++c) {
        const std::string s(1, static_cast<char>(c));
        EXPECT_EQ(streamed(s), dumped(json(s))) << "byte " << c;
        EXPECT_EQ(streamed("ab" + s + "cd"), dumped(json("ab" + s + "cd"))) << "byte " << c;
    }
    EXPECT_EQ(streamed(nasty()), dumped(json(nasty())));
    EXPECT_EQ(streamed(""), "\"\"");
    // Random bytes, most of them above 0x7f, where UTF-8 goes right or wrong.
    std::mt19937 rng(15);
    std::uniform_int_distribution<int> len(0, 12), byte(0, 255), high(0x80, 0xff);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        for (int k = len(rng); k > 0; --k) s += static_cast<char>(k % 3 ? high(rng) : byte(rng));
        ASSERT_EQ(streamed(s), dumped(json(s))) << "case " << i;
    }
}

TEST(ExportFhirStream, NumbersAndShapesAreWrittenAsTheTreeWritesThem) {
    for (double v : {0.0, -0.0, 1.0, 2.5, 4.25, -2.5, 0.1, 1e20, 1e-7, 6.333333333333333, 123456789.125})
        EXPECT_EQ(exports::JsonOut().number(v).text(), dumped(json(v))) << v;
    for (long long v : {0LL, -1LL, 42LL, 9007199254740993LL, std::numeric_limits<long long>::min()})
        EXPECT_EQ(exports::JsonOut().integer(v).text(), dumped(json(v))) << v;
    exports::JsonOut out;
    out.beginObject().key("a").beginArray().integer(1).boolean(false).string("x").endArray();
    const auto mark = out.mark();
    out.key("gone").beginObject().field("b", "c").endObject();
    out.rollback(mark);
    out.key("n").value(json(nullptr)).key("o").beginObject().endObject().endObject();
    EXPECT_EQ(out.text(), R"({"a":[1,false,"x"],"n":null,"o":{}})");
    out.clear();
    out.beginArray().endArray().literal(",\n").beginObject().endObject();
    EXPECT_EQ(out.text(), "[],\n{}");
}

TEST(ExportFhirStream, EachRecordIsTheTreeByteForByte) {
    const std::vector<Case> all = cases();
    ASSERT_GE(all.size(), 25u);
    exports::JsonOut out;
    for (const Case& c : all) {
        SCOPED_TRACE(c.name);
        std::string expected;
        const auto entries = fhir::bundleEntries(c.meta, c.record, c.form.get());
        for (const json& e : entries) expected += (expected.empty() ? "" : "|") + dumped(e);
        out.clear();
        const int written = fhir::writeRecordEntries(out, c.meta, c.record, c.form.get(), {}, "", "|");
        EXPECT_EQ(written, static_cast<int>(entries.size()));
        EXPECT_TRUE(out.text() == expected) << firstDifference(expected, out.text());
    }
}

TEST(ExportFhirStream, KeptTextFollowsEachRecordsFormLanguageAndFormId) {
    // One cache over records that change form, language and form id back and forth: what it keeps
    // for one (labels in English, score codes under one form id) must never reach another.
    const std::vector<Case> all = cases();
    auto find = [&](const std::string& name) {
        for (const Case& c : all)
            if (c.name == name) return c;
        ADD_FAILURE() << name;
        return all.front();
    };
    std::vector<Case> order = {find("intake-red-flags"), find("intake-spanish"), find("intake-red-flags"),
                               find("follow-up-worse"),  find("hard text"),      find("intake-calm"),
                               find("intake-spanish")};
    Case renamed = find("intake-red-flags");  // the same form, its records under another id
    renamed.meta.formId = "intake-renamed";
    order.push_back(renamed);
    order.push_back(find("intake-red-flags"));
    fhir::StreamCache cache;
    exports::JsonOut out;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Case& c = order[i];
        SCOPED_TRACE(std::to_string(i) + " " + c.name);
        std::string expected;
        for (const json& e : fhir::bundleEntries(c.meta, c.record, c.form.get()))
            expected += (expected.empty() ? "" : "|") + dumped(e);
        out.clear();
        (void)fhir::writeRecordEntries(out, c.meta, c.record, c.form.get(), {}, "", "|", cache);
        EXPECT_TRUE(out.text() == expected) << firstDifference(expected, out.text());
    }
}

TEST(ExportFhirStream, TheStreamedBundleIsTheTreeBundleAndValid) {
    const std::vector<Case> all = cases();
    auto shelf = std::make_shared<exports::FormShelf>();
    for (const Case& c : all)
        if (c.form && c.meta.formId == c.form->id) shelf->add(c.form);
    std::vector<Case> typed = all;
    for (Case& c : typed) {  // the writer finds each form on its shelf by id, version and hash
        c.meta.formId = c.form ? c.form->id : "not-on-the-shelf";
        if (c.form) c.meta.formVersion = c.form->version, c.meta.contentHash = c.form->contentHash;
    }
    std::ostringstream text;
    exports::FhirBundleWriter w(text, "2026-12-01T09:00:00Z", shelf);
    for (const Case& c : typed) w.addParsed(c.meta, c.record);
    ASSERT_TRUE(w.finish());
    const std::string expected = treeBundle(typed, "2026-12-01T09:00:00Z");
    EXPECT_TRUE(text.str() == expected) << firstDifference(expected, text.str());
    kiosk::testing::expectValidFhir(json::parse(text.str()), "streamed bundle");
}

TEST(ExportFhirStream, RecordsReadFromTheirTextAreWrittenAsTheirTreesAre) {
    // The export job hands the writer each record's text (addPayload: read as a RapidJSON document,
    // record_doc.h), not a tree: the same Bundle as the trees nlohmann parses from those texts.
    // Texts a kiosk never writes are here too: repeated keys (the tree keeps the last), members in
    // any order, a record that is no object.
    std::vector<Case> all = cases();
    auto shelf = std::make_shared<exports::FormShelf>();
    for (const Case& c : all)
        if (c.form && c.meta.formId == c.form->id) shelf->add(c.form);
    for (Case& c : all) {
        c.meta.formId = c.form ? c.form->id : "not-on-the-shelf";
        if (c.form) c.meta.formVersion = c.form->version, c.meta.contentHash = c.form->contentHash;
    }
    std::vector<std::string> texts;
    for (const Case& c : all) texts.push_back(dumped(c.record));  // broken UTF-8 replaced: a text is valid
    const Case& first = all.front();
    const std::string answers = dumped(first.record["answers"]);
    texts.push_back(R"({"lang":"es","answers":{"pain_now":2,"first_name":"Ann","pain_now":9,"sex":"female"},)"
                    R"("answers":)" + answers + R"(,"scores":[{"id":"x","value":1,"id":"pain_avg","band":"low","band":"high"}],)"
                    R"("flags":[{"id":"f","label":"one","label":"two","severity":"caution","severity":"urgent"}],"lang":"en"})");
    texts.push_back(R"({"answers":{"pain_map":[{"kinds":["aching"],"region":"neck_l","intensity":3}],"email":"a@b.c"},"answers":7})");
    texts.push_back(R"({"flags":[{"id":"only"}],"answers":{"first_name":"Zoe","first_name":5}})");
    texts.push_back(R"(["no", "object"])");
    std::vector<Case> read = all;
    for (std::size_t i = all.size(); i < texts.size(); ++i) read.push_back({"hand-written", first.form, {}, first.meta});
    std::ostringstream streamed;
    exports::FhirBundleWriter w(streamed, "2026-12-01T09:00:00Z", shelf);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        read[i].record = json::parse(texts[i]);
        read[i].meta.id = "00000000-0000-4000-9000-" + std::to_string(100000000000 + i);
        ASSERT_TRUE(w.addPayload(read[i].meta, texts[i])) << i;
    }
    ASSERT_TRUE(w.finish());
    const std::string expected = treeBundle(read, "2026-12-01T09:00:00Z");
    EXPECT_TRUE(streamed.str() == expected) << firstDifference(expected, streamed.str());
}

TEST(ExportFhirStream, AnAnswerWrittenBeforeIsCopiedWhereverItFalls) {
    // Answers from a short list are written once a value and then copied (fhir_stream.cpp): first
    // in their group or after another item, a value the form does not take, an empty one, and in
    // another language, each record is still its tree.
    auto intake = forms::loadForm(kRoot + "/forms/intake.yaml").form;
    const std::vector<std::pair<json, std::string>> records = {
        {{{"first_name", "Ann"}, {"sex", "male"}, {"pain_now", 4}, {"goals", {"less_pain"}}}, "en"},
        {{{"sex", "male"}, {"pain_now", 4}, {"goals", {"less_pain"}}}, "en"},
        {{{"sex", "not an option"}, {"pain_now", 11}, {"goals", json::array()}}, "en"},
        {{{"first_name", "Bo"}, {"sex", "not an option"}, {"pain_now", 11}, {"goals", json::array()}}, "en"},
        {{{"first_name", "Cy"}, {"sex", ""}, {"pain_now", "4"}, {"goals", {"less_pain", "less_pain"}}}, "en"},
        {{{"sex", ""}, {"pain_now", 4.0}, {"goals", {"less_pain"}}}, "en"},
        {{{"sex", "male"}, {"pain_now", 4}, {"goals", {"less_pain"}}}, "es"},
        {{{"first_name", "Di"}, {"sex", "male"}, {"pain_now", 4}, {"goals", {"less_pain"}}}, "en"},
    };
    fhir::StreamCache cache;
    exports::JsonOut out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        SCOPED_TRACE(i);
        const json record = {{"answers", records[i].first}, {"lang", records[i].second}};
        exports::ExportMeta meta = metaFor(record, "00000000-0000-4000-8000-00000000000" + std::to_string(i));
        meta.formId = intake->id;
        std::string expected;
        for (const json& e : fhir::bundleEntries(meta, record, intake.get()))
            expected += (expected.empty() ? "" : "|") + dumped(e);
        out.clear();
        (void)fhir::writeRecordEntries(out, meta, record, intake.get(), {}, "", "|", cache);
        EXPECT_TRUE(out.text() == expected) << firstDifference(expected, out.text());
    }
}

TEST(ExportFhirStream, ControlCharactersBecomeSpacesAsFhirStringsWant) {
    // FHIR R4 strings hold nothing below U+0020 but tab, CR and LF: the schema refuses them.
    exports::JsonOut out;
    out.controlsAsSpaces(true);
    out.string(std::string("a\x01" "b\tc\nd\re\x1f" "f\x7f"));
    EXPECT_EQ(out.text(), "\"a b\\tc\\nd\\re f\x7f\"");
    out.clear();
    out.string(std::string("\x02\xff"));  // with broken UTF-8 too
    EXPECT_EQ(out.text(), "\" \xef\xbf\xbd\"");
    json tree = {{"a", std::string("x\x03y")}, {"b", json::array({std::string("\x1b")})}};
    fhir::replaceControlChars(tree);
    EXPECT_EQ(tree, (json{{"a", "x y"}, {"b", json::array({" "})}}));
}
