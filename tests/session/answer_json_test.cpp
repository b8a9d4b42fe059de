#include "kiosk/session/answer_json.h"

#include <gtest/gtest.h>

#include "support/form_builder.h"

using namespace kiosk::testing;
using kiosk::session::answerFromJson;
using kiosk::session::answerToJson;
using nlohmann::json;

namespace {

const std::optional<Date> kToday = Date{2026, 11, 25};

std::string errorOf(const Item& item, const json& value) {
    auto r = answerFromJson(item, value, kToday);
    return r.ok() ? std::string("<ok>") : r.error().message;
}

Item painScale() { return scale("pain_now"); }

}  // namespace

TEST(SessionAnswerJson, ParsesEveryTypeAndRoundTrips) {
    Item sig = signature("sig");
    Item map = bodyMap("where", {BodyDetail::Intensity, BodyDetail::Kind});
    const std::vector<std::pair<Item, json>> cases = {
        {yesNo("yn"), true},
        {consent("ok"), false},
        {number("hours", 0, 24), 7.0},
        {painScale(), 4},
        {text("note"), "a note"},
        {single("sex", {opt("f"), opt("m")}), "m"},
        {multi("aids", {opt("cane"), opt("walker")}), json::array({"cane", "walker"})},
        {date("dob"), "1950-03-14"},
        {matrix("m", {"r1", "r2"}, {opt("no"), opt("yes")}), json{{"r1", "yes"}, {"r2", "no"}}},
        {map, json::array({json{{"region", "lower_back_l"}, {"intensity", 6}, {"kinds", {"aching", "burning"}}},
                           json{{"region", "neck_back_r"}}})},
        {sig, json{{"strokes", {{{0.25, 0.5}, {0.5, 0.75}}, {{1.0, 0.0}}}}}},
    };
    for (const auto& [item, value] : cases) {
        auto parsed = answerFromJson(item, value, kToday);
        ASSERT_TRUE(parsed.ok()) << item.id << ": " << parsed.error().message;
        EXPECT_EQ(answerToJson(*parsed), value) << item.id;
        auto again = answerFromJson(item, answerToJson(*parsed), kToday);
        ASSERT_TRUE(again.ok());
        EXPECT_TRUE(*again == *parsed) << item.id;
    }
}

TEST(SessionAnswerJson, TypedValuesComeOutAsTheRightAlternative) {
    auto d = answerFromJson(date("dob"), "1950-03-14", kToday);
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(std::get<Date>(*d) == (Date{1950, 3, 14}));
    auto b = answerFromJson(bodyMap("where"), json::array({"calf_l"}), kToday);
    ASSERT_TRUE(b.ok());
    ASSERT_EQ(std::get<BodyMapAnswer>(*b).size(), 1u);
    EXPECT_EQ(std::get<BodyMapAnswer>(*b)[0].region, "calf_l");
    EXPECT_EQ(answerToJson(*b), json::parse(R"([{"region":"calf_l"}])")) << "marks print as objects";
    EXPECT_EQ(answerToJson(Answer{4.5}), json(4.5));
    EXPECT_EQ(answerToJson(Answer{4.0}).dump(), "4") << "whole numbers print without .0";
}

TEST(SessionAnswerJson, WrongTypeNamesTheItemAndTheExpectedShape) {
    EXPECT_EQ(errorOf(painScale(), "four"),
              "answer to 'pain_now' has the wrong type: expected a number");
    EXPECT_EQ(errorOf(yesNo("yn"), 1), "answer to 'yn' has the wrong type: expected true or false");
    EXPECT_EQ(errorOf(number("n"), true), "answer to 'n' has the wrong type: expected a number");
    EXPECT_NE(errorOf(multi("m", {opt("a")}), "a").find("wrong type"), std::string::npos);
    EXPECT_NE(errorOf(text("t"), 5).find("wrong type"), std::string::npos);
    EXPECT_NE(errorOf(matrix("m", {"r"}, {opt("a")}), json::array()).find("wrong type"), std::string::npos);
    EXPECT_NE(errorOf(bodyMap("b"), "calf_l").find("wrong type"), std::string::npos);
    EXPECT_NE(errorOf(bodyMap("b"), json::array({json{{"place", "calf_l"}}})).find("wrong type"),
              std::string::npos);
    EXPECT_NE(errorOf(text("t"), nullptr).find("wrong type"), std::string::npos);
    EXPECT_EQ(errorOf(info("i"), "x"), "'i' is an information text and takes no answer");
}

TEST(SessionAnswerJson, NumbersOutOfRangeStepAndDecimals) {
    EXPECT_EQ(errorOf(painScale(), 11), "answer to 'pain_now' is out of range: must be 0 to 10");
    EXPECT_EQ(errorOf(painScale(), -1), "answer to 'pain_now' is out of range: must be 0 to 10");
    EXPECT_EQ(errorOf(painScale(), 4.5), "answer to 'pain_now' must be a multiple of 1");
    EXPECT_EQ(errorOf(number("n", 1), 0), "answer to 'n' is out of range: must be at least 1");
    EXPECT_EQ(errorOf(number("n", std::nullopt, 3), 4), "answer to 'n' is out of range: must be at most 3");
    Item hours = number("hours", 0, 24);
    hours.decimals = 1;
    hours.step = 0.5;
    EXPECT_EQ(errorOf(hours, 7.5), "<ok>");
    EXPECT_EQ(errorOf(hours, 7.25), "answer to 'hours' has too many decimals: at most 1");
    hours.decimals = 2;
    EXPECT_EQ(errorOf(hours, 7.25), "answer to 'hours' must be a multiple of 0.5");
    Item whole = number("w");
    EXPECT_EQ(errorOf(whole, 2.5), "answer to 'w' has too many decimals: at most 0");
}

TEST(SessionAnswerJson, ChoicesAndSelections) {
    Item sex = single("sex", {opt("f"), opt("m")});
    EXPECT_EQ(errorOf(sex, "q"), "answer to 'sex' has an unknown option; the options are: f, m");
    Item aids = multi("aids", {opt("cane"), opt("walker"), opt("chair"), opt("none")});
    aids.options[3].exclusive = true;
    aids.minSelected = 2;
    aids.maxSelected = 2;
    EXPECT_EQ(errorOf(aids, json::array({"cane", "walker"})), "<ok>");
    EXPECT_EQ(errorOf(aids, json::array({"cane"})), "answer to 'aids' selects too few options: at least 2");
    EXPECT_EQ(errorOf(aids, json::array({"cane", "walker", "chair"})),
              "answer to 'aids' selects too many options: at most 2");
    EXPECT_EQ(errorOf(aids, json::array({"none"})), "<ok>") << "an exclusive answer stands alone";
    EXPECT_EQ(errorOf(aids, json::array({"none", "cane"})),
              "answer to 'aids' combines an exclusive option with others");
    // A list entry is named by its position, and the options by the form: never the value given.
    EXPECT_EQ(errorOf(aids, json::array({"cane", "bike"})),
              "answer to 'aids[1]' has an unknown option; the options are: cane, walker, chair, none");
    EXPECT_EQ(errorOf(aids, json::array({"cane", "cane"})), "answer to 'aids[1]' lists an option twice");
    EXPECT_EQ(errorOf(aids, json::array()), "<ok>") << "empty means not answered; required is Next's job";
}

TEST(SessionAnswerJson, LongOptionListsStopAtEight) {
    std::vector<Option> options;
    for (const char* v : {"doctor", "friend", "web", "radio", "tv", "flyer", "sign", "work", "family", "other"})
        options.push_back(opt(v));
    EXPECT_EQ(errorOf(single("heard", options), "newspaper"),
              "answer to 'heard' has an unknown option; the options are: doctor, friend, web, radio, tv, flyer, "
              "sign, work and 2 more");
}

TEST(SessionAnswerJson, Dates) {
    Item dob = date("dob");
    dob.pastOnly = true;
    EXPECT_EQ(errorOf(dob, "2026-11-25"), "<ok>") << "today is not the future";
    EXPECT_EQ(errorOf(dob, "2026-11-26"),
              "answer to 'dob' is in the future: the item allows past dates only");
    EXPECT_EQ(errorOf(date("any"), "2026-11-26"), "<ok>");
    for (const char* bad : {"1950-02-30", "1950-3-14", "14/03/1950", "1950-13-01", "19500314", ""})
        EXPECT_EQ(errorOf(dob, bad), "answer to 'dob' is not a valid date \"YYYY-MM-DD\"") << bad;
    EXPECT_EQ(errorOf(dob, "2024-02-29"), "<ok>") << "leap day";
}

TEST(SessionAnswerJson, MatrixRowsAndOptions) {
    Item m = matrix("m", {"r1", "r2"}, {opt("no"), opt("yes")});
    EXPECT_EQ(errorOf(m, json{{"r1", "yes"}}), "<ok>") << "partial answers are fine here";
    EXPECT_EQ(errorOf(m, json{{"r3", "yes"}}), "answer to 'm' has an unknown row; the rows are: r1, r2");
    EXPECT_EQ(errorOf(m, json{{"r1", "maybe"}}), "answer to 'm.r1' has an unknown option; the options are: no, yes");
    EXPECT_NE(errorOf(m, json{{"r1", 1}}).find("wrong type"), std::string::npos);
}

TEST(SessionAnswerJson, BodyMapRegionsIntensityAndKinds) {
    Item plain = bodyMap("where");
    Item detailed = bodyMap("where", {BodyDetail::Intensity, BodyDetail::Kind});
    const std::string unknown = errorOf(plain, json::array({"calf_l", "calf_r", "neck", "elbow_x"}));
    EXPECT_EQ(unknown.rfind("answer to 'where[2]' is not a body region id; the ids are: head_front_r, head_front_l, "
                            "face_r, face_l, ", 0), 0u) << unknown;
    EXPECT_NE(unknown.find(", sole_r, sole_l (ids of the earlier list, such as sacrum, are read as the regions they "
                           "became)"), std::string::npos) << unknown;
    // Named at its place in the answer, even after an old id that stands for two regions.
    EXPECT_EQ(errorOf(plain, json::array({"sacrum", "elbow_x"})).rfind("answer to 'where[1]' is not", 0), 0u);
    EXPECT_EQ(errorOf(plain, json::array({"calf_l", "calf_l"})), "answer to 'where[1]' marks a body region twice");
    EXPECT_NE(errorOf(plain, json::array({json{{"region", "calf_l"}, {"intensity", 3}}})).find("does not ask"),
              std::string::npos);
    EXPECT_EQ(errorOf(detailed, json::array({json{{"region", "calf_l"}, {"intensity", 11}}})),
              "answer to 'where' has a pain intensity out of range: must be 0 to 10");
    EXPECT_EQ(errorOf(detailed, json::array({json{{"region", "calf_l"}, {"intensity", -1}}})),
              "answer to 'where' has a pain intensity out of range: must be 0 to 10");
    EXPECT_EQ(errorOf(detailed, json::array({json{{"region", "calf_l"}, {"intensity", 0}}})), "<ok>");
    EXPECT_NE(errorOf(detailed, json::array({json{{"region", "calf_l"}, {"kinds", {"tickly"}}}}))
                  .find("unknown or repeated kind of pain: kinds are aching"),
              std::string::npos);
}

// Issue 20: the kiosk's buttons keep the kinds of pain in the body map's order, so an answer set
// (simulate, import) that lists them otherwise must make the same record.
TEST(SessionAnswerJson, KindsOfPainComeInTheBodyMapsOrder) {
    Item detailed = bodyMap("where", {BodyDetail::Intensity, BodyDetail::Kind});
    auto a = answerFromJson(detailed, json::parse(R"([{"region": "calf_l", "kinds": ["stiffness", "sharp", "aching"]}])"),
                            kToday);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(answerToJson(*a), json::parse(R"([{"region": "calf_l", "kinds": ["aching", "sharp", "stiffness"]}])"));
    EXPECT_NE(errorOf(detailed, json::array({json{{"region", "calf_l"}, {"kinds", {"sharp", "aching", "sharp"}}}}))
                  .find("unknown or repeated kind of pain"),
              std::string::npos);
}

TEST(SessionAnswerJson, OldRegionIdsLoadAsTheRegionsTheyBecame) {
    Item detailed = bodyMap("where", {BodyDetail::Intensity, BodyDetail::Kind});
    auto a = answerFromJson(detailed, json::parse(R"([{"region": "trapezius_l", "intensity": 4, "kinds": ["stiffness"]},
                                                      {"region": "sacrum", "intensity": 6},
                                                      {"region": "lower_back_l", "intensity": 7, "kinds": ["aching"]},
                                                      "heel_r"])"),
                            kToday);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(answerToJson(*a), json::parse(R"([{"region": "shoulder_back_l", "intensity": 4, "kinds": ["stiffness"]},
                                                {"region": "lower_back_r", "intensity": 6},
                                                {"region": "lower_back_l", "intensity": 7, "kinds": ["aching"]},
                                                {"region": "sole_r"}])"));
}

TEST(SessionAnswerJson, SignatureShape) {
    Item sig = signature("sig");
    const std::string bad = "answer to 'sig' is not a signature";
    EXPECT_EQ(errorOf(sig, json{{"strokes", json::array({json::array()})}}).rfind(bad, 0), 0u) << "empty stroke";
    EXPECT_EQ(errorOf(sig, json{{"strokes", {{{1.5, 0.5}}}}}).rfind(bad, 0), 0u) << "off the pad";
    EXPECT_EQ(errorOf(sig, json{{"strokes", {{{0.5}}}}}).rfind(bad, 0), 0u) << "point of one number";
    EXPECT_EQ(errorOf(sig, json::array()).rfind(bad, 0), 0u);
    EXPECT_EQ(errorOf(sig, json{{"strokes", {{{0.5, 0.5}}}}, {"extra", 1}}).rfind(bad, 0), 0u);
    auto empty = answerFromJson(sig, json{{"strokes", json::array()}}, kToday);
    ASSERT_TRUE(empty.ok()) << "no strokes is an empty (unanswered) signature";
    EXPECT_TRUE(std::get<Signature>(*empty).empty());
}

TEST(SessionAnswerJson, TextLengthCountsCharactersNotBytes) {
    Item name = text("name");
    name.maxLength = 5;
    EXPECT_EQ(errorOf(name, "Íñigo"), "<ok>") << "5 letters, 7 bytes";
    EXPECT_EQ(errorOf(name, "Íñigos"), "answer to 'name' is too long: at most 5 characters");
}

TEST(SessionAnswerJson, ConsentMustBeTrueOrFalse) {
    EXPECT_EQ(errorOf(consent("ok"), true), "<ok>");
    EXPECT_EQ(errorOf(consent("ok"), false), "<ok>");
    EXPECT_EQ(errorOf(consent("ok"), "yes"), "answer to 'ok' has the wrong type: expected true or false");
}

TEST(SessionAnswerJson, ErrorsNeverRepeatThePatientsValue) {
    const std::string marker = "ZQXJ-private";
    const std::vector<std::pair<Item, json>> cases = {
        {single("s", {opt("a")}), marker},
        {multi("m", {opt("a")}), json::array({marker})},
        {date("d"), marker},
        {bodyMap("b"), json::array({marker})},
        {matrix("x", {"r"}, {opt("a")}), json{{"r", marker}}},
        {matrix("x", {"r"}, {opt("a")}), json{{marker, "a"}}},
        {number("n", 0, 1), 987654321},
        {text("t"), std::string(300, 'Z')},
        {yesNo("y"), marker},
    };
    for (const auto& [item, value] : cases) {
        const std::string e = errorOf(item, value);
        EXPECT_NE(e, "<ok>") << item.id;
        EXPECT_EQ(e.find("ZQXJ"), std::string::npos) << e;
        EXPECT_EQ(e.find("987654321"), std::string::npos) << e;
        EXPECT_EQ(e.find("ZZZ"), std::string::npos) << e;
    }
}
