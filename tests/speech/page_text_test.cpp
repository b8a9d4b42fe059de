// The text read aloud for a page, built by a pure function: title, then each shown question with
// how to answer it, in the patient's language; `say:` wins over the label; never an answer.
#include "kiosk/speech/page_text.h"

#include <gtest/gtest.h>

#include "kiosk/forms/conditions.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/intake.h"
#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk;
using namespace kiosk::testing;
using speech::Utterance;

namespace {

forms::Form painForm() {
    forms::Item pain = scale("pain_now");
    pain.label = txt("How bad is your pain right now?", "¿Cuánto dolor tiene ahora?");
    pain.minLabel = txt("No pain", "Sin dolor");
    pain.maxLabel = txt("Worst pain imaginable", "El peor dolor imaginable");
    forms::Item where = single("side", {opt("left", {}, "Left", "Izquierda"), opt("right", {}, "Right", "Derecha")});
    where.label = txt("Which side?", "¿Qué lado?");
    where.help = txt("Choose one.", "Elija uno.");
    forms::Item weight = number("weight", 20, 300);
    weight.label = txt("Weight (kg)", "Peso (kg)");
    weight.say = txt("Your weight in kilograms", "Su peso en kilogramos");
    weight.unit = txt("kg", "kg");
    weight.unit.byLang["en"] = "kilograms";
    weight.unit.byLang["es"] = "kilogramos";
    return form({page("p1", {pain, where, weight})});
}

std::vector<const forms::Item*> all(const forms::Page& p) {
    std::vector<const forms::Item*> out;
    for (const auto& i : p.items) out.push_back(&i);
    return out;
}

}  // namespace

TEST(SpeechPageText, EnglishReadsTitleQuestionsOptionsAndScaleEndsInOrder) {
    const forms::Form f = painForm();
    const Utterance u = speech::pageText(f, f.pages[0], all(f.pages[0]), "en", realCatalog());
    EXPECT_EQ(u.lang, "en");
    const std::vector<std::string> expected = {
        "Page p1.",
        "How bad is your pain right now?",
        "From 0, No pain, to 10, Worst pain imaginable.",
        "Which side?",
        "Choose one.",
        "Left.",
        "Right.",
        "Your weight in kilograms.",  // say: replaces "Weight (kg)"
        "Answer in kilograms.",
    };
    EXPECT_EQ(u.sentences, expected);
}

TEST(SpeechPageText, SpanishReadsTheSameInSpanish) {
    const forms::Form f = painForm();
    const Utterance u = speech::pageText(f, f.pages[0], all(f.pages[0]), "es", realCatalog());
    EXPECT_EQ(u.lang, "es");
    const std::vector<std::string> expected = {
        "Página p1.",
        "¿Cuánto dolor tiene ahora?",
        "Desde 0, Sin dolor, hasta 10, El peor dolor imaginable.",
        "¿Qué lado?",
        "Elija uno.",
        "Izquierda.",
        "Derecha.",
        "Su peso en kilogramos.",
        "Responda en kilogramos.",
    };
    EXPECT_EQ(u.sentences, expected);
}

TEST(SpeechPageText, SayInOneLanguageLeavesTheOtherOnTheLabel) {
    forms::Form f = painForm();
    forms::Item& side = f.pages[0].items[1];
    side.options[0].say.byLang["en"] = "The left side";
    const auto en = speech::pageText(f, f.pages[0], all(f.pages[0]), "en", realCatalog());
    const auto es = speech::pageText(f, f.pages[0], all(f.pages[0]), "es", realCatalog());
    EXPECT_EQ(en.sentences[5], "The left side.");
    EXPECT_EQ(es.sentences[5], "Izquierda.");
}

TEST(SpeechPageText, EachKindOfQuestionSaysHowToAnswer) {
    forms::Item plainScale = scale("s");
    forms::Item many = multi("m", {opt("a", {}, "Alpha", "Alfa"), opt("b", {}, "Beta", "Beta")});
    forms::Item grid = matrix("g", {"r1"}, {opt("never", {}, "Never", "Nunca"), opt("often", {}, "Often", "A menudo")});
    const forms::Form f = form({page("p", {yesNo("y"), plainScale, many, grid, text("t"), date("d"), consent("c"),
                                           signature("sig"), info("i")})});
    const auto u = speech::pageText(f, f.pages[0], all(f.pages[0]), "en", realCatalog());
    const std::vector<std::string> expected = {
        "Page p.",
        "Question y.", "Yes.", "No.",
        "Question s.", "Choose a number from 0 to 10.",
        "Question m.", "Choose all that apply.", "Alpha.", "Beta.",
        "Question g.", "Answer each of these:", "Row r1.", "The answers are:", "Never.", "Often.",
        "Question t.", "Tap here to type.",
        "Question d.", "Choose the day, the month and the year.",
        "Question c.", "Tap I agree to agree.",
        "Question sig.", "Sign here with your finger.",
        "Question i.",
    };
    EXPECT_EQ(u.sentences, expected);
}

TEST(SpeechPageText, NeverReadsAnAnswer) {
    // The patient typed a name and chose an option: neither is read, only the form's words.
    forms::Item name = text("name");
    const forms::Form formValue = form({page("p", {name, single("side", {opt("left"), opt("right")})})});
    auto shared = std::make_shared<const forms::Form>(formValue);
    session::Intake intake(shared, realCatalog(), {}, fixedClock());
    intake.apply(session::Start{"en"});
    intake.apply(session::SetAnswer{"name", forms::Answer{std::string("Zebulon Marker")}});
    intake.apply(session::SetAnswer{"side", forms::Answer{std::string("right")}});
    const session::ViewModel vm = intake.view();
    ASSERT_EQ(vm.screen, session::Screen::Page);
    const std::string all = speech::screenText(vm, *shared, realCatalog()).text();
    EXPECT_EQ(all.find("Zebulon"), std::string::npos) << all;
    EXPECT_NE(all.find("Question name."), std::string::npos) << all;
}

TEST(SpeechPageText, OnlyShownItemsAreRead) {
    forms::Item later = shownIf(yesNo("later"), cmp("first", forms::CondOp::Eq, true));
    later.label = txt("Hidden until yes", "Oculta");
    const forms::Form f = form({page("p", {yesNo("first"), later})});
    const std::string text = speech::freshPageText(f, 0, "en", realCatalog()).text();
    EXPECT_NE(text.find("Question first."), std::string::npos);
    EXPECT_EQ(text.find("Hidden until yes"), std::string::npos) << text;
}

TEST(SpeechPageText, SentencesEndInAPause) {
    EXPECT_EQ(speech::sentence("  Where does it hurt \n"), "Where does it hurt.");
    EXPECT_EQ(speech::sentence("Really?"), "Really?");
    EXPECT_EQ(speech::sentence("Say \"stop.\""), "Say \"stop.\"");
    EXPECT_EQ(speech::sentence(" "), "");
}

TEST(SpeechPageText, IdleWarningAndWelcomeAreRead) {
    const forms::Form f = painForm();
    session::ViewModel vm;
    vm.lang = "es";
    vm.idleWarning = true;
    vm.screen = session::Screen::Page;
    vm.page = 0;
    EXPECT_EQ(speech::screenText(vm, f, realCatalog()).sentences,
              (std::vector<std::string>{"¿Sigue ahí?", "Para conservar sus respuestas, toque Sigo aquí."}));
    vm.idleWarning = false;
    vm.screen = session::Screen::Welcome;
    vm.lang = "en";
    const auto welcome = speech::screenText(vm, f, realCatalog());
    ASSERT_FALSE(welcome.empty());
    EXPECT_EQ(welcome.sentences.front(), "Test form.");
}

// Done when a patient can hear every question and answer option of the bundled forms in English
// and Spanish: each shown item's spoken text and every option of it is in its page's text.
TEST(SpeechPageText, BundledFormsReadEveryQuestionAndOptionInBothLanguages) {
    for (const char* file : {"intake.yaml", "follow-up.yaml"}) {
        const forms::LoadResult r = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/" + file);
        ASSERT_TRUE(r.form) << file;
        const forms::Form& f = *r.form;
        for (const std::string& lang : f.languages) {
            for (size_t p = 0; p < f.pages.size(); ++p) {
                const forms::Page& page = f.pages[p];
                const std::string text = speech::pageText(f, page, all(page), lang, realCatalog()).text();
                EXPECT_NE(text.find(page.title.get(lang)), std::string::npos) << file << " " << lang << " " << page.id;
                size_t at = 0;
                for (const forms::Item& item : page.items) {
                    const auto say = item.say.byLang.find(lang);
                    const std::string& q = say != item.say.byLang.end() ? say->second : item.label.get(lang);
                    const size_t found = text.find(q, at);
                    EXPECT_NE(found, std::string::npos) << file << " " << lang << " item " << item.id;
                    if (found != std::string::npos) at = found;
                    for (const forms::Option& o : item.options)
                        EXPECT_NE(text.find(o.label.get(lang), at), std::string::npos)
                            << file << " " << lang << " option " << item.id << "." << o.value;
                    if (item.type == forms::ItemType::Scale && !item.minLabel.empty()) {
                        EXPECT_NE(text.find(item.maxLabel.get(lang), at), std::string::npos) << item.id;
                    }
                }
            }
        }
    }
}

TEST(SpeechPageText, ARepeatingNumberOrDateSaysHowToGiveSeveral) {
    forms::Item visits = number("v", 0, 20);
    visits.repeats = true;
    visits.maxAnswers = 4;
    forms::Item falls = date("d");
    falls.repeats = true;
    const forms::Form f = form({page("p", {visits, falls})});
    const auto u = speech::pageText(f, f.pages[0], all(f.pages[0]), "es", realCatalog());
    const std::vector<std::string> expected = {
        "Página p.",
        "Pregunta v.", "Indique uno y toque «Añadir otro» para el siguiente (hasta 4).",
        "Pregunta d.", "Elija el día, el mes y el año.", "Indique uno y toque «Añadir otro» para el siguiente (hasta 10).",
    };
    EXPECT_EQ(u.sentences, expected);
}

TEST(SpeechPageText, AListSaysWhatEachEntryAsks) {
    forms::Item meds = item("m", forms::ItemType::List);
    meds.fields = {text("name"), number("dose", 0, 10)};
    const forms::Form f = form({page("p", {meds})});
    const auto u = speech::pageText(f, f.pages[0], all(f.pages[0]), "en", realCatalog());
    const std::vector<std::string> expected = {"Page p.", "Question m.", "For each one, please give:", "Question name.",
                                               "Question dose."};
    EXPECT_EQ(u.sentences, expected);
}
