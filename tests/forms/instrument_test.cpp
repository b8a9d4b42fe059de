// The instrument format: LOINC codes, the instrument block and its verbatim fingerprint, page
// entries that include an instrument file (and the optional slot for a licensed one), rule scores
// over other scores, score comparisons in flags, and the change between two visits.
#include <gtest/gtest.h>

#include <fstream>

#include "forms/form_test_util.h"
#include "kiosk/forms/conditions.h"
#include "kiosk/forms/instrument.h"
#include "kiosk/forms/parse_context.h"
#include "kiosk/forms/score_change.h"
#include "kiosk/forms/scoring.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;
using kiosk::testing::TempDir;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A two-item instrument in en + es; `fingerprints` is the translations' fingerprint lines.
std::string instrument(const std::string& q1en, const std::string& fingerprints) {
    return "id: mini\n"
           "version: 1\n"
           "title: {en: Mini, es: Mini}\n"
           "languages: [en, es]\n"
           "instrument:\n"
           "  name: Mini-2\n"
           "  version: \"2001\"\n"
           "  license: {text: Free to use, url: \"https://example.org\"}\n"
           "  source: Example 2001\n"
           "  loinc: \"69724-3\"\n"
           "  translations:\n" +
           fingerprints +
           "pages:\n"
           "  - id: mini_page\n"
           "    title: {en: Mini, es: Mini}\n"
           "    items:\n"
           "      - id: mini_q\n"
           "        type: matrix\n"
           "        verbatim: true\n"
           "        loinc: \"44250-9\"\n"
           "        label: {en: \"" + q1en + "\", es: \"Pregunta\"}\n"
           "        rows:\n"
           "          - {id: a, label: {en: A, es: A}}\n"
           "          - {id: b, label: {en: B, es: B}}\n"
           "        options:\n"
           "          - {value: no, score: 0, label: {en: \"No\", es: \"No\"}}\n"
           "          - {value: yes, score: 1, label: {en: \"Yes\", es: \"Sí\"}}\n"
           "scores:\n"
           "  - id: mini_total\n"
           "    label: {en: Mini total, es: Mini total}\n"
           "    items: [mini_q]\n"
           "    missing: {min_answered: 2, rule: {en: \"No total when an item is missing\", es: \"Sin total\"}}\n"
           "    decimals: 0\n"
           "    change: {better: lower, mic: 1, source: Example 2001}\n"
           "    bands:\n"
           "      - {min: 0, max: 1, label: {en: Low, es: Bajo}}\n"
           "      - {min: 2, max: 2, label: {en: High, es: Alto}}\n"
           "flags:\n"
           "  - id: mini_high\n"
           "    severity: caution\n"
           "    label: {en: Mini high, es: Mini alto}\n"
           "    when: {score: mini_total, op: \">=\", value: 2}\n";
}

/// The instrument with the fingerprints its text has now.
std::string sealedInstrument(const std::string& q1en = "Question") {
    const std::string draft = instrument(q1en, "    en: {name: Original}\n    es: {name: Official Spanish}\n");
    // Without fingerprints the loader refuses the file; fill them from a form read the same way.
    LoadResult r = load(draft);
    std::string en, es;
    for (const auto& e : r.errors) {
        const auto at = e.message.find("fingerprint: \"");
        if (at == std::string::npos) continue;
        const std::string fp = e.message.substr(at + 14, e.message.find('"', at + 14) - at - 14);
        (e.message.find("'en'") != std::string::npos ? en : es) = fp;
    }
    return instrument(q1en, "    en: {name: Original, fingerprint: \"" + en + "\"}\n    es: {name: Official Spanish, fingerprint: \"" +
                                es + "\"}\n");
}

std::string formIncluding(const std::string& entry, const std::string& languages = "[en, es]") {
    return "id: host\nversion: 1\ntitle: {en: H, es: H}\nlanguages: " + languages +
           "\npages:\n"
           "  - id: first\n"
           "    title: {en: F, es: F}\n"
           "    items:\n"
           "      - id: back_pain\n"
           "        type: yes_no\n"
           "        label: {en: Back pain, es: Dolor de espalda}\n" +
           entry;
}

}  // namespace

TEST(Instrument, LoincCodesAreCheckedByTheirCheckDigit) {
    EXPECT_EQ(detail::loincCheckDigit("44250"), 9);
    EXPECT_EQ(detail::loincCheckDigit("69724"), 3);
    EXPECT_EQ(detail::loincCheckDigit("72514"), 3);
    EXPECT_EQ(detail::loincCheckDigit("55758"), 7);
    const std::string good = withItems(yesNo("q") + "        loinc: \"44250-9\"\n");
    EXPECT_TRUE(load(good).ok()) << dump(load(good));
    const std::string bad = withItems(yesNo("q") + "        loinc: \"44250-8\"\n");
    const auto r = load(bad);
    ASSERT_EQ(r.errors.size(), 1u);
    const Pos at = locate(bad, "\"44250-8\"");
    EXPECT_EQ(r.errors[0].where.line, at.line);
    EXPECT_EQ(r.errors[0].message, "LOINC code '44250-8' has a wrong check digit (it would be 44250-9); copy the code again from loinc.org");
}

TEST(Instrument, AVerbatimItemNeedsAnInstrumentBlock) {
    const auto r = load(withItems(yesNo("q") + "        verbatim: true\n"));
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("verbatim, but the file has no 'instrument' block"), std::string::npos);
}

TEST(Instrument, TheFingerprintKeepsTheVerbatimTextAsPublished) {
    const std::string ok = sealedInstrument();
    const auto r = load(ok);
    ASSERT_TRUE(r.ok()) << dump(r);
    ASSERT_TRUE(r.form->instrument);
    EXPECT_EQ(r.form->instrument->name, "Mini-2");
    EXPECT_EQ(r.form->instrument->loinc, "69724-3");
    EXPECT_EQ(r.form->instrument->translations.at("es").name, "Official Spanish");
    EXPECT_EQ(r.form->findItem("mini_q")->loinc, "44250-9");

    // An edited label: refused, at the translation it no longer matches.
    std::string edited = ok;
    edited.replace(edited.find("\"Question\""), 10, "\"Questions\"");
    auto e = load(edited);
    ASSERT_EQ(e.errors.size(), 1u) << dump(e);
    EXPECT_EQ(e.errors[0].where.line, locate(edited, "en: {name: Original").line);
    EXPECT_NE(e.errors[0].message.find("the 'en' text of the verbatim items of Mini-2 differs from the official translation"),
              std::string::npos);
    // An edited option score is an edit of the instrument too.
    std::string rescored = ok;
    rescored.replace(rescored.find("score: 1,"), 9, "score: 2,");
    EXPECT_FALSE(load(rescored).ok());
    // A Spanish edit is caught by the Spanish fingerprint only.
    std::string spanish = ok;
    spanish.replace(spanish.find("\"Pregunta\""), 10, "\"Preguntas\"");
    auto s = load(spanish);
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_NE(s.errors[0].message.find("'es' text"), std::string::npos);
}

TEST(Instrument, EveryLanguageIsADeclaredOfficialTranslation) {
    std::string noEs = sealedInstrument();
    noEs.erase(noEs.find("    es: {name: Official Spanish"), noEs.find("pages:") - noEs.find("    es: {name: Official Spanish"));
    const auto r = load(noEs);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].where.line, 4);  // the `es` in languages
    EXPECT_NE(r.errors[0].message.find("'es' is not a declared translation of Mini-2"), std::string::npos);
}

TEST(Instrument, AFormIncludesTheInstrumentPagesScoresAndFlags) {
    TempDir dir("instrument");
    std::filesystem::create_directories(dir / "instruments");
    write(dir / "instruments/mini.yaml", sealedInstrument());
    const std::string host = formIncluding(
        "  - include: instruments/mini.yaml\n"
        "    show_if: {item: back_pain, op: \"==\", value: true}\n");
    write(dir / "host.yaml", host);
    const auto r = loadForm(dir / "host.yaml");
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;
    ASSERT_EQ(f.pages.size(), 2u);
    EXPECT_EQ(f.pages[1].id, "mini_page");
    EXPECT_EQ(f.pages[1].instrument, "mini");
    ASSERT_TRUE(f.pages[1].showIf);
    ASSERT_EQ(f.instruments.size(), 1u);
    EXPECT_EQ(f.instruments[0].file, "instruments/mini.yaml");
    ASSERT_NE(f.findScore("mini_total"), nullptr);
    ASSERT_EQ(f.flags.size(), 1u);

    // Scored and flagged through the host form; hidden when the patient has no back pain.
    Answers a{{"back_pain", true}, {"mini_q", MatrixAnswer{{"a", "yes"}, {"b", "yes"}}}};
    const auto vis = computeVisibility(f, a);
    EXPECT_TRUE(vis.pageShown(1));
    EXPECT_EQ(computeScore(*f.findScore("mini_total"), f, a).value, 2.0);
    EXPECT_EQ(raisedFlags(f, a).size(), 1u);
    EXPECT_FALSE(computeVisibility(f, Answers{{"back_pain", false}}).pageShown(1));

    // The record's fingerprint covers the instrument's wording.
    write(dir / "instruments/mini.yaml", sealedInstrument("Other question"));
    const auto again = loadForm(dir / "host.yaml");
    ASSERT_TRUE(again.ok()) << dump(again);
    EXPECT_NE(again.form->contentHash, f.contentHash);
}

TEST(Instrument, TheSlotForALicensedInstrumentIsOptional) {
    TempDir dir("instrument");
    const std::string host = formIncluding("  - {include: instruments/odi.yaml, optional: true}\n");
    write(dir / "host.yaml", host);
    const auto r = loadForm(dir / "host.yaml");
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.form->pages.size(), 1u);
    EXPECT_EQ(r.form->missingOptional, std::vector<std::string>{"instruments/odi.yaml"});

    // The clinic drops its licensed file beside the forms: the pages appear.
    std::filesystem::create_directories(dir / "instruments");
    write(dir / "instruments/odi.yaml", sealedInstrument());
    const auto with = loadForm(dir / "host.yaml");
    ASSERT_TRUE(with.ok()) << dump(with);
    EXPECT_EQ(with.form->pages.size(), 2u);
    EXPECT_TRUE(with.form->missingOptional.empty());
}

TEST(Instrument, IncludeMistakesAreSaidWhereTheyAre) {
    TempDir dir("instrument");
    std::filesystem::create_directories(dir / "instruments");
    // A required file that is missing.
    write(dir / "a.yaml", formIncluding("  - include: instruments/nope.yaml\n"));
    auto r = loadForm(dir / "a.yaml");
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("there is no such file beside the form"), std::string::npos);
    // A path leaving the forms folder.
    write(dir / "b.yaml", formIncluding("  - include: ../etc/x.yaml\n"));
    r = loadForm(dir / "b.yaml");
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("without '..'"), std::string::npos);
    // A language the instrument has no official translation for.
    write(dir / "instruments/mini.yaml", sealedInstrument());
    std::string vi = formIncluding("  - include: instruments/mini.yaml\n", "[en, es, vi]");
    for (const char* from : {"{en: H, es: H}", "{en: F, es: F}", "{en: Back pain, es: Dolor de espalda}"}) {
        std::string to(from);
        to.insert(to.size() - 1, ", vi: V");
        vi.replace(vi.find(from), std::string(from).size(), to);
    }
    write(dir / "c.yaml", vi);
    r = loadForm(dir / "c.yaml");
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("has no 'vi' text (it has en, es)"), std::string::npos) << dump(r);
    // An error inside the instrument file is reported at its own file:line:col.
    std::string broken = sealedInstrument();
    broken.replace(broken.find("decimals: 0"), 11, "decimals: x");
    write(dir / "instruments/mini.yaml", broken);
    write(dir / "d.yaml", formIncluding("  - include: instruments/mini.yaml\n"));
    r = loadForm(dir / "d.yaml");
    ASSERT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_EQ(r.errors[0].where.file, dir / "instruments/mini.yaml");
    EXPECT_EQ(r.errors[0].where.line, locate(broken, "decimals: x").line);
    EXPECT_NE(r.errors[1].message.find("include 'instruments/mini.yaml' has errors"), std::string::npos);
    // An instrument file cannot include another.
    std::string nested = sealedInstrument();
    nested.insert(nested.find("scores:"), "  - include: instruments/other.yaml\n");
    write(dir / "instruments/mini.yaml", nested);
    r = loadForm(dir / "d.yaml");
    EXPECT_NE(dump(r).find("an instrument file cannot include another file"), std::string::npos) << dump(r);
}

// A STarT Back-like rule: total <= 3 low; else subscale <= 3 medium; else high. No group when a
// subscale has a missing item.
TEST(Instrument, RuleScoresReadOtherScores) {
    const std::string yaml = withItems(yesNo("a") + yesNo("b") + yesNo("c"),
                                       "scores:\n"
                                       "  - id: total\n    label: {en: T, es: T}\n    items: [a, b, c]\n"
                                       "    missing: {min_answered: 3}\n"
                                       "  - id: sub\n    label: {en: S, es: S}\n    items: [b, c]\n"
                                       "    missing: {min_answered: 2}\n"
                                       "  - id: risk\n    label: {en: R, es: R}\n    method: rule\n"
                                       "    rules:\n"
                                       "      - {when: {score: total, op: \"<=\", value: 1}, value: 0}\n"
                                       "      - {when: {score: sub, op: \"<=\", value: 1}, value: 1}\n"
                                       "    otherwise: 2\n"
                                       "    bands:\n"
                                       "      - {min: 0, max: 0, label: {en: low, es: bajo}}\n"
                                       "      - {min: 1, max: 1, label: {en: medium, es: medio}}\n"
                                       "      - {min: 2, max: 2, label: {en: high, es: alto}}\n");
    const auto r = load(yaml);
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;
    const Score& risk = *f.findScore("risk");
    const auto group = [&](Answers a) { return computeScore(risk, f, a); };
    EXPECT_EQ(group({{"a", true}, {"b", false}, {"c", false}}).band->label.get("en"), "low");
    EXPECT_EQ(group({{"a", true}, {"b", true}, {"c", false}}).band->label.get("en"), "medium");
    EXPECT_EQ(group({{"a", true}, {"b", true}, {"c", true}}).band->label.get("en"), "high");
    EXPECT_EQ(group({{"a", false}, {"b", true}, {"c", true}}).band->label.get("en"), "high");
    const auto missing = group({{"a", true}, {"b", true}});
    EXPECT_FALSE(missing.value);
    EXPECT_EQ(missing.answered, 0);
    EXPECT_EQ(missing.total, 2);
}

TEST(Instrument, ScoresInConditionsOnlyWhereStaffSeeThem) {
    const std::string inShowIf = withItems(yesNo("a") + yesNo("b") + "        show_if: {score: total, op: \">=\", value: 1}\n",
                                           "scores:\n  - id: total\n    label: {en: T, es: T}\n    items: [a]\n");
    const auto r = load(inShowIf);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("show_if cannot use scores"), std::string::npos);

    const std::string ruleOfRule = withItems(yesNo("a"),
                                             "scores:\n"
                                             "  - id: r1\n    label: {en: T, es: T}\n    method: rule\n"
                                             "    rules: [{when: {score: r2, op: \"==\", value: 1}, value: 1}]\n"
                                             "  - id: r2\n    label: {en: T, es: T}\n    method: rule\n"
                                             "    rules: [{when: {score: r1, op: \"==\", value: 1}, value: 1}]\n");
    const auto rr = load(ruleOfRule);
    ASSERT_EQ(rr.errors.size(), 2u) << dump(rr);
    EXPECT_NE(rr.errors[0].message.find("another rule score"), std::string::npos);
}

TEST(Instrument, AMinimalImportantChangeNeedsItsSource) {
    const auto r = load(withItems(yesNo("a"), "scores:\n  - id: t\n    label: {en: T, es: T}\n    items: [a]\n"
                                              "    change: {better: lower, mic: 2}\n"));
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("needs the source"), std::string::npos);
}

TEST(Instrument, ChangeSinceTheLastVisitAgainstTheMinimalImportantChange) {
    Score pain;
    pain.id = "pain_average";
    pain.label.byLang = {{"en", "Pain, average past week"}, {"es", "Dolor, promedio de la última semana"}};
    pain.decimals = 0;
    pain.change = ChangeRule{true, 2.0, "Farrar 2001"};
    auto c = scoreChange(pain, 7, 4);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->difference, -3);
    EXPECT_EQ(c->way, ScoreChange::Way::Better);
    EXPECT_EQ(c->important, true);
    EXPECT_EQ(describeChange(*c, "en"),
              "Pain, average past week: 7 \u2192 4: improved by 3, at least the 2-point minimal important change");
    EXPECT_EQ(describeChange(*c, "es"),
              "Dolor, promedio de la última semana: 7 \u2192 4: mejoró 3, al menos el cambio mínimo importante de 2 puntos");
    // Exactly the MIC counts; one point less does not; a rise is worse.
    EXPECT_EQ(scoreChange(pain, 6, 4)->important, true);
    EXPECT_EQ(scoreChange(pain, 5, 4)->important, false);
    EXPECT_EQ(describeChange(*scoreChange(pain, 5, 4), "en"),
              "Pain, average past week: 5 \u2192 4: improved by 1, less than the 2-point minimal important change");
    EXPECT_EQ(scoreChange(pain, 3, 6)->way, ScoreChange::Way::Worse);
    EXPECT_EQ(describeChange(*scoreChange(pain, 4, 4), "en"), "Pain, average past week: 4 \u2192 4: no change");
    EXPECT_FALSE(scoreChange(pain, std::nullopt, 4));
    // Without a published MIC the change is shown without a verdict.
    pain.change->mic.reset();
    EXPECT_EQ(describeChange(*scoreChange(pain, 7, 4), "en"),
              "Pain, average past week: 7 \u2192 4: improved by 3, no minimal important change is published");
}

// Spanish staff read "3,5" (the desk's numbers), not "3.5".
TEST(Instrument, ChangeInSpanishWritesDecimalCommas) {
    Score pain;
    pain.id = "pain_intensity";
    pain.label.byLang = {{"en", "Pain"}, {"es", "Dolor"}};
    pain.decimals = 1;
    pain.change = ChangeRule{true, 1.5, "a source"};
    EXPECT_EQ(describeChange(*scoreChange(pain, 6, 3.5), "es"),
              "Dolor: 6 \u2192 3,5: mejoró 2,5, al menos el cambio mínimo importante de 1,5 puntos");
    EXPECT_EQ(describeChange(*scoreChange(pain, 6, 3.5), "en"),
              "Pain: 6 \u2192 3.5: improved by 2.5, at least the 1.5-point minimal important change");
}

TEST(Instrument, AOnePageInstrumentCanJoinAPageOfTheForm) {
    TempDir dir("instrument");
    std::filesystem::create_directories(dir / "instruments");
    write(dir / "instruments/mini.yaml", sealedInstrument());
    // The instrument's items among the first page's, shown when @p when is yes, before 'after'.
    const auto hostWith = [](const std::string& when) {
        return formIncluding("      - include: instruments/mini.yaml\n"
                             "        show_if: {item: " + when + ", op: \"==\", value: true}\n"
                             "      - id: after\n"
                             "        type: yes_no\n"
                             "        label: {en: After, es: Después}\n");
    };
    write(dir / "host.yaml", hostWith("back_pain"));
    const auto r = loadForm(dir / "host.yaml");
    ASSERT_TRUE(r.ok()) << dump(r);
    const Form& f = *r.form;
    ASSERT_EQ(f.pages.size(), 1u);  // no screen added
    ASSERT_EQ(f.pages[0].items.size(), 3u);
    EXPECT_EQ(f.pages[0].items[1].id, "mini_q");
    EXPECT_EQ(f.pages[0].items[2].id, "after");
    ASSERT_TRUE(f.pages[0].items[1].showIf);
    EXPECT_FALSE(computeVisibility(f, Answers{{"back_pain", false}}).itemShown("mini_q"));
    EXPECT_TRUE(computeVisibility(f, Answers{{"back_pain", true}}).itemShown("mini_q"));
    EXPECT_NE(f.findScore("mini_total"), nullptr);

    // The include's show_if may only look back, as an item's does.
    write(dir / "forward.yaml", hostWith("after"));
    const auto bad = loadForm(dir / "forward.yaml");
    ASSERT_EQ(bad.errors.size(), 1u) << dump(bad);
    EXPECT_NE(bad.errors[0].message.find("comes later in the form"), std::string::npos) << dump(bad);
}
