// A good form loads with every field as written; the content hash identifies the exact bytes.
#include <gtest/gtest.h>

#include "form_test_util.h"
#include "kiosk/forms/content_hash.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;
using kiosk::testing::readFile;

namespace {
const std::string kGood = std::string(KIOSK_SOURCE_DIR) + "/tests/data/forms/good.yaml";
}  // namespace

TEST(FormsLoader, GoodFormTopLevel) {
    const LoadResult r = loadForm(kGood);
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;
    EXPECT_EQ(f.id, "test_intake");
    EXPECT_EQ(f.version, 3);
    EXPECT_EQ(f.title.get("en"), "Test intake");
    EXPECT_EQ(f.title.get("es"), "Admisión de prueba");
    EXPECT_EQ(f.description.get("es"), "Unas preguntas antes de su visita.");
    EXPECT_EQ(f.languages, (std::vector<std::string>{"en", "es"}));
    ASSERT_TRUE(f.license.has_value());
    EXPECT_EQ(f.license->text, "written for this clinic");
    EXPECT_EQ(f.license->attribution, "Test Clinic");
    EXPECT_EQ(f.license->url, "https://example.org/forms");
    EXPECT_EQ(f.sourcePath, kGood);
    ASSERT_EQ(f.pages.size(), 3u);
    EXPECT_EQ(f.pages[0].id, "about_you");
    EXPECT_EQ(f.pages[0].title.get("es"), "Sobre usted");
    EXPECT_EQ(f.pages[0].items.size(), 4u);
    EXPECT_EQ(f.pages[1].items.size(), 5u);
    EXPECT_EQ(f.pages[2].items.size(), 3u);
    EXPECT_EQ(f.pages[0].where.line, 14);  // "  - id: about_you": a map starts at its first key
    EXPECT_EQ(f.pages[0].where.col, 5);
}

TEST(FormsLoader, GoodFormItems) {
    const LoadResult r = loadForm(kGood);
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;

    const Item* welcome = f.findItem("welcome");
    ASSERT_NE(welcome, nullptr);
    EXPECT_EQ(welcome->type, ItemType::Info);
    EXPECT_FALSE(welcome->isQuestion());

    const Item* name = f.findItem("first_name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->type, ItemType::Text);
    EXPECT_TRUE(name->required);
    EXPECT_EQ(name->textKind, TextKind::Name);
    EXPECT_EQ(name->maxLength, 60);
    EXPECT_FALSE(name->showIf.has_value());

    const Item* birth = f.findItem("birth_date");
    ASSERT_NE(birth, nullptr);
    EXPECT_EQ(birth->type, ItemType::Date);
    EXPECT_TRUE(birth->pastOnly);
    EXPECT_FALSE(birth->required);

    const Item* weight = f.findItem("weight");
    ASSERT_NE(weight, nullptr);
    EXPECT_EQ(weight->type, ItemType::Number);
    EXPECT_EQ(weight->min, 20);
    EXPECT_EQ(weight->max, 300);
    EXPECT_EQ(weight->step, 0.5);
    EXPECT_EQ(weight->decimals, 1);
    EXPECT_EQ(weight->unit.get("es"), "kg");
    EXPECT_EQ(weight->help.get("es"), "Aproximado está bien");
    EXPECT_EQ(weight->where.line, 30);
    EXPECT_EQ(weight->where.col, 9);

    const Item* pain = f.findItem("pain_now");
    ASSERT_NE(pain, nullptr);
    EXPECT_EQ(pain->type, ItemType::Scale);
    EXPECT_EQ(pain->min, 0);  // scale defaults
    EXPECT_EQ(pain->max, 10);
    EXPECT_EQ(pain->minLabel.get("en"), "No pain");
    EXPECT_EQ(pain->maxLabel.get("es"), "El peor dolor");

    const Item* where = f.findItem("where");
    ASSERT_NE(where, nullptr);
    EXPECT_EQ(where->type, ItemType::BodyMap);
    EXPECT_EQ(where->detail, (std::vector<BodyDetail>{BodyDetail::Intensity, BodyDetail::Kind}));
    EXPECT_EQ(where->label.get("es"), "¿Dónde le duele?");
    ASSERT_TRUE(where->showIf.has_value());
    EXPECT_EQ(where->showIf->kind, Condition::Kind::Compare);
    EXPECT_EQ(where->showIf->item, "pain_now");
    EXPECT_EQ(where->showIf->op, CondOp::Ge);
    EXPECT_EQ(where->showIf->value, CondValue{1.0});

    const Item* sleep = f.findItem("sleep_quality");
    ASSERT_NE(sleep, nullptr);
    ASSERT_EQ(sleep->options.size(), 2u);
    EXPECT_EQ(sleep->options[1].value, "badly");
    EXPECT_EQ(sleep->options[1].label.get("es"), "Mal");
    EXPECT_EQ(sleep->options[1].score, 2.0);

    const Item* cond = f.findItem("conditions");
    ASSERT_NE(cond, nullptr);
    EXPECT_EQ(cond->type, ItemType::Multi);
    EXPECT_EQ(cond->minSelected, 1);
    EXPECT_EQ(cond->maxSelected, 2);
    ASSERT_EQ(cond->options.size(), 3u);
    EXPECT_FALSE(cond->options[0].exclusive);
    EXPECT_TRUE(cond->options[2].exclusive);
    EXPECT_FALSE(cond->options[2].score.has_value());
    ASSERT_TRUE(cond->showIf.has_value());
    EXPECT_EQ(cond->showIf->kind, Condition::Kind::Any);
    ASSERT_EQ(cond->showIf->children.size(), 2u);
    EXPECT_EQ(cond->showIf->children[0].value, CondValue{true});
    EXPECT_EQ(cond->showIf->children[1].kind, Condition::Kind::Not);
    ASSERT_EQ(cond->showIf->children[1].children.size(), 1u);
    EXPECT_EQ(cond->showIf->children[1].children[0].item, "sleep_quality");
    EXPECT_EQ(cond->showIf->children[1].children[0].value, CondValue{std::string("well")});

    const Item* feelings = f.findItem("feelings");
    ASSERT_NE(feelings, nullptr);
    EXPECT_EQ(feelings->type, ItemType::Matrix);
    ASSERT_EQ(feelings->rows.size(), 2u);
    EXPECT_EQ(feelings->rows[1].id, "worry");
    EXPECT_EQ(feelings->rows[1].label.get("es"), "Preocupado");
    EXPECT_EQ(feelings->options.size(), 2u);

    EXPECT_EQ(f.findItem("agree")->type, ItemType::Consent);
    EXPECT_TRUE(f.findItem("agree")->required);
    EXPECT_EQ(f.findItem("sign")->type, ItemType::Signature);
    EXPECT_EQ(f.findItem("smoker")->type, ItemType::YesNo);

    ASSERT_TRUE(f.pages[2].showIf.has_value());
    EXPECT_EQ(f.pages[2].showIf->op, CondOp::Answered);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(f.pages[2].showIf->value));
}

TEST(FormsLoader, GoodFormScoresAndFlags) {
    const LoadResult r = loadForm(kGood);
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;
    ASSERT_EQ(f.scores.size(), 2u);
    const Score& s = f.scores[0];
    EXPECT_EQ(s.id, "mood_score");
    EXPECT_EQ(s.label.get("es"), "Puntuación de ánimo");
    EXPECT_EQ(s.method, ScoreMethod::Sum);
    EXPECT_EQ(s.items, (std::vector<std::string>{"feelings", "sleep_quality"}));
    EXPECT_EQ(s.reverse, (std::vector<std::string>{"sleep_quality"}));
    EXPECT_EQ(s.minAnswered, 2);
    EXPECT_TRUE(s.prorate);
    EXPECT_EQ(s.decimals, 0);
    ASSERT_EQ(s.bands.size(), 2u);
    EXPECT_EQ(s.bands[1].min, 4);
    EXPECT_EQ(s.bands[1].max, 8);
    EXPECT_EQ(s.bands[1].label.get("es"), "Alto");
    EXPECT_EQ(f.scores[1].method, ScoreMethod::Count);
    EXPECT_EQ(f.scores[1].minAnswered, 1);  // default
    EXPECT_EQ(f.scores[1].decimals, 1);     // default

    ASSERT_EQ(f.flags.size(), 2u);
    const Flag& fl = f.flags[0];
    EXPECT_EQ(fl.id, "thinners_deep_tissue");
    EXPECT_EQ(fl.severity, Severity::Urgent);
    EXPECT_EQ(fl.explain.get("es"), "Sin masaje profundo");
    EXPECT_EQ(fl.when.kind, Condition::Kind::All);
    ASSERT_EQ(fl.when.children.size(), 2u);
    EXPECT_EQ(fl.when.children[0].op, CondOp::Includes);
    EXPECT_EQ(fl.when.children[1].value, CondValue{std::string("lower_back_l")});
    EXPECT_EQ(f.flags[1].severity, Severity::Caution);
    EXPECT_EQ(f.flags[1].when.item, "feelings.down");
}

TEST(FormsLoader, FileAndStringGiveTheSameForm) {
    const std::string bytes = readFile(kGood);
    const LoadResult a = loadForm(kGood);
    const LoadResult b = loadFormFromString(bytes, "somewhere/else.yaml");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a.form->contentHash, b.form->contentHash);
    EXPECT_EQ(b.form->sourcePath, "somewhere/else.yaml");
    EXPECT_EQ(a.form->allItems().size(), b.form->allItems().size());
}

TEST(FormsLoader, ContentHashIsSha256OfTheBytes) {
    // Known answers (FIPS 180-2 test vectors).
    EXPECT_EQ(contentHash(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(contentHash("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    const std::string bytes = readFile(kGood);
    const LoadResult r = loadFormFromString(bytes, "a.yaml");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.form->contentHash, contentHash(bytes));
    // Stable across loads, independent of the path.
    EXPECT_EQ(loadFormFromString(bytes, "b.yaml").form->contentHash, r.form->contentHash);
    // One byte more (a trailing comment) changes it, though the form means the same.
    const LoadResult changed = loadFormFromString(bytes + "#", "a.yaml");
    ASSERT_TRUE(changed.ok());
    EXPECT_NE(changed.form->contentHash, r.form->contentHash);
    // One byte changed inside a text changes it too.
    std::string edited = bytes;
    edited[edited.find("Test intake")] = 'B';
    const LoadResult changed2 = loadFormFromString(edited, "a.yaml");
    ASSERT_TRUE(changed2.ok());
    EXPECT_NE(changed2.form->contentHash, r.form->contentHash);
    EXPECT_EQ(changed2.form->title.get("en"), "Best intake");
}

TEST(FormsLoader, MissingFileIsAnErrorWithItsPath) {
    const LoadResult r = loadForm("/nonexistent/dir/intake.yaml");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.form, nullptr);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].code, kiosk::core::ErrorCode::NotFound);
    EXPECT_EQ(r.errors[0].where.file, "/nonexistent/dir/intake.yaml");
    EXPECT_NE(r.errors[0].message.find("No such file"), std::string::npos);
}

TEST(FormsLoader, DirectoryIsRefused) {
    const LoadResult r = loadForm(std::string(KIOSK_SOURCE_DIR) + "/tests");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message, "this is a directory, not a form file");
}

TEST(FormsLoader, SingleLanguageFormTakesPlainStrings) {
    const LoadResult r = load(
        "id: one\nversion: 1\ntitle: Intake\nlanguages: [en]\npages:\n"
        "  - id: p\n    title: Page\n    items:\n      - {id: a, type: yes_no, label: Smoke}\n");
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.form->title.byLang.at("en"), "Intake");
    EXPECT_EQ(r.form->findItem("a")->label.byLang.at("en"), "Smoke");
}

TEST(FormsLoader, AnchorsAndAliasesAreExpanded) {
    const LoadResult r = loadForm(std::string(KIOSK_SOURCE_DIR) + "/tests/fuzz/corpus/matrix.yaml");
    ASSERT_TRUE(r.ok()) << dump(r);
    const Item* c = r.form->findItem("c");
    ASSERT_NE(c, nullptr);
    ASSERT_EQ(c->options.size(), 2u);
    EXPECT_EQ(c->options[1].value, "often");
    EXPECT_EQ(c->options[1].score, 3.0);
}

TEST(FormsLoader, KeysMayComeInAnyOrder) {
    // Flags and scores before pages, languages last: references still resolve.
    const LoadResult r = load(
        "flags:\n  - {id: f, severity: caution, label: {en: F, es: F}, when: {item: a, op: answered}}\n"
        "pages:\n  - id: p\n    title: {en: P, es: P}\n    items:\n"
        "      - {id: a, type: yes_no, label: {en: A, es: A}}\n"
        "title: {en: T, es: T}\nversion: 1\nid: t\nlanguages: [en, es]\n");
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.form->flags[0].when.item, "a");
}
