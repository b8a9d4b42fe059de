// What a patient enters must make sense (issue 20): a required phone number accepted "12", an email
// "maria@", and a single accidental dot counted as a consent signature.
#include "kiosk/session/entry_rules.h"

#include <gtest/gtest.h>

#include "kiosk/session/intake.h"
#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

Item textOf(std::string id, TextKind kind) {
    Item i = text(std::move(id));
    i.textKind = kind;
    i.maxLength = 120;
    return i;
}

std::shared_ptr<const Form> contactForm() {
    return share(form({page("contact", {required(textOf("phone", TextKind::Phone)), textOf("email", TextKind::Email),
                                        required(signature("sig"))})}));
}

}  // namespace

TEST(EntryRules, PhoneNumbersCountDigitsOnly) {
    EXPECT_EQ(phoneDigits("(555) 010-4477"), 10);
    EXPECT_EQ(phoneDigits("+34 600 12 34 56"), 11);
    EXPECT_EQ(phoneDigits("12"), 2);
    const Item phone = textOf("phone", TextKind::Phone);
    EntryRules rules;
    EXPECT_EQ(checkEntry(phone, Answer{std::string("12")}, rules)->problem, Problem::PhoneDigits);
    EXPECT_EQ(checkEntry(phone, Answer{std::string("12")}, rules)->limits, (std::vector<double>{7, 15}));
    EXPECT_FALSE(checkEntry(phone, Answer{std::string("555-0188")}, rules));
    EXPECT_TRUE(checkEntry(phone, Answer{std::string("1234567890123456")}, rules)) << "16 digits: too many";
    rules.phoneMinDigits = 10;  // a clinic whose numbers all have 10 digits
    EXPECT_TRUE(checkEntry(phone, Answer{std::string("555-0188")}, rules));
    EXPECT_FALSE(checkEntry(phone, Answer{std::string("(555) 010-4477")}, rules));
}

TEST(EntryRules, EmailsMustHaveTheShapeOfAnAddress) {
    for (const char* good : {"maria@example.org", "a.b-c+d@mail.example.co.uk", "x@y.es"})
        EXPECT_TRUE(looksLikeEmail(good)) << good;
    for (const char* bad : {"maria@", "maria", "@example.org", "maria@example", "maria@example.", "ma ria@x.org",
                            "maria@@x.org", "maria@x..org", "maria@.org", "maria@x.o", "maria@x.c0m"})
        EXPECT_FALSE(looksLikeEmail(bad)) << bad;
    const Item email = textOf("email", TextKind::Email);
    EXPECT_EQ(checkEntry(email, Answer{std::string("maria@")}, {})->problem, Problem::EmailShape);
    EXPECT_FALSE(checkEntry(textOf("note", TextKind::Text), Answer{std::string("maria@")}, {}))
        << "only email fields";
}

TEST(EntryRules, ASignatureNeedsRealExtent) {
    const Item sig = signature("sig");
    auto check = [&](Signature s) { return checkEntry(sig, Answer{std::move(s)}, {}); };
    EXPECT_EQ(check(Signature{{{{0.5f, 0.5f}}}})->problem, Problem::SignatureTooSmall) << "a dot";
    EXPECT_TRUE(check(Signature{{{{0.5f, 0.5f}, {0.52f, 0.51f}}}})) << "a short slip of the finger";
    EXPECT_TRUE(check(Signature{{{{0.1f, 0.5f}, {0.9f, 0.5f}}}})) << "a flat line has no height";
    EXPECT_TRUE(check(Signature{{{{0.5f, 0.1f}, {0.5f, 0.9f}}}})) << "nor a tick any width";
    EXPECT_FALSE(check(aSignature()));
    EXPECT_FALSE(check(Signature{{{{0.10f, 0.50f}, {0.50f, 0.40f}, {0.90f, 0.55f}}}}));
    // Many tiny dots add up to no signature either.
    Signature dots;
    for (int i = 0; i < 20; ++i) dots.strokes.push_back({{0.1f + 0.04f * static_cast<float>(i), 0.5f}});
    EXPECT_TRUE(check(dots));
}

TEST(EntryRules, NextExplainsEachKindlyInThePatientsLanguage) {
    Intake intake{contactForm(), realCatalog(), IntakeConfig{}, fixedClock()};
    intake.apply(Start{"es"});
    intake.apply(SetAnswer{"phone", std::string("12")});
    intake.apply(SetAnswer{"email", std::string("maria@")});
    intake.apply(SetAnswer{"sig", Signature{{{{0.5f, 0.5f}}}}});
    intake.apply(Next{});
    ASSERT_EQ(intake.screen(), Screen::Page) << "refused";
    std::map<std::string, std::string> errors;
    for (const ItemView& iv : intake.view().items) errors[iv.item->id] = iv.error;
    EXPECT_EQ(errors["phone"], "Por favor, revise el número de teléfono: debe tener de 7 a 15 dígitos.");
    EXPECT_EQ(errors["email"], realCatalog().tr("es", "validation.email_shape"));
    EXPECT_EQ(errors["sig"], realCatalog().tr("es", "validation.signature_too_small"));
    intake.apply(SetLanguage{"en"});
    for (const ItemView& iv : intake.view().items) errors[iv.item->id] = iv.error;
    EXPECT_EQ(errors["phone"], "Please check the phone number: it should have 7 to 15 digits.");

    intake.apply(SetAnswer{"phone", std::string("(555) 010-4477")});
    intake.apply(ClearAnswer{"email"});  // optional: empty is fine
    intake.apply(SetAnswer{"sig", aSignature()});
    intake.apply(Next{});
    EXPECT_EQ(intake.screen(), Screen::Review);

    IntakeConfig clinic;
    clinic.entry.phoneMinDigits = 11;
    Intake strict{contactForm(), realCatalog(), clinic, fixedClock()};
    strict.apply(Start{"en"});
    strict.apply(SetAnswer{"phone", std::string("(555) 010-4477")});
    strict.apply(SetAnswer{"sig", aSignature()});
    strict.apply(Next{});
    ASSERT_EQ(strict.screen(), Screen::Page);
    EXPECT_EQ(strict.view().items[0].error, "Please check the phone number: it should have 11 to 15 digits.");
}
