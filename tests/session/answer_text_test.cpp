// Answers as the review screen shows them, and validation messages, in en and es.
#include "kiosk/session/answer_text.h"

#include "kiosk/bodymap/regions.h"

#include <gtest/gtest.h>

#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

// The real catalogue plus region/pain-kind names (regions.*.yaml is another area's file).
const kiosk::core::Catalog& catalog() {
    static const kiosk::core::Catalog c = [] {
        kiosk::core::Catalog out = realCatalog();
        out.set("en", "region.lower_back_l", "Lower back, left");
        out.set("es", "region.lower_back_l", "Zona lumbar, izquierda");
        out.set("en", "region.calf_r", "Calf, right");
        out.set("en", "pain_kind.aching", "aching");
        out.set("en", "pain_kind.burning", "burning");
        return out;
    }();
    return c;
}

std::string en(const Item& item, const Answer& a) { return answerText(item, a, Wording{catalog(), "en", "en"}); }
std::string es(const Item& item, const Answer& a) { return answerText(item, a, Wording{catalog(), "es", "en"}); }

}  // namespace

TEST(SessionAnswerText, DatesInWords) {
    EXPECT_EQ(en(date("dob"), Date{1950, 3, 14}), "14 March 1950");
    EXPECT_EQ(es(date("dob"), Date{1950, 3, 14}), "14 de marzo de 1950");
    EXPECT_EQ(es(date("dob"), Date{2001, 12, 1}), "1 de diciembre de 2001");
}

TEST(SessionAnswerText, YesNoAndConsent) {
    EXPECT_EQ(en(yesNo("y"), true), "Yes");
    EXPECT_EQ(es(yesNo("y"), true), "Sí");
    EXPECT_EQ(en(yesNo("y"), false), "No");
    EXPECT_EQ(en(consent("c"), true), "I agree");
    EXPECT_EQ(es(consent("c"), false), "No acepto");
}

TEST(SessionAnswerText, OptionsByTheirLabels) {
    Item sex = single("sex", {opt("f", std::nullopt, "Female", "Mujer"), opt("m", std::nullopt, "Male", "Hombre")});
    EXPECT_EQ(en(sex, std::string("f")), "Female");
    EXPECT_EQ(es(sex, std::string("m")), "Hombre");
    Item aids = multi("aids", {opt("cane", std::nullopt, "Cane", "Bastón"), opt("walker", std::nullopt, "Walker")});
    EXPECT_EQ(es(aids, std::vector<std::string>{"cane", "walker"}), "Bastón, Walker")
        << "a label missing in es falls back to the form's language";
}

TEST(SessionAnswerText, MatrixRowsInFormOrder) {
    Item m = matrix("m", {"r1", "r2"}, {opt("no", 0, "Not at all", "Nada"), opt("yes", 1, "A lot", "Mucho")});
    EXPECT_EQ(en(m, MatrixAnswer{{"r2", "yes"}, {"r1", "no"}}), "Row r1: Not at all\nRow r2: A lot");
    // Issue 20: a row left out was missing from the review; it says so, so the patient sees it.
    EXPECT_EQ(es(m, MatrixAnswer{{"r2", "yes"}}), "Fila r1: Sin responder\nFila r2: Mucho");
    EXPECT_EQ(en(m, MatrixAnswer{{"r1", "no"}}), "Row r1: Not at all\nRow r2: Not answered");
}

TEST(SessionAnswerText, BodyRegionsByName) {
    Item map = bodyMap("where", {BodyDetail::Intensity, BodyDetail::Kind});
    EXPECT_EQ(en(map, BodyMapAnswer{{"lower_back_l", 6, {"aching", "burning"}}, {"calf_r", std::nullopt, {}}}),
              "Lower back, left (pain 6 out of 10, aching, burning)\nCalf, right");
    EXPECT_EQ(es(map, BodyMapAnswer{{"lower_back_l", 6, {}}}), "Zona lumbar, izquierda (dolor 6 de 10)");
}

TEST(SessionAnswerText, NumbersUnitsScalesAndSignatures) {
    Item hours = number("hours", 0, 24);
    hours.decimals = 1;
    hours.unit = txt("hours", "horas");
    EXPECT_EQ(en(hours, 7.5), "7.5 hours");
    EXPECT_EQ(es(hours, 7.5), "7,5 horas") << "decimal comma in Spanish";
    EXPECT_EQ(en(number("n"), 12.0), "12");
    EXPECT_EQ(en(scale("pain"), 7.0), "7 out of 10");
    EXPECT_EQ(es(scale("pain"), 7.0), "7 de 10");
    EXPECT_EQ(en(signature("sig"), Signature{{{{0.1f, 0.2f}}}}), "Signed");
    EXPECT_EQ(es(signature("sig"), Signature{{{{0.1f, 0.2f}}}}), "Firmado");
    EXPECT_EQ(en(text("note"), std::string("as typed")), "as typed");
}

TEST(SessionAnswerText, ProblemsWithLimitsInThePatientsLanguage) {
    const Wording w{catalog(), "es", "en"};
    EXPECT_EQ(problemMessage({Problem::OutOfRange, {0.5, 2.5}}, w), "Por favor, elija un número del 0,5 al 2,5.");
    EXPECT_EQ(problemMessage({Problem::TooMany, {3}}, Wording{catalog(), "en", "en"}),
              "Please choose no more than 3.");
}

TEST(SessionAnswerText, EveryRegionAndPainKindHasAName) {
    // Real catalogue only (regions.<lang>.yaml): a missing key would show as "region.x" on review.
    Item map = bodyMap("where", {BodyDetail::Kind});
    for (const std::string lang : {"en", "es"}) {
        const Wording w{realCatalog(), lang, "en"};
        for (const auto& region : kiosk::bodymap::regions()) {
            const std::string text = answerText(map, BodyMapAnswer{{std::string(region.id), std::nullopt, {}}}, w);
            EXPECT_EQ(text.find("region."), std::string::npos) << lang << ": " << text;
        }
        for (std::string_view kind : kiosk::bodymap::painKinds()) {
            const std::string text = answerText(map, BodyMapAnswer{{"calf_l", std::nullopt, {std::string(kind)}}}, w);
            EXPECT_EQ(text.find("pain_kind."), std::string::npos) << lang << ": " << text;
        }
    }
    EXPECT_EQ(answerText(map, BodyMapAnswer{{"lower_back_l", std::nullopt, {"aching"}}}, Wording{realCatalog(), "en", "en"}),
              "Lower back, left side (" + realCatalog().tr("en", "pain_kind.aching") + ")");
}

TEST(SessionAnswerText, AListsAddButtonNamesTheCardItStarts) {
    const Wording english{catalog(), "en", "en"}, spanish{catalog(), "es", "en"};
    Item list;
    list.id = "meds";
    list.type = ItemType::List;
    EXPECT_EQ(addEntryLabel(list, 1, english), "Add another");
    EXPECT_EQ(addEntryLabel(list, 1, spanish), "A\xC3\xB1" "adir otro");
    // Named entries (what import-fhir writes): the card the button starts, no gender to agree.
    list.entryLabel.byLang = {{"en", "Medication"}, {"es", "Medicamento"}};
    EXPECT_EQ(addEntryLabel(list, 1, english), "Add Medication 2");
    EXPECT_EQ(addEntryLabel(list, 1, spanish), "A\xC3\xB1" "adir Medicamento 2");
    EXPECT_EQ(entryTitle(list, 1, spanish), "Medicamento 2");
    // The form's own words first.
    list.addLabel.byLang = {{"en", "Add another medicine"}, {"es", "A\xC3\xB1" "adir otro medicamento"}};
    EXPECT_EQ(addEntryLabel(list, 1, english), "Add another medicine");
}
